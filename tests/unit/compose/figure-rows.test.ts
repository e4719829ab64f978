/**
 * Figures and tables across columns: the span rule (title, picture shape,
 * template default, clamping), the spanning figure block in whole grid
 * lines with its caption across the span, and tables that span the columns
 * they need.
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate, type Template} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {ComposeContext, ImageInfo} from '../../../src/compose/compose-blocks.js'
import type {ImageItem, Row, TextItem} from '../../../src/compose/types.js'
import type {Figure, Inline} from '../../../src/article/types.js'
import {figureColumns, spanWidthPt} from '../../../src/compose/figure-columns.js'
import {figureRows, FLOAT_GAP_LINES} from '../../../src/compose/figure-rows.js'
import {tableRows} from '../../../src/compose/table-rows.js'
import {tableCellChars, tableColumns, wantedChars} from '../../../src/compose/table-columns.js'
import {balanceColumns} from '../../../src/flow/flow-columns.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const newspaper = loadTemplate('newspaper')

function context(template: Template, images: Record<string, [number, number]> = {}): ComposeContext & {warnings: string[]} {
  const warnings: string[] = []
  const info = new Map<string, ImageInfo>(Object.entries(images).map(([src, [widthPx, heightPx]], i) => [src, {key: `img${i + 1}`, widthPx, heightPx}]))
  return {template, grid: resolveGrid(template), shape: (text, style) => fakeAtoms(text, style.sizePt), images: info, warn: (ruleId) => warnings.push(ruleId), warnings}
}

const figure = (src: string, span?: Figure['span'], caption = ''): Figure => ({type: 'figure', src, caption: caption ? [{type: 'text', value: caption, style: {}}] : [], ...(span ? {span} : {})})

describe('figureColumns', () => {
  test.each([
    ['upright picture', undefined, 0.75, 1],
    ['square picture', undefined, 1, 1],
    ['4:3 landscape', undefined, 4 / 3, 2],
    ['16:9 landscape', undefined, 16 / 9, 2],
    ['panorama', undefined, 3, 3],
    ['unknown shape (placeholder)', undefined, undefined, 1],
    ['"1栏" landscape', 1, 1.5, 1],
    ['"2栏" upright', 2, 0.75, 2],
    ['"9栏" clamps to the page', 9, 1.5, 5],
    ['通栏', 'all', 0.75, 5]
  ] as const)('%s on the 5-column newspaper', (_, span, aspect, columns) => {
    expect(figureColumns(span === undefined ? {} : {span}, aspect, newspaper, 5)).toBe(columns)
  })

  test('the template sets the automatic spans (broadsheet: wider), and a one-column template clamps', () => {
    const broadsheet = loadTemplate('broadsheet')
    expect(figureColumns({}, 1.5, broadsheet, 8)).toBe(3)
    expect(figureColumns({}, 3, broadsheet, 8)).toBe(5)
    expect(figureColumns({}, 3, loadTemplate('a4'), 3)).toBe(3)
    expect(figureColumns({span: 'all'}, 1.5, loadTemplate('handout'), 1)).toBe(1)
    expect(figureColumns({span: 4}, 1.5, loadTemplate('handout'), 1)).toBe(1)
  })
})

describe('figureRows', () => {
  const c = context(newspaper, {'wide.jpg': [1200, 800], 'tall.jpg': [600, 800], 'huge.jpg': [400, 4000]})
  const {grid} = c

  test('a figure one column wide keeps its rows in the flow', () => {
    const rows = figureRows(figure('tall.jpg', undefined, '说明'), 3, c)
    expect(rows.map((row) => row.columns ?? 1)).toEqual([1, 1])
    expect((rows[0]!.items[0] as ImageItem).widthPt).toBeCloseTo(grid.measurePt, 6)
  })

  test('a portrait across a one-column handout takes at most 60 % of the page, centred, with a warning', () => {
    const local = context(loadTemplate('handout'), {'p.jpg': [600, 900]})
    const rows = figureRows(figure('p.jpg', undefined, '学生在课堂上'), 0, local)
    const picture = rows[0]!
    expect(local.warnings).toEqual(['figure-scaled'])
    expect(picture.span).toBeLessThanOrEqual(Math.floor(local.grid.linesPerColumn * 0.6))
    const image = picture.items[0] as ImageItem
    expect(image.widthPt).toBeLessThan(local.grid.measurePt)
    expect(image.xPt).toBeCloseTo((local.grid.measurePt - image.widthPt) / 2, 6)
    // In a newspaper column the same picture is set at the column's width: no change there.
    const column = context(newspaper, {'p.jpg': [600, 900]})
    expect((figureRows(figure('p.jpg'), 0, column)[0]!.items[0] as ImageItem).widthPt).toBeCloseTo(column.grid.measurePt, 6)
    expect(column.warnings).toEqual([])
  })

  test('a 2-column figure is one row: picture at the span width, whole grid lines, caption under it across the span on grid baselines', () => {
    const rows = figureRows(figure('wide.jpg', 2, '兴国县公安局民警在街头开展防诈骗宣传，向群众讲解常见诈骗手法，发放宣传资料（资料图片）'), 3, c)
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row).toMatchObject({columns: 2, kind: 'figure', block: 3})
    expect(Number.isInteger(row.span)).toBe(true)
    const width = spanWidthPt(grid, 2)
    expect(width).toBeCloseTo(2 * 136.5 + 21, 6)
    const image = row.items.find((item): item is ImageItem => item.type === 'image')!
    expect(image.xPt).toBeCloseTo(0, 6)
    expect(image.widthPt).toBeCloseTo(width, 6)
    // Trimmed to whole grid lines (裁切): the frame ends 0.3 pitch above a grid line, the whole picture keeps its shape and covers the frame.
    expect(((image.yPt + image.heightPt) / grid.pitchPt + 0.3) % 1).toBeCloseTo(0, 6)
    expect(Math.abs(image.heightPt - (width * 800) / 1200)).toBeLessThanOrEqual(0.1 * (width * 800) / 1200)
    const full = image.full ?? image
    expect(full.widthPt / full.heightPt).toBeCloseTo(1200 / 800, 6)
    expect(full.xPt).toBeLessThanOrEqual(image.xPt + 1e-6)
    expect(full.yPt).toBeLessThanOrEqual(image.yPt + 1e-6)
    expect(full.xPt + full.widthPt).toBeGreaterThanOrEqual(image.xPt + image.widthPt - 1e-6)
    expect(full.yPt + full.heightPt).toBeGreaterThanOrEqual(image.yPt + image.heightPt - 1e-6)
    const captions = row.items.filter((item): item is TextItem => item.type === 'text' && item.role === 'caption')
    expect(captions.length).toBe(2)
    for (const caption of captions) {
      // Below the picture, on a grid baseline of the row, inside the span.
      expect(caption.baselinePt).toBeGreaterThan(image.yPt + image.heightPt)
      expect(((caption.baselinePt - grid.baselineOffsetPt) / grid.pitchPt) % 1).toBeCloseTo(0, 6)
      const last = caption.placed[caption.placed.length - 1]!
      expect(caption.xPt + last.xPt + last.atom.advancePt).toBeLessThanOrEqual(width + 1e-6)
    }
    // The first caption line is justified across the whole span width.
    const first = captions[0]!
    const end = first.placed[first.placed.length - 1]!
    expect(first.xPt + end.xPt + end.atom.advancePt - end.atom.blankAfterPt).toBeCloseTo(width, 1)
    // A blank line parts the caption from the text under the figure.
    const lastBaseline = Math.max(...captions.map((caption) => caption.baselinePt))
    expect(row.span * grid.pitchPt - (lastBaseline - grid.baselineOffsetPt)).toBeCloseTo((1 + FLOAT_GAP_LINES) * grid.pitchPt, 6)
  })

  test('a picture a little short of whole lines is scaled up and trimmed at the sides; one far off keeps its shape with blank under it', () => {
    const local = context(newspaper, {'up.png': [1200, 560], 'strip.png': [1200, 150]})
    const width = spanWidthPt(local.grid, 2)
    const [up] = figureRows(figure('up.png', 2), 0, local)
    const image = up!.items[0] as ImageItem
    expect(image.full!.heightPt).toBeCloseTo(image.heightPt, 6)
    expect(image.full!.widthPt).toBeGreaterThan(width)
    expect(image.full!.xPt + image.full!.widthPt / 2).toBeCloseTo(image.xPt + image.widthPt / 2, 6)
    const [strip] = figureRows(figure('strip.png', 2), 0, local)
    const whole = strip!.items[0] as ImageItem
    expect(whole.full).toBeUndefined()
    expect(whole.heightPt).toBeCloseTo((width * 150) / 1200, 6)
  })

  test('通栏 spans all columns; a picture too tall for the page is scaled down with a warning and stays inside the span', () => {
    const local = context(newspaper, {'huge.jpg': [400, 4000]})
    const [row] = figureRows(figure('huge.jpg', 'all', '说明'), 0, local)
    expect(row!.columns).toBe(5)
    expect(local.warnings).toEqual(['figure-scaled'])
    expect(row!.span).toBeLessThanOrEqual(Math.floor(local.grid.linesPerColumn * 0.6))
    const image = row!.items.find((item): item is ImageItem => item.type === 'image')!
    expect(image.xPt).toBeGreaterThan(0)
    expect(image.xPt + image.widthPt).toBeLessThanOrEqual(spanWidthPt(local.grid, 5) + 1e-6)
  })

  test('a missing picture with a span is a placeholder box across the span', () => {
    const [row] = figureRows(figure('missing.jpg', 2), 0, c)
    expect(row!.columns).toBe(2)
    expect(row!.items[0]).toMatchObject({type: 'box', style: 'placeholder', xPt: 0})
  })

  test('the a4 template clamps 通栏 to its three columns', () => {
    const a4 = context(loadTemplate('a4'), {'wide.jpg': [1200, 800]})
    expect(figureRows(figure('wide.jpg', 'all'), 0, a4)[0]!.columns).toBe(3)
  })
})

describe('table span', () => {
  test('wantedChars: the longest cell up to six characters, never less than an unbreakable piece', () => {
    expect(wantedChars({minChars: 1, naturalChars: 2})).toBe(2)
    expect(wantedChars({minChars: 1, naturalChars: 20})).toBe(6)
    expect(wantedChars({minChars: 8.5, naturalChars: 20})).toBe(9)
  })

  test('tableColumns: the fewest page columns that hold every table column sensibly, up to all', () => {
    const charsIn = (columns: number): number => columns * 15 + (columns - 1) * 2
    const narrow = [{minChars: 1, naturalChars: 2}, {minChars: 2, naturalChars: 3}]
    expect(tableColumns(narrow, 1, charsIn, 5)).toBe(1)
    const wide = Array.from({length: 6}, () => ({minChars: 1, naturalChars: 10}))
    expect(tableColumns(wide, 1, charsIn, 5)).toBe(3)
    const huge = Array.from({length: 30}, () => ({minChars: 1, naturalChars: 10}))
    expect(tableColumns(huge, 1, charsIn, 5)).toBe(5)
  })

  test('tableCellChars: needs first, then room to the most cramped column', () => {
    const chars = tableCellChars([{minChars: 1, naturalChars: 2}, {minChars: 1, naturalChars: 30}, {minChars: 1, naturalChars: 4}], 30, 2)
    expect(chars.reduce((sum, n) => sum + n, 0)).toBe(30)
    expect(chars[0]).toBe(2)
    expect(chars[1]).toBeGreaterThan(20)
    expect(tableCellChars([{minChars: 9, naturalChars: 9}, {minChars: 9, naturalChars: 9}], 10, 2)).toEqual([5, 5])
  })

  test('tableCellChars: when the needs do not fit, a column of short numbers stays narrow and the long text takes the room', () => {
    // 序号 | 案件 | 标的额 | 状态 in 12 characters: the needs (2 + 6 + 5 + 2) do not fit.
    const wants = [{minChars: 2, naturalChars: 2}, {minChars: 1, naturalChars: 10}, {minChars: 2, naturalChars: 4.5}, {minChars: 2, naturalChars: 2}]
    const chars = tableCellChars(wants, 12, 2)
    expect(chars.reduce((sum, n) => sum + n, 0)).toBe(12)
    expect(chars[0]).toBe(2)
    expect(chars[3]).toBe(2)
    expect(chars[1]).toBeGreaterThanOrEqual(4)
  })

  const cell = (value: string): Inline[] => [{type: 'text', value, style: {}}]
  const table = (columns: number, text: string, rows = 3) => Array.from({length: rows}, (_, r) => Array.from({length: columns}, (_, c) => cell(r === 0 ? `列${c}` : text)))

  test('balanced columns end between table rows where a column a line short is the other choice', () => {
    const c = context(newspaper)
    // A line of text, then seven rows of two lines each (the long cell wraps once), in three columns.
    const cells = [[cell('号'), cell('案件')], ...Array.from({length: 7}, (_, r) => [cell(String(r + 1)), cell('某某市某某区人民法院第号执行案件')])]
    const table = tableRows(cells, 1, c)
    const text: Row = {span: 1, items: [], breakAfter: 0, kind: 'body', block: 0}
    const rows = [text, ...table]
    expect(table.filter((row) => row.breakAfter > 0 && row.breakAfter < Infinity).length).toBe(7)
    const layout = balanceColumns(rows, 0, [40, 40, 40])!
    for (const fill of layout.fills.slice(0, -1)) expect(rows[fill.end - 1]!.breakAfter).toBe(0)
  })

  test('a narrow table flows in one column, a line per row', () => {
    const c = context(newspaper)
    const rows = tableRows(table(2, '甲乙'), 0, c)
    expect(rows.every((row: Row) => (row.columns ?? 1) === 1 && row.span === 1)).toBe(true)
    expect(rows).toHaveLength(3)
  })

  test('a wide table is one row across the columns it needs, rules across the span, cells inside it', () => {
    const c = context(newspaper)
    const rows = tableRows(table(6, '兴国县公安局派出所'), 0, c)
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row.columns).toBeGreaterThan(1)
    const width = spanWidthPt(c.grid, row.columns!)
    const rules = row.items.filter((item) => item.type === 'rule')
    expect(rules.length).toBe(3)
    for (const rule of rules) expect(rule.type === 'rule' && rule.x2).toBeCloseTo(width, 6)
    for (const item of row.items) if (item.type === 'text') expect(item.xPt).toBeLessThan(width)
    expect(c.warnings).toEqual([])
  })

  test('in a one-column handout a wide table stays in the column', () => {
    const c = context(loadTemplate('handout'))
    expect(tableRows(table(6, '兴国县公安局派出所'), 0, c).every((row) => (row.columns ?? 1) === 1)).toBe(true)
  })
})
