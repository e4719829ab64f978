import type {Row} from '../compose/types.js'

/** Rows placed in one column: `rows[start..end)` and the grid lines used. */
export interface ColumnFill {
  start: number
  end: number
  lines: number
}

/** Grid lines a row takes when it starts a column: its blank lines on top fall away there (`Row.topBlank`). */
export function linesAtTop(row: Row): number {
  return row.span - (row.topBlank ?? 0)
}

/** Lines `rows[start..end)` take in a column they start. */
export function columnLines(rows: readonly Row[], start: number, end: number): number {
  let lines = 0
  for (let i = start; i < end; i++) lines += i === start ? linesAtTop(rows[i]!) : rows[i]!.span
  return lines
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
  while (k < rows.length) {
    const lines = k === start ? linesAtTop(rows[k]!) : rows[k]!.span
    if (used + lines > capacity) break
    used += lines
    k++
  }
  if (k === rows.length) return {start, end: k, lines: used}
  if (k === start) {
    // Nothing fits: if the column is empty anyway, place the oversized row alone.
    return capacity > 0 && linesAtTop(rows[start]!) > capacity ? {start, end: start + 1, lines: linesAtTop(rows[start]!)} : {start, end: start, lines: 0}
  }
  let bestEnd = -1
  let bestCost = Infinity
  let wasted = 0
  // Look back a few lines for a cheaper break; past that only while no allowed break was found yet.
  for (let end = k; end > start && (wasted <= LOOKBACK_LINES || bestEnd < 0); end--) {
    const cost = rows[end - 1]!.breakAfter + wasted * WASTE_COST
    if (cost < bestCost) {
      bestCost = cost
      bestEnd = end
    }
    wasted += rows[end - 1]!.span
  }
  if (bestEnd < 0) bestEnd = k // every break forbidden: force one rather than lose text
  return {start, end: bestEnd, lines: columnLines(rows, start, bestEnd)}
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
 * Demerits of a column ending `w` lines above the balanced depth: one line
 * short is balanced enough (heights may differ by one line); beyond that,
 * squared, and dearer than a paragraph split into an orphan and a widow
 * together (2 × 2000): the story's last columns end level (newspaper
 * make-up), and a widow or orphan is only taken where nothing else evens
 * them, for the widow repair to remove by re-breaking a paragraph.
 */
export const SHORT_COLUMN_COST = 5000
/** Deepest balanced depth tried beyond the even share, in lines. */
export const MAX_EXTRA_DEPTH = 8
/** Demerits per extra line of depth over the shallowest feasible one. */
export const DEPTH_COST = 150

/**
 * Balance the last columns (newspaper make-up: the story's final columns end
 * level). Dynamic programme over column breaks for each candidate depth:
 * minimise break costs (keeps, widows, orphans) plus squared shortfall of
 * each column below the depth; the last column may be one line short for
 * free. Returns undefined when the rows do not fit the columns at all.
 *
 * @param tops
 *   Lines at the top of each column taken by something else (a spanning
 *   figure): the column's text starts that much lower, so it is balanced to
 *   end level with the others at `depth` lines from the top, holding
 *   `depth − top` lines (none if the figure reaches deeper). Default: none.
 */
export function balanceColumns(rows: readonly Row[], start: number, capacities: readonly number[], tops?: readonly number[]): {fills: ColumnFill[]; next: number} | undefined {
  const full = fillColumns(rows, start, capacities)
  if (full.next < rows.length) return undefined
  const n = rows.length - start
  // Lines before each row: a typed array, whose map stays the same whether spans are whole lines or not
  // (an array of numbers changes its map when a fractional span enters, and optimised code is thrown away).
  const prefix = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + rows[start + i]!.span
  const total = prefix[n]!
  const columns = capacities.length
  const offsets = tops && tops.some((top) => top > 0) ? capacities.map((_, c) => tops[c] ?? 0) : undefined
  const maxDepth = offsets ? Math.max(...capacities.map((capacity, c) => capacity + offsets[c]!)) : Math.max(...capacities)
  let best: {cost: number; breaks: number[]} | undefined
  const breakCosts = new Float64Array(n + 1)
  for (let j = 1; j < n; j++) breakCosts[j] = rows[start + j - 1]!.breakAfter
  // Blank lines a row sheds when it starts a column.
  const shed = new Float64Array(n + 1)
  let maxShed = 0
  for (let i = 0; i < n; i++) {
    shed[i] = rows[start + i]!.topBlank ?? 0
    maxShed = Math.max(maxShed, shed[i]!)
  }
  const shallowest = offsets ? shallowestDepth(total, capacities, offsets) : Math.ceil(total / columns)
  for (let depth = shallowest; depth <= maxDepth; depth++) {
    if (best && (depth - shallowest) * DEPTH_COST >= best.cost) break
    if (best && depth - shallowest > MAX_EXTRA_DEPTH) break
    // A typed array, as for `prefix`: the lines each column can hold at this depth.
    const room = Float64Array.from(capacities, (capacity, c) => Math.max(0, Math.min(capacity, depth - (offsets?.[c] ?? 0))))
    // Only a layout cheaper than the best so far can win: the DP prunes partial layouts that already cost as much.
    const bound = best ? best.cost - (depth - shallowest) * DEPTH_COST : Infinity
    const result = balanceAtDepth(breakCosts, prefix, shed, maxShed, room, depth, offsets, bound)
    if (result === undefined) continue
    const cost = result.cost + (depth - shallowest) * DEPTH_COST
    if (!best || cost < best.cost) best = {cost, breaks: result.breaks}
  }
  if (!best) return full
  const fills: ColumnFill[] = []
  let from = 0
  for (const to of best.breaks) {
    fills.push({start: start + from, end: start + to, lines: to > from ? prefix[to]! - prefix[from]! - shed[from]! : 0})
    from = to
  }
  return {fills, next: rows.length}
}

