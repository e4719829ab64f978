/**
 * A table flowing in one column (fake 1-em font): each of its lines is a row,
 * and the rows after its head carry the head to repeat at the top of a column
 * they start; a head of more than two lines is not repeated.
 */
import {expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {tableRows} from '../../../src/compose/table-rows.js'
import type {ComposeContext} from '../../../src/compose/compose-blocks.js'
import type {Inline} from '../../../src/article/types.js'
import type {TextItem} from '../../../src/compose/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
const cell = (value: string): Inline[] => [{type: 'text', value, style: {}}]
const body = Array.from({length: 6}, (_, i) => [cell(`第${i + 1}项`), cell(String(i * 13))])

test('the rows after a one-line head carry it, as a line to add at a column top', () => {
  const rows = tableRows([[cell('项目'), cell('数量')], ...body], 0, context)
  expect(rows).toHaveLength(7)
  expect(rows[0]!.topItems).toBeUndefined()
  for (const row of rows.slice(1)) {
    expect(row.topBlank).toBe(-1)
    const texts = row.topItems!.filter((item): item is TextItem => item.type === 'text')
    expect(texts.map((item) => [item.role, item.placed.map(({atom}) => atom.text).join('')])).toEqual([
      ['repeatedHead', '项目'],
      ['repeatedHead', '数量']
    ])
    // Its rules too: above the head and under it.
    expect(row.topItems!.filter((item) => item.type === 'rule')).toHaveLength(2)
  }
})

test('a head of more than two lines is not repeated', () => {
  const tall = '很长的表头文字'.repeat(4)
  const rows = tableRows([[cell(tall), cell('数量')], ...body], 0, context)
  const headLines = rows.findIndex((row) => row.items.some((item) => item.type === 'text' && item.placed.some(({atom}) => atom.text === '第')))
  expect(headLines).toBeGreaterThan(2)
  for (const row of rows) {
    expect(row.topItems).toBeUndefined()
    expect(row.topBlank).toBeUndefined()
  }
})

test("cells are set as their column's delimiter row says: figures flush right, header too", () => {
  const rows = tableRows([[cell('项目'), cell('数量'), cell('备注')], [cell('甲'), cell('1200'), cell('好')], [cell('乙'), cell('7'), cell('好')]], 0, context, undefined, [null, 'right', 'center'])
  const cells = (row: number) => rows[row]!.items.filter((item): item is TextItem => item.type === 'text')
  // Right edge of each cell's ink, and its left edge.
  const right = (item: TextItem) => item.xPt + item.placed.reduce((sum, {atom}) => sum + atom.advancePt, 0) + item.placed[0]!.xPt
  const size = cells(1)[0]!.placed[0]!.atom.sizePt
  // The figures column: 1200 and 7 end at one edge, and so does its head.
  expect(right(cells(1)[1]!)).toBeCloseTo(right(cells(2)[1]!), 6)
  expect(right(cells(0)[1]!)).toBeCloseTo(right(cells(2)[1]!), 6)
  expect(cells(2)[1]!.xPt + cells(2)[1]!.placed[0]!.xPt).toBeGreaterThan(cells(1)[1]!.xPt + cells(1)[1]!.placed[0]!.xPt + size)
  // The first column (no alignment) starts flush left; the centred one sits mid-cell.
  expect(cells(1)[0]!.xPt).toBeCloseTo(cells(2)[0]!.xPt, 6)
  const headRight = right(cells(0)[2]!)
  const bodyRight = right(cells(1)[2]!)
  expect(headRight - bodyRight).toBeCloseTo(size / 2, 6)
})
