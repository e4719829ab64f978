import {expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {TextItem} from '../../../src/compose/types.js'
import type {ArticleMeta} from '../../../src/article/types.js'
import {resolveHandout} from '../../../src/handouts/resolve-handout.js'
import {layoutCover} from '../../../src/handouts/layout-cover.js'
import type {HandoutLayoutContext} from '../../../src/handouts/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('handout')
const grid = resolveGrid(template)
const context: HandoutLayoutContext = {template, grid, handout: resolveHandout(template), shape: (text, style) => fakeAtoms(text, style.sizePt)}
const heading = {articleTitle: '测试主题', sectionTitle: '目录', publication: '测试报', date: '2023-04-18'}
const entries = [{title: '第一节', page: 2}, {title: '第二节', page: 3}]
const text = (item: TextItem): string => item.placed.map(({atom}) => atom.text).join('')
const lines = (pages: ReturnType<typeof layoutCover>, role: string): TextItem[] => pages.flatMap((page) => page.items.filter((item): item is TextItem => item.type === 'text' && item.role === role))

test('the deck stands on the cover above the contents', () => {
  const meta: ArticleMeta = {title: '测试主题', kicker: '引题', subtitle: '副题', lang: 'zh-Hans', source: '测试报', date: '2023-04-18'}
  const pages = layoutCover(meta, heading, entries, context)
  expect(pages).toHaveLength(1)
  const headline = lines(pages, 'headline')
  expect(headline.map(text)).toEqual(['测试主题'])
  const toc = lines(pages, 'toc')
  expect(toc).toHaveLength(2)
  expect(Math.min(...toc.map((item) => item.baselinePt))).toBeGreaterThan(headline[0]!.baselinePt)
})

test('a deck taller than half the page flows with the contents, a line to a grid line, and nothing runs past the type area', () => {
  const title = '标题过长'.repeat(300)
  const meta: ArticleMeta = {title, kicker: '引题很长'.repeat(100), lang: 'zh-Hans', source: '测试报', date: '2023-04-18'}
  const pages = layoutCover(meta, heading, entries, context)
  expect(pages.length).toBeGreaterThan(1)
  const bottom = grid.topPt + grid.linesPerColumn * grid.pitchPt
  for (const role of ['kicker', 'headline', 'meta', 'toc']) {
    const set = lines(pages, role)
    expect(set.length, role).toBeGreaterThan(0)
    expect(set.every((item) => item.baselinePt > grid.topPt && item.baselinePt < bottom), role).toBe(true)
  }
  // The whole 主题, once; the contents after it.
  expect(lines(pages, 'headline').map(text).join('')).toBe(title)
  expect(lines(pages, 'toc').map(text).join('')).toMatch(/^第一节…+2第二节…+3$/)
})
