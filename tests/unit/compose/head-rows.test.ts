/**
 * 小标题 bands: whole grid lines (the template's `lines`), the head on a grid
 * baseline, an odd blank line above (a head stands nearer the text it heads),
 * and a head directly under another head without the blank above it.
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {composeBlocks, type ComposeContext} from '../../../src/compose/compose-blocks.js'
import {headRows} from '../../../src/compose/head-rows.js'
import type {Block, Inline} from '../../../src/article/types.js'
import type {BoxItem, Item, TextItem} from '../../../src/compose/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

// Banded heads (占行 3 and 2, as `broadsheet` has them) on the newspaper grid.
const newspaper = loadTemplate('newspaper')
const template = {
  ...newspaper,
  heads: {
    '2': {font: 'hei-bold', size: 11.5, lines: 3, align: 'center' as const},
    '3': {font: 'hei', size: 10.5, lines: 2, align: 'left' as const},
    '4': {font: 'hei', size: 10.5, lines: 2, align: 'left' as const}
  }
}
const grid = resolveGrid(template)
const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
const run = (value: string): Inline[] => [{type: 'text', value, style: {}}]
const head = (depth: number, text: string): Block => ({type: 'sectionHead', depth, children: run(text)})
const paragraph = (text: string): Block => ({type: 'paragraph', role: 'body', children: run(text)})
/** Grid line (0-based, within the row) each text line of a row sits on. */
const linesOf = (items: readonly Item[]): number[] => items.filter((item): item is TextItem => item.type === 'text').map((item) => (item.baselinePt - grid.baselineOffsetPt) / grid.pitchPt)

describe('headRows on the newspaper template (one-line heads, ## tinted)', () => {
  const plain: ComposeContext = {...context, template: newspaper}

  test('every head takes one line, on a grid baseline, so columns keep one grid', () => {
    for (const depth of [2, 3, 4]) {
      const [row] = headRows(run('地理'), depth, 0, plain)
      expect(row!.span).toBe(1)
      expect(row!.topBlank).toBeUndefined()
      expect(linesOf(row!.items)).toEqual([0])
    }
  })

  test('a ## head has a tint behind its line, inside the line slot and the measure, drawn before the text', () => {
    const [row] = headRows(run('多警联动'), 2, 0, plain)
    const box = row!.items[0] as BoxItem
    expect(box).toMatchObject({type: 'box', style: 'tint', tint: 12, xPt: 0, widthPt: grid.measurePt})
    expect(box.yPt).toBeGreaterThan(0)
    expect(box.yPt + box.heightPt).toBeLessThan(grid.pitchPt)
    const text = row!.items[1] as TextItem
    expect(text.baselinePt).toBeGreaterThan(box.yPt)
    expect(text.baselinePt).toBeLessThan(box.yPt + box.heightPt)
  })

  test('a tinted head that wraps is tinted over all its lines; a ### head has no tint', () => {
    const [row] = headRows(run('这是一个很长很长的小标题需要折成两行才放得下'), 2, 0, plain)
    const box = row!.items[0] as BoxItem
    expect(row!.span).toBe(2)
    expect(box.heightPt).toBeGreaterThan(grid.pitchPt)
    expect(box.yPt + box.heightPt).toBeLessThan(2 * grid.pitchPt)
    expect(headRows(run('区位'), 3, 0, plain)[0]!.items.some((item) => item.type === 'box')).toBe(false)
  })
})

describe('headRows in bands', () => {
  test('a ## head takes its 3 lines, text on the middle one', () => {
    expect(template.heads['2']!.lines).toBe(3)
    const [row] = headRows(run('多警联动'), 2, 0, context)
    expect(row!.span).toBe(3)
    expect(linesOf(row!.items)).toEqual([1])
  })

  test('a ### head takes 2 lines with the blank above it, so it sits on the text it heads', () => {
    const [row] = headRows(run('区位'), 3, 0, context)
    expect(row!.span).toBe(2)
    expect(linesOf(row!.items)).toEqual([1])
  })

  test('a head that wraps keeps the blank lines of a one-line head', () => {
    const [row] = headRows(run('这是一个很长很长的小标题需要折成两行才放得下'), 2, 0, context)
    const lines = linesOf(row!.items)
    expect(lines.length).toBe(2)
    expect(row!.span).toBe(lines.length + 2)
    expect(lines).toEqual([1, 2])
  })

  test('stacked under another head, a head drops the blank above it', () => {
    const [row] = headRows(run('区位'), 3, 1, context, true)
    expect(row!.span).toBe(1)
    expect(linesOf(row!.items)).toEqual([0])
  })

  test('every head baseline is a grid baseline', () => {
    for (const depth of [2, 3, 4]) {
      for (const row of headRows(run('地理'), depth, 0, context)) {
        for (const line of linesOf(row.items)) expect(Number.isInteger(Math.round(line * 1e6) / 1e6)).toBe(true)
      }
    }
  })
})

describe('composeBlocks with heads', () => {
  test('## then ### stack without a blank line between them; the ### keeps with its text', () => {
    const rows = composeBlocks([paragraph('兴国县位于江西省中南部。'), head(2, '地理'), head(3, '区位'), paragraph('兴国县位于江西省中南部，赣州市北部，东倚宁都县，东南邻于都县。')], context)
    const heads = rows.filter((row) => row.kind === 'head')
    expect(heads.map((row) => row.span)).toEqual([3, 1])
    expect(heads.every((row) => row.breakAfter === Infinity)).toBe(true)
    const firstBody = rows.findIndex((row, i) => row.kind === 'body' && i > rows.indexOf(heads[1]!))
    expect(rows[firstBody]!.breakAfter).toBe(Infinity)
  })

  test('a ### after a paragraph keeps its blank line above', () => {
    const rows = composeBlocks([paragraph('兴国县位于江西省中南部。'), head(3, '区位'), paragraph('兴国县位于江西省中南部，赣州市北部。')], context)
    expect(rows.find((row) => row.kind === 'head')!.span).toBe(2)
  })
})
