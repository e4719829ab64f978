import type {Item} from '../compose/types.js'
import {chineseDate} from '../page/dates.js'
import {fitLine} from './fit-line.js'
import type {HandoutHeading, HandoutLayoutContext} from './types.js'

/** Band geometry above the type area, in pt from the grid top (the band sits in the top margin). */
const BAND = {
  /** Baseline of the label and publication line. */
  labelBaseline: -42,
  /** The double rule under it. */
  rule: -33,
  /** Baseline of the context line (选自《主题》). */
  contextBaseline: -14
} as const

/**
 * The header band of a handout's first page, in the top margin above the
 * grid: the label (培训材料) flush left with the publication and date flush
 * right, a double rule as under a newspaper's 报头, and the context line
 * 选自《主题》 naming the article the section comes from. Lines that do not
 * fit shrink, then are cut (`fitLine`); nothing wraps.
 */
export function handoutBand(heading: Readonly<HandoutHeading>, context: HandoutLayoutContext): Item[] {
  const {grid, handout} = context
  const items: Item[] = []
  const width = grid.typeAreaWidthPt
  const put = (line: ReturnType<typeof fitLine>, baseline: number, role: string, dx = 0): number => {
    if (!line) return 0
    items.push({type: 'text', xPt: grid.leftPt + dx + line.xPt, baselinePt: grid.topPt + baseline, placed: line.placed, role})
    return line.widthPt
  }
  // Label left, publication and date right of it.
  const labelWidth = put(fitLine(handout.label, handout.labelStyle, handout.minSize, width, 'left', context), BAND.labelBaseline, 'band')
  const gap = labelWidth > 0 ? handout.labelStyle.size * 2 : 0
  const facts = [heading.publication, heading.date ? chineseDate(heading.date) : undefined].filter(Boolean).join('\u3000')
  put(fitLine(facts, handout.band, handout.minSize, width - labelWidth - gap, 'right', context), BAND.labelBaseline, 'band', labelWidth + gap)
  // The double rule (thick over thin).
  items.push({type: 'rule', x1: grid.leftPt, y1: grid.topPt + BAND.rule, x2: grid.leftPt + width, y2: grid.topPt + BAND.rule, widthPt: 1.2})
  items.push({type: 'rule', x1: grid.leftPt, y1: grid.topPt + BAND.rule + 2, x2: grid.leftPt + width, y2: grid.topPt + BAND.rule + 2, widthPt: 0.4})
  // The article's 主题 as context.
  if (heading.articleTitle) put(fitLine(`选自《${heading.articleTitle}》`, handout.band, handout.minSize, width, 'left', context), BAND.contextBaseline, 'band')
  return items
}
