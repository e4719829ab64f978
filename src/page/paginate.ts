import type {Item, Row} from '../compose/types.js'
import type {Grid} from '../config/resolve-template.js'
import type {Template} from '../config/template.js'
import type {Shaper} from '../compose/compose-blocks.js'
import {paragraphOptions} from '../compose/compose-blocks.js'
import {typesetParagraph} from '../paragraph/typeset-paragraph.js'
import {columnLines, type ColumnFill} from '../flow/flow-columns.js'
import {floatDepths, placeFloats, type FloatPlace, type FloatRequest} from './place-floats.js'
import {anchorColumn, isReferredBy, splitFloats, type Float} from './split-floats.js'
import {flowPage} from './flow-page.js'
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
 * every page. Rows wider than a column (spanning figures and tables) stand
 * at the top of adjacent columns of the page where their place in the text
 * falls (`placeFloats`; on page 1 directly under the deck), and the text of
 * those columns starts under them on the same grid. Pure: rows in,
 * absolutely positioned pages out; `rows` are the flowed rows the
 * `columns` index.
 */
export function paginate(input: readonly Row[], deck: Deck | undefined, context: PaginateContext, options: {place?: boolean} = {}): {pages: Page[]; places: Map<number, BlockPlace>; columns: PlacedColumn[]; rows: readonly Row[]} {
  // Without `place`, only which rows go where (for trial layouts): pages come back without items.
  const place = options.place ?? true
  const {grid} = context
  // Rows wider than a column leave the flow; each remembers the text row before it.
  const split = splitFloats(input, grid.columns)
  let rows: readonly Row[] = split.rows
  let pending = split.floats
  const pages: Page[] = []
  const columns: PlacedColumn[] = []
  const places = new Map<number, BlockPlace>()
  let next = 0
  for (let index = 0; next < rows.length || pending.length > 0 || index === 0; index++) {
    const items: Item[] = []
    const deckLines = index === 0 && deck ? Math.min(deck.lines, grid.linesPerColumn - 2) : 0
    if (index === 0 && deck && place) items.push(...offset(deck.items, grid.leftPt, grid.topPt))
    const continued = index > 0
    const base = grid.linesPerColumn - deckLines
    const room = Array.from({length: grid.columns}, (_, c) => base - (continued && c === 0 ? 1 : 0))
    // Flow the text, then stand each spanning block whose reference falls on the page at its column tops, in text order, reflowing after each.
    let tops = room.map(() => 0)
    // The 上接 line heads column 1 of a continued page: balancing counts it above that column's text like a block.
    const below = (columnTops: readonly number[]): number[] => columnTops.map((top, c) => top + (continued && c === 0 ? 1 : 0))
    let flowed = flowPage(rows, next, room, below(tops), index === 0)
    const requests: FloatRequest[] = []
    const standing: Float[] = []
    let placesOnPage: FloatPlace[] = []
    for (const float of pending) {
      if (!isReferredBy(float, flowed.rows, flowed.layout.next)) break
      const request = {columns: float.columns, lines: float.row.span, anchorColumn: anchorColumn(float, flowed.rows, next, flowed.layout.fills)}
      const trial = [...requests, request]
      // A block that fits nowhere on the page waits for the next one, and so do those after it (text order);
      // on a page with no deck and nothing else standing it goes in anyway, so every page makes progress.
      const placed = placeFloats(trial, room, MIN_LINES_BELOW_FLOAT) ?? (requests.length === 0 && deckLines === 0 ? forcedPlace(request, room) : undefined)
      if (!placed) break
      requests.push(request)
      standing.push(float)
      placesOnPage = placed
      tops = floatDepths(requests, placesOnPage, grid.columns)
      flowed = flowPage(rows, next, room.map((lines, c) => lines - tops[c]!), below(tops), index === 0)
    }
    pending = pending.filter((float) => !standing.includes(float))
    rows = flowed.rows
    const {layout, jumpOut} = flowed
    layout.fills.forEach((fill, c) => {
      const above = below(tops)[c]!
      if (fill.end > fill.start) columns.push({page: index, column: c, start: fill.start, end: fill.end, ...(above ? {top: above} : {}), capacity: base})
    })
    next = layout.next
    if (!place) {
      pages.push({widthPt: grid.pageWidthPt, heightPt: grid.pageHeightPt, items})
      continue
    }
    standing.forEach((float, i) => {
      const spot = placesOnPage[i]!
      const y = grid.topPt + (deckLines + spot.top) * grid.pitchPt
      if (!places.has(float.row.block)) places.set(float.row.block, {page: index, yPt: y})
      items.push(...offset(float.row.items, grid.columnXPt[spot.column]!, y))
    })
    layout.fills.forEach((fill, c) => {
      const x = grid.columnXPt[c]!
      const top = grid.topPt + (deckLines + tops[c]! + (continued && c === 0 ? 1 : 0)) * grid.pitchPt
      placeColumn(rows, fill, x, top, grid.pitchPt, items, (block, y) => {
        if (!places.has(block)) places.set(block, {page: index, yPt: y})
      })
    })
    const pageNumber = context.furniture.firstPage + index
    // The 上接 line heads the text of the first column, under a block standing there; a page that holds only
    // pictures and tables left over from the text (no text of its own) continues nothing.
    if (continued && layout.fills.some((fill) => fill.end > fill.start)) items.push(...jumpLine(`（上接第${pageNumber - 1}版）`, 0, grid.topPt + tops[0]! * grid.pitchPt, 'left', context))
    if (jumpOut) items.push(...jumpLine(`（下转第${pageNumber + 1}版）`, grid.columns - 1, grid.topPt + (grid.linesPerColumn - 1) * grid.pitchPt, 'right', context))
    if (context.template.furniture.show) items.push(...furnitureItems(pageNumber, context))
    pages.push({widthPt: grid.pageWidthPt, heightPt: grid.pageHeightPt, items})
  }
  return {pages, places, columns, rows}
}

