/**
 * Figures and tables across columns, end to end: the seed interview with a
 * 2栏 and a 通栏 picture (generated with sharp) built on the newspaper
 * template, read back from the page-level layout JSON (as `pages.json`
 * goldens and `--debug` see it): where the pictures stand, that no text
 * touches them, that every body line stays on the one grid; then the other
 * templates, handouts, automatic spans, title warnings and wide tables.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import {beforeAll, describe, expect, test} from 'vitest'
import {renderArticle, type RenderResult} from '../../src/build/render-article.js'
import {renderHandouts} from '../../src/handouts/render-handouts.js'
import {renderLayoutJson} from '../../src/render/debug/render-layout-json.js'
import {loadTemplate} from '../../src/config/template.js'
import {resolveGrid, type Grid} from '../../src/config/resolve-template.js'

const seed = fs.readFileSync('content/xingguo-police-interview.md', 'utf8')
const [frontMatter, body] = seed.split('\n---\n') as [string, string]
let dir: string

/** A test picture: a grey field with a dark shape and a frame, so the page shows where it went. */
async function picture(file: string, width: number, height: number): Promise<void> {
  const svg = `<svg width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#9ab"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#333"/><rect width="${width}" height="${height}" fill="none" stroke="#000" stroke-width="16"/></svg>`
  await sharp(Buffer.from(svg)).png().toFile(path.join(dir, file))
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-span-'))
  await picture('wide.png', 1200, 800)
  await picture('pano.png', 1600, 600)
  await picture('tall.png', 600, 800)
})

/** The seed with Markdown blocks put before the given paragraphs. */
function article(inserts: [number, string][]): string {
  const paragraphs = body.split('\n\n')
  for (const [index, markdown] of [...inserts].sort((a, b) => b[0] - a[0])) paragraphs.splice(index, 0, markdown)
  return `${frontMatter}\n---\n${paragraphs.join('\n\n')}`
}

const TWO = '![兴国县公安局民警在街头开展防诈骗宣传，向群众讲解常见诈骗手法（资料图片）](wide.png "2栏")'
const ALL = '![兴国县城全景（资料图片）](pano.png "通栏")'

/** One item of the layout JSON (`renderLayoutJson`). */
interface LayoutItem {
  type: 'text' | 'rule' | 'image' | 'box'
  role?: string
  x: number
  right?: number
  baseline?: number
  y?: number
  width?: number
  height?: number
  x1?: number
  x2?: number
  y1?: number
  text?: string
  style?: string
}

function layoutOf(result: RenderResult): LayoutItem[][] {
  const json = JSON.parse(renderLayoutJson(result.document!)) as {pages: {items: LayoutItem[]}[]}
  return json.pages.map((page) => page.items)
}

interface Rect {
  x: number
  y: number
  right: number
  bottom: number
}

const imageRect = (item: LayoutItem): Rect => ({x: item.x, y: item.y!, right: item.x + item.width!, bottom: item.y! + item.height!})
/** The grid cell a text line stands in (its baseline's line). */
const lineRect = (item: LayoutItem, grid: Grid): Rect => ({x: item.x, y: item.baseline! - grid.baselineOffsetPt, right: item.right!, bottom: item.baseline! - grid.baselineOffsetPt + grid.pitchPt})
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.right - 0.01 && b.x < a.right - 0.01 && a.y < b.bottom - 0.01 && b.y < a.bottom - 0.01
/** Grid line (0-based) of a baseline, or of a picture's top (set 0.15 pitch under its line). */
const lineOfBaseline = (baseline: number, grid: Grid): number => (baseline - grid.baselineOffsetPt - grid.topPt) / grid.pitchPt
const lineOfPicture = (y: number, grid: Grid): number => (y - 0.15 * grid.pitchPt - grid.topPt) / grid.pitchPt
const expectWhole = (value: number): void => expect(Math.abs(value - Math.round(value))).toBeLessThan(0.01)
const warnings = (result: RenderResult): string[] => result.file.messages.filter((message) => message.fatal !== undefined).map((message) => `${message.ruleId}@${message.line}`)

