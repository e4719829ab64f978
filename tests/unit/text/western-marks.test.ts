/**
 * Marks of Western text: which ‘ ’ “ ” join a Latin word (set proportional)
 * and which stay Chinese punctuation (full-width); the en dash of a range.
 */
import {describe, expect, test} from 'vitest'
import {westernMarks} from '../../../src/text/western-marks.js'
import {segment} from '../../../src/text/segment.js'
import {openFontBook} from '../../../src/shape/font-book.js'
import {shapeText} from '../../../src/shape/shape-text.js'

/** The text with each Western mark bracketed: `don[’]t`. */
function marked(text: string): string {
  const western = westernMarks(text) ?? new Set<number>()
  let out = ''
  for (let index = 0; index < text.length; index++) out += western.has(index) ? `[${text[index]}]` : text[index]
  return out
}

describe('westernMarks', () => {
  test.each([
    // Apostrophes inside words: Western, whatever is around.
    ['don’t', 'don[’]t'],
    ['他的Peter’s书', '他的Peter[’]s书'],
    ['rock’n’roll', 'rock[’]n[’]roll'],
    // An English sentence keeps its own quotes, nested ones too.
    ['She said, “It’s ‘fine’ now.” 然后', 'She said, [“]It[’]s [‘]fine[’] now.[”] 然后'],
    ['He said, “‘No,’ she said.”', 'He said, [“][‘]No,[’] she said.[”]'],
    ['英文原句是 “Rock ’n’ roll” 的意思', '英文原句是 [“]Rock [’]n[’] roll[”] 的意思'],
    // A paragraph that opens with an English quotation: the pair decides the mark at the edge.
    ['“Hello,” she said.', '[“]Hello,[”] she said.'],
    // Quotes in a Chinese sentence stay Chinese, whatever they hold (GB/T 15834 引号).
    ['他说：“好。”', '他说：“好。”'],
    ['各县要“use data to serve farmers”。', '各县要“use data to serve farmers”。'],
    ['三是“1+4+1”机制', '三是“1+4+1”机制'],
    ['写道：“Peter’s book is here.”这句话', '写道：“Peter[’]s book is here.”这句话'],
    // A pair whose one mark touches Chinese is Chinese on both sides: never one wide mark and one narrow.
    ['是 “Rock”的', '是 “Rock”的'],
    // A styled run alone (`**“OK”**`): both marks at the edges, nothing Western inside the run to decide: Chinese.
    ['“OK”', '“OK”'],
    ['‘OK’', '‘OK’'],
    // Marks between spaces, or alone.
    ['a “ b', 'a “ b'],
    ['”', '”'],
    // The en dash of a range joins its Western text; between Chinese words it is the 连接号.
    ['Plan (2022–2025), which', 'Plan (2022[–]2025), which'],
    ['2022–2025年', '2022[–]2025年'],
    ['北京–上海', '北京–上海'],
    ['a – b', 'a – b']
  ])('%s', (text, expected) => {
    expect(marked(text)).toBe(expected)
  })

  test('text without such marks: nothing to look at', () => {
    expect(westernMarks('兴国县 2023 年')).toBeUndefined()
  })
})

describe('segment and shaping', () => {
  test('a Western mark joins its word; a Chinese one stays a unit of its own', () => {
    expect(segment('说“It’s”。').map((unit) => `${unit.kind}:${unit.text}`)).toEqual(['cjk:说', 'cjk:“', 'word:It’s', 'cjk:”', 'cjk:。'])
    expect(segment('said “It’s fine.”').map((unit) => `${unit.kind}:${unit.text}`)).toEqual(['word:said', 'space: ', 'word:“It’s', 'space: ', 'word:fine.”'])
    expect(segment('(2022–2025)年').map((unit) => `${unit.kind}:${unit.text}`)).toEqual(['word:(2022–2025)', 'cjk:年'])
  })

  test('a Western word’s marks are set proportional (the font’s pwid forms), a Chinese mark full-width', () => {
    const book = openFontBook()
    const size = 10
    for (const font of ['song', 'hei']) {
      const [word] = shapeText('Peter’s', {font, sizePt: size}, book)
      const apostrophe = word!.glyphs[5]!
      expect(apostrophe.text).toBe('’')
      expect(apostrophe.advancePt).toBeGreaterThan(0.15 * size)
      expect(apostrophe.advancePt).toBeLessThan(0.4 * size)
      expect(word!.first).toBe('latin')
      const quoted = shapeText('said “Hi.”', {font, sizePt: size}, book)
      const opening = quoted.find((atom) => atom.text === '“Hi.”')!
      expect(opening.first).toBe('latin')
      expect(opening.last).toBe('latin')
      expect(opening.glyphs[0]!.advancePt).toBeLessThan(0.6 * size)
      // In a Chinese sentence the same mark is a full-width CJK atom with its blank half.
      const chinese = shapeText('说“好”', {font, sizePt: size}, book).find((atom) => atom.text === '“')!
      expect(chinese.first).toBe('open')
      expect(chinese.advancePt).toBeCloseTo(size, 5)
      expect(chinese.blankBeforePt).toBeGreaterThan(0)
    }
  })
})