/** Lines a column keeps for text under a spanning block (fewer would be a sliver of text). */
const MIN_LINES_BELOW_FLOAT = 3

/** A float that fits nowhere, stood at the top of the columns of its reference anyway (only alone on a page without deck). */
function forcedPlace(request: FloatRequest, room: readonly number[]): FloatPlace[] {
  return placeFloats([request], room, 0) ?? [{column: Math.max(0, Math.min(request.anchorColumn, room.length - request.columns)), top: 0}]
}

/** Which rows a column of a page holds: `rows[start..end)`. */
export interface PlacedColumn {
  page: number
  column: number
  start: number
  end: number
  /** Grid lines above the column's text: spanning blocks, and the （上接） line on a continued page (default 0). */
  top?: number
  /** Grid lines from the column's first line under the deck to the foot of the page (absent: the deepest column's depth). */
  capacity?: number
}

/** Difference in lines between the deepest and shallowest column foot on the last page (spanning blocks above a column count). */
export function lastPageSpread(rows: readonly Row[], columns: readonly PlacedColumn[]): number {
  const last = columns.length ? columns[columns.length - 1]!.page : 0
  const depths = columns.filter((column) => column.page === last).map((column) => {
    return (column.top ?? 0) + columnLines(rows, column.start, column.end)
  })
  return depths.length > 1 ? Math.max(...depths) - Math.min(...depths) : 0
}

/**
 * Columns that end short on a page the story runs on from (a hole at the
 * column foot): lines above the page's foot (`capacity`; else the foot of
 * its deepest column), the last column counted with its （下转） line.
 * Returns each short column's last block and its shortfall, deepest first.
 */
export function shortColumns(rows: readonly Row[], columns: readonly PlacedColumn[]): {block: number; lines: number; page: number}[] {
  const lastPage = columns.length ? columns[columns.length - 1]!.page : 0
  const holes: {block: number; lines: number; page: number}[] = []
  for (let page = 0; page < lastPage; page++) {
    const onPage = columns.filter((column) => column.page === page)
    const lastColumn = Math.max(...onPage.map((column) => column.column))
    const depths = onPage.map((column) => (column.top ?? 0) + columnLines(rows, column.start, column.end) + (column.column === lastColumn ? 1 : 0))
    const deepest = Math.max(...depths, ...onPage.map((column) => column.capacity ?? 0))
    onPage.forEach((column, i) => {
      if (deepest - depths[i]! > 0) holes.push({block: rows[column.end - 1]?.block ?? 0, lines: deepest - depths[i]!, page})
    })
  }
  return holes.sort((a, b) => b.lines - a.lines)
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

/** Put `rows[fill.start..fill.end)` one under another from `top` at `x` into `items`; `mark` hears where each row went. */
export function placeColumn(rows: readonly Row[], fill: Pick<ColumnFill, 'start' | 'end'>, x: number, top: number, pitch: number, items: Item[], mark?: (block: number, y: number) => void): void {
  // A row that starts the column sheds its blank lines on top (the space above a 小标题), or draws the
  // head of the table it continues above itself.
  let line = fill.end > fill.start ? -(rows[fill.start]!.topBlank ?? 0) : 0
  const head = fill.end > fill.start ? rows[fill.start]!.topItems : undefined
  if (head) for (const item of head) items.push(moved(item, x, top))
  for (let i = fill.start; i < fill.end; i++) {
    const row = rows[i]!
    const y = top + line * pitch
    mark?.(row.block, Math.max(top, y))
    // Each item straight onto the page: no array of moved items per row, nor a spread call to push them.
    for (const item of row.items) items.push(moved(item, x, y))
    line += row.span
  }
}

/** Move items by (dx, dy). */
export function offset(items: readonly Item[], dx: number, dy: number): Item[] {
  return items.map((item) => moved(item, dx, dy))
}

/** One item moved by (dx, dy). */
function moved(item: Item, dx: number, dy: number): Item {
  switch (item.type) {
    case 'text':
      return {...item, xPt: item.xPt + dx, baselinePt: item.baselinePt + dy}
    case 'rule':
      return {...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy}
    case 'box':
      return {...item, xPt: item.xPt + dx, yPt: item.yPt + dy}
    case 'image':
      return {...item, xPt: item.xPt + dx, yPt: item.yPt + dy, ...(item.full ? {full: {...item.full, xPt: item.full.xPt + dx, yPt: item.full.yPt + dy}} : {})}
  }
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
