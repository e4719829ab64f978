import type {Inline, Signoff} from '../article/types.js'
import {typesetParagraph, type Line} from '../paragraph/typeset-paragraph.js'
import {BREAK_COST, type Row} from './types.js'
import {paragraphOptions, shapeRuns, textItem, type ComposeContext} from './compose-blocks.js'

/**
 * Where a 落款 stands, GB/T 9704-2012 §7.3.5.3 (公文不加盖印章): the name
 * 右空二字; the date on the next line, its first character two characters
 * right of the name's first; a date that would then run past the name's
 * right space is itself set 右空二字, and the name moves left with it. A date
 * alone is set 右空二字.
 *
 * The standard measures an A4 line of 28 characters. In a newspaper column
 * of a dozen, those places can push the name or date left of the paragraph
 * indent, where it reads as one more line of text: there both lines are set
 * flush right, as newspapers set a reprinted notice's 落款.
 */
const SIGNOFF_LAYOUT = {
  /** Blank characters right of the longer line. */
  rightChars: 2,
  /** How much further right the date starts than the name, in characters. */
  dateShiftChars: 2
} as const

/**
 * Rows of a 落款: one line for the name, one for the date, at the places
 * above, kept together. A line too long for one line of the measure (a long
 * joint signature) is set flush right instead, as many lines as it needs.
 */
export function signoffRows(block: Signoff, index: number, context: ComposeContext): Row[] {
  const {grid} = context
  const name = block.name ? setLines(block.name, context, grid.measurePt) : undefined
  const date = setLines(block.date, context, grid.measurePt)
  let lines: Line[]
  if (date.length === 1 && (!name || name.length === 1)) {
    const starts = signoffStarts(name?.[0]!.widthPt, date[0]!.widthPt, grid.measurePt, grid.bodySizePt, grid.indentPt)
    lines = [...(name ? [{...name[0]!, xPt: starts.name}] : []), {...date[0]!, xPt: starts.date}]
  } else {
    const right = grid.measurePt - SIGNOFF_LAYOUT.rightChars * grid.bodySizePt
    lines = [...(block.name ? flushRight(block.name, context, right) : []), ...flushRight(block.date, context, right)]
  }
  return lines.map((line, i) => ({
    span: 1,
    items: [textItem(line, grid.baselineOffsetPt, 'body')],
    // The name and the date stay together, in one column.
    breakAfter: i === lines.length - 1 ? 0 : BREAK_COST.keep,
    kind: 'body',
    block: index,
    paragraphStart: i === 0,
    paragraphEnd: i === lines.length - 1
  }))
}

/**
 * Left edges of the name (width `nameWidth`, absent: none) and the date in a
 * measure: GB/T 9704's places, or both flush right where those start left of
 * the paragraph indent.
 */
export function signoffStarts(nameWidth: number | undefined, dateWidth: number, measurePt: number, emPt: number, indentPt: number): {name: number; date: number} {
  const right = measurePt - SIGNOFF_LAYOUT.rightChars * emPt
  const shift = SIGNOFF_LAYOUT.dateShiftChars * emPt
  let name = right - (nameWidth ?? 0)
  let date = name + shift
  if (nameWidth === undefined || date + dateWidth > right) {
    date = right - dateWidth
    name = date - shift
  }
  if (Math.min(date, nameWidth === undefined ? date : name) >= indentPt) return {name, date}
  return {name: Math.max(0, measurePt - (nameWidth ?? 0)), date: Math.max(0, measurePt - dateWidth)}
}

/** The runs set flush left, unindented, in the body face. */
function setLines(runs: readonly Inline[], context: ComposeContext, measurePt: number): Line[] {
  const {grid, template} = context
  const atoms = shapeRuns(runs, context, grid.bodySizePt, template.body.font)
  return typesetParagraph(atoms, paragraphOptions(template, measurePt, grid.bodySizePt, {firstIndentPt: 0, restIndentPt: 0, align: 'left'}))
}

/** The runs set flush right against `rightPt`. */
function flushRight(runs: readonly Inline[], context: ComposeContext, rightPt: number): Line[] {
  const {grid, template} = context
  const atoms = shapeRuns(runs, context, grid.bodySizePt, template.body.font)
  return typesetParagraph(atoms, {...paragraphOptions(template, rightPt, grid.bodySizePt, {firstIndentPt: 0, restIndentPt: 0, align: 'right'}), lastAlign: 'right'})
}
