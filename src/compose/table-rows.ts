import type {Inline, Position, TableAlign} from '../article/types.js'
import type {Atom} from '../text/atom.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import {paragraphOptions, shapeRuns, type ComposeContext} from './compose-blocks.js'
import {CAPTION_SCALE, FLOAT_GAP_LINES, MAX_FLOAT_SHARE} from './figure-rows.js'
import {spanWidthPt} from './figure-columns.js'
import {tableColumns, tableCellChars, type CellWant} from './table-columns.js'

/** Narrowest table cell in characters, and the smallest type a wide table may be set in. */
const MIN_CELL_CHARS = 2
const MIN_TABLE_SIZE_PT = 5
/** A column break inside one table row (its cells read on in the next column): worse than a column a line short (flow-columns SHORT_COLUMN_COST), allowed where no other layout fits. */
const TABLE_ROW_SPLIT_COST = 6000
/** Characters between two cells. */
const GAP_CHARS = 1
/** The tallest table head repeated over a table's continuation, in lines. */
const MAX_REPEATED_HEAD_LINES = 2

type Cells = readonly (readonly Inline[][])[]

/** One grid line of a set table: items relative to the line's top-left, the cost of a column break after it, and whether it is the head's. */
interface TableLine {
  items: Item[]
  breakAfter: number
  head: boolean
}

/**
 * A GFM table: cells take whole characters of caption size, each cell's
 * text wraps (kinsoku applies), header in 黑, rules above, below the header
 * and at the foot; every line of the table is a grid line. A table whose
 * columns fit one column measure sensibly (`tableColumns`) flows in the
 * column, a line per row so it may continue in the next column. A wider one
 * becomes one row spanning as many columns as it needs (up to all), which
 * pagination stands at a column top like a spanning figure; if it would be
 * taller than a figure may be, it flows in one column after all, with a
 * warning. A column's cells, header too, are set flush left, centred or
 * flush right as the delimiter row says (`--:` for figures, whose digits
 * then line up at the right).
 */
export function tableRows(cells: Cells, block: number, context: ComposeContext, position?: Position, align: readonly TableAlign[] = []): Row[] {
  const {grid} = context
  const size = grid.bodySizePt * CAPTION_SCALE
  const wants = cellWants(cells, context, size)
  const span = tableColumns(wants, GAP_CHARS, (columns) => Math.floor(spanWidthPt(grid, columns) / size + 1e-9), grid.columns)
  if (span > 1) {
    const maxLines = Math.floor(grid.linesPerColumn * MAX_FLOAT_SHARE)
    for (let columns = span; columns <= grid.columns; columns++) {
      const lines = tableLines(cells, wants, spanWidthPt(grid, columns), context, align, position)
      if (lines.length + FLOAT_GAP_LINES > maxLines) continue
      const items = lines.flatMap((line, i) => line.items.map((item) => shiftDown(item, i * grid.pitchPt)))
      return [{span: lines.length + FLOAT_GAP_LINES, items, breakAfter: 0, kind: 'table', block, columns}]
    }
    context.warn('table-too-tall', `Table is too wide for one column and too long to stand across ${span} columns; set in one column`, position)
  }
  const lines = tableLines(cells, wants, grid.measurePt, context, align, position)
  // A table that continues in the next column repeats its head there, rule above and below (续表 with 表头);
  // a head taller than a few lines (or a good part of a column) is not repeated: it would crowd out the rows.
  const headLines = lines.findIndex((line) => !line.head)
  const repeat = headLines > 0 && headLines <= MAX_REPEATED_HEAD_LINES && headLines * 4 <= grid.linesPerColumn
  // Its text has a role of its own, `repeatedHead`: the head's text is set twice on purpose.
  const head = repeat && headLines < lines.length ? lines.slice(0, headLines).flatMap((line, i) => line.items.map((item) => shiftDown(item.type === 'text' ? {...item, role: 'repeatedHead'} : item, i * grid.pitchPt))) : undefined
  return lines.map((line) => ({span: 1, items: line.items, breakAfter: line.breakAfter, kind: 'table', block, ...(head && !line.head ? {topBlank: -headLines, topItems: head} : {})}))
}

