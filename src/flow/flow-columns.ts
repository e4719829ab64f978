import type {Row} from '../compose/types.js'

/** Rows placed in one column: `rows[start..end)` and the grid lines used. */
export interface ColumnFill {
  start: number
  end: number
  lines: number
}

/** Lines a column may end short by to find a better break (widow/orphan/keep). */
const LOOKBACK_LINES = 8
/** Demerits per grid line left empty at a column foot to honour a keep rule. */
const WASTE_COST = 60

/**
 * Fill one column of `capacity` lines from `rows[start]`: take as many rows
 * as fit, then back up to the cheapest allowed break (keep-with-next,
 * widows, orphans), paying a little for every line left empty.
 * A row taller than the column is placed alone (it is too big anyway).
 */
export function fillColumn(rows: readonly Row[], start: number, capacity: number): ColumnFill {
  let used = 0
  let k = start
  while (k < rows.length && used + rows[k]!.span <= capacity) {
    used += rows[k]!.span
    k++
  }
  if (k === rows.length) return {start, end: k, lines: used}
  if (k === start) {
    // Nothing fits: if the column is empty anyway, place the oversized row alone.
    return capacity > 0 && rows[start]!.span > capacity ? {start, end: start + 1, lines: rows[start]!.span} : {start, end: start, lines: 0}
  }
  let bestEnd = -1
  let bestCost = Infinity
  let lines = used
  let wasted = 0
  for (let end = k; end > start && wasted <= LOOKBACK_LINES; end--) {
    const cost = rows[end - 1]!.breakAfter + wasted * WASTE_COST
    if (cost < bestCost) {
      bestCost = cost
      bestEnd = end
    }
    wasted += rows[end - 1]!.span
    lines -= 0
  }
  if (bestEnd < 0) bestEnd = k // every break forbidden: force one rather than lose text
  let total = 0
  for (let i = start; i < bestEnd; i++) total += rows[i]!.span
  return {start, end: bestEnd, lines: total}
}

/** Fill columns of the given capacities in order; returns the fills and where the rows stopped. */
export function fillColumns(rows: readonly Row[], start: number, capacities: readonly number[]): {fills: ColumnFill[]; next: number} {
  const fills: ColumnFill[] = []
  let next = start
  for (const capacity of capacities) {
    const fill = fillColumn(rows, next, capacity)
    fills.push(fill)
    next = fill.end
  }
  return {fills, next}
}

/**
 * Balance the last columns (clreq make-up; newspaper practice): the smallest
 * column depth at which all remaining rows still fit, so the columns end
 * within a line of each other. Returns undefined when they do not fit at all.
 */
export function balanceColumns(rows: readonly Row[], start: number, capacities: readonly number[]): {fills: ColumnFill[]; next: number} | undefined {
  const full = fillColumns(rows, start, capacities)
  if (full.next < rows.length) return undefined
  let total = 0
  for (let i = start; i < rows.length; i++) total += rows[i]!.span
  const maxCapacity = Math.max(...capacities)
  for (let depth = Math.ceil(total / capacities.length); depth <= maxCapacity; depth++) {
    const trial = fillColumns(
      rows,
      start,
      capacities.map((capacity) => Math.min(capacity, depth))
    )
    if (trial.next >= rows.length) return trial
  }
  return full
}
