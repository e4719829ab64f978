/**
 * A handout whose last page would hold a line or three of text pulls them
 * back: paragraphs set tighter, then pictures a little smaller, as a
 * compositor would, rather than print a page for one line.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import {beforeAll, expect, test} from 'vitest'
import {renderHandouts} from '../../src/handouts/render-handouts.js'
import type {ImageItem, TextItem} from '../../src/compose/types.js'

let file: string

/** A section whose text and photo overrun an A4 page by its last list item and the source line. */
const source = `---
title: 全省首个“数字法院”试点上线运行
source: 新法治报
date: 2024-04-18
---

本报南昌4月18日电　4月18日上午9:30，全省首个“数字法院”试点在南昌市中级人民法院正式上线。据介绍，试点运行3个月以来，共受理案件12,816件，结案率达到96.3%，平均审理周期由原来的48天缩短至30天，缩短37.5%。

> 编者按：数字化改革正在重塑司法服务的方式。本报今起推出系列报道，关注各地法院的探索与实践。

## 一网通办：群众少跑腿

“以前立案要跑三趟，现在手机上10分钟就办完了。”在南昌经营一家小公司的陈先生说。据统计，试点期间网上立案占比达到82%，当事人平均往返法院次数由3.2次降至0.6次。

![法官通过远程视频系统主持调解](photo.jpg)

南昌中院院长刘强表示，下一步将重点推进三项工作：

（一）完善“移动微法院”功能，实现案件全流程线上办理；

（二）推广AI辅助量刑系统，提升类案同判水平；

（三）加强数据安全保护，严格落实《数据安全法》《个人信息保护法》等规定。
`

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-runt-'))
  await sharp({create: {width: 900, height: 600, channels: 3, background: {r: 90, g: 90, b: 90}}}).jpeg().toFile(path.join(dir, 'photo.jpg'))
  await sharp({create: {width: 600, height: 900, channels: 3, background: {r: 90, g: 90, b: 90}}}).jpeg().toFile(path.join(dir, 'portrait.jpg'))
  file = path.join(dir, 'runt.md')
  fs.writeFileSync(file, source)
})

test('the last item and the source line come back onto the page, the photo a little smaller, its caption under it', async () => {
  const result = await renderHandouts(source, file, {contentRoot: path.dirname(file)})
  const pages = result.handouts[0]!.document.pages
  expect(pages).toHaveLength(1)
  const items = pages[0]!.items
  const texts = items.filter((item): item is TextItem => item.type === 'text').map((item) => item.placed.map(({atom}) => atom.text).join(''))
  // Nothing lost: the last item and the source line are there.
  expect(texts.some((text) => text.includes('（三）加强数据安全保护'))).toBe(true)
  expect(texts.some((text) => text.startsWith('来源：新法治报'))).toBe(true)
  // The photo is set narrower than the measure, centred in it, and its caption starts where it does.
  const photo = items.find((item): item is ImageItem => item.type === 'image')!
  const caption = items.find((item): item is TextItem => item.type === 'text' && item.role === 'caption')!
  const left = Math.min(...items.filter((item): item is TextItem => item.type === 'text' && item.role === 'body').map((item) => item.xPt))
  const right = pages[0]!.widthPt - left
  expect(photo.xPt).toBeGreaterThan(left + 1)
  expect(photo.xPt - left).toBeCloseTo(right - (photo.xPt + photo.widthPt), 3)
  expect(caption.xPt + caption.placed[0]!.xPt).toBeCloseTo(photo.xPt, 3)
  // Trials say nothing: no message but what the first layout had.
  expect(result.file.messages.filter((message) => message.ruleId === 'figure-scaled')).toHaveLength(0)
})

