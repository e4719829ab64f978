import type {PagedDocument} from '../../page/types.js'
import type {TextItem} from '../../compose/types.js'
import type {Grid} from '../../config/resolve-template.js'
import {atomWidth} from '../../linebreak/junctions.js'

/**
 * Print a paged document as stable text, one line per typeset line (SILE's
 * debug outputter idea): page, column, grid line, role, the text between
 * bars, its left edge and right edge in pt. Goldens and `--debug` read it.
 */
export function renderDebug(document: PagedDocument, grid: Grid): string {
  const out: string[] = []
  document.pages.forEach((page, index) => {
    out.push(`# page ${index + 1}`)
    const lines = page.items.filter((item): item is TextItem => item.type === 'text')
    for (const line of lines) {
      const column = columnOf(line.xPt, grid)
      const gridLine = (line.baselinePt - grid.topPt - grid.baselineOffsetPt) / grid.pitchPt
      const last = line.placed[line.placed.length - 1]
      const right = last ? line.xPt + last.xPt + atomWidth(last.atom) : line.xPt
      const text = line.placed.map(({atom}) => atom.text + (atom.spaceAfterPt ? ' ' : '')).join('').trimEnd()
      const where = Number.isInteger(Math.round(gridLine * 1000) / 1000) ? `L${String(Math.round(gridLine) + 1).padStart(2, '0')}` : `y${line.baselinePt.toFixed(1)}`
      const adjust = line.kind ? ` ${line.kind} ${(line.ratio ?? 0) >= 0 ? '+' : ''}${(line.ratio ?? 0).toFixed(3)}` : ''
      out.push(`c${column} ${where} ${line.role.padEnd(8)} |${text}| x=${(line.xPt - (grid.columnXPt[column - 1] ?? 0)).toFixed(2)} r=${(right - (grid.columnXPt[column - 1] ?? 0)).toFixed(2)}${adjust}`)
    }
  })
  return `${out.join('\n')}\n`
}

function columnOf(x: number, grid: Grid): number {
  let column = 1
  grid.columnXPt.forEach((left, index) => {
    if (x >= left - 0.01) column = index + 1
  })
  return column
}
