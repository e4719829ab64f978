import type {Block} from '../article/types.js'
import {typesetParagraph, type Line} from '../paragraph/typeset-paragraph.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import {paragraphOptions, shapeRuns, textItem, type ComposeContext, type ImageInfo} from './compose-blocks.js'
import {figureColumns, spanWidthPt} from './figure-columns.js'

/** Caption size relative to the body. */
export const CAPTION_SCALE = 0.86
/** Height ÷ width of the placeholder drawn for a picture that could not be read. */
const PLACEHOLDER_ASPECT = 0.6
/** Space above a spanning picture (its top lines up with the ink of the first text line) and the least space below it, in pitches. */
const PICTURE_TOP = 0.15
const PICTURE_BOTTOM = 0.3
/** Blank grid lines between a spanning figure (its caption) and the text under it. */
export const FLOAT_GAP_LINES = 1
/** Largest share of a column's lines a spanning figure may take: the deck and some text must share its page. */
export const MAX_FLOAT_SHARE = 0.6

type Figure = Extract<Block, {type: 'figure'}>

/**
 * A figure (picture or placeholder box) in whole grid lines with its caption
 * below in 黑 at caption size. One column wide: a picture row and caption
 * rows that flow with the text (pagination floats them to a column top).
 * Wider (see `figureColumns`): one row `columns` wide that pagination stands
 * at the top of that many columns.
 */
export function figureRows(figure: Figure, block: number, context: ComposeContext): Row[] {
  const info = context.images.get(figure.src)
  const columns = figureColumns(figure, info ? info.widthPx / info.heightPx : undefined, context.template, context.grid.columns)
  // A page narrower than the span asked for (handouts are one column by design: no message there).
  if (typeof figure.span === 'number' && figure.span > context.grid.columns && context.template.kind === 'newspaper') {
    context.warn('figure-span', `Figure ${figure.src} asks for ${figure.span} columns; the ${context.template.name} page has ${context.grid.columns}, so it spans them all`, figure.position)
  }
  return columns > 1 ? [spanningFigureRow(figure, block, columns, info, context)] : columnFigureRows(figure, block, info, context)
}

function columnFigureRows(figure: Figure, block: number, info: ImageInfo | undefined, context: ComposeContext): Row[] {
  const {grid} = context
  const width = grid.measurePt
  let height = info ? (width * info.heightPx) / info.widthPx : width * PLACEHOLDER_ASPECT
  // As a spanning figure: at most MAX_FLOAT_SHARE of the column, so text shares its page (a portrait across a
  // handout's wide measure would otherwise take the page).
  const maxHeight = grid.pitchPt * Math.max(3, Math.min(grid.linesPerColumn - 8, Math.floor(grid.linesPerColumn * MAX_FLOAT_SHARE)))
  if (height > maxHeight) {
    context.warn('figure-scaled', `Figure ${figure.src} is taller than ${Math.round(MAX_FLOAT_SHARE * 100)} % of a column; scaled to fit`, figure.position)
    height = maxHeight
  }
  height *= context.figureScale ?? 1
  const drawnWidth = info ? Math.min(width, (height * info.widthPx) / info.heightPx) : width * (context.figureScale ?? 1)
  const framed = frameInLines(info, (width - drawnWidth) / 2, drawnWidth, height, COLUMN_PICTURE_TOP, COLUMN_PICTURE_BOTTOM, grid.pitchPt)
  const rows: Row[] = [{span: framed.lines, items: [framed.item], breakAfter: figure.caption.length > 0 ? BREAK_COST.keep : 0, kind: 'figure', block}]
  // The caption under the picture, as wide as it: a picture narrower than the measure (a portrait, or one set
  // smaller to pull a handout's last lines back) is centred, and a caption at the measure's left edge stood
  // apart from it. At least half the measure, so a narrow portrait's caption is not a column of short lines.
  const captionWidth = Math.max(drawnWidth, width / 2)
  const captionX = (width - captionWidth) / 2
  captionLines(figure, captionWidth, context).forEach((line, i, lines) => {
    const item = textItem(line, grid.baselineOffsetPt, 'caption')
    rows.push({span: 1, items: [captionX > 0 && item.type === 'text' ? {...item, xPt: item.xPt + captionX} : item], breakAfter: i < lines.length - 1 ? BREAK_COST.keep : 0, kind: 'figure', block})
  })
  return rows
}

/**
 * A figure across `columns` columns as one row: the picture scaled to the
 * span width, the caption justified across the same width on the grid lines
 * under it, a blank line before the text; the whole block is whole grid
 * lines. A block taller than `MAX_FLOAT_SHARE` of a column is scaled down
 * (centred) with a warning.
 */
