/**
 * 落款 (GB/T 9704-2012 §7.3.5): a date paragraph at the end, with the short
 * name paragraph over it and 附注 after it, becomes one `signoff` block;
 * anything that only looks like one stays text.
 */
import {describe, expect, test} from 'vitest'
import {findSignoff} from '../../../src/article/find-signoff.js'
import type {Block, Signoff} from '../../../src/article/types.js'

const p = (value: string, line = 1): Block => ({type: 'paragraph', role: 'body', children: [{type: 'text', value, style: {}}], position: {start: {line, column: 1}, end: {line, column: value.length + 1}}})
const text = '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。'
const texts = (blocks: Block[]): string[] => blocks.map((block) => (block.type === 'signoff' ? `[${block.name?.map((run) => run.value).join('') ?? ''}|${block.date.map((run) => run.value).join('')}]` : block.type === 'paragraph' ? block.children.map((run) => run.value).join('') : block.type))

describe('findSignoff', () => {
  test('a notice: the issuer over the date becomes one block, placed from the name to the date', () => {
    const blocks = findSignoff([p(text, 1), p('国务院办公厅', 3), p('2018年12月4日', 5)])
    expect(texts(blocks)).toEqual([text, '[国务院办公厅|2018年12月4日]'])
    expect((blocks[1] as Signoff).position).toEqual({start: {line: 3, column: 1}, end: {line: 5, column: 11}})
  })

  test('dates in Chinese numerals, with a final 。, with full-width digits and inner spaces', () => {
    for (const date of ['二〇〇六年九月七日', '一九二四年十月二十八日。', '２０１８年１２月４日', '2018 年 12 月 4 日', '四月一日。']) {
      expect(texts(findSignoff([p(text), p(date)]))).toEqual([text, `[|${date}]`])
    }
  })

  test('a bracketed line or a closing formula over the date, such as （完） or 特此通知, is no name', () => {
    expect(texts(findSignoff([p(text), p('（完）'), p('2018年12月4日')]))).toEqual([text, '（完）', '[|2018年12月4日]'])
    expect(texts(findSignoff([p(text), p('特此通知'), p('2018年12月4日')]))).toEqual([text, '特此通知', '[|2018年12月4日]'])
    const joined: Block = {type: 'paragraph', role: 'body', children: [{type: 'text', value: '（完）2018年12月4日', style: {}}], position: {start: {line: 7, column: 1}, end: {line: 8, column: 11}}}
    expect(findSignoff([p(text), joined])).toEqual([p(text), joined])
  })

  test('a break after the last text is looked past and kept', () => {
    expect(texts(findSignoff([p(text), p('国务院办公厅'), p('2018年12月4日'), {type: 'sectionBreak'}]))).toEqual([text, '[国务院办公厅|2018年12月4日]', 'sectionBreak'])
  })

  test('附注 in brackets after the date stays a paragraph after the 落款', () => {
    expect(texts(findSignoff([p(text), p('国务院办公厅'), p('2018年12月7日'), p('（此件公开发布）')]))).toEqual([text, '[国务院办公厅|2018年12月7日]', '（此件公开发布）'])
  })

  test('a date alone under an essay is a 落款 without a name; the paragraph above with punctuation stays text', () => {
    expect(texts(findSignoff([p(text), p('活该。'), p('一九二四年十月二十八日。')]))).toEqual([text, '活该。', '[|一九二四年十月二十八日。]'])
  })

  test('blanks around the date are dropped', () => {
    const [, signoff] = findSignoff([p(text), p(' 2018年12月4日 ')]) as [Block, Signoff]
    expect(signoff.date.map((run) => run.value).join('')).toBe('2018年12月4日')
  })

  test('what only looks like a 落款 stays text', () => {
    const cases: Block[][] = [
      // A sentence that mentions a date.
      [p(text), p('本法自2021年9月1日起施行。')],
      // A date with nothing above it: the whole text.
      [p('2018年12月4日')],
      // A year and month without a day, a date inside brackets, a list or head at the end.
      [p(text), p('2018年12月')],
      [p(text), p('（2018年12月4日）')],
      [p(text), {type: 'sectionHead', depth: 2, children: [{type: 'text', value: '2018年12月4日', style: {}}]}],
      // More 附注 than a notice has.
      [p(text), p('2018年12月4日'), p('（一）'), p('（二）'), p('（三）')]
    ]
    for (const blocks of cases) expect(findSignoff(blocks)).toEqual(blocks)
  })

  test('a name needs text above it: name and date alone are text and a date', () => {
    expect(texts(findSignoff([p('国务院办公厅'), p('2018年12月4日')]))).toEqual(['国务院办公厅', '[|2018年12月4日]'])
  })

  test('name and date on two lines of one paragraph (joined by Markdown) are split at the date', () => {
    const joined = (value: string, lines: number): Block => ({type: 'paragraph', role: 'body', children: [{type: 'text', value, style: {}}], position: {start: {line: 7, column: 1}, end: {line: 7 + lines - 1, column: 11}}})
    const blocks = findSignoff([p(text), joined('国务院办公厅2018年12月4日', 2)])
    expect(texts(blocks)).toEqual([text, '[国务院办公厅|2018年12月4日]'])
    expect((blocks[1] as Signoff).position).toEqual({start: {line: 7, column: 1}, end: {line: 8, column: 11}})
    // Split inside a run and across runs alike.
    const styled: Block = {...joined('', 2), children: [{type: 'text', value: '国务院', style: {}}, {type: 'text', value: '办公厅二〇〇六年', style: {strong: true}}, {type: 'text', value: '九月七日', style: {}}]} as Block
    const [, signoff] = findSignoff([p(text), styled]) as [Block, Signoff]
    expect(signoff.name!.map((run) => run.value)).toEqual(['国务院', '办公厅'])
    expect(signoff.date.map((run) => [run.value, run.style.strong ?? false])).toEqual([['二〇〇六年', true], ['九月七日', false]])
    // One source line, a date without a year, or a sentence before the date: left alone.
    for (const block of [joined('国务院办公厅2018年12月4日', 1), joined('国务院办公厅十二月四日', 2), joined('会议决定，自2018年12月4日', 2)]) {
      expect(findSignoff([p(text), block])).toEqual([p(text), block])
    }
  })
})
