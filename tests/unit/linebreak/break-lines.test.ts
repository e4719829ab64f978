/**
 * Knuth–Plass line breaking (and the greedy fallback) on fake 1-em atoms at a
 * 14-em measure with a 2-em first indent: 12 characters on the first line,
 * 14 on the others.
 */
import {describe, expect, test} from 'vitest'
import {breakLines, type BreakOptions, type Breakpoint} from '../../../src/linebreak/break-lines.js'
import {buildJunctions} from '../../../src/linebreak/junctions.js'
import {absorbSpaces} from '../../../src/paragraph/typeset-paragraph.js'
import type {Atom} from '../../../src/text/atom.js'
import {canBreakBetween} from '../../../src/text/kinsoku.js'
import {INDENT, MEASURE, SIZE, junctionOptions, shapedAtoms} from './builders.js'

const HAN = '兴国是全国著名的将军县是苏区精神和苏区干部好作风的重要发祥地兴国县位于江西省中南部地处赣州市北部东邻宁都西接万安南连于都北毗吉安'
const han = (count: number): string => [...HAN].slice(0, count).join('')

function options(overrides: Partial<BreakOptions> = {}): BreakOptions {
  return {measurePt: MEASURE, firstIndentPt: INDENT, restIndentPt: 0, emPt: SIZE, ...overrides}
}

function breakAtoms(atoms: Atom[], overrides: Partial<BreakOptions> = {}, kinsoku: 'basic' | 'GB' | 'strict' | 'newspaper' = 'GB') {
  const junctions = buildJunctions(atoms, junctionOptions({kinsoku}))
  return {atoms, junctions, breaks: breakLines(atoms, junctions, options(overrides))}
}

function breakText(text: string, overrides: Partial<BreakOptions> = {}, kinsoku: 'basic' | 'GB' | 'strict' | 'newspaper' = 'GB') {
  return breakAtoms(absorbSpaces(shapedAtoms(text)), overrides, kinsoku)
}

/** Number of atoms on each line. */
const counts = (breaks: Breakpoint[]): number[] => breaks.map((b) => b.end - b.start + 1)

function expectContiguous(breaks: Breakpoint[], atomCount: number): void {
  expect(breaks[0]!.start).toBe(0)
  expect(breaks[breaks.length - 1]!.end).toBe(atomCount - 1)
  breaks.forEach((b, i) => {
    expect(b.end).toBeGreaterThanOrEqual(b.start)
    if (i > 0) expect(b.start).toBe(breaks[i - 1]!.end + 1)
    expect(b.kind === 'final').toBe(i === breaks.length - 1)
  })
}

