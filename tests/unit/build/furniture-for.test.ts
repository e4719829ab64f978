/**
 * The page furniture's masthead (报头): the front matter's `publication`,
 * else the template's, else a short `source` that names a publication.
 */
import {expect, test} from 'vitest'
import {furnitureFor} from '../../../src/build/render-article.js'
import type {Article} from '../../../src/article/types.js'
import type {Template} from '../../../src/config/template.js'

const template = {furniture: {show: true}} as unknown as Template
const article = (meta: Record<string, unknown>) => ({meta, blocks: []}) as unknown as Article

test.each([
  ['新法治报', '新法治报'],
  ['最高人民法院', '最高人民法院'],
  // Too long for a masthead: an issuing office with its document number.
  ['人力资源社会保障部　最高人民法院（人社部函〔2021〕90号）', undefined],
  // Bylines credit people, not a paper.
  ['本报记者 张三 李四', undefined],
  ['本报讯', undefined],
  ['记者 王五', undefined],
  ['通讯员 赵六', undefined],
  ['新华社记者 张三', undefined],
  // A journal whose title ends in the role word is a publication.
  ['中国记者', '中国记者']
])('source %s → masthead %s', (source, masthead) => {
  expect(furnitureFor(article({source}), template).publication).toBe(masthead)
})

test('a publication named in the front matter or the template comes first', () => {
  expect(furnitureFor(article({source: '本报记者 张三', publication: '兴国日报'}), template).publication).toBe('兴国日报')
  expect(furnitureFor(article({source: '新法治报'}), {furniture: {show: true, publication: '赣南日报'}} as unknown as Template).publication).toBe('赣南日报')
})
