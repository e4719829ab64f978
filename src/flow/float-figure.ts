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
 * to a column top of its own. Returns the reordered rows, or undefined when
 * no figure in the column needs moving (or no text would move).
 */
export function floatFigure(rows: readonly Row[], fill: ColumnFill, capacity?: number): Row[] | undefined {
  for (let i = fill.start + 1; i < fill.end; i++) {
    if (!startsFigure(rows, i)) continue
    const moved = moveFigures(rows, i, fill.start, fill.lines)
    if (moved) return moved
  }
  if (capacity === undefined || capacity - fill.lines < MIN_FILL_BEFORE_FIGURE || fill.end <= fill.start || !startsFigure(rows, fill.end)) return undefined
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
 */
function moveFigures(rows: readonly Row[], i: number, start: number, lines: number): Row[] | undefined {
  const moved: Row[] = []
  let rest = rows
  let at = i
  for (;;) {
    let end = at + 1
    while (end < rest.length && rest[end]!.kind === 'figure' && rest[end]!.block === rest[at]!.block) end++
    moved.push(...rest.slice(at, end))
    rest = [...rest.slice(0, at), ...rest.slice(end)]
    const fill = fillColumn(rest, start, lines)
    let next = -1
    for (let k = at; k < fill.end && next < 0; k++) if (startsFigure(rest, k)) next = k
    if (next < 0 && lines - fill.lines >= MIN_FILL_BEFORE_FIGURE && startsFigure(rest, fill.end)) next = fill.end
    if (next < 0) return fill.end > i ? [...rest.slice(0, fill.end), ...moved, ...rest.slice(fill.end)] : undefined
    at = next
  }
}
