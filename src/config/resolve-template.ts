import {mm, type Template} from './template.js'

/** The 版心 grid of a template, every length in PDF points. */
export interface Grid {
  pageWidthPt: number
  pageHeightPt: number
  bodySizePt: number
  /** Baseline-to-baseline distance. */
  pitchPt: number
  /** Column measure: charsPerLine × body size. */
  measurePt: number
  columns: number
  gutterPt: number
  /** Left edge of each column. */
  columnXPt: number[]
  /** Top of the first grid line. */
  topPt: number
  linesPerColumn: number
  /** Baseline of a body line below its grid cell's top: the em box centred in the pitch. */
  baselineOffsetPt: number
  /** Width of all columns and gutters together. */
  typeAreaWidthPt: number
  leftPt: number
  indentPt: number
}

/** Share of the em box above the baseline in CJK fonts (ideographic em box, OpenType `BASE` ideo = −0.12 em). */
export const EM_ASCENT = 0.88

/**
 * Resolve a template's grid once: characters and mm become points, the type
 * area is centred on the page, and lines per column fill the height left
 * between the top and bottom margins unless the template fixes them.
 */
export function resolveGrid(template: Template): Grid {
  const body = template.body
  const pageWidthPt = mm(template.page.width)
  const pageHeightPt = mm(template.page.height)
  const measurePt = body.charsPerLine * body.size
  const gutterPt = body.gutterChars * body.size
  const typeAreaWidthPt = body.columns * measurePt + (body.columns - 1) * gutterPt
  const leftPt = (pageWidthPt - typeAreaWidthPt) / 2
  const topPt = mm(template.page.marginTop)
  const available = pageHeightPt - topPt - mm(template.page.marginBottom)
  const linesPerColumn = body.linesPerColumn ?? Math.floor(available / body.pitch + 1e-9)
  return {
    pageWidthPt,
    pageHeightPt,
    bodySizePt: body.size,
    pitchPt: body.pitch,
    measurePt,
    columns: body.columns,
    gutterPt,
    columnXPt: Array.from({length: body.columns}, (_, index) => leftPt + index * (measurePt + gutterPt)),
    topPt,
    linesPerColumn,
    baselineOffsetPt: (body.pitch - body.size) / 2 + EM_ASCENT * body.size,
    typeAreaWidthPt,
    leftPt,
    indentPt: body.indentChars * body.size
  }
}
