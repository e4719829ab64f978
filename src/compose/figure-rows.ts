import type {Block} from '../article/types.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import {paragraphOptions, shapeRuns, textItem, type ComposeContext} from './compose-blocks.js'

/** Caption size relative to the body. */
export const CAPTION_SCALE = 0.86

/** A figure (picture or placeholder box) in whole grid lines, its caption below in 黑 at caption size. */
export function figureRows(figure: Extract<Block, {type: 'figure'}>, block: number, context: ComposeContext): Row[] {
  const {grid, template} = context
  const info = context.images.get(figure.src)
  const width = grid.measurePt
  let height = info ? (width * info.heightPx) / info.widthPx : width * 0.6
  const maxHeight = grid.pitchPt * Math.max(3, grid.linesPerColumn - 8)
  if (height > maxHeight) {
    context.warn('figure-scaled', `Figure ${figure.src} is taller than a column allows; scaled to fit`, figure.position)
    height = maxHeight
  }
  const span = Math.max(2, Math.ceil((height + grid.pitchPt * 0.3) / grid.pitchPt))
  const drawnWidth = info ? Math.min(width, (height * info.widthPx) / info.heightPx) : width
  const x = (width - drawnWidth) / 2
  const items: Item[] = info
    ? [{type: 'image', xPt: x, yPt: grid.pitchPt * 0.15, widthPt: drawnWidth, heightPt: height, image: info.key}]
    : [{type: 'box', xPt: 0, yPt: grid.pitchPt * 0.15, widthPt: width, heightPt: height, style: 'placeholder'}]
  const rows: Row[] = [{span, items, breakAfter: figure.caption.length > 0 ? BREAK_COST.keep : 0, kind: 'figure', block}]
  if (figure.caption.length > 0) {
    const size = grid.bodySizePt * CAPTION_SCALE
    const atoms = shapeRuns(figure.caption, context, size, 'hei')
    const lines = typesetParagraph(atoms, paragraphOptions(template, width, size, {firstIndentPt: 0, restIndentPt: 0, align: 'justify'}))
    lines.forEach((line, i) => rows.push({span: 1, items: [textItem(line, grid.baselineOffsetPt, 'caption')], breakAfter: i < lines.length - 1 ? BREAK_COST.keep : 0, kind: 'figure', block}))
  }
  return rows
}
