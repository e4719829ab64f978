import type {ArticleMeta} from '../article/types.js'
import type {ComposeContext} from '../compose/compose-blocks.js'
import type {Row} from '../compose/types.js'
import type {Page} from '../page/types.js'
import {handoutRows, type CloseUp} from './handout-rows.js'
import {layoutHandout} from './layout-handout.js'
import type {ResolvedHandout} from './resolve-handout.js'
import type {HandoutHeading, HandoutLayoutContext, Section} from './types.js'

/** A last page with at most this many lines of text (and no picture or table) is a runt page. */
const RUNT_LINES = 6

/** White closed up in turn: none, then round the title and before the source line, then the source line run in too. */
const CLOSE_UPS: readonly CloseUp[] = [0, 1, 2]

/** Shares of their size the section's pictures are tried at, after tightening alone fails. */
const FIGURE_SCALES = [0.9, 0.8] as const

/**
 * Lay out a section's handout; when its last page would hold only a few
 * lines of text (six at most), pull them back as a compositor does: set
 * the paragraphs before them one line tighter (TeX's looseness −1, as the
 * paper's widow repair does), the last first, then, if that is not enough,
 * the pictures at 90 % and 80 % of their size; then the same again with
 * the white space closed up, a line less round the title (half a line clear
 * above and below it) and the source line right under the text, and last
 * with the source line run in at the end of the text where the last line
 * leaves room, until the section fits on one page less. The type area is
 * never overrun: every line stays on the page's grid. A page printed for a
 * few lines is paper a study group turns over for nothing. When nothing
 * gets there, the first layout stands. Pure: the same section gives the
 * same pages.
 */
export function layoutWithoutRunt(section: Readonly<Section>, meta: Readonly<ArticleMeta>, handout: ResolvedHandout, compose: ComposeContext, heading: Readonly<HandoutHeading>, context: HandoutLayoutContext): Page[] {
  const first = layoutHandout(handoutRows(section, meta, handout, compose), heading, context)
  if (first.length < 2 || !isRunt(first[first.length - 1]!)) return first
  // Trials say nothing (the first layout said what there is to say); a block's rows at a scale and looseness are composed once.
  const scales = section.blocks.some((block) => block.type === 'figure') ? [undefined, ...FIGURE_SCALES] : [undefined]
  for (const closeUp of CLOSE_UPS) {
    for (const scale of scales) {
      const trialContext: ComposeContext = {...compose, warn: () => {}, cache: new Map<string, Row[]>(), ...(scale ? {figureScale: scale} : {})}
      const looseness = new Map<number, -1 | 1>()
      const layOut = (): Page[] => layoutHandout(handoutRows(section, meta, handout, {...trialContext, looseness}, closeUp), heading, context)
      if (scale || closeUp) {
        const trial = layOut()
        if (trial.length < first.length) return trial
      }
      for (let block = section.blocks.length - 1; block >= 0; block--) {
        if (section.blocks[block]!.type !== 'paragraph') continue
        looseness.set(block, -1)
        const trial = layOut()
        if (trial.length < first.length) return trial
      }
    }
  }
  return first
}

/** A page with no picture or table and at most `RUNT_LINES` lines of text (running head and footer aside). */
function isRunt(page: Page): boolean {
  if (page.items.some((item) => item.type === 'image' || (item.type === 'text' && item.role === 'cell'))) return false
  const baselines = new Set<number>()
  for (const item of page.items) if (item.type === 'text' && item.role !== 'running' && item.role !== 'footer') baselines.add(Math.round(item.baselinePt * 100))
  return baselines.size <= RUNT_LINES
}
