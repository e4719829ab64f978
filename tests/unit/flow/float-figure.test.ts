/**
 * One-column figures stand at a column top, and the text after them fills
 * the column they were met in (newspaper make-up).
 */
import {expect, test} from 'vitest'
import type {Row} from '../../../src/compose/types.js'
import {fillColumn} from '../../../src/flow/flow-columns.js'
import {floatFigure} from '../../../src/flow/float-figure.js'

/** Text lines with ids from `from`, one row each, free breaks. */
const lines = (from: number, n: number): Row[] => Array.from({length: n}, (_, i) => ({span: 1, items: [], breakAfter: 0, kind: 'body' as const, block: from + i}))
/** A one-column figure of `span` lines and a one-line caption, one block. */
const figure = (block: number, span: number): Row[] => [
  {span, items: [], breakAfter: 100000, kind: 'figure', block},
  {span: 1, items: [], breakAfter: 0, kind: 'figure', block}
]
const blocks = (rows: readonly Row[]): number[] => rows.map((row) => row.block)

test('a figure starting mid-column moves past the text that refills the column to its depth', () => {
  const rows = [...lines(0, 4), ...figure(100, 5), ...lines(10, 20)]
  const fill = fillColumn(rows, 0, 12)
  // 4 lines, the figure and its caption (6), 2 more lines.
  expect(fill).toEqual({start: 0, end: 8, lines: 12})
  const moved = floatFigure(rows, fill)!
  expect(blocks(moved).slice(0, 12)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17])
  expect(blocks(moved).slice(12, 14)).toEqual([100, 100])
})

test('a figure too tall for the rest of a filled column: the text after it fills the column, the figure tops the next', () => {
  const rows = [...lines(0, 4), ...figure(100, 20), ...lines(10, 40)]
  const fill = fillColumn(rows, 0, 12)
  // The figure does not fit under 4 lines: the column ends short, at the figure.
  expect(fill).toEqual({start: 0, end: 4, lines: 4})
  // Told the column's room (a page filled to its foot), the text after the figure comes up.
  const moved = floatFigure(rows, fill, 12)!
  expect(blocks(moved).slice(0, 12)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17])
  expect(blocks(moved).slice(12, 14)).toEqual([100, 100])
  expect(moved).toHaveLength(rows.length)
  // Without the room (a balanced last page) the column is left as balancing made it.
  expect(floatFigure(rows, fill)).toBeUndefined()
  // A foot of one free line is not worth moving a figure for.
  const full = [...lines(0, 11), ...figure(100, 20), ...lines(20, 5)]
  expect(floatFigure(full, fillColumn(full, 0, 12), 12)).toBeUndefined()
})

test('a spanning figure is left to pagination', () => {
  const rows = [...lines(0, 4), {...figure(100, 20)[0]!, columns: 2}, ...lines(10, 40)]
  expect(floatFigure(rows, fillColumn(rows, 0, 12), 12)).toBeUndefined()
})

test('figures standing one behind another go on together, past the text that fills the column', () => {
  const rows = [...lines(0, 4), ...figure(100, 20), ...figure(101, 3), ...figure(102, 20), ...lines(10, 40)]
  const moved = floatFigure(rows, fillColumn(rows, 0, 12), 12)!
  // One move: the column filled with text, then the three figures in their order.
  expect(blocks(moved).slice(0, 12)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17])
  expect(blocks(moved).slice(12, 18)).toEqual([100, 100, 101, 101, 102, 102])
  expect(moved).toHaveLength(rows.length)
})