/** Set the table `widthPt` wide: one line per grid line. */
function tableLines(cells: Cells, wants: readonly CellWant[], widthPt: number, context: ComposeContext, align: readonly TableAlign[], position?: Position): TableLine[] {
  const {grid, template} = context
  const columns = Math.max(1, wants.length)
  // Cells take whole characters of a slightly smaller size; a table too wide for that is set smaller still.
  let size = grid.bodySizePt * CAPTION_SCALE
  const needed = columns * MIN_CELL_CHARS + GAP_CHARS * (columns - 1)
  if (needed * size > widthPt) {
    size = Math.max(MIN_TABLE_SIZE_PT, widthPt / needed)
    context.warn('table-too-wide', `Table has ${columns} columns, too many for the column measure; set at ${size.toFixed(1)} pt`, position)
  }
  const totalChars = Math.floor(widthPt / size + 1e-9)
  const chars = tableCellChars(wants, totalChars - GAP_CHARS * (columns - 1), MIN_CELL_CHARS)
  const lefts = chars.map((_, c) => chars.slice(0, c).reduce((sum, n) => sum + (n + GAP_CHARS) * size, 0))
  const lines: TableLine[] = []
  const rule = (y: number, width: number): Item => ({type: 'rule', x1: 0, y1: y, x2: widthPt, y2: y, widthPt: width})
  cells.forEach((row, r) => {
    const setCells = row.map((runs, c) => {
      const atoms = shapeRuns(r === 0 ? strong(runs) : runs, context, size, template.body.font)
      return typesetParagraph(atoms, paragraphOptions(template, (chars[c] ?? MIN_CELL_CHARS) * size, size, {firstIndentPt: 0, restIndentPt: 0, align: align[c] ?? 'left'}))
    })
    const height = Math.max(1, ...setCells.map((cellLines) => cellLines.length))
    // One grid line per line of the table row, so a tall row can continue in the next column.
    for (let i = 0; i < height; i++) {
      const items: Item[] = []
      setCells.forEach((cellLines, c) => {
        const line = cellLines[i]
        if (line) items.push({type: 'text', xPt: lefts[c]! + line.xPt, baselinePt: grid.baselineOffsetPt, placed: line.placed, role: 'cell'})
      })
      // Header rule (表头线) above and below the header, a heavier foot rule (clreq tables; newspaper three-line table).
      if (r === 0 && i === 0) items.push(rule(0, 0.8))
      if (r === 0 && i === height - 1) items.push(rule(grid.pitchPt, 0.5))
      if (r === cells.length - 1 && i === height - 1) items.push(rule(grid.pitchPt, 0.8))
      const last = i === height - 1
      lines.push({items, breakAfter: r === 0 ? BREAK_COST.keep : last ? 0 : TABLE_ROW_SPLIT_COST, head: r === 0})
    }
  })
  return lines
}

/** What each table column asks for, in characters of `size`: its longest unbreakable piece and its longest cell. */
function cellWants(cells: Cells, context: ComposeContext, size: number): CellWant[] {
  const columns = Math.max(1, ...cells.map((row) => row.length))
  const wants: CellWant[] = Array.from({length: columns}, () => ({minChars: 0, naturalChars: 0}))
  cells.forEach((row, r) =>
    row.forEach((runs, c) => {
      const atoms = shapeRuns(r === 0 ? strong(runs) : runs, context, size, context.template.body.font)
      const want = wants[c]!
      want.naturalChars = Math.max(want.naturalChars, atoms.reduce((sum, atom) => sum + atom.advancePt, 0) / size)
      want.minChars = Math.max(want.minChars, widestPiece(atoms) / size)
    })
  )
  return wants
}

/** Width of the widest run of atoms no line may break inside (a Latin word, a number with its unit). */
function widestPiece(atoms: readonly Atom[]): number {
  let widest = 0
  let run = 0
  for (const atom of atoms) {
    run += atom.advancePt
    widest = Math.max(widest, run)
    if (atom.glueNext !== 'join' && atom.glueNext !== 'word') run = 0
  }
  return widest
}

/** Header cells are set in the strong face. */
function strong(runs: readonly Inline[]): Inline[] {
  return runs.map((run) => ({...run, style: {...run.style, strong: true}}))
}

function shiftDown(item: Item, dy: number): Item {
  switch (item.type) {
    case 'text':
      return {...item, baselinePt: item.baselinePt + dy}
    case 'rule':
      return {...item, y1: item.y1 + dy, y2: item.y2 + dy}
    default:
      return {...item, yPt: item.yPt + dy}
  }
}
