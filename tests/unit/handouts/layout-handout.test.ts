import {describe, expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {Item, Row, TextItem} from '../../../src/compose/types.js'
import type {ArticleMeta, Block} from '../../../src/article/types.js'
import {resolveHandout} from '../../../src/handouts/resolve-handout.js'
import {layoutHandout} from '../../../src/handouts/layout-handout.js'
import {handoutRows} from '../../../src/handouts/handout-rows.js'
import {pageFooter} from '../../../src/handouts/page-footer.js'
import type {HandoutLayoutContext} from '../../../src/handouts/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('handout')
const grid = resolveGrid(template)
const context: HandoutLayoutContext = {template, grid, handout: resolveHandout(template), shape: (text, style) => fakeAtoms(text, style.sizePt)}
const heading = {articleTitle: '测试主题', sectionTitle: '第一节', publication: '测试报', date: '2023-04-18'}

/** A row of `span` lines carrying its id as the width of a marker box. */
function row(id: number, span = 1, breakAfter = 0): Row {
  return {span, items: [{type: 'box', xPt: 0, yPt: 0, widthPt: id, heightPt: 1, style: 'placeholder'}], breakAfter, kind: 'body', block: id}
}

/** Ids of the marker boxes on each page. */
function ids(pages: {items: Item[]}[]): number[][] {
  return pages.map((page) => page.items.flatMap((item) => (item.type === 'box' ? [item.widthPt] : [])))
}

/** A line's text, a word space (the ideographic space too) shown as one space. */
const text = (item: TextItem): string => item.placed.map(({atom}) => atom.text + (atom.spaceAfterPt ? ' ' : '')).join('').trim()
const texts = (items: Item[], role: string): string[] => items.filter((item): item is TextItem => item.type === 'text' && item.role === role).map(text)

describe('layoutHandout', () => {
  test('a figure that fits under its text stays there, mid-page, as a book sets it', () => {
    const figure: Row = {...row(100, 10), kind: 'figure', breakAfter: 0}
    const rows = [...Array.from({length: 5}, (_, i) => row(i + 1)), figure, ...Array.from({length: 40}, (_, i) => row(i + 6))]
    const pages = ids(layoutHandout(rows, heading, context))
    expect(pages[0]!.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 100])
  })

  test('a figure too tall for the rest of a page tops the next page, and the text after it fills this one', () => {
    // 5 lines and a figure of 28 lines: more than the page's 31.
    const figure: Row = {...row(100, 28), kind: 'figure', breakAfter: 0}
    const rows = [...Array.from({length: 5}, (_, i) => row(i + 1)), figure, ...Array.from({length: 40}, (_, i) => row(i + 6))]
    const pages = ids(layoutHandout(rows, heading, context))
    // Page 1 is full: its 5 lines and the 26 after the figure; the figure heads page 2.
    expect(pages[0]).toEqual(Array.from({length: 31}, (_, i) => i + 1))
    expect(pages[1]![0]).toBe(100)
    expect(pages.flat().sort((a, b) => a - b)).toEqual([...Array.from({length: 45}, (_, i) => i + 1), 100])
  })

  test('fills one column per page, every row once and in order', () => {
    const rows = Array.from({length: 70}, (_, i) => row(i + 1))
    const pages = layoutHandout(rows, heading, context)
    expect(grid.linesPerColumn).toBe(31)
    expect(ids(pages).map((page) => page.length)).toEqual([31, 31, 8])
    expect(ids(pages).flat()).toEqual(rows.map((_, i) => i + 1))
  })

  test('keeps every row inside the type area, on the grid', () => {
    const pages = layoutHandout(Array.from({length: 40}, (_, i) => row(i + 1)), heading, context)
    for (const page of pages) {
      for (const item of page.items) {
        if (item.type !== 'box') continue
        expect(item.yPt).toBeGreaterThanOrEqual(grid.topPt - 1e-6)
        expect(item.yPt).toBeLessThan(grid.topPt + grid.linesPerColumn * grid.pitchPt)
        expect(((item.yPt - grid.topPt) / grid.pitchPt) % 1).toBeCloseTo(0, 6)
      }
    }
  })

  test('puts the header band on the first page and the running header on the others', () => {
    const pages = layoutHandout(Array.from({length: 40}, (_, i) => row(i + 1)), heading, context)
    expect(texts(pages[0]!.items, 'band')).toEqual(['培训材料', '测试报 2023年4月18日', '选自《测试主题》'])
    expect(texts(pages[0]!.items, 'running')).toEqual([])
    expect(texts(pages[1]!.items, 'running')).toEqual(['测试主题 · 第一节', '培训材料'])
    expect(texts(pages[1]!.items, 'band')).toEqual([])
  })

  test('names the title once in the running header when the section has the article’s title (an article without ## heads)', () => {
    const whole = {...heading, sectionTitle: heading.articleTitle}
    const pages = layoutHandout(Array.from({length: 40}, (_, i) => row(i + 1)), whole, context)
    expect(texts(pages[1]!.items, 'running')).toEqual(['测试主题', '培训材料'])
  })

  test('moves a break off a row that must keep with the next', () => {
    const rows = Array.from({length: 40}, (_, i) => row(i + 1, 1, i === 30 ? Infinity : 0))
    expect(ids(layoutHandout(rows, heading, context))[0]).toHaveLength(30)
  })

  test('still makes progress with a row taller than a page', () => {
    const pages = layoutHandout([row(1), row(2, 50), row(3)], heading, context)
    expect(ids(pages)).toEqual([[1], [2], [3]])
  })

  test('makes one page for no rows at all', () => {
    expect(layoutHandout([], heading, context)).toHaveLength(1)
  })
})

