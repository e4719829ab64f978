/**
 * Property test of the whole line engine (junctions → Knuth–Plass →
 * justification) on random paragraphs at a 14-em measure: it never throws,
 * never overflows, never breaks where kinsoku forbids (unless the line says
 * `emergency`), and never loses, duplicates or reorders a character.
 */
import {describe, expect, test} from 'vitest'
import fc from 'fast-check'
import {atomWidth} from '../../../src/linebreak/junctions.js'
import {canBreakBetween, type KinsokuLevel} from '../../../src/text/kinsoku.js'
import type {PunctuationStyle} from '../../../src/text/punctuation.js'
import type {Line} from '../../../src/paragraph/typeset-paragraph.js'
import {EPS, MEASURE, ink, isDrawnHyphen, setText} from './builders.js'

const HAN = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车', '𤩪', '〇']
/** Single marks, adjacent pairs, and the unbreakable two-em marks. */
const PUNCTUATION = [...'。，、：；！？”’」』）》〉】“‘「『（《〈【～·／．'].concat(['——', '……', '。”', '，“', '）（', '」「', '”，', '、《', '？！', '》，', '”。', '“「'])
/** Emoji with variation selectors, modifiers and flags (ZWJ sequences: see known-bugs.test.ts). */
const EMOJI = ['😀', '👍🏽', '❤️', '🇨🇳', '☺︎']

const token = fc.oneof(
  {weight: 50, arbitrary: fc.constantFrom(...HAN)},
  {weight: 16, arbitrary: fc.constantFrom(...PUNCTUATION)},
  {weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z]{1,12}$/)},
  {weight: 4, arbitrary: fc.stringMatching(/^[0-9]{1,6}$/)},
  {weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,4}$/).map((digits) => `${digits}年`)},
  {weight: 6, arbitrary: fc.constantFrom(' ', '  ')},
  {weight: 3, arbitrary: fc.constantFrom(...EMOJI)},
  {weight: 1, arbitrary: fc.stringMatching(/^[a-z]{30,70}$/)},
  {weight: 1, arbitrary: fc.constantFrom('https://example.com/a/b?x=1&y=2#top', 'www.gov.cn/zhengce/content/2019-01/01/content_5000000.htm')}
)
const paragraph = fc.array(token, {minLength: 1, maxLength: 160}).map((tokens) => tokens.join(''))
const level = fc.constantFrom<KinsokuLevel>('basic', 'GB', 'strict', 'newspaper')
const style = fc.constantFrom<PunctuationStyle>('quanjiao', 'kaiming', 'banjiao', 'centred')

/**
 * Is the break after `line` one kinsoku (or word integrity) forbids? URL piece
 * boundaries follow Western rules; hyphenation points are allowed breaks.
 */
function isProhibitedBreak(line: Line, next: Line, kinsoku: KinsokuLevel): boolean {
  const hyphenated = isDrawnHyphen(line, line.placed.length - 1)
  const a = line.placed[line.placed.length - (hyphenated ? 2 : 1)]!.atom
  const b = next.placed[0]!.atom
  if (hyphenated) return a.glueNext !== 'hyphen'
  if (a.glueNext === 'url') return false
  if (a.glueNext === 'emergency') return true // inside a Latin word
  return !canBreakBetween(a.lastChar, b.firstChar, kinsoku)
}

