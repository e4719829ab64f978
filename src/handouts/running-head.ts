import type {Item} from '../compose/types.js'
import {fitLine} from './fit-line.js'
import type {HandoutHeading, HandoutLayoutContext} from './types.js'

/** Baseline of the running header and its rule, pt from the grid top. */
const RUNNING = {baseline: -12, rule: -7} as const

/**
 * The running header of a handout's continuation pages, smaller than the
 * first page's band: 主题 · section title flush left (shrunk, then cut, to
 * fit; the title once when the section has the article's), the label flush
 * right, a hairline below.
 */
export function runningHead(heading: Readonly<HandoutHeading>, context: HandoutLayoutContext): Item[] {
  const {grid, handout} = context
  const items: Item[] = []
  const width = grid.typeAreaWidthPt
  const label = fitLine(handout.label, handout.running, handout.minSize, width, 'left', context)
  const labelWidth = label ? label.widthPt + handout.running.size * 2 : 0
  // A section titled as the article (one without ## heads is one handout of it all) is named once.
  const text = [...new Set([heading.articleTitle, heading.sectionTitle].filter(Boolean))].join(' · ')
  const left = fitLine(text, handout.running, handout.minSize, width - labelWidth, 'left', context)
  if (left) items.push({type: 'text', xPt: grid.leftPt + left.xPt, baselinePt: grid.topPt + RUNNING.baseline, placed: left.placed, role: 'running'})
  if (label) items.push({type: 'text', xPt: grid.leftPt + width - label.widthPt, baselinePt: grid.topPt + RUNNING.baseline, placed: label.placed, role: 'running'})
  items.push({type: 'rule', x1: grid.leftPt, y1: grid.topPt + RUNNING.rule, x2: grid.leftPt + width, y2: grid.topPt + RUNNING.rule, widthPt: 0.4})
  return items
}
