/**
 * 条标 of a statute: split off into a run with the `clause` style (set in
 * 黑 as a run-in label) when at least two paragraphs open with one; source
 * positions of both parts exact; prose left alone.
 */
import {describe, expect, test} from 'vitest'
import {markClauseLabels} from '../../../src/article/mark-clause-labels.js'
import {shapeStyleFor} from '../../../src/compose/compose-blocks.js'
import {loadTemplate} from '../../../src/config/template.js'
import type {Block, Paragraph} from '../../../src/article/types.js'

const p = (value: string, line = 1): Paragraph => ({type: 'paragraph', role: 'body', children: [{type: 'text', value, style: {}, position: {start: {line, column: 1}, end: {line, column: value.length + 1}}}]})
const runs = (block: Block): [string, boolean][] => (block as Paragraph).children.map((run) => [run.value, run.style.clause === true])

describe('markClauseLabels', () => {
  test('a statute: every 第×条 and its space open the article, the label a run of its own, the space an ideographic one', () => {
    const blocks = markClauseLabels([p('2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议通过'), p('第一条 为了维护国歌的尊严，制定本法。', 3), p('第二十五条\u3000本法自2017年10月1日起施行。', 5)])
    expect(runs(blocks[0]!)).toEqual([['2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议通过', false]])
    expect(runs(blocks[1]!)).toEqual([['第一条', true], ['\u3000为了维护国歌的尊严，制定本法。', false]])
    expect(runs(blocks[2]!)).toEqual([['第二十五条', true], ['\u3000本法自2017年10月1日起施行。', false]])
    const [label, rest] = (blocks[1] as Paragraph).children
    expect(label!.position).toEqual({start: {line: 3, column: 1}, end: {line: 3, column: 4}})
    expect(rest!.position).toEqual({start: {line: 3, column: 4}, end: {line: 3, column: 20}})
  })

  test('prose that opens one paragraph with 第一条, or writes 第一条 without a space, is left alone', () => {
    const once = [p('第一条 建议是加强巡逻。'), p('其次是完善机制。')]
    expect(markClauseLabels(once)).toEqual(once)
    const unspaced = [p('第一条建议是加强巡逻。'), p('第二条建议是完善机制。')]
    expect(markClauseLabels(unspaced)).toEqual(unspaced)
  })

  test('the label is set in the run-in label face (黑), the rest in the body face', () => {
    const template = loadTemplate('newspaper')
    expect(shapeStyleFor({clause: true}, template, 10.5, template.body.font).font).toBe(template.qa.label)
    expect(shapeStyleFor({}, template, 10.5, template.body.font).font).toBe(template.body.font)
    expect(template.qa.label).toMatch(/^hei/)
  })
})
