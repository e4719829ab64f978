/**
 * Block quotes in a column (fake 1-em font): indented in 楷, and the line
 * naming the quotation's source, led by a 破折号, at the right.
 */
import {expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {composeBlocks, type ComposeContext} from '../../../src/compose/compose-blocks.js'
import type {TextItem} from '../../../src/compose/types.js'
import type {Block, Inline} from '../../../src/article/types.js'
import {atomWidth} from '../../../src/linebreak/junctions.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
const runs = (value: string): Inline[] => [{type: 'text', value, style: {}}]

/** Each row's line: where its first atom starts and its last one's ink ends, from the column's left edge. */
function extents(block: Block): {text: string; from: number; to: number}[] {
  return composeBlocks([block], context).map((row) => {
    const line = row.items[0] as TextItem
    const first = line.placed[0]!
    const last = line.placed[line.placed.length - 1]!
    return {text: line.placed.map(({atom}) => atom.text).join(''), from: line.xPt + first.xPt, to: line.xPt + last.xPt + atomWidth(last.atom)}
  })
}

test('the last paragraph of a quotation, led by ——, names its source and stands at the right', () => {
  const lines = extents({type: 'quote', children: [runs('吟安一个字，捻断数茎须。'), runs('——卢延让《苦吟》')]})
  const source = lines[lines.length - 1]!
  expect(source.text).toBe('——卢延让《苦吟》')
  expect(source.to).toBeCloseTo(grid.measurePt, 6)
  expect(source.from).toBeGreaterThan(grid.indentPt * 2)
  // The quotation itself starts four characters in, as before.
  expect(lines[0]!.from).toBeCloseTo(grid.indentPt * 2, 6)
})

test('a quotation of one paragraph led by ——, or a dash in a paragraph before the last, is set as quoted text', () => {
  const alone = extents({type: 'quote', children: [runs('——这是一句话。')]})
  expect(alone[0]!.from).toBeCloseTo(grid.indentPt * 2, 6)
  const before = extents({type: 'quote', children: [runs('——这是一句话。'), runs('后面还有话。')]})
  expect(before[0]!.from).toBeCloseTo(grid.indentPt * 2, 6)
})
