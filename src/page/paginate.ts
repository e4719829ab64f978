import type {Item, Row} from '../compose/types.js'
import type {Grid} from '../config/resolve-template.js'
import type {Template} from '../config/template.js'
import type {Shaper} from '../compose/compose-blocks.js'
import {paragraphOptions} from '../compose/compose-blocks.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import {balanceColumns, fillColumn, fillColumns, type ColumnFill} from '../flow/flow-columns.js'
import type {Deck} from './deck.js'
import type {Page} from './types.js'
import {chineseDate, chineseWeekday} from './dates.js'

/** Facts for the page furniture (报头 line: publication, date, 版次, 版名). */
export interface Furniture {
  publication?: string
  date?: string
  section?: string
  /** 版次 of the first page. */
  firstPage: number
}

/** What pagination needs. */
export interface PaginateContext {
  template: Template
  grid: Grid
  shape: Shaper
  furniture: Furniture
}

/** Where rows of each block landed, for outlines: block index → page and y. */
export interface BlockPlace {
  page: number
  yPt: number
}

/**
 * Make pages: the deck across the columns of page 1, rows flowed into the
 * columns on the baseline grid, jump lines (（下转第2版）/（上接第1版）) where
 * the article continues, the final page's columns balanced, furniture on
 * every page. Pure: rows in, absolutely positioned pages out.
 */
export function paginate(input: readonly Row[], deck: Deck | undefined, context: PaginateContext): {pages: Page[]; places: Map<number, BlockPlace>; columns: PlacedColumn[]; rows: readonly Row[]} {
  const {grid} = context
  let rows = input
  const pages: Page[] = []
  const columns: PlacedColumn[] = []
  const places = new Map<number, BlockPlace>()
  let next = 0
  for (let index = 0; next < rows.length || index === 0; index++) {
    const items: Item[] = []
    const deckLines = index === 0 && deck ? Math.min(deck.lines, grid.linesPerColumn - 2) : 0
    if (index === 0 && deck) items.push(...offset(deck.items, grid.leftPt, grid.topPt))
    const continued = index > 0
    const base = grid.linesPerColumn - deckLines
    const capacities = Array.from({length: grid.columns}, (_, c) => base - (continued && c === 0 ? 1 : 0))
    let layout: {fills: ColumnFill[]; next: number} | undefined
    let jumpOut = false
    for (let attempt = 0; attempt <= MAX_FLOAT_MOVES; attempt++) {
      // A short story on its first page may take fewer columns; on a later page the columns match the pages before.
      layout = index === 0 ? balanceTail(rows, next, capacities) : balanceColumns(rows, next, capacities)
      jumpOut = !layout
      const used = jumpOut ? capacities.map((capacity, c) => capacity - (c === grid.columns - 1 ? 1 : 0)) : capacities
      if (!layout) {
        layout = fillColumns(rows, next, used)
        if (layout.next === next) layout = forceProgress(rows, next, used)
      }
      // Figures go to the top of a column: move one that starts mid-column to the next column's top.
      const floated = attempt < MAX_FLOAT_MOVES ? floatFigure(rows, layout.fills) : undefined
      if (!floated) break
      rows = floated
    }
    if (!layout) throw new Error('pagination produced no layout')
    layout.fills.forEach((fill, c) => {
      if (fill.end > fill.start) columns.push({page: index, column: c, start: fill.start, end: fill.end})
      const x = grid.columnXPt[c]!
      const top = grid.topPt + (deckLines + (continued && c === 0 ? 1 : 0)) * grid.pitchPt
      placeColumn(rows, fill, x, top, grid.pitchPt, items, (block, y) => {
        if (!places.has(block)) places.set(block, {page: index, yPt: y})
      })
    })
    const pageNumber = context.furniture.firstPage + index
    if (continued) items.push(...jumpLine(`（上接第${pageNumber - 1}版）`, 0, grid.topPt, 'left', context))
    if (jumpOut) items.push(...jumpLine(`（下转第${pageNumber + 1}版）`, grid.columns - 1, grid.topPt + (grid.linesPerColumn - 1) * grid.pitchPt, 'right', context))
    if (context.template.furniture.show) items.push(...furnitureItems(pageNumber, context))
    pages.push({widthPt: grid.pageWidthPt, heightPt: grid.pageHeightPt, items})
    next = layout.next
  }
  return {pages, places, columns, rows}
}

