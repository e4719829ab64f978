/**
 * Pagination with spanning figures (rows wider than a column): they stand at
 * the top of adjacent columns of the page their reference falls on (under
 * the deck on page 1), text starts under them on the common grid, nothing
 * overlaps, jump lines and final-page balancing keep working.
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate, type Template} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {Item, Row, TextItem} from '../../../src/compose/types.js'
import {lineBreakCost} from '../../../src/compose/compose-blocks.js'
import {spanWidthPt} from '../../../src/compose/figure-columns.js'
import {lastPageSpread, paginate, type PaginateContext} from '../../../src/page/paginate.js'
import type {Page} from '../../../src/page/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const base = loadTemplate('newspaper')
/** A small page: three columns of 20 lines, no furniture. */
const template: Template = {...base, body: {...base.body, columns: 3, linesPerColumn: 20}, furniture: {...base.furniture, show: false}}
const grid = resolveGrid(template)
const context: PaginateContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), furniture: {firstPage: 1}}

let nextId = 0
/** A paragraph of `n` body lines; each line carries its id in `ratio` so tests can follow it. */
function paragraph(n: number, block: number): Row[] {
  return Array.from({length: n}, (_, i) => ({
    span: 1,
    items: [{type: 'text', xPt: 0, baselinePt: grid.baselineOffsetPt, placed: [], role: 'body', ratio: nextId++} as TextItem],
    breakAfter: lineBreakCost(i, n),
    kind: 'body' as const,
    block,
    paragraphStart: i === 0,
    paragraphEnd: i === n - 1
  }))
}

/** Many short paragraphs, `lines` in all. */
function text(lines: number, firstBlock = 0): Row[] {
  const rows: Row[] = []
  for (let block = firstBlock; rows.length < lines; block++) rows.push(...paragraph(Math.min(5, lines - rows.length), block))
  return rows
}

/** A spanning figure of `lines` lines over `columns` columns, drawn as one placeholder box. */
function figure(columns: number, lines: number, block: number): Row {
  return {span: lines, items: [{type: 'box', xPt: 0, yPt: 0, widthPt: spanWidthPt(grid, columns), heightPt: (lines - 1) * grid.pitchPt, style: 'placeholder'}], breakAfter: 0, kind: 'figure', block, columns}
}

interface Rect {
  x: number
  y: number
  right: number
  bottom: number
}

const figures = (page: Page): Rect[] => page.items.flatMap((item) => (item.type === 'box' ? [{x: item.xPt, y: item.yPt, right: item.xPt + item.widthPt, bottom: item.yPt + item.heightPt}] : []))
const bodyLines = (page: Page): TextItem[] => page.items.filter((item): item is TextItem => item.type === 'text' && item.role === 'body')
/** The grid cell a body line occupies. */
const cell = (line: TextItem): Rect => ({x: line.xPt, y: line.baselinePt - grid.baselineOffsetPt, right: line.xPt + grid.measurePt, bottom: line.baselinePt - grid.baselineOffsetPt + grid.pitchPt})
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.right - 1e-6 && b.x < a.right - 1e-6 && a.y < b.bottom - 1e-6 && b.y < a.bottom - 1e-6
const columnOf = (x: number): number => grid.columnXPt.findIndex((left) => Math.abs(left - x) < 1e-6)
const gridLine = (y: number): number => (y - grid.topPt) / grid.pitchPt

/** Every body line on the one baseline grid, none overlapping a figure, every figure inside the type area. */
function expectCleanPages(pages: Page[]): void {
  for (const page of pages) {
    for (const line of bodyLines(page)) expect(gridLine(line.baselinePt - grid.baselineOffsetPt) % 1).toBeCloseTo(0, 6)
    for (const box of figures(page)) {
      expect(box.x).toBeGreaterThanOrEqual(grid.leftPt - 1e-6)
      expect(box.right).toBeLessThanOrEqual(grid.leftPt + grid.typeAreaWidthPt + 1e-6)
      expect(box.y).toBeGreaterThanOrEqual(grid.topPt - 1e-6)
      expect(box.bottom).toBeLessThanOrEqual(grid.topPt + grid.linesPerColumn * grid.pitchPt + 1e-6)
      for (const line of page.items.filter((item): item is TextItem => item.type === 'text')) expect(overlaps(box, cell(line))).toBe(false)
    }
    const boxes = figures(page)
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false)
  }
}