/** Checks every page must pass: no text on a picture, pictures inside the type area and apart, body lines on the grid. */
function expectClean(pages: LayoutItem[][], grid: Grid): void {
  for (const items of pages) {
    const images = items.filter((item) => item.type === 'image' || (item.type === 'box' && item.style === 'placeholder'))
    for (const image of images) {
      const rect = imageRect(image)
      expect(rect.x).toBeGreaterThanOrEqual(grid.leftPt - 0.01)
      expect(rect.right).toBeLessThanOrEqual(grid.leftPt + grid.typeAreaWidthPt + 0.01)
      expect(rect.bottom).toBeLessThanOrEqual(grid.topPt + grid.linesPerColumn * grid.pitchPt + 0.01)
      for (const line of items.filter((item) => item.type === 'text')) expect(overlaps(rect, lineRect(line, grid)), `${line.role} |${line.text}| on a picture`).toBe(false)
      for (const other of images) if (other !== image) expect(overlaps(rect, imageRect(other))).toBe(false)
    }
    for (const line of items.filter((item) => item.type === 'text' && (item.role === 'body' || item.role === 'caption' || item.role === 'cell'))) expectWhole(lineOfBaseline(line.baseline!, grid))
  }
}

describe('spanning figures on the newspaper page', () => {
  const grid = resolveGrid(loadTemplate('newspaper'))
  let result: RenderResult
  let pages: LayoutItem[][]
  beforeAll(async () => {
    result = await renderArticle(article([[2, TWO], [14, ALL]]), path.join(dir, 'span.md'))
    pages = layoutOf(result)
  })

  test('build cleanly, both pictures on page 1 where their references fall, prepared at their span widths', () => {
    expect(warnings(result)).toEqual([])
    expect(result.pdf).toBeDefined()
    const images = pages[0]!.filter((item) => item.type === 'image')
    expect(images.map((image) => Math.round(image.width!))).toEqual(expect.arrayContaining([Math.round(grid.typeAreaWidthPt), Math.round(2 * grid.measurePt + grid.gutterPt)]))
    // The 2栏 picture at 200 dpi across 2 × 13 characters and a 2-character gutter (294 pt).
    expect(Object.values(result.document!.images).map((image) => image.widthPx)).toContain(Math.round((294 / 72) * 200))
  })

  test('the pictures stand at column tops on the grid: the highest directly under the deck, the 2栏 one on column edges', () => {
    const items = pages[0]!
    const images = items.filter((item) => item.type === 'image').sort((a, b) => a.y! - b.y!)
    for (const image of images) {
      expectWhole(lineOfPicture(image.y!, grid))
      expect(grid.columnXPt.some((x) => Math.abs(x - image.x) < 0.01)).toBe(true)
    }
    const deck = items.filter((item) => item.type === 'text' && ['kicker', 'headline', 'subtitle', 'meta'].includes(item.role!))
    const deckBottom = Math.max(...deck.map((item) => item.baseline!))
    const deckRule = items.filter((item) => item.type === 'rule' && item.y1! > deckBottom).sort((a, b) => a.y1! - b.y1!)[0]!
    // Directly under the deck: the first grid line under the deck rule.
    expect(images[0]!.y! - deckRule.y1!).toBeGreaterThan(0)
    expect(images[0]!.y! - deckRule.y1!).toBeLessThan(grid.pitchPt)
  })

  test('captions in 黑 across the span, under each picture, on grid baselines; the text of those columns starts under them', () => {
    const items = pages[0]!
    for (const image of items.filter((item) => item.type === 'image')) {
      const rect = imageRect(image)
      const captions = items.filter((item) => item.role === 'caption' && item.x >= rect.x - 0.01 && item.right! <= rect.right + 0.01 && item.baseline! > rect.bottom && item.baseline! < rect.bottom + 4 * grid.pitchPt)
      expect(captions.length).toBeGreaterThan(0)
      const captionBottom = Math.max(...captions.map((caption) => caption.baseline!))
      // Body lines in the picture's columns stand above it (none) or under its caption, a blank line apart.
      const below = items.filter((item) => item.role === 'body' && item.x >= rect.x - 0.01 && item.x < rect.right)
      expect(below.filter((line) => line.baseline! < rect.y)).toEqual([])
      expect(Math.min(...below.map((line) => line.baseline!)) - captionBottom).toBeCloseTo(2 * grid.pitchPt, 1)
    }
  })

  test('no text overlaps a picture, pictures do not collide, every body line is on the common grid', () => {
    expectClean(pages, grid)
  })

  test('the deck, the jump lines and the furniture are still there', () => {
    const roles = new Set(pages.flatMap((items) => items.map((item) => item.role)))
    for (const role of ['headline', 'kicker', 'subtitle', 'meta', 'furniture']) expect(roles.has(role)).toBe(true)
    if (pages.length > 1) {
      expect(pages[0]!.some((item) => item.role === 'jump' && item.text!.includes('下转'))).toBe(true)
      expect(pages[1]!.some((item) => item.role === 'jump' && item.text!.includes('上接'))).toBe(true)
    }
  })

  test('the same input gives the same bytes', async () => {
    const again = await renderArticle(article([[2, TWO], [14, ALL]]), path.join(dir, 'span.md'))
    expect(Buffer.compare(Buffer.from(again.pdf!), Buffer.from(result.pdf!))).toBe(0)
  })
})

