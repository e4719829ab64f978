import {describe, expect, test} from 'vitest'
import type {Row} from '../../../src/compose/types.js'
import {BREAK_COST} from '../../../src/compose/types.js'
import {lineBreakCost} from '../../../src/compose/compose-blocks.js'
import {balanceColumns, fillColumn, fillColumns} from '../../../src/flow/flow-columns.js'
import {findWidowsAndOrphans} from '../../../src/page/paginate.js'

/** A paragraph of `n` body lines as rows, with widow/orphan costs. */
function paragraph(n: number, block: number): Row[] {
  return Array.from({length: n}, (_, i) => ({span: 1, items: [], breakAfter: lineBreakCost(i, n), kind: 'body' as const, block, paragraphStart: i === 0, paragraphEnd: i === n - 1}))
}

/** A head of `span` lines that keeps with the next row. */
function head(span: number, block: number): Row {
  return {span, items: [], breakAfter: BREAK_COST.keep, kind: 'head', block}
}

const lines = (rows: Row[], from: number, to: number): number => rows.slice(from, to).reduce((sum, row) => sum + row.span, 0)

describe('fillColumn', () => {
  test('fills a column to capacity when the break is free', () => {
    const rows = [...paragraph(4, 0), ...paragraph(6, 1)]
    expect(fillColumn(rows, 0, 4)).toEqual({start: 0, end: 4, lines: 4})
  })

  test('never leaves a paragraph first line alone at the column foot (orphan)', () => {
    const rows = [...paragraph(5, 0), ...paragraph(6, 1)]
    const fill = fillColumn(rows, 0, 6)
    expect(fill.end).toBe(5)
  })

  test('never leaves a last line alone at the next column top (widow)', () => {
    const rows = [...paragraph(6, 0), ...paragraph(4, 1)]
    const fill = fillColumn(rows, 0, 9)
    expect(rows[fill.end]?.paragraphEnd && !rows[fill.end]?.paragraphStart).toBe(false)
  })

  test('keeps a head with two lines of its body, even if that empties the column foot', () => {
    const rows = [...paragraph(5, 0), head(3, 1), ...paragraph(6, 2)]
    // Capacity 9: the head (lines 6–8) would end the column; it moves on with its body.
    const fill = fillColumn(rows, 0, 9)
    expect(fill.end).toBe(5)
    // With room for the head and two lines, they stay.
    const roomy = fillColumn(rows, 0, 10)
    expect(roomy.end).toBeGreaterThanOrEqual(8)
    expect(rows[roomy.end - 1]!.breakAfter).not.toBe(BREAK_COST.keep)
  })

  test('places a row taller than the column alone instead of looping', () => {
    const rows = [head(12, 0), ...paragraph(2, 1)]
    expect(fillColumn(rows, 0, 10)).toEqual({start: 0, end: 1, lines: 12})
  })
})

describe('balanceColumns', () => {
  test('ends the columns within a line of each other', () => {
    const rows = [...paragraph(10, 0), ...paragraph(8, 1), ...paragraph(6, 2), ...paragraph(6, 3)]
    const layout = balanceColumns(rows, 0, [40, 40, 40])!
    expect(layout.next).toBe(rows.length)
    const depths = layout.fills.map((fill) => lines(rows, fill.start, fill.end))
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1)
    expect(findWidowsAndOrphans(rows, layout.fills.map((fill, column) => ({page: 0, column, ...fill})))).toEqual([])
  })

  test('with a figure at the top of some columns, ends the columns level in page lines (tops + text)', () => {
    const rows = Array.from({length: 40}, (_, i): Row => ({span: 1, items: [], breakAfter: 0, kind: 'body', block: i}))
    // A 2-column figure of 10 lines over columns 0–1 of three 30-line columns.
    const layout = balanceColumns(rows, 0, [20, 20, 30], [10, 10, 0])!
    expect(layout.next).toBe(rows.length)
    const feet = layout.fills.map((fill, c) => [10, 10, 0][c]! + lines(rows, fill.start, fill.end))
    expect(Math.max(...feet) - Math.min(...feet)).toBeLessThanOrEqual(1)
    expect(feet[0]).toBe(20)
    expect(lines(rows, layout.fills[2]!.start, layout.fills[2]!.end)).toBeGreaterThanOrEqual(19)
    // Without tops the same rows end level in text lines instead.
    const plain = balanceColumns(rows, 0, [20, 20, 30])!
    const depths = plain.fills.map((fill) => lines(rows, fill.start, fill.end))
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1)
  })

  test('a figure deeper than the balanced depth leaves its columns empty and the text beside it', () => {
    const rows = Array.from({length: 12}, (_, i): Row => ({span: 1, items: [], breakAfter: 0, kind: 'body', block: i}))
    const layout = balanceColumns(rows, 0, [10, 10, 30], [20, 20, 0])!
    expect(layout.fills.map((fill) => fill.end - fill.start)).toEqual([0, 0, 12])
  })

  test('returns undefined when the rows do not fit', () => {
    expect(balanceColumns(paragraph(30, 0), 0, [10, 10])).toBeUndefined()
  })

  test('fillColumns carries on where the previous column stopped', () => {
    const rows = paragraph(25, 0)
    const {fills, next} = fillColumns(rows, 0, [10, 10])
    expect(fills[1]!.start).toBe(fills[0]!.end)
    expect(next).toBe(fills[1]!.end)
  })
})