/** Figure moves per page before the layout is taken as it is. */
const MAX_FLOAT_MOVES = 4

/**
 * Find a figure (with its caption rows) that starts in the middle of a column
 * and move it to where the next column will begin, so text after it fills the
 * column and the figure stands at a column top (newspaper make-up). Returns
 * the reordered rows, or undefined when every figure already starts a column.
 */
function floatFigure(rows: readonly Row[], fills: readonly ColumnFill[]): Row[] | undefined {
  for (let c = 0; c < fills.length; c++) {
    const fill = fills[c]!
    for (let i = fill.start + 1; i < fill.end; i++) {
      if (rows[i]!.kind !== 'figure' || rows[i - 1]!.kind === 'figure') continue
      let end = i
      while (end < rows.length && rows[end]!.kind === 'figure' && rows[end]!.block === rows[i]!.block) end++
      const group = rows.slice(i, end)
      const rest = [...rows.slice(0, i), ...rows.slice(end)]
      // Refill the column to the depth it has now with the text after the figure.
      const target = fillColumn(rest, fill.start, fill.lines).end
      if (target <= i) continue
      return [...rest.slice(0, target), ...group, ...rest.slice(target)]
    }
  }
  return undefined
}

/** Which rows a column of a page holds: `rows[start..end)`. */
export interface PlacedColumn {
  page: number
  column: number
  start: number
  end: number
}

/** Difference in lines between the deepest and shallowest column on the last page. */
export function lastPageSpread(rows: readonly Row[], columns: readonly PlacedColumn[]): number {
  const last = columns.length ? columns[columns.length - 1]!.page : 0
  const depths = columns.filter((column) => column.page === last).map((column) => {
    let lines = 0
    for (let i = column.start; i < column.end; i++) lines += rows[i]!.span
    return lines
  })
  return depths.length > 1 ? Math.max(...depths) - Math.min(...depths) : 0
}

/**
 * Blocks whose paragraph lost a line across a column break: a widow (last line
 * alone at a column top) or an orphan (first line alone at a column foot),
 * clreq §3.7. Returns the block indices, in order.
 */
export function findWidowsAndOrphans(rows: readonly Row[], columns: readonly PlacedColumn[]): number[] {
  const faults: number[] = []
  for (let i = 0; i + 1 < columns.length; i++) {
    const end = columns[i]!.end
    const before = rows[end - 1]
    const after = rows[end]
    if (!before || !after || columns[i + 1]!.start !== end) continue
    if (before.kind === 'body' && before.paragraphStart && !before.paragraphEnd) faults.push(before.block)
    else if (after.kind === 'body' && after.paragraphEnd && !after.paragraphStart) faults.push(after.block)
  }
  return faults
}

/** Fewest lines a balanced column should hold: a short story takes fewer columns rather than slivers. */
const MIN_BALANCED_LINES = 6

/** Balance what is left over as many columns as it fills sensibly; undefined when it does not fit the page. */
function balanceTail(rows: readonly Row[], start: number, capacities: readonly number[]): {fills: ColumnFill[]; next: number} | undefined {
  let total = 0
  for (let i = start; i < rows.length; i++) total += rows[i]!.span
  const used = Math.min(capacities.length, Math.max(1, Math.ceil(total / MIN_BALANCED_LINES)))
  const layout = balanceColumns(rows, start, capacities.slice(0, used)) ?? (used < capacities.length ? balanceColumns(rows, start, capacities) : undefined)
  if (!layout) return undefined
  const fills = [...layout.fills]
  while (fills.length < capacities.length) fills.push({start: rows.length, end: rows.length, lines: 0})
  return {fills, next: layout.next}
}

