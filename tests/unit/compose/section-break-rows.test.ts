/**
 * A break between parts of the text (`***` in the body) is one blank grid
 * line that falls away at a column top; none at either end of the text or
 * after another break.
 */
import {expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {composeBlocks, type ComposeContext} from '../../../src/compose/compose-blocks.js'
import type {Block} from '../../../src/article/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
const p = (value: string): Block => ({type: 'paragraph', role: 'body', children: [{type: 'text', value, style: {}}]})
const rule: Block = {type: 'sectionBreak'}

test('one blank line between the parts, shed at a column top', () => {
  const rows = composeBlocks([p('第一部分。'), rule, p('第二部分。')], context)
  expect(rows.map((row) => row.kind)).toEqual(['body', 'space', 'body'])
  expect(rows[1]).toMatchObject({span: 1, items: [], topBlank: 1, block: 1})
})

test('none at the start or the end of the text, and one for breaks in a row', () => {
  expect(composeBlocks([rule, p('正文。'), rule], context).map((row) => row.kind)).toEqual(['body'])
  expect(composeBlocks([p('一。'), rule, rule, p('二。')], context).map((row) => row.kind)).toEqual(['body', 'space', 'body'])
})
