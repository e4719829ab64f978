/**
 * 编者按: a first paragraph opening with its label is marked (set in 楷), the
 * label split into a run-in run; the story's 电头 after it is still found.
 */
import {describe, expect, test} from 'vitest'
import {markEditorsNote} from '../../../src/article/mark-editors-note.js'
import {markDateline} from '../../../src/article/mark-dateline.js'
import {composeBlocks, shapeStyleFor, type ComposeContext} from '../../../src/compose/compose-blocks.js'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {Block, Paragraph} from '../../../src/article/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const p = (value: string, line = 5): Paragraph => ({type: 'paragraph', role: 'lead', children: [{type: 'text', value, style: {}, position: {start: {line, column: 1}, end: {line, column: value.length + 1}}}]})
const runs = (block: Block): [string, boolean][] => (block as Paragraph).children.map((run) => [run.value, run.style.editorsNote === true])

describe('markEditorsNote', () => {
  test.each([
    ['编者按：基层派出所是……', '编者按：'],
    ['【编者按】基层派出所是……', '【编者按】'],
    ['编者的话:基层派出所是……', '编者的话:']
  ])('%s', (text, label) => {
    const [note] = markEditorsNote([p(text), p('正文。')])
    expect((note as Paragraph).part).toBe('editorsNote')
    expect(runs(note!)).toEqual([[label, true], [text.slice(label.length), false]])
    expect((note as Paragraph).children[1]!.position!.start).toEqual({line: 5, column: 1 + label.length})
  })

  test('anything else, or a later paragraph, is left alone', () => {
    for (const blocks of [[p('编者说，这是一个……')], [p('导语。'), p('编者按：……')]]) expect(markEditorsNote(blocks)).toEqual(blocks)
  })

  test('the story’s 电头 after an 编者按 is found', () => {
    const blocks = markDateline(markEditorsNote([p('编者按：基层派出所是……'), p('本报讯（记者 张三）近日……', 7)]))
    expect((blocks[1] as Paragraph).children.map((run) => [run.value, run.style.dateline === true])).toEqual([['本报讯', true], ['（记者 张三）近日……', false]])
  })

  test('set in 楷 with its label in the run-in label face, indented as a paragraph', () => {
    const template = loadTemplate('newspaper')
    const grid = resolveGrid(template)
    const fonts: string[] = []
    const context: ComposeContext = {template, grid, shape: (text, style) => (fonts.push(`${text}:${style.font}`), fakeAtoms(text, style.sizePt)), images: new Map(), warn: () => {}}
    const rows = composeBlocks(markEditorsNote([p('编者按：基层派出所是社会治理的前沿。'), p('正文。')]), context)
    expect(fonts).toEqual([`编者按：:${template.qa.label}`, '基层派出所是社会治理的前沿。:kai', `正文。:${template.body.font}`])
    expect(rows[0]!.items[0]).toMatchObject({xPt: grid.indentPt})
    expect(shapeStyleFor({editorsNote: true}, template, 10.5, 'kai').font).toBe(template.qa.label)
  })
})