/** Ids of the body lines in reading order (page, column, line). */
const ids = (pages: Page[]): number[] =>
  pages.flatMap((page) =>
    bodyLines(page)
      .sort((a, b) => a.xPt - b.xPt || a.baselinePt - b.baselinePt)
      .map((line) => line.ratio!)
  )

describe('paginate with spanning figures', () => {
  test('a 2-column figure stands directly under the deck at the columns of its reference; their text starts under it on the grid', () => {
    const rows = [...text(6), figure(2, 8, 50), ...text(20, 10)]
    const deck = {items: [] as Item[], lines: 4}
    const {pages} = paginate(rows, deck, context)
    expect(pages).toHaveLength(1)
    const [box] = figures(pages[0]!)
    expect(box).toBeDefined()
    expect(columnOf(box!.x)).toBe(0)
    expect(gridLine(box!.y)).toBeCloseTo(4, 6)
    // Columns 0 and 1 start under the figure (deck 4 + figure 8 lines), column 2 right under the deck.
    const firstLine = (column: number): number => Math.min(...bodyLines(pages[0]!).filter((line) => columnOf(line.xPt) === column).map((line) => gridLine(line.baselinePt - grid.baselineOffsetPt)))
    expect([firstLine(0), firstLine(1), firstLine(2)]).toEqual([12, 12, 4])
    expectCleanPages(pages)
    expect(ids(pages)).toEqual([...Array(26).keys()].map((i) => ids(pages)[0]! + i))
  })

  test('a figure referred to in the last column is moved left to stay on the page', () => {
    const rows = [...text(45), figure(2, 6, 50), ...text(3, 20)]
    const {pages} = paginate(rows, undefined, context)
    const [box] = figures(pages[0]!)
    expect(columnOf(box!.x)).toBe(1)
    expectCleanPages(pages)
  })

  test('a 通栏 figure and a 2-column one on one page: the 通栏 one on top, the other under it, no collision', () => {
    const rows = [...text(4), figure(2, 5, 50), ...text(4, 10), figure(3, 6, 51), ...text(20, 20)]
    const {pages} = paginate(rows, undefined, context)
    const boxes = figures(pages[0]!).sort((a, b) => a.y - b.y)
    expect(boxes).toHaveLength(2)
    expect(boxes[0]!.right - boxes[0]!.x).toBeCloseTo(grid.typeAreaWidthPt, 6)
    expect(gridLine(boxes[0]!.y)).toBeCloseTo(0, 6)
    expect(gridLine(boxes[1]!.y)).toBeCloseTo(6, 6)
    expectCleanPages(pages)
  })

  test('the final page balances its columns to end level under and beside a figure', () => {
    const rows = [...text(3), figure(2, 6, 50), ...text(24, 10)]
    const result = paginate(rows, undefined, context)
    expect(result.pages).toHaveLength(1)
    // Column feet in page lines (figure included) level within the balancing's tolerance (a widow costs more than a line).
    const feet = result.columns.map((column) => (column.top ?? 0) + column.end - column.start)
    expect(Math.max(...feet) - Math.min(...feet)).toBeLessThanOrEqual(2)
    expect(lastPageSpread(result.rows, result.columns)).toBe(Math.max(...feet) - Math.min(...feet))
    // The columns under the figure hold fewer lines than the one beside it.
    expect(result.columns[2]!.end - result.columns[2]!.start).toBeGreaterThan(result.columns[0]!.end - result.columns[0]!.start + 4)
    expect(result.columns.filter((column) => column.top).map((column) => column.column)).toEqual([0, 1])
    expectCleanPages(result.pages)
  })

  test('a continued page: the figure stands at the top and the （上接） line heads the first column under it', () => {
    const rows = [...text(75), figure(2, 6, 50), ...text(40, 30)]
    const {pages} = paginate(rows, undefined, context)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    const page = pages.findIndex((candidate) => figures(candidate).length > 0)
    expect(page).toBe(1)
    const box = figures(pages[1]!)[0]!
    expect(gridLine(box.y)).toBeCloseTo(0, 6)
    const jump = pages[1]!.items.find((item): item is TextItem => item.type === 'text' && item.role === 'jump')!
    expect(jump).toBeDefined()
    expect(columnOf(box.x)).toBe(0)
    expect(gridLine(jump.baselinePt - grid.baselineOffsetPt)).toBeCloseTo(6, 6)
    // The first column's text starts on the line under the jump line.
    const first = Math.min(...bodyLines(pages[1]!).filter((line) => columnOf(line.xPt) === 0).map((line) => gridLine(line.baselinePt - grid.baselineOffsetPt)))
    expect(first).toBeCloseTo(7, 6)
    // The （下转） line on page 1 stays at the foot of the last column.
    const out = pages[0]!.items.find((item): item is TextItem => item.type === 'text' && item.role === 'jump')!
    expect(gridLine(out.baselinePt - grid.baselineOffsetPt)).toBeCloseTo(grid.linesPerColumn - 1, 6)
    expectCleanPages(pages)
    expect(ids(pages)).toEqual([...Array(115).keys()].map((i) => ids(pages)[0]! + i))
  })

  test('pages that hold only figures left over from the text have no （上接） line, and the page before no （下转） line', () => {
    // Three figures, each too tall to share a page with another: the second and third stand on pages of their own.
    const rows = [...text(10), figure(3, 12, 50), figure(3, 12, 51), figure(3, 12, 52)]
    const {pages} = paginate(rows, undefined, context)
    expect(pages.map((page) => [figures(page).length, bodyLines(page).length])).toEqual([
      [1, 10],
      [1, 0],
      [1, 0]
    ])
    const jumps = pages.flatMap((page) => page.items.filter((item) => item.type === 'text' && item.role === 'jump'))
    expect(jumps).toEqual([])
  })

  test('a figure that does not fit under the deck waits for the top of the next page', () => {
    const rows = [...text(3), figure(2, 12, 50), ...text(70, 10)]
    const deck = {items: [] as Item[], lines: 8}
    const {pages} = paginate(rows, deck, context)
    expect(figures(pages[0]!)).toEqual([])
    expect(gridLine(figures(pages[1]!)[0]!.y)).toBeCloseTo(0, 6)
    expectCleanPages(pages)
  })

  test('a figure after all the text still gets a page, and places record where it went', () => {
    const rows = [...text(10), figure(3, 6, 50)]
    const result = paginate(rows, undefined, context)
    expect(result.pages.flatMap(figures)).toHaveLength(1)
    expect(result.places.get(50)).toBeDefined()
    expectCleanPages(result.pages)
  })
})