describe('breakLines', () => {
  test('no atoms, no lines', () => {
    expect(breakLines([], [], options())).toEqual([])
  })

  test('one atom is one final line', () => {
    const {breaks} = breakText('中')
    expect(breaks).toEqual([{start: 0, end: 0, ratio: 0, kind: 'final'}])
  })

  test.each([
    han(26),
    han(60),
    `${han(10)}，${han(12)}。“${han(8)}”${han(20)}！`,
    `我们在2022年发布了Node.js 20版本，它支持ESM和TypeScript的strict模式。`,
    `${han(5)}——${han(11)}……${han(20)}`,
    '。'.repeat(40)
  ])('breakpoints of %s cover every atom once, in order', (text) => {
    const {atoms, breaks} = breakText(text)
    expectContiguous(breaks, atoms.length)
  })

  test.each(['optimal', 'greedy'] as const)('26 Han fill 12 + 14 characters exactly (%s)', (strategy) => {
    const {breaks} = breakText(han(26), {strategy})
    expect(counts(breaks)).toEqual([12, 14])
    expect(breaks.map((b) => b.ratio)).toEqual([0, 0])
    expect(breaks.map((b) => b.kind)).toEqual(['normal', 'final'])
  })

  test('the first and the other lines take their own indents', () => {
    expect(counts(breakText(han(40)).breaks)).toEqual([12, 14, 14])
    expect(counts(breakText(han(40), {firstIndentPt: 4 * SIZE}).breaks)).toEqual([10, 14, 14, 2])
    expect(counts(breakText(han(40), {firstIndentPt: 0}).breaks)).toEqual([14, 14, 12])
  })

  test('a hanging indent (突排: rest indent wider than the first) lets the first line run the full measure', () => {
    const {breaks} = breakText(han(40), {firstIndentPt: 0, restIndentPt: 4 * SIZE})
    expect(counts(breaks)).toEqual([14, 10, 10, 6])
    expect(breaks.map((b) => b.ratio)).toEqual([0, 0, 0, 0])
    // First line one character wider than the rest: see known-bugs.test.ts.
  })

  test('孤字: a one-character last line is re-broken so the last line has two', () => {
    const {breaks} = breakText(han(27))
    expect(counts(breaks).at(-1)).toBeGreaterThanOrEqual(2)
    expect(counts(breaks).reduce((a, b) => a + b)).toBe(27)
    // The character came from a line that is now spread evenly.
    expect(breaks.slice(0, -1).some((b) => b.ratio > 0)).toBe(true)
  })

  test('孤字: a character plus its 句号 counts as one letter too', () => {
    const {atoms, breaks} = breakText(`${han(26)}。`)
    const last = breaks.at(-1)!
    const letters = atoms.slice(last.start, last.end + 1).filter((atom) => atom.first === 'han').length
    expect(letters).toBeGreaterThanOrEqual(2)
  })

  test('孤字 is not forced on a paragraph of fewer than four letters', () => {
    const {breaks} = breakText('中国人', {measurePt: 2 * SIZE, firstIndentPt: 0})
    expect(counts(breaks)).toEqual([2, 1])
  })

  test('push out: a 点号 that would start line 2 pulls a character down, the line stretches', () => {
    // 12 Han fill line 1; the 13th unit is ，, which may not start line 2.
    const {atoms, breaks} = breakText(`${han(12)}，${han(20)}`)
    expect(counts(breaks)[0]).toBe(11)
    expect(breaks[0]!.ratio).toBeGreaterThan(0)
    expect(atoms[breaks[1]!.start]!.text).toBe(han(12).slice(-1))
  })

  test('push in: the line shrinks its punctuation blanks (ratio < 0) rather than pushing out', () => {
    const {atoms, breaks} = breakText('中国，人民，中国，人民，中国，人民，中国，人民，中国，人民。')
    const shrunk = breaks.filter((b) => b.ratio < 0)
    expect(shrunk.length).toBeGreaterThan(0)
    for (const b of shrunk) {
      expect(b.ratio).toBeGreaterThanOrEqual(-1)
      expect(atoms[b.end]!.text).toBe('，')
    }
  })

  test.each(['basic', 'GB', 'strict', 'newspaper'] as const)('no break falls where kinsoku forbids it (%s)', (kinsoku) => {
    const text = `“${han(9)}，”${han(3)}（${han(7)}）。《${han(10)}》、${han(4)}——${han(6)}……${han(5)}？！${han(9)}／${han(12)}`
    const {atoms, breaks} = breakText(text, {}, kinsoku)
    for (const b of breaks.slice(0, -1)) {
      expect(b.kind).toBe('normal')
      expect(canBreakBetween(atoms[b.end]!.lastChar, atoms[b.end + 1]!.firstChar, kinsoku)).toBe(true)
    }
  })

  test('the final line is never stretched', () => {
    const {breaks} = breakText(han(30))
    expect(breaks.at(-1)).toMatchObject({kind: 'final', ratio: 0})
  })

  test('emergency: 40 句号 (every break prohibited) still break, and say so', () => {
    const {atoms, breaks} = breakText('。'.repeat(40))
    expect(atoms).toHaveLength(40)
    expectContiguous(breaks, 40)
    expect(breaks.length).toBeGreaterThan(1)
    for (const b of breaks.slice(0, -1)) expect(b.kind).toBe('emergency')
  })

  test('emergency: an atom wider than the measure gets a line of its own', () => {
    const wide = shapedAtoms('a'.repeat(40))
    const atoms = [...shapedAtoms('中文'), ...wide, ...shapedAtoms('中文')]
    const {breaks} = breakAtoms(atoms)
    expectContiguous(breaks, atoms.length)
    const line = breaks.find((b) => b.start === 2 && b.end === 2)
    expect(line).toBeDefined()
    expect(line!.kind).toBe('emergency')
  })

  test('greedy takes the longest line that fits, then backs up to an allowed break', () => {
    const {breaks} = breakText(`${han(12)}，${han(20)}`, {strategy: 'greedy'})
    expect(counts(breaks)[0]).toBe(11)
    expect(counts(breaks).reduce((a, b) => a + b)).toBe(33)
  })

  test('greedy: when no break is allowed the line is cut where it is full and marked emergency', () => {
    const {breaks} = breakText('。'.repeat(40), {strategy: 'greedy'})
    expectContiguous(breaks, 40)
    expect(breaks[0]!.kind).toBe('emergency')
  })

  test('looseness +1 sets one line more when no line gets looser than ratio ½', () => {
    const tight = breakText(han(54)).breaks
    const loose = breakText(han(54), {looseness: 1}).breaks
    expect(counts(tight)).toEqual([12, 14, 14, 14])
    expect(loose).toHaveLength(5)
    for (const b of loose.slice(0, -1)) expect(b.ratio).toBeLessThanOrEqual(0.5)
    expect(counts(loose).reduce((a, b) => a + b)).toBe(54)
  })

  test('looseness +1 adds no line when every extra line would be too loose', () => {
    expect(breakText(han(60), {looseness: 1}).breaks).toHaveLength(5)
  })

  test('looseness -1 sets one line fewer by shrinking punctuation', () => {
    const text = '兴国，全国，名的，军县，苏区，神和，区干，好作，的重，发。'
    expect(breakText(text).breaks).toHaveLength(3)
    const tight = breakText(text, {looseness: -1}).breaks
    expect(tight).toHaveLength(2)
    for (const b of tight) expect(b.ratio).toBeGreaterThanOrEqual(-1)
    expect(tight[0]!.ratio).toBeLessThan(0)
  })

  test('looseness never beats 孤字', () => {
    const {breaks} = breakText(han(27), {looseness: -1})
    expect(counts(breaks).at(-1)).toBeGreaterThanOrEqual(2)
  })

  test('paragraphs beyond the optimal limit fall back to greedy, quickly', () => {
    const text = han(50).repeat(401) // 20 050 atoms
    const started = performance.now()
    const {atoms, breaks} = breakText(text)
    expect(performance.now() - started).toBeLessThan(5000)
    expectContiguous(breaks, atoms.length)
    expect(counts(breaks).slice(1, -1).every((count) => count === 14)).toBe(true)
  })
})
