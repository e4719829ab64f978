import type {Inline, Position} from '../article/types.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import {paragraphOptions, shapeRuns, type ComposeContext} from './compose-blocks.js'
import {CAPTION_SCALE} from './figure-rows.js'

/** Narrowest table cell in characters, and the smallest type a wide table may be set in. */
const MIN_CELL_CHARS = 2
const MIN_TABLE_SIZE_PT = 5
/** A column break inside one table row: allowed, but a break between rows is better. */
const TABLE_ROW_SPLIT_COST = 800

/**
 * A GFM table inside one column: cells share the measure in whole
 * characters, each cell's text wraps (kinsoku applies), header in 黑,
 * rules above, below the header and at the foot. Every row is whole lines.
 */
export function tableRows(cells: readonly (readonly Inline[][])[], block: number, context: ComposeContext, position?: Position): Row[] {
  const {grid, template} = context
  const columns = Math.max(1, ...cells.map((row) => row.length))
  // Cells take whole characters of a slightly smaller size; a table too wide for that is set smaller still.
  let size = grid.bodySizePt * CAPTION_SCALE
  const gapChars = 1
  const needed = columns * MIN_CELL_CHARS + gapChars * (columns - 1)
  if (needed * size > grid.measurePt) {
    size = Math.max(MIN_TABLE_SIZE_PT, grid.measurePt / needed)
    context.warn('table-too-wide', `Table has ${columns} columns, too many for the column measure; set at ${size.toFixed(1)} pt`, position)
  }
  const totalChars = Math.floor(grid.measurePt / size + 1e-9)
  const cellChars = Math.max(1, Math.floor((totalChars - gapChars * (columns - 1)) / columns))
  const cellWidth = cellChars * size
  const rows: Row[] = []
  const rule = (y: number, width = 0.5): Item => ({type: 'rule', x1: 0, y1: y, x2: grid.measurePt, y2: y, widthPt: width})
  cells.forEach((row, r) => {
    const setCells = row.map((runs) => {
      const atoms = shapeRuns(r === 0 ? runs.map((run) => ({...run, style: {...run.style, strong: true}})) : runs, context, size, template.body.font)
      return typesetParagraph(atoms, paragraphOptions(template, cellWidth, size, {firstIndentPt: 0, restIndentPt: 0, align: 'left'}))
    })
    const height = Math.max(1, ...setCells.map((lines) => lines.length))
    // One grid row per line of the table row, so a tall row can continue in the next column.
    for (let i = 0; i < height; i++) {
      const items: Item[] = []
      setCells.forEach((lines, c) => {
        const line = lines[i]
        if (line) items.push({type: 'text', xPt: c * (cellWidth + gapChars * size), baselinePt: grid.baselineOffsetPt, placed: line.placed, role: 'cell'})
      })
      if (r === 0 && i === 0) items.push(rule(0, 0.8))
      if (r === 0 && i === height - 1) items.push(rule(grid.pitchPt, 0.5))
      if (r === cells.length - 1 && i === height - 1) items.push(rule(grid.pitchPt, 0.8))
      const last = i === height - 1
      rows.push({span: 1, items, breakAfter: r === 0 ? BREAK_COST.keep : last ? 0 : TABLE_ROW_SPLIT_COST, kind: 'table', block})
    }
  })
  return rows
}