describe('continued pages', () => {
  test('the （上接） line counts above column 1 when the last page is balanced', () => {
    // 3 columns × 20 lines on page 1, then 40 lines more: page 2 ends level, the jump line included.
    const result = paginate(text(100), undefined, context)
    expect(result.pages.length).toBe(2)
    const last = result.columns.filter((column) => column.page === 1)
    expect(last[0]!.top).toBe(1)
    const depths = last.map((column) => (column.top ?? 0) + (column.end - column.start))
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1)
    expect(lastPageSpread(result.rows, result.columns)).toBeLessThanOrEqual(1)
    // Page 2's first body line in column 1 stands one line under the column top, under the jump line.
    const jump = result.pages[1]!.items.find((item): item is TextItem => item.type === 'text' && item.role === 'jump')!
    const first = bodyLines(result.pages[1]!).filter((line) => Math.abs(line.xPt - grid.columnXPt[0]!) < 1).sort((a, b) => a.baselinePt - b.baselinePt)[0]!
    expect(first.baselinePt - jump.baselinePt).toBeCloseTo(grid.pitchPt, 6)
  })
})

describe('shortColumns', () => {
  test('finds a hole at a column foot on a page the story runs on from, counting the （下转） line', async () => {
    const {shortColumns} = await import('../../../src/page/paginate.js')
    const rows = text(60)
    // Page 0: columns of 20, 16 (a hole of 4) and 19 (+ the 下转 line); page 1 holds the rest and is never a hole.
    const holes = shortColumns(rows, [
      {page: 0, column: 0, start: 0, end: 20},
      {page: 0, column: 1, start: 20, end: 36},
      {page: 0, column: 2, start: 36, end: 55},
      {page: 1, column: 0, start: 55, end: 60}
    ])
    expect(holes).toEqual([{block: rows[35]!.block, lines: 4, page: 0}])
    expect(shortColumns(rows, [{page: 0, column: 0, start: 0, end: 5}, {page: 0, column: 1, start: 5, end: 60}])).toEqual([])
  })

  test('with the page capacity known, columns all a line short of the foot are all holes', async () => {
    const {shortColumns} = await import('../../../src/page/paginate.js')
    const rows = text(60)
    // Capacity 21: columns of 20, 20 and 19 + the 下转 line each end a line above the foot.
    const holes = shortColumns(rows, [
      {page: 0, column: 0, start: 0, end: 20, capacity: 21},
      {page: 0, column: 1, start: 20, end: 40, capacity: 21},
      {page: 0, column: 2, start: 40, end: 59, capacity: 21},
      {page: 1, column: 0, start: 59, end: 60, capacity: 21}
    ])
    expect(holes.map((hole) => hole.lines)).toEqual([1, 1, 1])
    // Full columns (the last with 20 lines and its 下转 line) leave none.
    expect(shortColumns(text(70), [
      {page: 0, column: 0, start: 0, end: 21, capacity: 21},
      {page: 0, column: 1, start: 21, end: 42, capacity: 21},
      {page: 0, column: 2, start: 42, end: 62, capacity: 21},
      {page: 1, column: 0, start: 62, end: 70, capacity: 21}
    ])).toEqual([])
  })
})