/** Guarantee progress when nothing fits a page (a row taller than a column): place it alone. */
function forceProgress(rows: readonly Row[], start: number, capacities: readonly number[]): {fills: ColumnFill[]; next: number} {
  const fills: ColumnFill[] = capacities.map(() => ({start, end: start, lines: 0}))
  fills[0] = {start, end: start + 1, lines: Math.min(rows[start]!.span, capacities[0]!)}
  return {fills, next: start + 1}
}

/** Put `rows[fill.start..fill.end)` one under another from `top` at `x` into `items`; `mark` hears where each row went. */
export function placeColumn(rows: readonly Row[], fill: Pick<ColumnFill, 'start' | 'end'>, x: number, top: number, pitch: number, items: Item[], mark?: (block: number, y: number) => void): void {
  let line = 0
  for (let i = fill.start; i < fill.end; i++) {
    const row = rows[i]!
    const y = top + line * pitch
    mark?.(row.block, y)
    items.push(...offset(row.items, x, y))
    line += row.span
  }
}

/** Move items by (dx, dy). */
export function offset(items: readonly Item[], dx: number, dy: number): Item[] {
  return items.map((item): Item => {
    switch (item.type) {
      case 'text':
        return {...item, xPt: item.xPt + dx, baselinePt: item.baselinePt + dy}
      case 'rule':
        return {...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy}
      case 'box':
      case 'image':
        return {...item, xPt: item.xPt + dx, yPt: item.yPt + dy}
    }
  })
}

function jumpLine(text: string, column: number, lineTop: number, align: 'left' | 'right', context: PaginateContext): Item[] {
  const {grid, template} = context
  const atoms = context.shape(text, {font: 'hei', sizePt: grid.bodySizePt})
  const lines = typesetParagraph(atoms, paragraphOptions(template, grid.measurePt, grid.bodySizePt, {firstIndentPt: 0, restIndentPt: 0, align}))
  return lines.slice(0, 1).map((line) => ({type: 'text', xPt: grid.columnXPt[column]! + line.xPt, baselinePt: lineTop + grid.baselineOffsetPt, placed: line.placed, role: 'jump'}))
}

/** The 报头 line above the type area: publication left, date and weekday centre, 版次 and 版名 right, a double rule. */
function furnitureItems(pageNumber: number, context: PaginateContext): Item[] {
  const {grid, template, furniture} = context
  const style = template.furniture
  const items: Item[] = []
  const baseline = grid.topPt - style.size * 1.6
  const set = (text: string, size: number, font: string, align: 'left' | 'center' | 'right'): void => {
    if (!text) return
    const atoms = context.shape(text, {font, sizePt: size})
    const lines = typesetParagraph(atoms, paragraphOptions(template, grid.typeAreaWidthPt, size, {firstIndentPt: 0, restIndentPt: 0, align}))
    const line = lines[0]
    if (line) items.push({type: 'text', xPt: grid.leftPt + line.xPt, baselinePt: baseline, placed: line.placed, role: 'furniture'})
  }
  set(furniture.publication ?? '', style.size * 1.6, 'hei-bold', 'left')
  if (furniture.date) set(`${chineseDate(furniture.date)}\u3000${chineseWeekday(furniture.date)}`, style.size, style.font, 'center')
  set([`第${pageNumber}版`, furniture.section ?? ''].filter(Boolean).join('\u3000'), style.size, style.font, 'right')
  const ruleY = grid.topPt - style.size * 0.9
  items.push({type: 'rule', x1: grid.leftPt, y1: ruleY, x2: grid.leftPt + grid.typeAreaWidthPt, y2: ruleY, widthPt: 1.2})
  items.push({type: 'rule', x1: grid.leftPt, y1: ruleY + 2, x2: grid.leftPt + grid.typeAreaWidthPt, y2: ruleY + 2, widthPt: 0.4})
  return items
}
