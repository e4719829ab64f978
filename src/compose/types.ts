import type {PlacedAtom} from '../paragraph/justify-line.js'

/** A line of glyphs: `xPt` is the line's left edge, `baselinePt` its baseline (from the top). */
export interface TextItem {
  type: 'text'
  xPt: number
  baselinePt: number
  placed: PlacedAtom[]
  /** Role for goldens and the debug view: body, head, deck, furniture, caption, cell, repeatedHead (a table's head over its continuation), jump. */
  role: string
  /** How the line was broken and adjusted (Knuth–Plass ratio), for goldens. */
  kind?: 'normal' | 'final' | 'emergency'
  ratio?: number
}

/** A straight rule. */
export interface RuleItem {
  type: 'rule'
  x1: number
  y1: number
  x2: number
  y2: number
  widthPt: number
}

/** A rectangle: placeholders for missing images and characters, tints behind heads, debug frames. */
export interface BoxItem {
  type: 'box'
  xPt: number
  yPt: number
  widthPt: number
  heightPt: number
  style: 'placeholder' | 'tint' | 'debug-column' | 'debug-grid'
  /** For `tint`: percent black. */
  tint?: number
}

/** A raster image prepared for print by the assets stage. */
export interface ImageItem {
  type: 'image'
  /** The frame the picture shows in. */
  xPt: number
  yPt: number
  widthPt: number
  heightPt: number
  /** Key into the document's image table. */
  image: string
  /**
   * Where the whole picture lies when it is cropped to the frame (a picture
   * trimmed to whole grid lines, 裁切); absent: it fills the frame exactly.
   */
  full?: {xPt: number; yPt: number; widthPt: number; heightPt: number}
}

export type Item = TextItem | RuleItem | BoxItem | ImageItem

/**
 * One row of a column: `span` grid lines tall, its items relative to the
 * row's top-left corner. Flow moves rows between columns and pages.
 */
export interface Row {
  span: number
  items: Item[]
  /** Cost of a column break right after this row: 0 free, Infinity never (keep with next). */
  breakAfter: number
  /** What made the row: a body line, a head, a figure … */
  kind: 'body' | 'head' | 'figure' | 'table' | 'space'
  /** Index of the article block it came from (for handouts, goldens). */
  block: number
  /**
   * Blank grid lines at the top of the row that fall away when it starts a
   * column (the space above a 小标题: the column top already parts it from
   * what comes before). Default 0. Negative: lines the row adds when it
   * starts a column, filled with `topItems` (a table's head, repeated).
   */
  topBlank?: number
  /** Drawn above the row when it starts a column, `-topBlank` lines tall: the head of the table it continues. */
  topItems?: Item[]
  /** First/last line of its paragraph (for the widow/orphan rules). */
  paragraphStart?: boolean
  paragraphEnd?: boolean
  /**
   * Columns the row is wide (default 1). A row wider than one column (a
   * spanning figure or table) is not flowed: pagination stands it at the top
   * of that many adjacent columns of the page where its place in the text
   * falls, and the text of those columns starts below it.
   */
  columns?: number
}

/** Costs of column breaks (flow demerits). */
export const BREAK_COST = {
  /** A paragraph's first line alone at a column foot (orphan, clreq §3.7). */
  orphan: 2000,
  /** A paragraph's last line alone at a column top (widow, clreq §3.7). */
  widow: 2000,
  /** A break in the middle of a paragraph: fine. */
  inside: 0,
  /** Keep a head with its first two body lines. */
  keep: Infinity
} as const
