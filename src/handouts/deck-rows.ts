import type {ArticleMeta} from '../article/types.js'
import {deckLines} from '../article/deck-lines.js'
import {paragraphOptions, rowPerLine} from '../compose/compose-blocks.js'
import {BREAK_COST, type Row} from '../compose/types.js'
import {dashedSubtitle, metaLine} from '../page/deck.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import {LINE_BREAK} from '../text/segment.js'
import {titleRows} from './title-row.js'
import type {HandoutLayoutContext} from './types.js'

/**
 * A deck too tall for the cover, as rows that flow with the contents: the
 * 引题, the 主题 in the handout's title style (a runaway one a line to a grid
 * line), the 副题 and the meta line, each a paragraph at body size, centred,
 * one row per line. Nothing of it is lost, and none of it runs off the page.
 */
export function deckRows(meta: Readonly<ArticleMeta>, context: HandoutLayoutContext): Row[] {
  const {template, grid, handout, shape} = context
  const size = grid.bodySizePt
  const paragraph = (text: string, role: string): Row[] => {
    const atoms = shape(deckLines(text).join(LINE_BREAK), {font: template.body.font, sizePt: size})
    const lines = typesetParagraph(atoms, paragraphOptions(template, grid.measurePt, size, {firstIndentPt: 0, restIndentPt: 0, align: 'center'}))
    return rowPerLine(lines, grid.baselineOffsetPt, role, 'body', -1, 0)
  }
  const rows: Row[] = []
  if (meta.kicker) rows.push(...paragraph(meta.kicker, 'kicker'))
  // The 主题 as the handout's title, its lines marked as the deck's headline.
  const title = titleRows(deckLines(meta.title || '（无标题）').join(' '), {...handout.title, align: 'center'}, context)
  rows.push(...title.map((row) => ({...row, items: row.items.map((item) => (item.type === 'text' ? {...item, role: 'headline'} : item))})))
  if (meta.subtitle) rows.push(...paragraph(dashedSubtitle(meta.subtitle), 'subtitle'))
  const line = metaLine(meta)
  if (line) rows.push(...paragraph(line, 'meta'))
  // A blank line before the contents.
  const last = rows[rows.length - 1]
  if (last) rows[rows.length - 1] = {...last, span: last.span + 1, breakAfter: BREAK_COST.inside}
  return rows
}
