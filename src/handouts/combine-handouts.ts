import type {ArticleMeta} from '../article/types.js'
import type {DocumentInfo, OutlineEntry, Page, PagedDocument} from '../page/types.js'
import {layoutCover} from './layout-cover.js'
import {pageFooter} from './page-footer.js'
import type {HandoutHeading, HandoutLayoutContext} from './types.js'

/** A handout already laid out: its title and pages (footers not yet added). */
export interface LaidOutHandout {
  section: {title: string}
  pages: Page[]
}

/**
 * Put an article's handouts into one document: a cover with the deck and a
 * table of contents giving the page each section starts on, every section
 * from a new page, one PDF bookmark per section, and the footer
 * `第 x 页 / 共 y 页` counted over the whole file. Pure.
 */
export function combineHandouts(meta: Readonly<ArticleMeta>, heading: Readonly<HandoutHeading>, handouts: readonly LaidOutHandout[], context: HandoutLayoutContext, info: DocumentInfo, images: PagedDocument['images']): PagedDocument {
  // The contents need the cover's length, and the cover holds the contents: lay it out until the length settles.
  let cover = layoutCover(meta, heading, entriesAfter(0, handouts), context)
  for (let tries = 0; tries < 3; tries++) {
    const next = layoutCover(meta, heading, entriesAfter(cover.length, handouts), context)
    const settled = next.length === cover.length
    cover = next
    if (settled) break
  }
  const pages = [...cover]
  const outline: OutlineEntry[] = []
  for (const handout of handouts) {
    outline.push({title: handout.section.title, page: pages.length, yPt: context.grid.topPt})
    pages.push(...handout.pages)
  }
  const numbered = pages.map((page, i) => ({...page, items: [...page.items, ...pageFooter(i + 1, pages.length, context)]}))
  return {pages: numbered, info, outline, images}
}

/** Contents entries when the cover takes `coverPages` pages: each section's first page, 1-based. */
function entriesAfter(coverPages: number, handouts: readonly LaidOutHandout[]): {title: string; page: number}[] {
  let page = coverPages + 1
  return handouts.map((handout) => {
    const entry = {title: handout.section.title, page}
    page += handout.pages.length
    return entry
  })
}