describe('pageFooter', () => {
  test('says 第 x 页 / 共 y 页, centred below the type area', () => {
    const [footer] = pageFooter(2, 5, context) as TextItem[]
    expect(text(footer!)).toBe('第 2 页 / 共 5 页')
    expect(footer!.baselinePt).toBeGreaterThan(grid.topPt + grid.linesPerColumn * grid.pitchPt)
    expect(footer!.baselinePt).toBeLessThan(grid.pageHeightPt)
  })
})

describe('handoutRows', () => {
  const meta: ArticleMeta = {title: '测试主题', lang: 'zh-Hans', source: '测试报', date: '2023-04-18'}
  const blocks: Block[] = Array.from({length: 3}, (_, i) => ({type: 'paragraph', role: 'body', children: [{type: 'text', value: `第${i + 1}段。`.repeat(30), style: {}}]}))
  const compose = {template, grid, shape: context.shape, images: new Map(), warn: () => {}}

  test('sets the title first, the body, then the source line kept with the last body line', () => {
    const rows = handoutRows({type: 'section', order: 1, title: '第一节', blocks}, meta, context.handout, compose)
    expect(rows[0]!.kind).toBe('head')
    expect(texts(rows[0]!.items, 'title')).toEqual(['第一节'])
    expect(rows[0]!.breakAfter).toBe(Infinity)
    const source = rows[rows.length - 1]!
    expect(texts(source.items, 'source')).toEqual(['来源：测试报 2023年4月18日'])
    expect(rows[rows.length - 2]!.breakAfter).toBe(Infinity)
    expect(rows.filter((item) => item.kind === 'body' && item.block >= 0).length).toBeGreaterThan(3)
  })

  test('a runaway title (a paragraph given as one) is set a line to a grid line and parts across pages, never past the type area', () => {
    const title = '标题过长'.repeat(250)
    const rows = handoutRows({type: 'section', order: 1, title, blocks}, meta, context.handout, compose)
    const titleRows = rows.filter((item) => item.items.some((part) => part.type === 'text' && part.role === 'title'))
    expect(titleRows.length).toBeGreaterThan(grid.linesPerColumn)
    expect(titleRows.every((item) => item.span === 1)).toBe(true)
    const pages = layoutHandout(rows, heading, context)
    expect(pages.length).toBeGreaterThan(1)
    const bottom = grid.topPt + grid.linesPerColumn * grid.pitchPt
    const titleLines = pages.flatMap((page) => page.items.filter((item): item is TextItem => item.type === 'text' && item.role === 'title'))
    expect(titleLines.every((item) => item.baselinePt < bottom)).toBe(true)
    // Every character of the title is set, once.
    expect(titleLines.map(text).join('')).toBe(title)
  })

  test('a runaway source line (front matter gone astray) is a row per line and parts across pages, never past the type area', () => {
    const long = {...meta, source: '来源很长'.repeat(400)}
    const rows = handoutRows({type: 'section', order: 1, title: '第一节', blocks}, long, context.handout, compose)
    const sourceRows = rows.filter((item) => item.items.some((part) => part.type === 'text' && part.role === 'source'))
    expect(sourceRows.length).toBeGreaterThan(grid.linesPerColumn)
    expect(sourceRows.slice(1).every((item) => item.span === 1)).toBe(true)
    const pages = layoutHandout(rows, heading, context)
    const bottom = grid.topPt + grid.linesPerColumn * grid.pitchPt
    const lines = pages.flatMap((page) => page.items.filter((item): item is TextItem => item.type === 'text' && item.role === 'source'))
    expect(lines.every((item) => item.baselinePt > grid.topPt && item.baselinePt < bottom)).toBe(true)
    expect(lines.map(text).join('')).toBe(`来源：${long.source} 2023年4月18日`)
  })

  test('adds the notes head and one ruled line per notes line', () => {
    const handout = {...context.handout, notesLines: 5}
    const rows = handoutRows({type: 'section', order: 1, title: '第一节', blocks}, meta, handout, compose)
    const rules = rows.filter((item) => item.kind === 'space' && item.items.every((part) => part.type === 'rule'))
    expect(rules).toHaveLength(5)
    expect(rows.some((item) => texts(item.items, 'head').includes('学习笔记'))).toBe(true)
  })
})