describe('line engine properties', () => {
  test('random paragraphs: no throw, no overflow, kinsoku kept unless emergency, every character once in order', () => {
    fc.assert(
      fc.property(paragraph, level, style, (text, kinsoku, punctuation) => {
        const lines = setText(text, {kinsoku, punctuation})
        expect(lines.length > 0).toBe(ink(text) !== '')
        lines.forEach((line, i) => {
          expect(line.placed.length).toBeGreaterThan(0)
          // No overflow: the line and each atom's ink stay inside the measure.
          expect(line.xPt + line.widthPt).toBeLessThanOrEqual(MEASURE + EPS)
          for (const {atom, xPt} of line.placed) {
            expect(xPt).toBeGreaterThanOrEqual(-EPS)
            expect(line.xPt + xPt + atomWidth(atom)).toBeLessThanOrEqual(MEASURE + EPS)
          }
          // Only the last line is final.
          expect(line.kind === 'final').toBe(i === lines.length - 1)
          const next = lines[i + 1]
          if (next && isProhibitedBreak(line, next, kinsoku)) expect(line.kind, `break after line ${i + 1} of ${JSON.stringify(text)}`).toBe('emergency')
        })
        // Every non-space character exactly once, in order (hyphens drawn at breaks are not source text).
        const output = lines.flatMap((line) => line.placed.filter((_, index) => !isDrawnHyphen(line, index)).map(({atom}) => atom.text)).join('')
        expect(ink(output)).toBe(ink(text))
      }),
      {seed: 42, numRuns: 1000}
    )
  })

  test('random measures and indents (incl. hanging indents): no overflow, kinsoku kept unless emergency, no text lost', () => {
    fc.assert(
      fc.property(paragraph, level, fc.integer({min: 6, max: 30}), fc.integer({min: 0, max: 4}), fc.integer({min: 0, max: 4}), (text, kinsoku, measureEm, firstEm, restEm) => {
        const measurePt = measureEm * 10
        const lines = setText(text, {kinsoku, measurePt, firstIndentPt: firstEm * 10, restIndentPt: restEm * 10})
        lines.forEach((line, i) => {
          expect(line.xPt).toBe(i === 0 ? firstEm * 10 : restEm * 10)
          expect(line.xPt + line.widthPt).toBeLessThanOrEqual(measurePt + EPS)
          const next = lines[i + 1]
          if (next && isProhibitedBreak(line, next, kinsoku)) expect(line.kind).toBe('emergency')
        })
        const output = lines.flatMap((line) => line.placed.filter((_, index) => !isDrawnHyphen(line, index)).map(({atom}) => atom.text)).join('')
        expect(ink(output)).toBe(ink(text))
      }),
      {seed: 42, numRuns: 500}
    )
  })

  test('the same input always gives the same lines (deterministic)', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        const a = setText(text).map((line) => [line.placed.length, line.widthPt, line.ratio, line.kind])
        const b = setText(text).map((line) => [line.placed.length, line.widthPt, line.ratio, line.kind])
        expect(a).toEqual(b)
      }),
      {seed: 7, numRuns: 100}
    )
  })

  test('non-final lines of Han and punctuation only always end exactly at the measure', () => {
    const cjkToken = fc.oneof({weight: 5, arbitrary: fc.constantFrom(...HAN)}, {weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION)})
    fc.assert(
      fc.property(fc.array(cjkToken, {minLength: 1, maxLength: 160}).map((tokens) => tokens.join('')), level, (text, kinsoku) => {
        const lines = setText(text, {kinsoku})
        for (const line of lines.slice(0, -1)) {
          if (line.placed.length < 2) continue // a single unbreakable mark cannot be spread
          expect(Math.abs(line.xPt + line.widthPt - MEASURE), `${JSON.stringify(text)}`).toBeLessThan(EPS)
        }
      }),
      {seed: 42, numRuns: 500}
    )
  })
})

describe('the tolerance pass', () => {
  test('breaks every random paragraph exactly as one full search does, at any looseness and measure', () => {
    const measure = fc.constantFrom(6, 9, 13, 14, 20)
    const looseness = fc.constantFrom<-1 | 0 | 1>(-1, 0, 1)
    fc.assert(
      fc.property(paragraph, level, measure, looseness, (text, kinsoku, em, loose) => {
        const options = {kinsoku, measurePt: em * 10, looseness: loose}
        const fast = setText(text, options).map((line) => [line.placed.length, line.kind, line.ratio])
        const full = setText(text, {...options, tolerance: Infinity}).map((line) => [line.placed.length, line.kind, line.ratio])
        expect(fast).toEqual(full)
      }),
      {numRuns: 400, seed: 20261129}
    )
  })
})
