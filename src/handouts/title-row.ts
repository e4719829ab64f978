import {paragraphOptions, rowPerLine} from '../compose/compose-blocks.js'
import {BREAK_COST, type Item, type Row} from '../compose/types.js'
import {EM_ASCENT} from '../config/resolve-template.js'
import {typesetParagraph, type Line} from '../paragraph/typeset-paragraph.js'
import type {Position} from '../article/types.js'
import type {HandoutHeadStyle} from './resolve-handout.js'
import {RUNAWAY_LINES, type HandoutLayoutContext} from './types.js'

/** How far (pt) a title may shrink to stay on one line before it wraps instead. */
const TITLE_SHRINK_PT = 2
/** Leading of a wrapped title, in its size (clreq §2.3.4: heads are set solid to loosely, on the grid as a band). */
const TITLE_LEADING = 1.3

/**
 * The handout's own title as one band of whole grid lines: on one line at
 * the style's size (or up to 2 pt smaller); a longer title wraps at full
 * size into balanced lines (the narrowest measure that keeps the line
 * count), centred or flush left, the band one line clear above and below
 * (`closeUp`: half a line, the band a line shorter). Unlike a `##` head in
 * the paper it never shrinks to body size: it is the page's title. A title
 * of more than four lines is set a line to a grid line instead, one row per
 * line, so that it can part across pages rather than run off one.
 */
export function titleRows(title: string, style: HandoutHeadStyle, context: HandoutLayoutContext, position?: Position, closeUp = false): Row[] {
  const {template, grid, shape} = context
  const align = style.align === 'center' ? 'center' : 'left'
  const set = (size: number, measure: number): Line[] =>
    typesetParagraph(shape(title, {font: style.font, sizePt: size}, position), paragraphOptions(template, measure, size, {firstIndentPt: 0, restIndentPt: 0, align}))
  let size = style.size
  let lines = set(size, grid.measurePt)
  for (let smaller = style.size - 0.5; lines.length > 1 && smaller >= style.size - TITLE_SHRINK_PT; smaller -= 0.5) {
    const trial = set(smaller, grid.measurePt)
    if (trial.length === 1) {
      size = smaller
      lines = trial
    }
  }
  if (lines.length > 1) {
    // Balance: the narrowest whole-character measure that keeps the line count.
    for (let chars = Math.ceil([...title].length / lines.length); chars * size < grid.measurePt; chars++) {
      const trial = set(size, chars * size)
      if (trial.length === lines.length) {
        const shift = align === 'center' ? (grid.measurePt - chars * size) / 2 : 0
        lines = trial.map((line) => ({...line, xPt: line.xPt + shift}))
        break
      }
    }
  }
  if (lines.length > RUNAWAY_LINES) {
    // One row per line on the grid, as the paper sets a runaway head: it can never outgrow a page (nor run into
    // the footer); its lines part across pages as a paragraph's do, and the last keeps with the text after it.
    return rowPerLine(lines, (grid.pitchPt - size) / 2 + EM_ASCENT * size, 'title', 'head', -1, BREAK_COST.keep)
  }
  const leading = Math.max(grid.pitchPt, size * TITLE_LEADING)
  const height = lines.length * leading
  // Closed up (to keep a few lines off a page of their own): one line less, half a line clear above and below.
  const span = closeUp ? Math.max(style.lines - 1, Math.ceil(height / grid.pitchPt) + 1) : Math.max(style.lines, Math.ceil(height / grid.pitchPt) + 2)
  const top = (span * grid.pitchPt - height) / 2
  const items: Item[] = lines.map((line, i) => ({type: 'text', xPt: line.xPt, baselinePt: top + i * leading + (leading - size) / 2 + EM_ASCENT * size, placed: line.placed, role: 'title'}))
  return [{span, items, breakAfter: BREAK_COST.keep, kind: 'head', block: -1}]
}
