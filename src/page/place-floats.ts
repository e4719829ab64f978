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
 *
 * @param room
 *   Lines each column has (under the deck, jump line excluded).
 */
export function placeFloats(requests: readonly FloatRequest[], room: readonly number[], minLinesBelow: number): FloatPlace[] | undefined {
  const columns = room.length
  const depths = room.map(() => 0)
  const places: FloatPlace[] = []
  const order = requests.map((_, i) => i).sort((a, b) => requests[b]!.columns - requests[a]!.columns || a - b)
  for (const i of order) {
    const request = requests[i]!
    const span = Math.min(request.columns, columns)
    const preferred = Math.max(0, Math.min(request.anchorColumn, columns - span))
    let best: {column: number; top: number; distance: number} | undefined
    for (let column = 0; column + span <= columns; column++) {
      const top = depths[column]!
      let fits = true
      for (let c = column; c < column + span; c++) if (depths[c] !== top || top + request.lines + minLinesBelow > room[c]!) fits = false
      if (!fits) continue
      const distance = Math.abs(column - preferred)
      if (!best || top < best.top || (top === best.top && distance <= best.distance)) best = {column, top, distance}
    }
    if (!best) return undefined
    for (let c = best.column; c < best.column + span; c++) depths[c] = best.top + request.lines
    places[i] = {column: best.column, top: best.top}
  }
  return places
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
