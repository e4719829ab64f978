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
const p = (value: string, part?: 'number' | 'salutation' | 'note'): Block => ({type: 'paragraph', role: 'lead', children: [{type: 'text', value, style: {}}], ...(part ? {part} : {})})

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

test('a 题注 left in the body is centred in brackets in the deck’s 题注 face', () => {
  const fonts: string[] = []
  const rows = composeBlocks([p('2017年9月1日第十二届全国人民代表大会常务委员会第二十九次会议通过', 'note')], {...context, shape: (text, style) => (fonts.push(style.font), fakeAtoms(text, style.sizePt))})
  const lines = rows.map((row) => row.items[0] as TextItem)
  const text = lines.map((line) => line.placed.map(({atom}) => atom.text).join('')).join('')
  expect(text).toBe('（2017年9月1日第十二届全国人民代表大会常务委员会第二十九次会议通过）')
  expect(new Set(fonts)).toEqual(new Set([template.deck.note.font]))
  // Every line centred: as much room left of it as right.
  for (const line of lines) {
    const first = line.placed[0]!
    const last = line.placed[line.placed.length - 1]!
    const left = line.xPt + first.xPt - first.atom.blankBeforePt
    const right = grid.measurePt - (line.xPt + last.xPt + last.atom.advancePt - last.atom.blankBeforePt)
    expect(Math.abs(left - right)).toBeLessThan(grid.bodySizePt)
  }
})

test('an end mark and a credit are set at the right, unindented, and keep with the last line of the text', () => {
  const credit = (value: string): Block => ({type: 'paragraph', role: 'body', part: 'credit', children: [{type: 'text', value, style: {}}]})
  const rows = composeBlocks([p('经国务院批准，现将放假调休日期的具体安排通知如下。'), credit('（完）'), credit('（责任编辑：赵六）')], context)
  for (const row of rows.filter((row) => row.block > 0)) {
    const line = row.items[0] as TextItem
    const last = line.placed[line.placed.length - 1]!
    // Flush right: the last character's ink (the closing bracket's, its blank half past it) ends at the measure.
    expect(line.xPt + last.xPt + last.atom.advancePt - last.atom.blankAfterPt).toBeCloseTo(grid.measurePt, 6)
  }
  const lastText = rows.filter((row) => row.block === 0).at(-1)!
  const firstCredit = rows.find((row) => row.block === 1)!
  expect(lastText.breakAfter).toBe(Infinity)
  expect(firstCredit.breakAfter).toBe(Infinity)
})
