import type {Item} from '../compose/types.js'
import {fitLine} from './fit-line.js'
import type {HandoutLayoutContext} from './types.js'

/**
 * The footer `第 x 页 / 共 y 页`, centred in the bottom margin below the
 * grid, so a loose sheet can be put back in order.
 */
export function pageFooter(page: number, total: number, context: HandoutLayoutContext): Item[] {
  const {grid, handout} = context
  const bottom = grid.topPt + grid.linesPerColumn * grid.pitchPt
  const line = fitLine(`第 ${page} 页 / 共 ${total} 页`, handout.footer, handout.minSize, grid.typeAreaWidthPt, 'center', context)
  if (!line) return []
  const baseline = bottom + (grid.pageHeightPt - bottom) * 0.45 + handout.footer.size * 0.35
  return [{type: 'text', xPt: grid.leftPt + line.xPt, baselinePt: baseline, placed: line.placed, role: 'footer'}]
}
