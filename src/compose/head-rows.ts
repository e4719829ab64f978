import type {Inline} from '../article/types.js'
import {typesetParagraph, type Line} from '../paragraph/typeset-paragraph.js'
import type {Atom} from '../text/atom.js'
import {joinWords, phraseBreaks} from './head-breaks.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import {paragraphOptions, rowPerLine, shapeRuns, textItem, type ComposeContext} from './compose-blocks.js'

/** How far a head's tint stays inside its line slots, in pt. */
const TINT_INSET_PT = 0.75

/** Heads longer than this many lines are set line by line. */
const MAX_HEAD_LINES = 4

/**
 * A section head (小标题): set in the head style, centred or flush left, in a
 * band of whole grid lines (clreq §2.3.4: heads take an integer multiple of
 * the line pitch), text centred vertically in the band, an odd blank line
 * above. `stacked`: the head follows another head directly, so it drops the
 * blank lines above it.
 */
export function headRows(runs: readonly Inline[], depth: number, block: number, context: ComposeContext, stacked = false): Row[] {
  const {grid, template} = context
  const style = template.heads[String(depth)] ?? template.heads['4'] ?? {font: 'hei', size: grid.bodySizePt, lines: 1, align: 'left'}
  const align = style.align === 'center' ? 'center' : 'left'
  // Shrink a head that would wrap down to body size first (a one-line head reads best).
  let size = style.size
  let atoms = shapeRuns(runs, context, size, style.font)
  const natural = atoms.reduce((sum, atom) => sum + atom.advancePt, 0)
  if (natural > grid.measurePt && size > grid.bodySizePt) {
    size = Math.max(grid.bodySizePt, Math.floor((style.size * grid.measurePt) / natural * 4) / 4)
    atoms = shapeRuns(runs, context, size, style.font)
  }
  let lines = typesetParagraph(atoms, paragraphOptions(template, grid.measurePt, size, {firstIndentPt: 0, restIndentPt: 0, align}))
  if (lines.length > 1) {
    const count = lines.length
    // At most the measure less 2 characters, so a centred line clearly reads as a head.
    const fullChars = Math.floor(grid.measurePt / size + 1e-9)
    const maxChars = fullChars - (align === 'center' ? 2 : 1)
    const setAt = (part: readonly Atom[], chars: number): Line[] => typesetParagraph(part, paragraphOptions(template, chars * size, size, {firstIndentPt: 0, restIndentPt: 0, align}))
    // A head of two lines turns at a phrase's end where it can (上饶：|检察公益诉讼守护信江水质): the most even such pair of lines.
    let phrased: Line[] | undefined
    let unevenness = Infinity
    for (const {end, next} of count === 2 ? phraseBreaks(atoms) : []) {
      const first = atoms.slice(0, end + 1)
      const second = atoms.slice(next)
      if (first.length < 2 || second.length < 2) continue
      // Each line may take the whole measure: a line of its own sense reads as a head however long.
      const pair = [...setAt(first, fullChars), ...setAt(second, fullChars)]
      if (pair.length !== 2) continue
      const gap = Math.abs(pair[0]!.widthPt - pair[1]!.widthPt)
      if (gap < unevenness) {
        unevenness = gap
        const shift = align === 'center' ? (grid.measurePt - fullChars * size) / 2 : 0
        phrased = pair.map((line) => ({...line, xPt: line.xPt + shift}))
      }
    }
    // Else balance it: the narrowest whole-character measure that keeps the line count, turning between words, not inside one.
    let balanced: Line[] | undefined = phrased
    if (!balanced) {
      const joined = joinWords(atoms)
      const width = atoms.reduce((sum, atom) => sum + atom.advancePt, 0)
      for (let chars = Math.ceil(width / size / count); chars <= maxChars && !balanced; chars++) {
        const trial = setAt(joined, chars)
        if (trial.length === count && trial.every((line) => line.kind !== 'emergency')) {
          const shift = align === 'center' ? (grid.measurePt - chars * size) / 2 : 0
          balanced = trial.map((line) => ({...line, xPt: line.xPt + shift}))
        }
      }
    }
    // Otherwise fill the measure: justified lines, the last one centred.
    lines = balanced ?? typesetParagraph(atoms, {...paragraphOptions(template, grid.measurePt, size, {firstIndentPt: 0, restIndentPt: 0, align: 'justify'}), lastAlign: align})
  }
  // The band is whole grid lines (占行: the template's `lines` for a one-line head) with the head's lines on grid baselines, centred.
  if (lines.length > MAX_HEAD_LINES) {
    // A runaway head (a paragraph marked as a heading): one row per line, so it can never outgrow a column.
    // Its lines may part across columns; only the last keeps with the text after it.
    return rowPerLine(lines, grid.baselineOffsetPt, 'head', 'head', block, BREAK_COST.keep)
  }
  // A head that wraps keeps the blank lines a one-line head has.
  const blanks = Math.max(0, style.lines - 1)
  // An odd blank line goes above: a head stands closer to the text it heads than to the text before it.
  // A head right under another head (## then ###) drops the blank above: the band above already parts it from the text.
  const above = stacked ? 0 : Math.ceil(blanks / 2)
  const span = lines.length + blanks - (Math.ceil(blanks / 2) - above)
  const items: Item[] = lines.map((line, i) => textItem(line, (above + i) * grid.pitchPt + grid.baselineOffsetPt, 'head'))
  // A tint (底纹) behind the head's lines, inset from the line slots so it never touches the text around it.
  if (style.tint) items.unshift({type: 'box', style: 'tint', tint: style.tint, xPt: 0, yPt: above * grid.pitchPt + TINT_INSET_PT, widthPt: grid.measurePt, heightPt: lines.length * grid.pitchPt - 2 * TINT_INSET_PT})
  return [{span, items, breakAfter: BREAK_COST.keep, kind: 'head', block, ...(above > 0 ? {topBlank: above} : {})}]
}
