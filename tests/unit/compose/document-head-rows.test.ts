/**
 * A document's head in a column (fake 1-em font): the 发文字号 centred
 * (GB/T 9704-2012 §7.2.4), the 主送机关 flush left and turning flush left
 * (§7.3.2), the text after them indented two characters as always.
 */
import {expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {composeBlocks, type ComposeContext} from '../../../src/compose/compose-blocks.js'
import type {TextItem} from '../../../src/compose/types.js'
import type {Block} from '../../../src/article/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
const p = (value: string, part?: 'number' | 'salutation'): Block => ({type: 'paragraph', role: 'lead', children: [{type: 'text', value, style: {}}], ...(part ? {part} : {})})

test('发文字号 centred, 主送机关 flush left on every line, the text indented', () => {
  const rows = composeBlocks([p('国办函〔二〇〇六〕七一号', 'number'), p('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', 'salutation'), p('经国务院批准，现将放假调休日期的具体安排通知如下。')], context)
  const lines = (block: number): TextItem[] => rows.filter((row) => row.block === block).map((row) => row.items[0] as TextItem)
  const [number] = lines(0)
  // Centred: as much room left of the first character as right of the last.
  const first = number!.placed[0]!
  const last = number!.placed[number!.placed.length - 1]!
  const left = number!.xPt + first.xPt
  expect(left).toBeGreaterThan(0)
  expect(grid.measurePt - (number!.xPt + last.xPt + last.atom.advancePt)).toBeCloseTo(left, 6)
  const salutation = lines(1)
  expect(salutation.length).toBeGreaterThan(1)
  for (const line of salutation) expect(line.xPt).toBe(0)
  expect(lines(2)[0]!.xPt).toBe(grid.indentPt)
})
