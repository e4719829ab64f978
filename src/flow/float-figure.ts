import type {Row} from '../compose/types.js'
import {fillColumn, type ColumnFill} from './flow-columns.js'

/** Least free lines at a column's foot that the text after a figure is brought up to fill. */
const MIN_FILL_BEFORE_FIGURE = 2

/**
 * Newspaper make-up stands a one-column figure at a column top and lets the
 * text after it fill the column it was met in. Given how a column was filled
 * (`fill`, from `fill.start`):
 *
 * - a figure (with its caption rows) starting in the middle of the column is
 *   moved past the text after it that refills the column to its present
 *   depth, so it starts the next column;
 * - with `capacity` given (a column filled to its foot, the text going on
 *   after it), a figure too tall for what is left of the column, which would
 *   leave the column short above it, is moved past the text that fills the
 *   column: a picture pushed over to the next page no longer leaves the rest
 *   of its page blank.
 *
 * Figures the refilled column meets in turn go along, in their order, each
 * to a column top of its own; so do figures standing right behind a moved
 * one. Returns the reordered rows, or undefined when no figure in the
 * column needs moving (or no text would move).
 */
export function floatFigure(rows: readonly Row[], fill: ColumnFill, capacity?: number): Row[] | undefined {
  for (let i = fill.start + 1; i < fill.end; i++) {
    if (!startsFigure(rows, i)) continue
    const moved = moveFigures(rows, i, fill.start, fill.lines)
    if (moved) return moved
  }
  return capacity === undefined ? undefined : fillAboveFigure(rows, fill, capacity)
}

/**
 * The second rule of `floatFigure` alone: a figure too tall for what is left
 * of a column of `capacity` lines goes on past the text that fills the
 * column. A handout page takes this one only: a figure that fits mid-page
 * stays by its text there, as a book sets it.
 */
export function fillAboveFigure(rows: readonly Row[], fill: ColumnFill, capacity: number): Row[] | undefined {
  if (capacity - fill.lines < MIN_FILL_BEFORE_FIGURE || fill.end <= fill.start || !startsFigure(rows, fill.end)) return undefined
  return moveFigures(rows, fill.end, fill.start, capacity)
}

/** Does a one-column figure (not its caption rows, not a spanning figure) start at row `i`? */
function startsFigure(rows: readonly Row[], i: number): boolean {
  const row = rows[i]
  if (!row || row.kind !== 'figure' || (row.columns ?? 1) > 1) return false
  const before = rows[i - 1]
  return !before || before.kind !== 'figure' || before.block !== row.block
}

/**
 * The figure starting at row `i` (with its caption rows) moved past the text
 * after it that fills the column from `start` to `lines` deep, with every
 * figure that text meets on the way (inside the column, or too tall for what
 * is left at its foot); undefined when no text would move.
 *
 * The work is done on the rows that can matter, from `start` until more
 * text than the column holds (a figure-dense story is thousands of rows, and
 * pagination asks this many times a page).
 */
function moveFigures(rows: readonly Row[], i: number, start: number, lines: number): Row[] | undefined {
  let limit = start
  let text = 0
  while (limit < rows.length && text <= lines + 1) {
    if (rows[limit]!.kind !== 'figure') text += rows[limit]!.span
    limit++
  }
  const moved: Row[] = []
  let rest = rows.slice(start, limit)
  let at = i - start
  for (;;) {
    // The figure with its caption rows, and any one-column figures right behind it: a backlog of figures with no
    // text between them goes on together (one at a time, a figure-dense story took time quadratic in the backlog).
    let end = at + 1
    while (end < rest.length && rest[end]!.kind === 'figure' && (rest[end]!.columns ?? 1) === 1) end++
    moved.push(...rest.slice(at, end))
    rest = [...rest.slice(0, at), ...rest.slice(end)]
    // The window ends where the story does, or past more text than the column holds: filling it ends as filling all would.
    const fill = fillColumn(rest, 0, lines)
    let next = -1
    for (let k = at; k < fill.end && next < 0; k++) if (startsFigure(rest, k)) next = k
    if (next < 0 && lines - fill.lines >= MIN_FILL_BEFORE_FIGURE && startsFigure(rest, fill.end)) next = fill.end
    if (next < 0) return start + fill.end > i ? rows.slice(0, start).concat(rest.slice(0, fill.end), moved, rest.slice(fill.end), rows.slice(limit)) : undefined
    at = next
  }
}
