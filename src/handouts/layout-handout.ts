import type {Item, Row} from '../compose/types.js'
import {fillColumn} from '../flow/flow-columns.js'
import {fillAboveFigure} from '../flow/float-figure.js'
import {placeColumn} from '../page/paginate.js'
import type {Page} from '../page/types.js'
import {handoutBand} from './handout-band.js'
import {runningHead} from './running-head.js'
import type {HandoutHeading, HandoutLayoutContext} from './types.js'

/**
 * Flow a handout's rows down the single column of the template grid, page
 * after page: the first page under the header band, the others under the
 * running header. Breaks follow the rows' keep, widow and orphan costs
 * (`fillColumn`, clreq §3.7); a figure stays by its text where it fits, and
 * stands at the next page's top when it does not fit under the text before
 * it, which the text after it then fills (`fillAboveFigure`). Footers come
 * later, once the page count of the whole file is known (`pageFooter`).
 * Pure: rows in, pages out.
 */
export function layoutHandout(input: readonly Row[], heading: Readonly<HandoutHeading>, context: HandoutLayoutContext): Page[] {
  const {grid} = context
  const pages: Page[] = []
  let rows = input
  let next = 0
  while (next < rows.length || pages.length === 0) {
    const items: Item[] = pages.length === 0 ? handoutBand(heading, context) : runningHead(heading, context)
    let fill = fillColumn(rows, next, grid.linesPerColumn)
    // A figure that does not fit under the page's text goes over to the next page, and the text after it fills this one.
    for (let moves = 0; moves < MAX_FIGURE_MOVES && fill.end < rows.length; moves++) {
      const moved = fillAboveFigure(rows, fill, grid.linesPerColumn)
      if (!moved) break
      rows = moved
      fill = fillColumn(rows, next, grid.linesPerColumn)
    }
    // Guarantee progress even if no break is allowed anywhere.
    const end = fill.end > next ? fill.end : Math.min(rows.length, next + 1)
    placeColumn(rows, {start: next, end}, grid.leftPt, grid.topPt, grid.pitchPt, items)
    pages.push({widthPt: grid.pageWidthPt, heightPt: grid.pageHeightPt, items})
    next = end
  }
  return pages
}

/** Figure moves per page before the page is taken as it is. */
const MAX_FIGURE_MOVES = 4
