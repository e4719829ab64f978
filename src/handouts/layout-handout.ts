import type {Item, Row} from '../compose/types.js'
import {fillColumn} from '../flow/flow-columns.js'
import {placeColumn} from '../page/paginate.js'
import type {Page} from '../page/types.js'
import {handoutBand} from './handout-band.js'
import {runningHead} from './running-head.js'
import type {HandoutHeading, HandoutLayoutContext} from './types.js'

/**
 * Flow a handout's rows down the single column of the template grid, page
 * after page: the first page under the header band, the others under the
 * running header. Breaks follow the rows' keep, widow and orphan costs
 * (`fillColumn`, clreq §3.7). Footers come later, once the page count of
 * the whole file is known (`pageFooter`). Pure: rows in, pages out.
 */
export function layoutHandout(rows: readonly Row[], heading: Readonly<HandoutHeading>, context: HandoutLayoutContext): Page[] {
  const {grid} = context
  const pages: Page[] = []
  let next = 0
  while (next < rows.length || pages.length === 0) {
    const items: Item[] = pages.length === 0 ? handoutBand(heading, context) : runningHead(heading, context)
    const fill = fillColumn(rows, next, grid.linesPerColumn)
    // Guarantee progress even if no break is allowed anywhere.
    const end = fill.end > next ? fill.end : Math.min(rows.length, next + 1)
    placeColumn(rows, {start: next, end}, grid.leftPt, grid.topPt, grid.pitchPt, items)
    pages.push({widthPt: grid.pageWidthPt, heightPt: grid.pageHeightPt, items})
    next = end
  }
  return pages
}
