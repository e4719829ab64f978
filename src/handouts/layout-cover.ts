import type {ArticleMeta} from '../article/types.js'
import type {Item} from '../compose/types.js'
import {fillColumn} from '../flow/flow-columns.js'
import {layoutDeck} from '../page/deck.js'
import {offset, placeColumn} from '../page/paginate.js'
import type {Page} from '../page/types.js'
import {handoutBand} from './handout-band.js'
import {runningHead} from './running-head.js'
import {tocRows, type TocEntry} from './toc-rows.js'
import {deckRows} from './deck-rows.js'
import type {HandoutHeading, HandoutLayoutContext} from './types.js'

/** Blank grid lines above the deck on the cover. */
const COVER_TOP_LINES = 3
/** Largest share of the page's lines the deck may take on the cover, as in the paper; a taller one flows with the contents. */
const MAX_DECK_SHARE = 0.5

/**
 * The cover of a combined handout file: the header band, the article's deck
 * (引题 / 主题 / 副题 / meta line, `layoutDeck` as in the paper, one column
 * wide) and the table of contents, which runs on to further pages under a
 * running header if it must. A deck taller than half the page is set as
 * rows ahead of the contents instead (`deckRows`), as the paper sets one at
 * the head of the body. Pure.
 */
export function layoutCover(meta: Readonly<ArticleMeta>, heading: Readonly<HandoutHeading>, entries: readonly TocEntry[], context: HandoutLayoutContext): Page[] {
  const {template, grid, shape} = context
  const laidOut = layoutDeck(meta, template, grid, grid.measurePt, shape)
  // On the cover only when it leaves the contents four lines or more of the first page.
  const fits = laidOut.lines <= grid.linesPerColumn * MAX_DECK_SHARE && COVER_TOP_LINES + laidOut.lines + 1 <= grid.linesPerColumn - 4
  const deck = fits ? laidOut : undefined
  const rows = [...(deck ? [] : deckRows(meta, context)), ...tocRows(entries, context)]
  const pages: Page[] = []
  let next = 0
  while (next < rows.length || pages.length === 0) {
    const first = pages.length === 0
    const items: Item[] = first ? handoutBand({...heading, articleTitle: ''}, context) : runningHead(heading, context)
    const used = first && deck ? COVER_TOP_LINES + deck.lines + 1 : 0
    if (first && deck) items.push(...offset(deck.items, grid.leftPt, grid.topPt + COVER_TOP_LINES * grid.pitchPt))
    const fill = fillColumn(rows, next, grid.linesPerColumn - used)
    const end = fill.end > next ? fill.end : Math.min(rows.length, next + 1)
    placeColumn(rows, {start: next, end}, grid.leftPt, grid.topPt + used * grid.pitchPt, grid.pitchPt, items)
    pages.push({widthPt: grid.pageWidthPt, heightPt: grid.pageHeightPt, items})
    next = end
  }
  return pages
}