describe('a head before a spanning figure', () => {
  test('keeps with two lines of the text after the figure', async () => {
    const {splitFloats} = await import('../../../src/page/split-floats.js')
    const head: Row = {span: 3, items: [], breakAfter: Infinity, kind: 'head', block: 1}
    const {rows, floats} = splitFloats([...paragraph(3, 0), head, figure(2, 6, 2), ...paragraph(4, 3)], 3)
    expect(floats.length).toBe(1)
    const at = rows.indexOf(head)
    expect(rows[at + 1]!.breakAfter).toBe(Infinity)
    expect(rows[at + 2]!.breakAfter).not.toBe(Infinity)
  })
})

describe('paginate with one-column figures', () => {
  const wide: Template = {...base, body: {...base.body, columns: 6, linesPerColumn: 20}, furniture: {...base.furniture, show: false}}
  const wideGrid = resolveGrid(wide)
  const wideContext: PaginateContext = {template: wide, grid: wideGrid, shape: (text, style) => fakeAtoms(text, style.sizePt), furniture: {firstPage: 1}}
  /** A one-column picture of `lines` lines. */
  const picture = (lines: number, block: number): Row => ({span: lines, items: [{type: 'box', xPt: 0, yPt: 0, widthPt: wideGrid.measurePt, heightPt: (lines - 1) * wideGrid.pitchPt, style: 'placeholder'}], breakAfter: 0, kind: 'figure', block})

  test('every one stands at a column top and no column is left short above one, five on a page', () => {
    // Five figures each met a few lines into a column, each too tall for what is left of it.
    const rows: Row[] = []
    for (let k = 0; k < 5; k++) rows.push(...text(4, k * 10), picture(18, 100 + k))
    rows.push(...text(200, 60))
    const {pages} = paginate(rows, undefined, wideContext)
    const first = pages[0]!
    const boxes = figures(first)
    expect(boxes.length).toBeGreaterThanOrEqual(4)
    for (const box of boxes) expect((box.y - wideGrid.topPt) / wideGrid.pitchPt).toBeCloseTo(0, 6)
    // A page the story runs on from: each column full to its foot (less the jump line in the last), or a line
    // short where filling the last line would leave a paragraph's first or last line alone.
    const perColumn = wideGrid.columnXPt.map((left) => bodyLines(first).filter((line) => Math.abs(line.xPt - left) < 1e-6).length + boxes.filter((box) => Math.abs(box.x - left) < 1e-6).reduce((sum, box) => sum + Math.round((box.bottom - box.y) / wideGrid.pitchPt) + 1, 0))
    for (const lines of perColumn.slice(0, -1)) expect(lines).toBeGreaterThanOrEqual(19)
  })
})