/** Least depth (lines from the top) at which columns starting `offsets` lines down hold `total` lines. */
function shallowestDepth(total: number, capacities: readonly number[], offsets: readonly number[]): number {
  let depth = 1
  const room = (d: number): number => capacities.reduce((sum, capacity, c) => sum + Math.max(0, Math.min(capacity, d - offsets[c]!)), 0)
  while (room(depth) < total && depth < 100_000) depth++
  return depth
}

/**
 * Best column ends (relative row indices) for one depth, or undefined when no
 * allowed layout costs less than `bound`. Costs only grow along a layout, so
 * a partial layout costing `bound` or more is dropped (branch and bound):
 * the answer is the same as without the bound whenever it is below it.
 */
function balanceAtDepth(breakCosts: Float64Array, prefix: Float64Array, shed: Float64Array, maxShed: number, capacities: Float64Array, depth: number, offsets: readonly number[] | undefined, bound: number): {cost: number; breaks: number[]} | undefined {
  const n = prefix.length - 1
  const columns = capacities.length
  // cost[c][j]: best cost of rows [0, j) in the first c columns; from[c][j]: where column c-1 started.
  const cost = Array.from({length: columns + 1}, () => new Float64Array(n + 1).fill(Infinity))
  const from = Array.from({length: columns + 1}, () => new Int32Array(n + 1).fill(-1))
  cost[0]![0] = 0
  // Lines the columns from column c on can still take (each may shed a head's blank lines on top): a start that leaves more is hopeless.
  const after = new Float64Array(columns + 1)
  for (let c = columns - 1; c >= 0; c--) after[c] = after[c + 1]! + capacities[c]! + maxShed
  for (let c = 0; c < columns; c++) {
    const last = c === columns - 1
    for (let i = 0; i <= n; i++) {
      const base = cost[c]![i]!
      if (base >= bound || prefix[n]! - prefix[i]! > after[c]!) continue
      // A column shorter than the depth costs SHORT_COLUMN_COST × short²: skip heights that alone reach the bound.
      const reach = depth - (offsets?.[c] ?? 0) - 1
      const maxShort = bound === Infinity ? Infinity : Math.ceil(Math.sqrt((bound - base) / SHORT_COLUMN_COST))
      const first = last ? n : maxShort === Infinity || reach - maxShort <= 0 ? i : firstAtLeast(prefix, i, n, prefix[i]! + shed[i]! + reach - maxShort)
      // The last column takes all the rest, or nothing fits.
      for (let j = first; j <= n; j++) {
        const height = j > i ? prefix[j]! - prefix[i]! - shed[i]! : 0
        if (height > capacities[c]!) break
        if (last && j < n) continue
        const breakCost = j < n && j > i ? breakCosts[j]! : 0
        if (breakCost === Infinity) continue
        const short = Math.max(0, depth - (offsets?.[c] ?? 0) - height - 1)
        const total = base + breakCost + SHORT_COLUMN_COST * short * short
        if (total < cost[c + 1]![j]!) {
          cost[c + 1]![j] = total
          from[c + 1]![j] = i
        }
      }
    }
  }
  if (cost[columns]![n]! >= bound) return undefined
  const breaks: number[] = []
  for (let c = columns, j = n; c > 0; c--) {
    breaks.push(j)
    j = from[c]![j]!
  }
  return {cost: cost[columns]![n]!, breaks: breaks.reverse()}
}

/** Least j in [from, to] with prefix[j] ≥ value (prefix is non-decreasing); to when none. */
function firstAtLeast(prefix: Float64Array, from: number, to: number, value: number): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (prefix[mid]! >= value) hi = mid
    else lo = mid + 1
  }
  return lo
}
