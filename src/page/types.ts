import type {Item} from '../compose/types.js'

/** One page: absolutely positioned items, y measured down from the top edge, in pt. */
export interface Page {
  widthPt: number
  heightPt: number
  items: Item[]
}

/** A PDF outline entry (bookmark). */
export interface OutlineEntry {
  title: string
  /** Page index, 0-based. */
  page: number
  yPt: number
}

/** Document information for the PDF Info dictionary. */
export interface DocumentInfo {
  title: string
  author?: string
  subject?: string
  keywords?: string
  /** ISO date: becomes CreationDate and ModDate, so builds are byte-identical. */
  date?: string
  lang: string
}

/** A laid-out document, ready for any renderer. Plain data. */
export interface PagedDocument {
  pages: Page[]
  info: DocumentInfo
  outline: OutlineEntry[]
  /** Prepared images by key: bytes and pixel size. */
  images: Record<string, {data: Uint8Array; widthPx: number; heightPx: number}>
}
