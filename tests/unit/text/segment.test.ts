/** Segmentation into layout units, and URL detection/splitting. */
import {describe, expect, test} from 'vitest'
import fc from 'fast-check'
import {isUrlLike, segment, splitAtHyphens, splitUrl} from '../../../src/text/segment.js'

/** `kind:text` per unit, a compact readable form to compare. */
const units = (text: string): string[] => segment(text).map((unit) => `${unit.kind}:${unit.text}`)

describe('segment', () => {
  test.each([
    ['中文', ['cjk:中', 'cjk:文']],
    ['𤩪字', ['cjk:𤩪', 'cjk:字']], // Ext-B stays one unit (two UTF-16 code units)
    ['Hello世界', ['word:Hello', 'cjk:世', 'cjk:界']],
    ['Node.js 20', ['word:Node.js', 'space: ', 'word:20']],
    ['2022年', ['word:2022', 'cjk:年']],
    ['iPhone15发布', ['word:iPhone15', 'cjk:发', 'cjk:布']],
    ['a   b', ['word:a', 'space: ', 'word:b']], // a run of spaces collapses
    ['a \t\n b', ['word:a', 'space: ', 'word:b']],
    ['a\u3000b', ['word:a', 'space:\u3000', 'word:b']], // ideographic space kept (1 em)
    ['a \u3000 b', ['word:a', 'space:\u3000', 'word:b']], // … and wins over plain spaces
    ['a\u00A0b', ['word:a\u00A0b']], // NBSP joins words
    ['10\u00A0km', ['word:10\u00A0km']],
    ['中\u200B文', ['cjk:中', 'space:', 'cjk:文']], // ZWSP: an empty break opportunity
    ['ab\u200Bcd', ['word:ab', 'space:', 'word:cd']],
    ['中\u2028文', ['cjk:中', 'space:\u2028', 'cjk:文']], // a forced line break (LINE_BREAK): a unit of its own
    ['a \u2028 b', ['word:a', 'space: ', 'space:\u2028', 'space: ', 'word:b']], // … not collapsed with the spaces around it
    ['co\u00ADop', ['word:coop']], // soft hyphen dropped
    ['——', ['cjk:—', 'cjk:—']],
    ['……', ['cjk:…', 'cjk:…']],
    ['“中”', ['cjk:“', 'cjk:中', 'cjk:”']],
    ['e\u0301t\u00E9', ['word:e\u0301t\u00E9']], // combining marks stay in their cluster
    ['a\u0007b', ['word:ab']], // control characters dropped
    ['中\u200E文', ['cjk:中', 'cjk:文']], // bidi marks dropped
    ['中\uFEFF文', ['cjk:中', 'cjk:文']],
    // Each end of every range of invisible characters is dropped, and the characters just outside are not.
    ['a\u0000\u0008b', ['word:ab']],
    ['a\u000B\u001Fb', ['word:ab']],
    ['中\u007F\u009F文', ['cjk:中', 'cjk:文']],
    ['中\u180E文', ['cjk:中', 'cjk:文']],
    ['中\u200C\u200F文', ['cjk:中', 'cjk:文']],
    ['中\u202A\u202E文', ['cjk:中', 'cjk:文']],
    ['中\u2061\u2064文', ['cjk:中', 'cjk:文']],
    ['中\u2065文', ['cjk:中', 'cjk:\u2065', 'cjk:文']],
    ['中\u00A0\u00AE文', ['cjk:中', 'word:\u00A0\u00AE', 'cjk:文']],
    ['a\r\nb', ['word:a', 'space: ', 'word:b']],
    ['', []],
    ['   ', ['space: ']]
  ])('%j → %j', (text, expected) => {
    expect(units(text)).toEqual(expected)
  })

  test.each([
    ['❤️', 'other'], // U+2764 + VS16
    ['👍🏽', 'other'], // skin-tone modifier
    ['🇨🇳', 'other'], // regional-indicator pair
    ['😀', 'other'],
    ['👩‍💻', 'other'], // ZWJ sequence
    ['👨‍👩‍👧', 'other']
  ])('emoji %s is one unit of class %s', (emoji, cls) => {
    const result = segment(`中${emoji}文`)
    expect(result).toHaveLength(3)
    expect(result[1]!.kind).toBe('cjk')
    expect(result[1]!.cls).toBe(cls)
  })

  test.each(['❤️', '👍🏽', '🇨🇳', '☺︎', '👩‍💻', '👨‍👩‍👧', '🏳️‍🌈'])('emoji %s keeps its variation selectors, modifiers and joiners', (emoji) => {
    expect(segment(emoji).map((unit) => unit.text).join('')).toBe(emoji)
  })

  test('classes follow the first character of each unit', () => {
    expect(segment('“Hi”，中。').map((unit) => unit.cls)).toEqual(['open', 'latin', 'close', 'pause', 'han', 'stop'])
  })

  test('property: the units spell the input with white space runs collapsed', () => {
    const piece = fc.constantFrom('中', '𤩪', '。', '“', '”', '——', 'abc', 'Node.js', '2022', ' ', '  ', '\u3000', '😀', '❤️', '👍🏽', '\u00A0')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        const spelled = segment(text)
          .map((unit) => unit.text)
          .join('')
        expect(spelled).toBe(text.replace(/[ \u3000]+/gu, (run) => (run.includes('\u3000') ? '\u3000' : ' ')))
        // Every unit is non-empty except a ZWSP break; no two space units touch.
        const result = segment(text)
        result.forEach((unit, i) => {
          expect(unit.text.length).toBeGreaterThan(0)
          if (unit.kind === 'space') expect(result[i + 1]?.kind).not.toBe('space')
        })
      }),
      {seed: 42, numRuns: 300}
    )
  })
})

