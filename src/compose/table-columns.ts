/** What one table column asks for, in characters of the table's type size. */
export interface CellWant {
  /** Widest piece no line may break inside (a Latin word, a number with its unit). */
  minChars: number
  /** Longest cell set on one line. */
  naturalChars: number
}

/**
 * Characters a table column needs before it counts as set sensibly: its
 * longest cell if shorter, else this many (a longer cell wraps to lines of
 * at least six characters), and never less than its widest unbreakable piece.
 */
export const SENSIBLE_CELL_CHARS = 6

/** Characters a table column needs to be set sensibly (see `SENSIBLE_CELL_CHARS`). */
export function wantedChars(want: CellWant): number {
  return Math.max(1, Math.ceil(want.minChars - 1e-9), Math.min(Math.ceil(want.naturalChars - 1e-9), SENSIBLE_CELL_CHARS))
}

/**
 * Page columns a table spans: the fewest (up to all `maxColumns`) whose
 * width holds every table column's `wantedChars` plus the gaps between
 * cells. So a table of two or three short columns stays in one column and
 * wraps there, and a wide one (many columns, or long text in several) spans
 * as many columns as it needs.
 *
 * @param charsIn
 *   Characters of the table's size across `columns` page columns with their gutters.
 */
export function tableColumns(wants: readonly CellWant[], gapChars: number, charsIn: (columns: number) => number, maxColumns: number): number {
  const needed = wants.reduce((sum, want) => sum + wantedChars(want), 0) + gapChars * Math.max(0, wants.length - 1)
  for (let columns = 1; columns < maxColumns; columns++) if (charsIn(columns) >= needed) return columns
  return Math.max(1, maxColumns)
}

/**
 * Share `available` characters among the table columns in whole characters:
 * each first gets what it needs to be set sensibly, then one character at a
 * time goes to the column whose longest cell is most cramped (longest cell ÷
 * width; leftmost on a tie), so long text gets the room and short columns
 * stay narrow. When the needs do not fit, each column starts from the least
 * it can be set in (its widest unbreakable piece, at least `minChars`) and
 * the rest goes out the same way, so a column of two-digit numbers stays two
 * characters wide while a column of names wraps. When even those do not fit,
 * columns share equally (at least one character).
 */
export function tableCellChars(wants: readonly CellWant[], available: number, minChars: number): number[] {
  const n = Math.max(1, wants.length)
  let chars = wants.map((want) => Math.max(minChars, wantedChars(want)))
  let left = available - chars.reduce((sum, value) => sum + value, 0)
  if (left < 0) {
    chars = wants.map((want) => Math.max(minChars, Math.ceil(want.minChars - 1e-9)))
    left = available - chars.reduce((sum, value) => sum + value, 0)
  }
  if (left < 0 || wants.length === 0) return Array.from({length: n}, () => Math.max(1, Math.floor(available / n)))
  while (left > 0) {
    let best = 0
    for (let c = 1; c < chars.length; c++) if (cramp(wants[c]!, chars[c]!) > cramp(wants[best]!, chars[best]!) + 1e-9) best = c
    chars[best]!++
    left--
  }
  return chars
}

function cramp(want: CellWant, chars: number): number {
  return Math.max(want.naturalChars, 1) / chars
}
