/**
 * List items in a column (fake 1-em font): every item's text stands at one
 * distance from its marker, however its first line is justified.
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

/** The first line of each item: where its text starts, from the marker's left edge. */
function textOffsets(block: Block): number[] {
  const rows = composeBlocks([block], context)
  const firstLines = rows.map((row) => row.items[0] as TextItem).filter((line) => line.xPt > 0)
  return firstLines.map((line) => line.placed[line.placed.findIndex((placed) => /\p{Script=Han}/u.test(placed.atom.text))]!.xPt - line.placed[0]!.xPt)
}

// Items whose first lines need different stretch: one full, one a character short of its measure (a 、 compresses).
const texts = ['在办事大厅选择事项然后提交材料等', '在村级终端增加语音播报、功能方便老人使用', '建立运营考核制度把用起来放在前']
const item = (marker: string, text: string) => ({depth: 0, marker, children: [{type: 'text' as const, value: text, style: {}}]})

test('a bullet is followed by its text as one character by the next, never by a stretched word space', () => {
  const offsets = textOffsets({type: 'list', ordered: false, start: 1, items: texts.map((text) => item('•', text))})
  expect(offsets).toHaveLength(3)
  // Whatever spacing a line takes between characters, the text follows the bullet by one cell, not more than a spread.
  for (const offset of offsets) expect(offset).toBeLessThan(grid.bodySizePt * 1.35)
  expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThan(grid.bodySizePt * 0.35)
})

test('a number is followed by the Han–Latin gap before Chinese text, by a word space before Western text', () => {
  const offsets = textOffsets({type: 'list', ordered: true, start: 1, items: texts.map((text, i) => item(`${i + 1}.`, text))})
  const numberWidth = grid.bodySizePt // "1." in the fake font: two half-em characters
  for (const offset of offsets) {
    expect(offset - numberWidth).toBeGreaterThanOrEqual(grid.bodySizePt * 0.125 - 1e-6)
    expect(offset - numberWidth).toBeLessThanOrEqual(grid.bodySizePt * (1 / 3) + 1e-6)
  }
  const rows = composeBlocks([{type: 'list', ordered: true, start: 1, items: [item('1.', 'Apple 苹果')]}], context)
  const line = rows[0]!.items[0] as TextItem
  expect(line.placed.map(({atom}) => atom.text).slice(0, 2)).toEqual(['1.', 'Apple'])
  expect(line.placed[0]!.atom.spaceAfterPt).toBeGreaterThan(0)
})
