import {BREAK_COST, type Row} from '../compose/types.js'
import type {ColumnFill} from '../flow/flow-columns.js'

/** A row wider than a column, out of the flow: its width in columns and the text row before it (none: before all text). */
export interface Float {
  row: Row
  columns: number
  after: Row | undefined
}

/** Take rows wider than a column out of the flow (clamped to the page's columns). */
export function splitFloats(input: readonly Row[], pageColumns: number): {rows: Row[]; floats: Float[]} {
  const rows: Row[] = []
  const floats: Float[] = []
  for (const row of input) {
    const columns = Math.min(row.columns ?? 1, pageColumns)
    if (columns > 1) floats.push({row, columns, after: rows[rows.length - 1]})
    else rows.push(row)
  }
  // A head that stood before a float now stands before the text: it keeps with two lines of it (clreq §3.7).
  for (let i = 1; i + 1 < rows.length; i++) {
    const row = rows[i]!
    if (rows[i - 1]!.kind === 'head' && row.kind === 'body' && rows[i + 1]!.block === row.block && row.breakAfter !== BREAK_COST.keep) rows[i] = {...row, breakAfter: BREAK_COST.keep}
  }
  return {rows, floats}
}

/** Whether a float's reference (the text row before it) is set on the page that flows up to `end`. */
export function isReferredBy(float: Float, rows: readonly Row[], end: number): boolean {
  return !float.after || end >= rows.length || rows.indexOf(float.after) < end
}

/** The page column holding a float's reference; the first column if it lies on an earlier page. */
export function anchorColumn(float: Float, rows: readonly Row[], start: number, fills: readonly ColumnFill[]): number {
  const at = float.after ? rows.indexOf(float.after) : -1
  if (at < start) return 0
  const column = fills.findIndex((fill) => fill.start <= at && at < fill.end)
  if (column >= 0) return column
  let lastUsed = 0
  fills.forEach((fill, c) => {
    if (fill.end > fill.start) lastUsed = c
  })
  return lastUsed
}
