/** A block wider than a column (a spanning figure or table) to stand at the top of a page's columns. */
export interface FloatRequest {
  /** Adjacent columns it spans. */
  columns: number
  /** Grid lines it takes, the blank line to the text under it included. */
  lines: number
  /** Column in which its place in the text falls (where it is referred to). */
  anchorColumn: number
}

/** Where a float stands: its leftmost column and its top, in grid lines below the top of the columns. */
export interface FloatPlace {
  column: number
  top: number
}

/**
 * Stand spanning blocks at the top of a page's columns (newspaper make-up),
 * without overlap and inside the type area; returns a place per request, in
 * request order, or undefined when they do not all fit.
 *
 * Columns: a block starts at the column where its reference falls in the
 * text, moved left if it would run off the page. The picture then stands
 * above the text that mentions it, where the reader meets it, and a lead
 * picture (referred to in the first column) stands under the deck at the
 * left where the story starts; right-aligned pictures, the other common
 * practice, would put it away from its text on a page the story does not
 * fill. When those columns are taken, the nearest free ones are used (to the
 * right on a tie, after the reference in reading order).
 *
 * Several blocks: the widest stand first (a 通栏 block goes above narrower
 * ones), then in text order. A block stands only on columns whose tops are
 * level (side by side before stacked), so no column is left with a blank
 * hole above a block, and every column keeps `minLinesBelow` lines for text.
 * The blocks of a page are placed together: of the arrangements, the one
 * with the least stacking, then the least distance from the references.
 *
 * Control flow: a depth-first search over each block's level spots, best
 * spot first, so the first arrangement found is the one-block-at-a-time one;
 * it bounds the rest (a partial arrangement already dearer is dropped).
 *
 * @param room
 *   Lines each column has (under the deck, jump line excluded).
 */
export function placeFloats(requests: readonly FloatRequest[], room: readonly number[], minLinesBelow: number): FloatPlace[] | undefined {
  const columns = room.length
  const order = requests.map((_, i) => i).sort((a, b) => requests[b]!.columns - requests[a]!.columns || a - b)
  const depths = room.map(() => 0)
  const chosen: FloatPlace[] = []
  let best: {places: FloatPlace[]; cost: Cost} | undefined
  let searched = 0
  // Every arrangement, widest block first: the one with the least stacking, then the least distance of the
  // blocks from their references, then the fewest blocks away from theirs, then the furthest right (after
  // the reference in reading order). A block
  // that takes the columns another wanted is moved aside for it, where one block at a time took the best
  // spot left (a table referred to in column 5 stood in columns 1–2, the photo before it in 3–4).
  const search = (k: number, cost: Cost): void => {
    if (best && !cheaper(cost, best.cost, true)) return
    if (k === order.length) {
      if (!best || cheaper(cost, best.cost)) best = {places: [...chosen], cost}
      return
    }
    // A page rarely holds more than a few blocks: with more, or past a bound, the first arrangement found
    // (one block at a time) stands.
    if (best && (order.length > SEARCHED_BLOCKS || ++searched > SEARCH_LIMIT)) return
    const i = order[k]!
    const request = requests[i]!
    const span = Math.min(request.columns, columns)
    const preferred = Math.max(0, Math.min(request.anchorColumn, columns - span))
    const spots: FloatPlace[] = []
    for (let column = 0; column + span <= columns; column++) {
      const top = depths[column]!
      let fits = true
      for (let c = column; c < column + span; c++) if (depths[c] !== top || top + request.lines + minLinesBelow > room[c]!) fits = false
      if (fits) spots.push({column, top})
    }
    // Best spot first, so the first arrangement found is the one-block-at-a-time one and bounds the rest.
    spots.sort((a, b) => a.top - b.top || Math.abs(a.column - preferred) - Math.abs(b.column - preferred) || b.column - a.column)
    for (const spot of spots) {
      const saved = depths.slice(spot.column, spot.column + span)
      for (let c = spot.column; c < spot.column + span; c++) depths[c] = spot.top + request.lines
      chosen[i] = spot
      const distance = Math.abs(spot.column - preferred)
      search(k + 1, [cost[0] + spot.top, cost[1] + distance, cost[2] + (distance > 0 ? 1 : 0), cost[3] - spot.column])
      saved.forEach((depth, c) => (depths[spot.column + c] = depth))
    }
  }
  search(0, [0, 0, 0, 0])
  return best?.places
}

/** Lines stacked, distance from the references, blocks moved from theirs, minus the columns (further right is better). */
type Cost = [number, number, number, number]

/** Blocks on a page up to which every arrangement is weighed. */
const SEARCHED_BLOCKS = 4
/** Arrangements tried before the best so far stands. */
const SEARCH_LIMIT = 1000

/**
 * Is `a` cheaper than `b`? For a partial arrangement (`partial`), is it not
 * yet dearer: the first three terms only grow as blocks are added, the last
 * falls, so a partial one is judged by the first three alone.
 */
function cheaper(a: Cost, b: Cost, partial = false): boolean {
  for (let term = 0; term < 3; term++) if (a[term] !== b[term]) return a[term]! < b[term]!
  return partial || a[3] < b[3]
}

/** Lines taken at the top of each of `columns` columns by placed floats. */
export function floatDepths(requests: readonly FloatRequest[], places: readonly FloatPlace[], columns: number): number[] {
  const depths = Array.from({length: columns}, () => 0)
  places.forEach((place, i) => {
    const request = requests[i]!
    for (let c = place.column; c < Math.min(columns, place.column + request.columns); c++) depths[c] = Math.max(depths[c]!, place.top + request.lines)
  })
  return depths
}
