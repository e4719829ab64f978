import type {Row} from '../compose/types.js'
import {balanceColumns, fillColumns, linesAtTop, type ColumnFill} from '../flow/flow-columns.js'
import {floatFigure} from '../flow/float-figure.js'

/**
 * Flow the text of one page from `rows[next]` into columns of the given
 * capacities, columns starting `tops` lines down (under spanning blocks):
 * balanced if the rest of the story fits (on the first page in as few
 * columns as it fills sensibly, but across every column a block stands on),
 * else filled and marked to jump; figures one column wide are moved to a
 * column top. Returns the rows (figures moved) and the fills.
 */
export function flowPage(rows: readonly Row[], next: number, capacities: readonly number[], tops: readonly number[], first: boolean): {rows: readonly Row[]; layout: {fills: ColumnFill[]; next: number}; jumpOut: boolean} {
  const last = capacities.length - 1
  const covered = tops.reduce((columns, top, c) => (top > 0 ? c + 1 : columns), 0)
  let current = rows
  let layout: {fills: ColumnFill[]; next: number} | undefined
  let jumpOut = false
  for (let attempt = 0; attempt <= MAX_FLOAT_MOVES; attempt++) {
    // A short story on its first page may take fewer columns; on a later page the columns match the pages before.
    layout = first ? balanceTail(current, next, capacities, tops, covered) : balanceColumns(current, next, capacities, tops)
    jumpOut = !layout
    const used = jumpOut ? capacities.map((capacity, c) => capacity - (c === last ? 1 : 0)) : capacities
    if (!layout) {
      layout = fillColumns(current, next, used)
      if (layout.next === next) layout = forceProgress(current, next, used)
    }
    // Figures go to the top of a column: move one met mid-column (or, on a page filled to its foot, one too tall
    // for what is left of a column) to the next column's top, the text after it filling the column.
    const floated = attempt < MAX_FLOAT_MOVES ? floatFigures(current, layout.fills, jumpOut ? used : undefined) : undefined
    if (!floated) break
    current = floated
  }
  if (!layout) throw new Error('pagination produced no layout')
  return {rows: current, layout, jumpOut}
}

/** Figure moves per page before the layout is taken as it is. */
const MAX_FLOAT_MOVES = 8

/**
 * The rows with the first figure that needs it moved to a column top (see
 * `floatFigure`); `capacities` only on a page filled to its foot.
 */
function floatFigures(rows: readonly Row[], fills: readonly ColumnFill[], capacities?: readonly number[]): Row[] | undefined {
  for (let c = 0; c < fills.length; c++) {
    const moved = floatFigure(rows, fills[c]!, capacities?.[c])
    if (moved) return moved
  }
  return undefined
}

/** Fewest lines a balanced column should hold: a short story takes fewer columns rather than slivers. */
const MIN_BALANCED_LINES = 6

/**
 * Balance what is left over as many columns as it fills sensibly (at least
 * `minColumns`); undefined when it does not fit the page.
 */
function balanceTail(rows: readonly Row[], start: number, capacities: readonly number[], tops: readonly number[], minColumns: number): {fills: ColumnFill[]; next: number} | undefined {
  let total = 0
  for (let i = start; i < rows.length; i++) total += rows[i]!.span
  const used = Math.min(capacities.length, Math.max(1, minColumns, Math.ceil(total / MIN_BALANCED_LINES)))
  const layout = balanceColumns(rows, start, capacities.slice(0, used), tops.slice(0, used)) ?? (used < capacities.length ? balanceColumns(rows, start, capacities, tops) : undefined)
  if (!layout) return undefined
  const fills = [...layout.fills]
  while (fills.length < capacities.length) fills.push({start: rows.length, end: rows.length, lines: 0})
  return {fills, next: layout.next}
}

/** Guarantee progress when nothing fits a page (a row taller than a column): place it alone. */
function forceProgress(rows: readonly Row[], start: number, capacities: readonly number[]): {fills: ColumnFill[]; next: number} {
  const fills: ColumnFill[] = capacities.map(() => ({start, end: start, lines: 0}))
  // The first column with room (not one a spanning block fills to the foot).
  const column = Math.max(0, capacities.findIndex((capacity) => capacity > 0))
  fills[column] = {start, end: start + 1, lines: Math.min(linesAtTop(rows[start]!), Math.max(0, capacities[column]!))}
  return {fills, next: start + 1}
}
