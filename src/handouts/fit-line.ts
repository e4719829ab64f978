import type {Template, TextStyle} from '../config/template.js'
import type {Shaper} from '../compose/compose-blocks.js'
import {paragraphOptions} from '../compose/compose-blocks.js'
import {typesetParagraph, type Line} from '../paragraph/typeset-paragraph.js'
import type {LineAlign} from '../paragraph/justify-line.js'

/** Step by which a one-line text shrinks before it is cut, pt. */
const SHRINK_STEP = 0.5

/** What `fitLine` needs: the template (kinsoku, punctuation) and the shaper. */
export interface FitLineContext {
  template: Template
  shape: Shaper
}

/**
 * Set `text` as one line of `widthPt`: at the style's size if it fits,
 * else shrunk in half points down to `minSize`, else cut at a character
 * and ended with an ellipsis …… (GB/T 15834-2011 §4.11: the Chinese
 * ellipsis is two 省略号 characters). For band, running-header and footer
 * lines, which must never wrap. Returns undefined for empty text.
 */
export function fitLine(text: string, style: TextStyle, minSize: number, widthPt: number, align: LineAlign, context: FitLineContext): Line | undefined {
  if (text.trim() === '') return undefined
  const set = (value: string, size: number): Line[] =>
    typesetParagraph(context.shape(value, {font: style.font, sizePt: size}), paragraphOptions(context.template, widthPt, size, {firstIndentPt: 0, restIndentPt: 0, align}))
  for (let size = style.size; size >= Math.min(minSize, style.size) - 1e-9; size -= SHRINK_STEP) {
    const lines = set(text, size)
    if (lines.length <= 1) return lines[0]
  }
  const size = Math.min(minSize, style.size)
  const chars = [...text]
  let low = 0
  let high = chars.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (set(`${chars.slice(0, mid).join('').trimEnd()}……`, size).length <= 1) low = mid
    else high = mid - 1
  }
  return set(`${chars.slice(0, low).join('').trimEnd()}……`, size)[0]
}
