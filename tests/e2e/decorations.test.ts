/**
 * What the PDF writer draws over the text: emphasis dots (着重号, clreq
 * §3.4) under each Han character of `*emphasis*`, a link area for each
 * linked word, and a box for a character no font has.
 */
import {expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'

const source = `---
title: 着重号与链接
date: 2024-05-06
---

这一段有*着重*两个字，还有一个[官网](https://example.cn/a)链接，以及一个字库里没有的字：\u{E000}。
`

test('emphasis dots, link areas and missing-glyph boxes are drawn at their atoms', async () => {
  const result = await renderArticle(source, 'decorations.md', {compress: false})
  expect(result.pdf).toBeDefined()
  const text = Buffer.from(result.pdf!).toString('latin1')
  // A link annotation per linked atom (each character here), to the link's address.
  const atoms = result.document!.pages.flatMap((page) => page.items.flatMap((item) => (item.type === 'text' ? item.placed.map((placed) => ({...placed, line: item})) : [])))
  const linked = atoms.filter(({atom}) => atom.href)
  expect(linked.map(({atom}) => atom.text).join('')).toBe('官网')
  const uris = [...text.matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1])
  expect(uris).toEqual(linked.map(() => 'https://example.cn/a'))
  // Each area starts at its atom and is as wide as it (PDF y up: the page height minus the baseline).
  const rects = [...text.matchAll(/\/Rect \[([^\]]+)\]/g)].map((match) => match[1]!.split(' ').map(Number))
  expect(rects).toHaveLength(linked.length)
  linked.forEach(({atom, xPt, line}, index) => {
    expect(rects[index]![0]).toBeCloseTo(line.xPt + xPt, 4)
    expect(rects[index]![2]! - rects[index]![0]!).toBeCloseTo(atom.advancePt, 4)
  })
  // Dots: one filled circle (a move, four Bézier curves, close, fill) per emphasised Han character.
  const dotted = atoms.filter(({atom}) => atom.dots && atom.first === 'han')
  expect(dotted.map(({atom}) => atom.text).join('')).toBe('着重')
  const circles = [...text.matchAll(/([-\d.]+) ([-\d.]+) m\n(?:(?:[-\d.]+ ){6}c\n){4}h\nf\n/g)].map((match) => [Number(match[1]), Number(match[2])])
  expect(circles).toHaveLength(dotted.length)
  // Each dot sits under the centre of its character (the move is to its leftmost point).
  dotted.forEach(({atom, xPt, line}, index) => {
    const centre = line.xPt + xPt + (atom.advancePt - atom.blankBeforePt - atom.blankAfterPt) / 2
    expect(circles[index]![0]).toBeCloseTo(centre - atom.sizePt * 0.07, 4)
    expect(circles[index]![1]).toBeCloseTo(line.baselinePt + atom.sizePt * 0.26, 4)
  })
  // The missing character: a stroked box (re S) and the character on an invisible carrier (3 Tr).
  expect(result.file.messages.map((message) => message.ruleId)).toContain('missing-glyph')
  expect(text).toMatch(/ re\nS\n/)
  expect(text).toMatch(/ Tf 3 Tr 1 0 0 1 /)
})

test('struck text (~~…~~) is kept and ruled through, one rule per struck run on a line', async () => {
  const struck = `---\ntitle: 删除线\ndate: 2024-05-06\n---\n\n会议原定~~周一~~周二召开，地点在~~北京~~上海。\n`
  const result = await renderArticle(struck, 'strike.md', {compress: false})
  const text = Buffer.from(result.pdf!).toString('latin1')
  const atoms = result.document!.pages.flatMap((page) => page.items.flatMap((item) => (item.type === 'text' ? item.placed.map((placed) => ({...placed, line: item})) : [])))
  const runs = ['周一', '北京'].map((run) => atoms.filter(({atom}) => atom.strike && run.includes(atom.text)))
  expect(runs.map((run) => run.map(({atom}) => atom.text).join(''))).toEqual(['周一', '北京'])
  // A stroked line (m, l, S) per run, from the first character's ink to the last one's, 0.35 em over the baseline.
  const rules = [...text.matchAll(/([-\d.]+) ([-\d.]+) m\n([-\d.]+) ([-\d.]+) l\nS\n/g)].map((match) => match.slice(1, 5).map(Number))
  const expected = runs.map((run) => {
    const first = run[0]!
    const last = run[run.length - 1]!
    const y = first.line.baselinePt - first.atom.sizePt * 0.35
    return [first.line.xPt + first.xPt + first.atom.blankBeforePt, y, last.line.xPt + last.xPt + last.atom.advancePt - last.atom.blankAfterPt, y]
  })
  for (const rule of expected) expect(rules.some((found) => found.every((value, i) => Math.abs(value - rule[i]!) < 1e-3))).toBe(true)
})
