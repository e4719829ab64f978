/**
 * End marks and credits after a story's text (（完）, （记者 张三）,
 * （责任编辑：赵六）) are marked to be set at the right; other bracketed
 * lines, and a document's 附注 after its 落款, stay paragraphs.
 */
import {describe, expect, test} from 'vitest'
import {markEndCredits} from '../../../src/article/mark-end-credits.js'
import type {Block} from '../../../src/article/types.js'

const p = (value: string): Block => ({type: 'paragraph', role: 'body', children: [{type: 'text', value, style: {}}]})
const parts = (blocks: Block[]): (string | undefined)[] => blocks.map((block) => (block.type === 'paragraph' ? (block.part ?? 'text') : block.type))
const text = '春运期间全社会跨区域人员流动量将达90亿人次。'

describe('markEndCredits', () => {
  test.each(['（完）', '（全文完）', '(完)', '【完】', '（记者 张三）', '（本报记者　张三　李四）', '（责任编辑：赵六）', '（通讯员 王五 实习生 钱七）', '（文/图 孙八）', '(编辑:周九)'])('%s after the text is a credit', (line) => {
    expect(parts(markEndCredits([p(text), p(line)]))).toEqual(['text', 'credit'])
  })

  test('up to three credit lines, past a break at the end', () => {
    const blocks = markEndCredits([p(text), p('（完）'), p('（记者 张三）'), p('（责任编辑：赵六）'), {type: 'sectionBreak'}])
    expect(parts(blocks)).toEqual(['text', 'credit', 'credit', 'credit', 'sectionBreak'])
    expect(parts(markEndCredits([p(text), p('（完）'), p('（完）'), p('（完）'), p('（完）')]))).toEqual(['text', 'text', 'credit', 'credit', 'credit'])
  })

  test.each([
    ['an author’s note', '（作者系北京大学教授）'],
    ['a sentence in brackets', '（以上数据均来自国家统计局，截至2023年底，未包括港澳台地区。）'],
    ['a credit inside the text', '记者 张三']
  ])('%s stays a paragraph', (_kind, line) => {
    expect(parts(markEndCredits([p(text), p(line)]))).toEqual(['text', 'text'])
  })

  test('a credit with no text before it, or an article with a 落款 (its bracketed lines are 附注), is left alone', () => {
    expect(parts(markEndCredits([p('（完）')]))).toEqual(['text'])
    const signed: Block[] = [p(text), {type: 'signoff', date: [{type: 'text', value: '2018年12月4日', style: {}}]}, p('（此件公开发布）')]
    expect(parts(markEndCredits(signed))).toEqual(['text', 'signoff', 'text'])
  })
})
