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
