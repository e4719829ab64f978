import type {ArticleMeta, SectionHead} from '../article/types.js'
import type {Template} from '../config/template.js'
import type {Grid} from '../config/resolve-template.js'
import {composeBlocks, lineBreakCost, paragraphOptions, type ComposeContext} from '../compose/compose-blocks.js'
import {BREAK_COST, type Item, type Row} from '../compose/types.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import type {ResolvedHandout} from './resolve-handout.js'
import {RUNAWAY_LINES, type Section} from './types.js'
import {sourceLine} from './source-line.js'
import {titleRows} from './title-row.js'
import {runInSource} from './run-in-source.js'

/** Block index of rows that come from no article block. */
const NO_BLOCK = -1

/** Width of a notes rule, pt. */
const NOTES_RULE_PT = 0.3

/**
 * Turn one section into the rows of its handout, all one column measure on
 * the template grid: the section title as a head band (in the handout's
 * title style), the body set by `composeBlocks` exactly as in the paper
 * (`###` heads in the template's depth-3 style), the article's source line
 * flush right one blank line below, and the optional notes lines. The
 * source line keeps with the body's last line, so it never opens a page.
 * `closeUp` takes white out to keep a few lines off a page of their own
 * (see `layoutWithoutRunt`): 1, a line less round the title and none before
 * the source line; 2, also the source line run in at the end of the last
 * line of text, flush right, where that line leaves room for it.
 */
export function handoutRows(section: Readonly<Section>, meta: Readonly<ArticleMeta>, handout: ResolvedHandout, context: ComposeContext, closeUp: CloseUp = 0): Row[] {
  const {template, grid} = context
  // The title band, kept with the body's first lines; the body set as in the paper.
  const title = titleRows(section.title || '（无标题）', handout.title, {template, grid, handout, shape: context.shape}, section.position, closeUp > 0)
  const rows = [...title, ...composeBlocks(section.blocks, context)]
  const first = title.length
  if (rows[first]?.kind === 'body' && rows[first + 1]?.block === rows[first].block) rows[first] = {...rows[first], breakAfter: BREAK_COST.keep}
  // The source line: one blank line, then flush right; it keeps with the last body line.
  const source = sourceLine(meta)
  if (source) {
    const sourceLines = sourceRows(source, handout, template, grid, context, closeUp > 0)
    const last = rows[rows.length - 1]
    const runIn = closeUp === 2 && last && sourceLines.length === 1 ? runInSource(last, sourceLines[0]!, grid.bodySizePt) : undefined
    if (runIn) rows[rows.length - 1] = runIn
    else {
      if (last) rows[rows.length - 1] = {...last, breakAfter: BREAK_COST.keep}
      rows.push(...sourceLines)
    }
  }
  if (handout.notesLines > 0) rows.push(...notesRows(handout, context))
  return rows
}

/** How far `handoutRows` closes up a handout's white: 0 not at all. */
export type CloseUp = 0 | 1 | 2

/**
 * The source line, flush right after a blank line (`closeUp`: on the line
 * right under the text): one row, or a row per line when it runs to more
 * than four lines, so that it never outgrows a page.
 */
function sourceRows(text: string, handout: ResolvedHandout, template: Template, grid: Grid, context: ComposeContext, closeUp: boolean): Row[] {
  const size = handout.source.size
  const atoms = context.shape(text, {font: handout.source.font, sizePt: size})
  const lines = typesetParagraph(atoms, paragraphOptions(template, grid.measurePt, size, {firstIndentPt: 0, restIndentPt: 0, align: 'right'}))
  const blank = closeUp ? 0 : 1
  const item = (line: (typeof lines)[number], at: number): Item => ({type: 'text', xPt: line.xPt, baselinePt: at * grid.pitchPt + grid.baselineOffsetPt, placed: line.placed, role: 'source'})
  if (lines.length <= RUNAWAY_LINES) return [{span: lines.length + blank, items: lines.map((line, i) => item(line, i + blank)), breakAfter: 0, kind: 'body', block: NO_BLOCK}]
  return lines.map((line, i) => ({span: i === 0 ? 1 + blank : 1, items: [item(line, i === 0 ? blank : 0)], breakAfter: lineBreakCost(i, lines.length), kind: 'body', block: NO_BLOCK}))
}

/** The notes area: a depth-3 head and ruled lines on the grid baselines, kept together (a page taller area still breaks). */
function notesRows(handout: ResolvedHandout, context: ComposeContext): Row[] {
  const {grid} = context
  const head: SectionHead = {type: 'sectionHead', depth: 3, children: [{type: 'text', value: handout.notesTitle, style: {}}]}
  const rows = composeBlocks([head], context).map((row) => ({...row, block: NO_BLOCK}))
  const y = grid.baselineOffsetPt + grid.bodySizePt * 0.15
  for (let i = 0; i < handout.notesLines; i++) {
    rows.push({
      span: 1,
      items: [{type: 'rule', x1: 0, y1: y, x2: grid.measurePt, y2: y, widthPt: NOTES_RULE_PT}],
      breakAfter: i < handout.notesLines - 1 ? BREAK_COST.keep : 0,
      kind: 'space',
      block: NO_BLOCK
    })
  }
  return rows
}
