import type {PagedDocument} from '../../page/types.js'
import {atomWidth} from '../../linebreak/junctions.js'

/** Round to 0.01 pt for stable goldens. */
function r(value: number): number {
  return Math.round(value * 100) / 100
}

/**
 * Describe a paged document as JSON of block positions (rounded to 0.01 pt):
 * per page, every text line (role, left, right, baseline, text), rule, image
 * and box. The page-level golden of the flow and page stages.
 */
export function renderLayoutJson(document: PagedDocument): string {
  const pages = document.pages.map((page) => ({
    width: r(page.widthPt),
    height: r(page.heightPt),
    items: page.items.map((item) => {
      switch (item.type) {
        case 'text': {
          const last = item.placed[item.placed.length - 1]
          const right = last ? item.xPt + last.xPt + atomWidth(last.atom) : item.xPt
          return {type: 'text', role: item.role, x: r(item.xPt), right: r(right), baseline: r(item.baselinePt), text: item.placed.map(({atom}) => atom.text).join('')}
        }
        case 'rule':
          return {type: 'rule', x1: r(item.x1), y1: r(item.y1), x2: r(item.x2), y2: r(item.y2), width: r(item.widthPt)}
        case 'box':
          return {type: 'box', style: item.style, ...(item.tint !== undefined ? {tint: item.tint} : {}), x: r(item.xPt), y: r(item.yPt), width: r(item.widthPt), height: r(item.heightPt)}
        case 'image':
          return {type: 'image', image: item.image, x: r(item.xPt), y: r(item.yPt), width: r(item.widthPt), height: r(item.heightPt), ...(item.full ? {cropped: true} : {})}
      }
    })
  }))
  // One item per line, so a layout change reads as a small diff.
  const body = pages.map((page) => `{"width":${page.width},"height":${page.height},"items":[\n${page.items.map((item) => JSON.stringify(item)).join(',\n')}\n]}`)
  const outline = JSON.stringify(document.outline.map((entry) => ({...entry, yPt: r(entry.yPt)})))
  return `{"pages":[\n${body.join(',\n')}\n],\n"outline":${outline}}\n`
}