describe('findWidowsAndOrphans', () => {
  test('names the paragraph whose last line starts a column', () => {
    const rows = paragraph(5, 7)
    expect(findWidowsAndOrphans(rows, [{page: 0, column: 0, start: 0, end: 4}, {page: 0, column: 1, start: 4, end: 5}])).toEqual([7])
  })
  test('names the paragraph whose first line ends a column', () => {
    const rows = [...paragraph(2, 0), ...paragraph(5, 1)]
    expect(findWidowsAndOrphans(rows, [{page: 0, column: 0, start: 0, end: 3}, {page: 0, column: 1, start: 3, end: 7}])).toEqual([1])
  })
})

describe('balance against widows', () => {
  test('level columns (within one line) come first, even at the price of a widow', () => {
    // 2 + 2 + 2 + 2 + 2 + 2 + 2 + 1 = 15 lines of two-line paragraphs in 4 columns: 4/4/4/3 needs a split paragraph.
    const rows = [...paragraph(2, 0), ...paragraph(2, 1), ...paragraph(2, 2), ...paragraph(2, 3), ...paragraph(2, 4), ...paragraph(2, 5), ...paragraph(2, 6), ...paragraph(1, 7)]
    const layout = balanceColumns(rows, 0, [40, 40, 40, 40])!
    const depths = layout.fills.map((fill) => lines(rows, fill.start, fill.end))
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1)
  })

  test('among level layouts, one without widows or orphans wins', () => {
    // 4 + 6 + 6 + 6 + 6 + 2 = 30 lines in 3 columns: 10/10/10 breaks at a paragraph end and 4|2 inside one, no widow, no orphan.
    const rows = [...paragraph(4, 0), ...paragraph(6, 1), ...paragraph(6, 2), ...paragraph(6, 3), ...paragraph(6, 4), ...paragraph(2, 5)]
    const layout = balanceColumns(rows, 0, [40, 40, 40])!
    const placed = layout.fills.map((fill, column) => ({page: 0, column, ...fill}))
    expect(findWidowsAndOrphans(rows, placed)).toEqual([])
    const depths = layout.fills.map((fill) => lines(rows, fill.start, fill.end))
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1)
  })
})

describe('a head at a column top sheds the blank lines above it', () => {
  /** A 3-line 小标题 band with one blank line on top. */
  const band = (block: number): Row => ({...head(3, block), topBlank: 1})

  test('fillColumn counts the band as 2 lines when it starts the column', () => {
    const rows = [band(0), ...paragraph(8, 1)]
    expect(fillColumn(rows, 0, 10)).toEqual({start: 0, end: 9, lines: 10})
  })

  test('inside a column the band keeps all its lines', () => {
    const rows = [...paragraph(2, 0), band(1), ...paragraph(8, 2)]
    expect(fillColumn(rows, 0, 10)).toEqual({start: 0, end: 8, lines: 10})
  })

  test('balanced columns count the shed lines too, and placement starts the band above the column top', async () => {
    const {placeColumn} = await import('../../../src/page/paginate.js')
    const rows = [...paragraph(6, 0), band(1), ...paragraph(5, 2)]
    const layout = balanceColumns(rows, 0, [20, 20])!
    expect(layout.fills.map((fill) => fill.start)).toEqual([0, 6])
    expect(layout.fills.map((fill) => fill.lines)).toEqual([6, 7])
    const items: import('../../../src/compose/types.js').Item[] = []
    const marks: number[] = []
    placeColumn([...rows.slice(0, 6), {...band(1), items: [{type: 'rule', x1: 0, y1: 0, x2: 1, y2: 0, widthPt: 1}]}, ...rows.slice(7)], layout.fills[1]!, 0, 100, 10, items, (_, y) => marks.push(y))
    // The band's row starts one line above the column top, so its text (line 2 of 3) stands on the first grid line.
    expect(items[0]).toMatchObject({type: 'rule', y1: 90})
    expect(marks[0]).toBe(100)
  })
})