describe('spans chosen and clamped', () => {
  test('without a title a landscape picture spans two columns and an upright one stays in its column', async () => {
    const result = await renderArticle(article([[3, '![横幅](wide.png)'], [12, '![竖幅](tall.png)']]), path.join(dir, 'auto.md'))
    const grid = resolveGrid(loadTemplate('newspaper'))
    const images = layoutOf(result).flat().filter((item) => item.type === 'image')
    expect(images.map((image) => Math.round(image.width!)).sort()).toEqual([Math.round(grid.measurePt), Math.round(2 * grid.measurePt + grid.gutterPt)].sort())
    expectClean(layoutOf(result), grid)
  })

  test('an unknown title is a warning at its line; the span is then automatic', async () => {
    const source = article([[3, '![说明](wide.png "记者 摄")']])
    const result = await renderArticle(source, path.join(dir, 'title.md'))
    const line = source.split('\n').findIndex((text) => text.includes('记者 摄')) + 1
    expect(warnings(result)).toEqual([`figure-span@${line}`])
  })

  test.each([
    ['a4', 3],
    ['broadsheet', 8]
  ])('on %s a 通栏 picture spans all %i columns and a 2栏 one two', async (name, columns) => {
    const grid = resolveGrid(loadTemplate(name))
    expect(grid.columns).toBe(columns)
    const result = await renderArticle(article([[2, TWO], [14, ALL]]), path.join(dir, `${name}.md`), {template: name})
    const pages = layoutOf(result)
    const widths = pages.flat().filter((item) => item.type === 'image').map((image) => Math.round(image.width!))
    expect(widths).toContain(Math.round(grid.typeAreaWidthPt))
    expect(widths).toContain(Math.round(2 * grid.measurePt + grid.gutterPt))
    expectClean(pages, grid)
  })

  test('a span wider than the page clamps ("9栏" on the 5-column page), with a warning at its line', async () => {
    const source = article([[3, '![说明](wide.png "9栏")']])
    const result = await renderArticle(source, path.join(dir, 'nine.md'))
    const grid = resolveGrid(loadTemplate('newspaper'))
    const [image] = layoutOf(result).flat().filter((item) => item.type === 'image')
    expect(image!.width).toBeCloseTo(grid.typeAreaWidthPt, 1)
    const line = source.split('\n').findIndex((text) => text.includes('9栏')) + 1
    expect(warnings(result)).toEqual([`figure-span@${line}`])
  })

  test('handouts set spanning pictures in their one column', async () => {
    const grid = resolveGrid(loadTemplate('handout'))
    const result = await renderHandouts(article([[2, TWO], [14, ALL]]), path.join(dir, 'handout.md'))
    const images = result.handouts.flatMap((handout) => handout.document.pages.flatMap((page) => page.items.filter((item) => item.type === 'image')))
    expect(images).toHaveLength(2)
    for (const image of images) expect(image.type === 'image' && image.xPt + image.widthPt).toBeLessThanOrEqual(grid.leftPt + grid.measurePt + 0.01)
  })
})

