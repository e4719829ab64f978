import type {Figure} from '../article/types.js'
import type {Template} from '../config/template.js'

/** Width ÷ height from which a picture counts as landscape, and as a panorama. */
const LANDSCAPE_ASPECT = 1.2
const PANORAMA_ASPECT = 2.2

/**
 * Columns a figure spans on a page of `columns` columns. A span written in
 * the image title wins (`通栏` = all columns) and is clamped to the page's
 * columns. Without one the picture's shape decides, so a wide picture is not
 * set as a sliver one column wide: upright and square pictures take one
 * column, landscape ones `figures.autoSpan.landscape`, panoramas
 * `figures.autoSpan.panorama` (template). A placeholder for a missing
 * picture (aspect unknown) takes one column.
 *
 * @param aspect
 *   The picture's width ÷ height, if it could be read.
 */
export function figureColumns(figure: Pick<Figure, 'span'>, aspect: number | undefined, template: Template, columns: number): number {
  const clamp = (span: number): number => Math.max(1, Math.min(columns, Math.floor(span)))
  if (figure.span === 'all') return clamp(columns)
  if (typeof figure.span === 'number') return clamp(figure.span)
  if (!aspect || !(aspect >= LANDSCAPE_ASPECT)) return 1
  const auto = template.figures.autoSpan
  return clamp(aspect >= PANORAMA_ASPECT ? auto.panorama : auto.landscape)
}

/** Width in pt of `span` adjacent columns with the gutters between them. */
export function spanWidthPt(grid: {measurePt: number; gutterPt: number}, span: number): number {
  return span * grid.measurePt + (span - 1) * grid.gutterPt
}
