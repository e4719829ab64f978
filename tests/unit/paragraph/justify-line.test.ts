/**
 * justifyLine: clreq reduction priority (word spaces, brackets, pauses →
 * Han–Latin → 。？！) and expansion priority (word spaces → Han–Latin → even
 * inter-character spacing, never inside ——/……).
 */
import {describe, expect, test} from 'vitest'
import {justifyLine, type LineAlign} from '../../../src/paragraph/justify-line.js'
import {atomWidth, buildJunctions} from '../../../src/linebreak/junctions.js'
import {absorbSpaces} from '../../../src/paragraph/typeset-paragraph.js'
import {SIZE, junctionOptions, shapedAtoms} from '../linebreak/builders.js'

/** Justify the whole of `text` as one line; return the gaps between atoms as set. */
function justify(text: string, availablePt: number, align: LineAlign = 'justify', keepLeadingBlank = false) {
  const atoms = absorbSpaces(shapedAtoms(text))
  const junctions = buildJunctions(atoms, junctionOptions())
  const result = justifyLine(atoms, junctions, 0, atoms.length - 1, availablePt, align, keepLeadingBlank ? atoms[0]!.blankBeforePt : 0)
  const gaps = result.placed.slice(1).map((placed, i) => placed.xPt - result.placed[i]!.xPt - atomWidth(result.placed[i]!.atom))
  return {...result, gaps, atoms}
}

const close = (values: number[]) => values.map((value) => expect.closeTo(value, 6))

describe('stretching', () => {
  // ab␣cd中文: word space 2.5 (→ 5), Han–Latin 2.5 (→ 3.333), 中|文 0 (spreads). Natural 45 pt.
  const text = 'ab cd中文'

  test('natural width when nothing is needed', () => {
    const {widthPt, gaps} = justify(text, 45)
    expect(widthPt).toBeCloseTo(45, 9)
    expect(gaps).toEqual(close([2.5, 2.5, 0]))
  })

  test('word spaces take the first 2.5 pt', () => {
    const {widthPt, gaps, spreadPt} = justify(text, 46)
    expect(widthPt).toBeCloseTo(46, 9)
    expect(gaps).toEqual(close([3.5, 2.5, 0]))
    expect(spreadPt).toBe(0)
  })

  test('then Han–Latin spacing up to ⅓ em, then even spacing between Han', () => {
    const {widthPt, gaps, spreadPt} = justify(text, 49)
    expect(widthPt).toBeCloseTo(49, 9)
    expect(gaps).toEqual(close([5, 10 / 3, 4 - 2.5 - 5 / 6]))
    expect(spreadPt).toBeCloseTo(4 - 2.5 - 5 / 6, 9)
  })

  test('even spacing is shared equally by every Han gap', () => {
    const {gaps, spreadPt, widthPt} = justify('兴国是全国著名的将军县', 140)
    expect(widthPt).toBeCloseTo(140, 9)
    expect(spreadPt).toBeCloseTo(30 / 10, 9)
    expect(gaps).toEqual(close(Array(10).fill(3)))
  })

  test.each(['——', '……'])('never spreads inside %s', (mark) => {
    const {gaps, widthPt} = justify(`中${mark}文`, 60)
    expect(widthPt).toBeCloseTo(60, 9)
    expect(gaps[1]).toBe(0)
    expect(gaps[0]).toBeCloseTo(gaps[2]!, 9)
  })

  test.each(['left', 'center', 'right'] as const)('%s alignment does not stretch', (align) => {
    const {gaps} = justify(text, 80, align)
    expect(gaps).toEqual(close([2.5, 2.5, 0]))
  })

  test.each([
    ['left', 0, 45],
    ['center', 17.5, 62.5],
    ['right', 35, 80]
  ] as const)('%s alignment starts the line at %f pt', (align, x, width) => {
    const {placed, widthPt} = justify(text, 80, align)
    expect(placed[0]!.xPt).toBeCloseTo(x, 9)
    expect(widthPt).toBeCloseTo(width, 9)
  })

  test('distribute spreads like justify', () => {
    expect(justify('兴国是全国', 60, 'distribute').gaps).toEqual(close([2.5, 2.5, 2.5, 2.5]))
  })
})

describe('shrinking', () => {
  // 中，中␣ab中。中: j1 ， blank 5 (level 0), j2 word space 2.5 (level 0, down to 2), j3 Han–Latin 2.5 (level 1, down to 1.25), j5 。 blank 5 (level 2). Natural 75 pt.
  const text = '中，中 ab中。中'

  test('natural', () => {
    const {gaps, widthPt} = justify(text, 75)
    expect(widthPt).toBeCloseTo(75, 9)
    expect(gaps).toEqual(close([0, 5, 2.5, 2.5, 0, 5]))
  })

  test('level 0 first: pause blank and word space in proportion', () => {
    const {gaps, widthPt} = justify(text, 72)
    expect(widthPt).toBeCloseTo(72, 9)
    expect(gaps).toEqual(close([0, 5 - (3 * 5) / 5.5, 2.5 - (3 * 0.5) / 5.5, 2.5, 0, 5]))
  })

  test('then Han–Latin spacing, then 。 last', () => {
    const {gaps, widthPt} = justify(text, 68)
    expect(widthPt).toBeCloseTo(68, 9)
    expect(gaps).toEqual(close([0, 0, 2, 1.25, 0, 5 - 0.25]))
  })

  test('shrinks even a left-aligned line that is too long', () => {
    expect(justify(text, 72, 'left').widthPt).toBeCloseTo(72, 9)
  })

  test('a line too long for every shrink stays at its minimum (the breaker must avoid it)', () => {
    const {widthPt} = justify(text, 50)
    expect(widthPt).toBeCloseTo(75 - 5 - 0.5 - 1.25 - 5, 9)
  })
})

describe('leading blank', () => {
  test('an opening bracket keeps its ½-em blank when asked (paragraph start)', () => {
    expect(justify('“中”', 40, 'left', true).placed[0]!.xPt).toBeCloseTo(0.5 * SIZE, 9)
    expect(justify('“中”', 40, 'left', false).placed[0]!.xPt).toBe(0)
  })
})