describe('tables across columns', () => {
  const WIDE = [
    '| 派出所 | 辖区人口 | 警力 | 2022年接警量 | 主要做法 | 群众满意度 |',
    '| --- | --- | --- | --- | --- | --- |',
    '| 潋江派出所 | 12.3万 | 46 | 18,245 | “1+4+1”联动、网格化巡防 | 98.2% |',
    '| 长冈派出所 | 4.1万 | 15 | 3,512 | 矛盾纠纷排查化解、警民恳谈 | 97.5% |'
  ].join('\n')
  const NARROW = '| 年份 | 案件数 |\n| --- | --- |\n| 2021 | 312 |\n| 2022 | 268 |'

  test('a wide table spans the columns it needs at a column top; a narrow one stays in its column; no text overlaps either', async () => {
    const grid = resolveGrid(loadTemplate('newspaper'))
    const result = await renderArticle(article([[4, NARROW], [10, WIDE]]), path.join(dir, 'tables.md'))
    expect(warnings(result)).toEqual([])
    const items = layoutOf(result).flat()
    const rules = items.filter((item) => item.type === 'rule' && item.width! < 1 && item.x2! - item.x1! < grid.typeAreaWidthPt - 1)
    const widths = [...new Set(rules.map((rule) => Math.round(rule.x2! - rule.x1!)))].sort((a, b) => a - b)
    // Narrow: the column measure; wide: a span of whole columns wider than one.
    expect(widths[0]).toBe(Math.round(grid.measurePt))
    const span = Math.round((widths[widths.length - 1]! + grid.gutterPt) / (grid.measurePt + grid.gutterPt))
    expect(span).toBeGreaterThan(1)
    expect(widths[widths.length - 1]).toBe(Math.round(span * grid.measurePt + (span - 1) * grid.gutterPt))
    // The wide table's box (its rules) holds no body line.
    const wide = rules.filter((rule) => Math.round(rule.x2! - rule.x1!) === widths[widths.length - 1])
    const box: Rect = {x: wide[0]!.x1!, y: Math.min(...wide.map((rule) => rule.y1!)), right: wide[0]!.x2!, bottom: Math.max(...wide.map((rule) => rule.y1!))}
    for (const line of items.filter((item) => item.role === 'body')) expect(overlaps(box, lineRect(line, grid))).toBe(false)
    expect(items.filter((item) => item.role === 'cell').every((cell) => cell.right! <= box.right + 0.01)).toBe(true)
    expectClean(layoutOf(result), grid)
  })

  test('a long narrow table that continues in the next columns repeats its head at the top of each, on the grid', async () => {
    const grid = resolveGrid(loadTemplate('newspaper'))
    const rows = Array.from({length: 80}, (_, i) => `| 第${i + 1}项 | ${(i + 1) * 13} |`).join('\n')
    const result = await renderArticle(`${frontMatter}\n---\n\n导语。\n\n| 项目 | 数量 |\n| --- | --- |\n${rows}\n\n结尾。\n`, path.join(dir, 'long-table.md'))
    expect(warnings(result)).toEqual([])
    const cells = layoutOf(result).flat().filter((item) => item.role === 'cell' || item.role === 'repeatedHead')
    const columnOf = (item: LayoutItem): number => Math.round((item.x - grid.leftPt) / (grid.measurePt + grid.gutterPt) - 0.45)
    const columns = [...new Set(cells.map(columnOf))]
    expect(columns.length).toBeGreaterThan(2)
    for (const column of columns) {
      // The first cell of every column the table stands in is its head, 项目, and it stands there once.
      const inColumn = cells.filter((cell) => columnOf(cell) === column).sort((a, b) => a.baseline! - b.baseline!)
      expect(inColumn[0]!.text).toBe('项目')
      expect(inColumn.filter((cell) => cell.text === '项目')).toHaveLength(1)
    }
    // Every body row once, in order.
    const items = cells.filter((cell) => /^第\d+项$/.test(cell.text!)).map((cell) => cell.text)
    expect(items).toEqual(Array.from({length: 80}, (_, i) => `第${i + 1}项`))
    expectClean(layoutOf(result), grid)
  })
})
