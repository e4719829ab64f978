/** Character classes of representative characters (clreq punctuation tables). */
import {describe, expect, test} from 'vitest'
import {charClass, isCjkLetter, isCjkPunctuation, isHan, isWhiteSpace, type CharClass} from '../../../src/text/char-class.js'

const cp = (char: string): number => char.codePointAt(0)!
/** Table row with the code point spelled in hex first, for readable test names. */
const hex = ([codePoint, expected]: (number | boolean)[]): [string, number, boolean] => [(codePoint as number).toString(16).toUpperCase().padStart(4, '0'), codePoint as number, expected as boolean]

describe('charClass', () => {
  test.each([
    // Han and friends, all 1 em on the grid
    ['中', 'han'],
    ['𤩪', 'han'], // U+24A6A, CJK Ext-B (a surrogate pair in UTF-16)
    ['𠀀', 'han'], // U+20000, first of Ext-B
    ['㐀', 'han'], // U+3400, Ext-A
    ['〇', 'han'],
    ['々', 'han'],
    ['あ', 'han'],
    ['カ', 'han'],
    ['한', 'han'],
    ['Ａ', 'han'], // full-width Latin
    ['０', 'han'], // full-width digit
    ['／', 'han'], // full-width solidus sits on the grid
    ['㎡', 'han'],
    // 点号
    ['。', 'stop'],
    ['．', 'stop'],
    ['？', 'stop'],
    ['！', 'stop'],
    ['‼', 'stop'],
    ['⁇', 'stop'],
    ['，', 'pause'],
    ['、', 'pause'],
    ['：', 'pause'],
    ['；', 'pause'],
    // 标号
    ...[...'“‘「『（《〈【〖〔［｛'].map((char) => [char, 'open']),
    ...[...'”’」』）》〉】〗〕］｝'].map((char) => [char, 'close']),
    ['—', 'dash'],
    ['―', 'dash'],
    ['⸺', 'dash'],
    ['…', 'ellipsis'],
    ['⋯', 'ellipsis'],
    ['·', 'middot'],
    ['・', 'middot'],
    ['‧', 'middot'],
    ['～', 'connector'],
    ['〜', 'connector'],
    ['–', 'connector'],
    // Western text
    ['a', 'latin'],
    ['Z', 'latin'],
    ['7', 'latin'],
    ['é', 'latin'],
    [',', 'latin'],
    ['/', 'latin'],
    ['-', 'latin'],
    ['€', 'latin'],
    ['℃', 'latin'],
    ['\u00A0', 'latin'], // NBSP is not white space: it joins words
    // white space
    [' ', 'space'],
    ['\t', 'space'],
    ['\n', 'space'],
    ['\u3000', 'space'],
    ['\u2009', 'space'],
    // symbols and emoji
    ['😀', 'other'],
    ['★', 'other'],
    ['→', 'other'],
    ['\u200B', 'other']
  ] as [string, CharClass][])('%s is %s', (char, expected) => {
    expect(charClass(char)).toBe(expected)
  })
})

describe('isHan', () => {
  test.each([
    [0x4e00, true],
    [0x9fff, true],
    [0x3400, true],
    [0x4dbf, true],
    [0x4dc0, false], // Yijing hexagram symbols follow Ext-A
    [0x20000, true],
    [cp('𤩪'), true],
    [0x2a6df, true],
    [0x323af, true],
    [0x323b0, false],
    [0xf900, true],
    [0x3007, true],
    [0x3005, true],
    [0x3002, false], // 。
    [0x41, false]
  ].map(hex))('U+%s (%i) → %s', (_hex, codePoint, expected) => {
    expect(isHan(codePoint)).toBe(expected)
  })
})

describe('isWhiteSpace', () => {
  test.each([
    [0x20, true],
    [0x09, true],
    [0x0a, true],
    [0x3000, true],
    [0x2002, true],
    [0x200a, true],
    [0xa0, false], // NBSP joins
    [0x2007, false], // figure space joins digits
    [0x200b, false], // ZWSP is handled by segment()
    [0x4e2d, false]
  ].map(hex))('U+%s (%i) → %s', (_hex, codePoint, expected) => {
    expect(isWhiteSpace(codePoint)).toBe(expected)
  })
})

describe('isCjkPunctuation / isCjkLetter', () => {
  test.each([
    ['open', true, false],
    ['close', true, false],
    ['pause', true, false],
    ['stop', true, false],
    ['middot', true, false],
    ['dash', false, false],
    ['ellipsis', false, false],
    ['connector', false, false],
    ['han', false, true],
    ['latin', false, false],
    ['space', false, false],
    ['other', false, false]
  ] as [CharClass, boolean, boolean][])('%s: compressible punctuation %s, CJK letter %s', (cls, punctuation, letter) => {
    expect(isCjkPunctuation(cls)).toBe(punctuation)
    expect(isCjkLetter(cls)).toBe(letter)
  })
})
