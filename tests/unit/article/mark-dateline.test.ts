/**
 * 电头: the agency or paper, place, date and 电/讯 opening a story's first
 * paragraph become a run-in label (set in 黑); the reporter's bracket and the
 * rest stay body text; look-alikes are left alone.
 */
import {describe, expect, test} from 'vitest'
import {markDateline} from '../../../src/article/mark-dateline.js'
import {shapeStyleFor} from '../../../src/compose/compose-blocks.js'
import {loadTemplate} from '../../../src/config/template.js'
import type {Block, Paragraph} from '../../../src/article/types.js'

const p = (value: string): Paragraph => ({type: 'paragraph', role: 'lead', children: [{type: 'text', value, style: {}, position: {start: {line: 5, column: 1}, end: {line: 5, column: value.length + 1}}}]})
const runs = (block: Block): [string, boolean][] => (block as Paragraph).children.map((run) => [run.value, run.style.dateline === true])

describe('markDateline', () => {
  test.each([
    ['新华社北京12月4日电（记者王鹏）国家主席今天……', '新华社北京12月4日电'],
    ['本报讯（记者 张三 通讯员 李四）近日，兴国县……', '本报讯'],
    ['本报上海3月1日讯　记者从市公安局获悉……', '本报上海3月1日讯'],
    ['法治日报讯 近日，最高人民法院发布……', '法治日报讯'],
    ['中新社12月4日电 国家统计局今天发布……', '中新社12月4日电']
  ])('%s', (text, label) => {
    const [block] = markDateline([p(text), p('第二段。')])
    expect(runs(block!)).toEqual([[label, true], [text.slice(label.length), false]])
    const [head, rest] = (block as Paragraph).children
    expect(head!.position!.end).toEqual({line: 5, column: 1 + label.length})
    expect(rest!.position!.start).toEqual({line: 5, column: 1 + label.length})
  })

  test('look-alikes and later paragraphs are left alone', () => {
    for (const text of ['本报记者日前获悉电力公司……', '据新华社报道，……', '模范兴国，熠熠生辉。', '12月4日电，……']) {
      const blocks = [p(text)]
      expect(markDateline(blocks)).toEqual(blocks)
    }
    const later: Block[] = [p('导语。'), p('新华社北京12月4日电 正文。')]
    expect(markDateline(later)).toEqual(later)
  })

  test('the 电头 is set in the run-in label face', () => {
    const template = loadTemplate('newspaper')
    expect(shapeStyleFor({dateline: true}, template, 10.5, template.body.font).font).toBe(template.qa.label)
  })
})