test('a last page of five lines comes back too: a labour case with a portrait after its 处理结果', async () => {
  // The third case of the labour sample, a portrait put after its 处理结果 as a reporter would.
  const labour = fs.readFileSync('content/labor-overtime-typical-cases.md', 'utf8')
  const withPortrait = labour.replace(/(仲裁委员会裁决某汽车服务公司支付[^\n]*\n)/, '$1\n![劳动者在仲裁庭陈述](portrait.jpg)\n')
  expect(withPortrait).not.toBe(labour)
  const dir = path.dirname(file)
  const result = await renderHandouts(withPortrait, path.join(dir, 'labour.md'), {contentRoot: dir, sections: [3]})
  const handout = result.handouts[0]!
  expect(handout.section.title).toContain('包薪制')
  expect(handout.document.pages).toHaveLength(2)
  const last = handout.document.pages[1]!.items.filter((item): item is TextItem => item.type === 'text')
  expect(last.some((item) => item.role === 'source')).toBe(true)
})

test('when nothing else will do, the white round the title and before the source line closes up a line each, and the type area is not overrun', async () => {
  // The county sample's 地理 section ran onto a second page by its last head, one line and the source line.
  const input = path.resolve('content/xingguo-county-wikipedia.md')
  const county = fs.readFileSync(input, 'utf8')
  const pitch = (JSON.parse(fs.readFileSync('templates/handout.json', 'utf8')) as {body: {pitch: number}}).body.pitch
  const lay = async (section: number) => {
    const handout = (await renderHandouts(county, input, {sections: [section]})).handouts[0]!
    const texts = handout.document.pages.flatMap((page) => page.items).filter((item): item is TextItem => item.type === 'text')
    const role = (name: string) => texts.filter((item) => item.role === name)
    return {handout, title: role('title')[0]!.baselinePt, lastBody: Math.max(...role('body').map((item) => item.baselinePt)), source: role('source')[0]!.baselinePt}
  }
  const closed = await lay(3)
  expect(closed.handout.section.title).toBe('地理')
  expect(closed.handout.document.pages).toHaveLength(1)
  // The source line on the grid line right under the text, not one blank line below it.
  expect(closed.source - closed.lastBody).toBeCloseTo(pitch, 3)
  // A section that fits as it is keeps its white: the blank line before the source, a title band a line deeper.
  const open = await lay(2)
  expect(open.handout.document.pages).toHaveLength(1)
  expect(open.source - open.lastBody).toBeCloseTo(2 * pitch, 3)
  expect(open.title - closed.title).toBeCloseTo(pitch / 2, 3)
  // Every line is still inside the type area (above the footer's margin).
  const page = closed.handout.document.pages[0]!
  const footer = page.items.find((item): item is TextItem => item.type === 'text' && item.role === 'footer')!
  expect(closed.source).toBeLessThan(footer.baselinePt - pitch)
})

test('last, the source line runs in at the end of the text, flush right, where the last line leaves two ems clear', async () => {
  // The flagship's first section ran onto a second page by two lines and the source line.
  const input = path.resolve('content/xingguo-police-interview.md')
  const handout = (await renderHandouts(fs.readFileSync(input, 'utf8'), input, {sections: [1]})).handouts[0]!
  expect(handout.document.pages).toHaveLength(1)
  const texts = handout.document.pages[0]!.items.filter((item): item is TextItem => item.type === 'text')
  const source = texts.find((item) => item.role === 'source')!
  const bodies = texts.filter((item) => item.role === 'body')
  const last = bodies.reduce((a, b) => (b.baselinePt > a.baselinePt ? b : a))
  expect(last.placed.map(({atom}) => atom.text).join('')).toBe('为基层减负增效，让民警轻装上阵。')
  // On the last line's baseline, ending at the measure's right edge, two body ems or more clear of the text.
  expect(source.baselinePt).toBeCloseTo(last.baselinePt, 3)
  const end = (item: TextItem) => item.xPt + Math.max(...item.placed.map(({atom, xPt}) => xPt + atom.advancePt - atom.blankAfterPt))
  const start = source.xPt + Math.min(...source.placed.map(({atom, xPt}) => xPt + atom.blankBeforePt))
  const bodySize = last.placed[0]!.atom.sizePt
  expect(start - end(last)).toBeGreaterThanOrEqual(2 * bodySize)
  expect(end(source)).toBeCloseTo(Math.max(...bodies.map(end)), 1)
})