describe('isUrlLike', () => {
  test.each([
    ['https://x.cn', true],
    ['http://www.gov.cn/zhengce/', true],
    ['HTTPS://X.CN', true],
    ['ftp://files.example.org/a.txt', true],
    ['www.gov.cn', true],
    ['someone@example.com', true],
    ['Node.js', false],
    ['IPv6', false],
    ['e.g.', false],
    ['a@b', false],
    ['www', false],
    ['httpx://x.cn', false],
    ['2022', false]
  ])('%s → %s', (word, expected) => {
    expect(isUrlLike(word)).toBe(expected)
  })
})

describe('splitAtHyphens', () => {
  test.each([
    ['Arena-Hard', ['Arena-', 'Hard']],
    ['GPQA-Diamond', ['GPQA-', 'Diamond']],
    ['Qwen2.5-Max', ['Qwen2.5-', 'Max']],
    ['state-of-the-art', ['state-', 'of-', 'the-', 'art']],
    ['Multi-head', ['Multi-', 'head']],
    // numbers stay whole: a hyphen before a digit is not a break
    ['0791-88888888', ['0791-88888888']],
    ['2024-01-01', ['2024-01-01']],
    ['COVID-19', ['COVID-19']],
    ['GPT-4o', ['GPT-4o']],
    // fewer than two characters on a side: no break
    ['e-mail', ['e-mail']],
    ['X-ray', ['X-ray']],
    ['ab-c', ['ab-c']],
    ['plain', ['plain']],
    ['-ab-cd', ['-ab-', 'cd']]
  ])('%s → %j', (word, expected) => {
    expect(splitAtHyphens(word)).toEqual(expected)
  })
})

describe('splitUrl', () => {
  test.each([
    ['www.gov.cn/zhengce/content_1.htm', ['www.', 'gov.', 'cn/', 'zhengce/', 'content_', '1.', 'htm']],
    ['example.com/a?x=1&y=2#top', ['example.', 'com/', 'a?', 'x=', '1&', 'y=', '2#', 'top']],
    ['a-b', ['a-', 'b']],
    ['abc', ['abc']],
    ['/', ['/']]
  ])('%s → %j', (url, expected) => {
    expect(splitUrl(url)).toEqual(expected)
  })

  test('property: pieces join back to the URL and each non-final piece ends at a break character', () => {
    fc.assert(
      fc.property(fc.webUrl({withQueryParameters: true, withFragments: true}), (url) => {
        const pieces = splitUrl(url)
        expect(pieces.join('')).toBe(url)
        for (const piece of pieces.slice(0, -1)) expect('/.-?&=#_').toContain(piece.slice(-1))
        for (const piece of pieces) expect(piece.length).toBeGreaterThan(0)
      }),
      {seed: 42, numRuns: 300}
    )
  })

  test('a 400-character URL splits into many short pieces', () => {
    const url = 'https://example.com/' + 'abcdefghij/'.repeat(35)
    const pieces = splitUrl(url)
    expect(url.length).toBeGreaterThan(400)
    expect(pieces.length).toBeGreaterThan(35)
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(11)
  })
})