function spanningFigureRow(figure: Figure, block: number, columns: number, info: ImageInfo | undefined, context: ComposeContext): Row {
  const {grid} = context
  const pitch = grid.pitchPt
  const width = spanWidthPt(grid, columns)
  const caption = captionLines(figure, width, context)
  const margins = PICTURE_TOP + PICTURE_BOTTOM
  const maxPictureLines = Math.max(2, Math.floor(grid.linesPerColumn * MAX_FLOAT_SHARE) - caption.length - FLOAT_GAP_LINES)
  let height = info ? (width * info.heightPx) / info.widthPx : width * PLACEHOLDER_ASPECT
  const maxHeight = (maxPictureLines - margins) * pitch
  if (height > maxHeight) {
    context.warn('figure-scaled', `Figure ${figure.src} across ${columns} columns would take more than ${Math.round(MAX_FLOAT_SHARE * 100)} % of the page height; scaled down to fit`, figure.position)
    height = maxHeight
  }
  const drawnWidth = info ? Math.min(width, (height * info.widthPx) / info.heightPx) : width
  const framed = frameInLines(info, (width - drawnWidth) / 2, drawnWidth, height, PICTURE_TOP, PICTURE_BOTTOM, pitch)
  const pictureLines = framed.lines
  const items: Item[] = [framed.item]
  caption.forEach((line, i) => items.push(textItem(line, (pictureLines + i) * pitch + grid.baselineOffsetPt, 'caption')))
  return {span: pictureLines + caption.length + FLOAT_GAP_LINES, items, breakAfter: 0, kind: 'figure', block, columns}
}

/**
 * The picture in whole grid lines, with `top` and at least `bottom` pitches
 * of space around it. A picture within `CROP_SHARE` of a whole number of
 * lines is trimmed to fill them (裁切: centred, cover), so no sliver of blank
 * is left under it; otherwise the rounding is blank space under it. A
 * placeholder box simply takes the lines.
 */
function frameInLines(info: ImageInfo | undefined, xPt: number, widthPt: number, heightPt: number, top: number, bottom: number, pitch: number): {lines: number; item: Item} {
  const margins = (top + bottom) * pitch
  const lines = Math.max(MIN_PICTURE_LINES, Math.ceil((heightPt + margins) / pitch - 1e-9))
  const nearest = Math.max(MIN_PICTURE_LINES, Math.round((heightPt + margins) / pitch))
  const target = nearest * pitch - margins
  if (!info || Math.abs(target - heightPt) > CROP_SHARE * heightPt || Math.abs(target - heightPt) < 0.01) {
    return {lines, item: picture(info, xPt, top * pitch, widthPt, info ? heightPt : lines * pitch - margins)}
  }
  // Cover the frame: a shorter frame trims top and bottom; a taller one scales the picture up and trims the sides.
  const scale = Math.max(1, target / heightPt)
  const full = {xPt: xPt - (widthPt * scale - widthPt) / 2, yPt: top * pitch - (heightPt * scale - target) / 2, widthPt: widthPt * scale, heightPt: heightPt * scale}
  return {lines: nearest, item: {type: 'image', xPt, yPt: top * pitch, widthPt, heightPt: target, image: info.key, full}}
}

/** Least grid lines a picture takes. */
const MIN_PICTURE_LINES = 2
/** Largest share of a picture's height trimmed (or added by scaling up) to fit it to whole lines. */
const CROP_SHARE = 0.1
/** Space above a one-column picture and the least below it, in pitches. */
const COLUMN_PICTURE_TOP = 0.15
const COLUMN_PICTURE_BOTTOM = 0.15

/** The picture, or a placeholder box when it could not be prepared. */
function picture(info: ImageInfo | undefined, xPt: number, yPt: number, widthPt: number, heightPt: number): Item {
  return info ? {type: 'image', xPt, yPt, widthPt, heightPt, image: info.key} : {type: 'box', xPt, yPt, widthPt, heightPt, style: 'placeholder'}
}

/** The caption (图片说明) set in 黑 at caption size, justified across `width`. */
function captionLines(figure: Figure, width: number, context: ComposeContext): Line[] {
  if (figure.caption.length === 0) return []
  const size = context.grid.bodySizePt * CAPTION_SCALE
  const atoms = shapeRuns(figure.caption, context, size, 'hei')
  return typesetParagraph(atoms, paragraphOptions(context.template, width, size, {firstIndentPt: 0, restIndentPt: 0, align: 'justify'}))
}
