import {expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {TextItem} from '../../../src/compose/types.js'
import {resolveHandout} from '../../../src/handouts/resolve-handout.js'
import {layoutHandout} from '../../../src/handouts/layout-handout.js'
import {tocRows} from '../../../src/handouts/toc-rows.js'
import type {HandoutLayoutContext} from '../../../src/handouts/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('handout')
const grid = resolveGrid(template)
const context: HandoutLayoutContext = {template, grid, handout: resolveHandout(template), shape: (text, style) => fakeAtoms(text, style.sizePt)}
const heading = {articleTitle: '测试主题', sectionTitle: '目录', publication: '测试报', date: '2023-04-18'}
const text = (item: TextItem): string => item.placed.map(({atom}) => atom.text).join('')

test('an entry is one row: its title lines, the leader and page number on the last, a blank line after', () => {
  const rows = tocRows([{title: '第一节', page: 2}, {title: '第二节的标题稍长一些', page: 5}], context)
  const entries = rows.filter((row) => row.items.some((item) => item.type === 'text' && item.role === 'toc'))
  expect(entries).toHaveLength(2)
  expect(entries[0]!.span).toBe(2)
  expect(entries[1]!.span).toBe(1)
  const line = entries[0]!.items[0] as TextItem
  expect(text(line)).toMatch(/^第一节…+2$/)
})

test('a runaway entry (a paragraph given as a section title) is a row per line and parts across pages, never past the type area', () => {
  const title = '标题过长'.repeat(300)
  const rows = tocRows([{title, page: 2}, {title: '第二节', page: 9}], context)
  const entryRows = rows.filter((row) => row.block === 0)
  expect(entryRows.length).toBeGreaterThan(grid.linesPerColumn)
  expect(entryRows.slice(0, -1).every((row) => row.span === 1)).toBe(true)
  const pages = layoutHandout(rows, heading, context)
  expect(pages.length).toBeGreaterThan(1)
  const bottom = grid.topPt + grid.linesPerColumn * grid.pitchPt
  const lines = pages.flatMap((page) => page.items.filter((item): item is TextItem => item.type === 'text' && item.role === 'toc'))
  expect(lines.every((item) => item.baselinePt < bottom)).toBe(true)
  // The whole title is there once, its page number at the end of its last line, then the next entry.
  const all = lines.map(text).join('')
  expect(all.replace(/…+2第二节…+9$/, '')).toBe(title)
})
