import {lineBreakCost, paragraphOptions} from '../compose/compose-blocks.js'
import {BREAK_COST, type Item, type Row} from '../compose/types.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import type {PlacedAtom} from '../paragraph/justify-line.js'
import {RUNAWAY_LINES, type HandoutLayoutContext} from './types.js'
import {titleRows} from './title-row.js'

/** One line of the table of contents: a section title and the page it starts on (1-based). */
export interface TocEntry {
  title: string
  page: number
}

/** Width kept for the page number at the right, in body ems. */
const NUMBER_EMS = 3
/** Leader character: the 省略号 (GB/T 15834-2011 §4.11), one em wide in CJK fonts. */
const LEADER = '…'
/** Gap between the leader and the (Latin) page number: the ¼ em of Han–Latin spacing (clreq §3.3). */
const NUMBER_GAP_EM = 0.25

/**
 * Rows of the combined file's table of contents (目录): its head, then one
 * entry per section, the title wrapping under itself with kinsoku, and on
 * its last line a leader of whole 省略号 running to the page number flush
 * right. Title, leader and number are one line of text, as a reader (and a
 * text extractor) sees them. Every entry is whole grid lines, a blank line
 * between entries; an entry of more than four lines is a row per line, so
 * that it parts across pages rather than runs off one.
 */
export function tocRows(entries: readonly TocEntry[], context: HandoutLayoutContext): Row[] {
  const {template, grid, handout, shape} = context
  const rows: Row[] = titleRows(handout.contentsTitle, {...handout.title, align: 'center'}, context)
  const size = grid.bodySizePt
  const font = template.body.font
  entries.forEach((entry, index) => {
    const lines = typesetParagraph(shape(entry.title, {font, sizePt: size}), paragraphOptions(template, grid.measurePt - (NUMBER_EMS + 1) * size, size, {firstIndentPt: 0, restIndentPt: size, align: 'justify'}))
    const items: Item[] = lines.slice(0, -1).map((line, i) => ({type: 'text', xPt: line.xPt, baselinePt: i * grid.pitchPt + grid.baselineOffsetPt, placed: line.placed, role: 'toc'}))
    const last = lines[lines.length - 1]
    const placed: PlacedAtom[] = last ? last.placed.map(({atom, xPt}) => ({atom, xPt: xPt + last.xPt})) : []
    // The page number flush right.
    const number = shape(String(entry.page), {font, sizePt: size})
    const numberWidth = number.reduce((sum, atom) => sum + atom.advancePt, 0)
    let x = grid.measurePt - numberWidth
    const numberPlaced = number.map((atom) => {
      const at = {atom, xPt: x + atom.blankBeforePt}
      x += atom.advancePt
      return at
    })
    // The leader fills the gap in whole characters; the part of an em left over spreads between them.
    const from = last ? last.xPt + last.widthPt : 0
    const to = grid.measurePt - numberWidth - NUMBER_GAP_EM * size
    const count = Math.floor((to - from) / size)
    if (count > 0) {
      const step = (to - from) / count
      shape(LEADER.repeat(count), {font, sizePt: size}).forEach((atom, i) => placed.push({atom, xPt: from + i * step + (step - atom.advancePt) / 2 + atom.blankBeforePt}))
    }
    placed.push(...numberPlaced)
    const height = Math.max(1, lines.length)
    items.push({type: 'text', xPt: 0, baselinePt: (height - 1) * grid.pitchPt + grid.baselineOffsetPt, placed, role: 'toc'})
    const final = index === entries.length - 1
    const blank = final ? 0 : 1
    if (height <= RUNAWAY_LINES) {
      rows.push({span: height + blank, items, breakAfter: final ? 0 : BREAK_COST.inside, kind: 'body', block: index})
      return
    }
    // A runaway entry: each line its own row, the breaks between them costed as a paragraph's.
    items.forEach((item, i) => {
      const line: Item = {...item, baselinePt: grid.baselineOffsetPt} as Item
      const isLast = i === items.length - 1
      rows.push({span: isLast ? 1 + blank : 1, items: [line], breakAfter: isLast ? (final ? 0 : BREAK_COST.inside) : lineBreakCost(i, items.length), kind: 'body', block: index})
    })
  })
  return rows
}
