/**
 * Code, inline (`…`) and in blocks, is set as written: no Han–Latin gap
 * inside it, its spaces as wide as they are many, a block's indentation kept.
 */
import {expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'
import type {Atom} from '../../src/text/atom.js'

const source = `---
title: 代码
date: 2024-05-06
---

运行\`print("你好")\`即可。

\`\`\`
def f():
    x = 1  # 注释
\`\`\`
`

interface Placed {
  atom: Atom
  x: number
  baseline: number
}

async function placed(): Promise<Placed[]> {
  const result = await renderArticle(source, 'code.md', {compress: false})
  expect(result.pdf).toBeDefined()
  return result.document!.pages.flatMap((page) => page.items.flatMap((item) => (item.type === 'text' ? item.placed.map(({atom, xPt}) => ({atom, x: item.xPt + xPt, baseline: item.baselinePt})) : [])))
}

const ink = (atom: Atom): number => atom.advancePt - atom.blankBeforePt - atom.blankAfterPt

test('inline code takes no Han–Latin gap inside, and keeps it against the text around it', async () => {
  const atoms = await placed()
  const at = (text: string) => atoms.find(({atom}) => atom.text === text)!
  const [open, ni, close] = [at('print("'), at('你'), at('")')]
  expect([open, ni, close].every(({atom}) => atom.code)).toBe(true)
  expect(ni.x - (open.x + ink(open.atom))).toBeCloseTo(0, 6)
  expect(close.x - (at('好').x + ink(at('好').atom))).toBeCloseTo(0, 6)
  // 行 | print(": the ¼ em of any Western word in Chinese text.
  const before = at('行')
  expect(open.x - (before.x + ink(before.atom))).toBeCloseTo(open.atom.sizePt / 4, 6)
})

test('a code block keeps its indentation and the width of its space runs', async () => {
  const atoms = await placed()
  const def = atoms.find(({atom}) => atom.text === 'def')!
  const x = atoms.find(({atom}) => atom.text === 'x' && atom.code)!
  const space = def.atom.spaceAfterPt!
  expect(space).toBeGreaterThan(0)
  // Four spaces in: four spaces' width further right than the line above.
  expect(x.x - def.x).toBeCloseTo(4 * space, 6)
  // `1  #`: two spaces' width between them; `x = 1`: one each.
  const one = atoms.find(({atom, baseline}) => atom.text === '1' && baseline === x.baseline)!
  const hash = atoms.find(({atom, baseline}) => atom.text === '#' && baseline === x.baseline)!
  expect(hash.x - (one.x + ink(one.atom))).toBeCloseTo(2 * space, 6)
  const equals = atoms.find(({atom, baseline}) => atom.text === '=' && baseline === x.baseline)!
  expect(equals.x - (x.x + ink(x.atom))).toBeCloseTo(space, 6)
})

test('a path in code may end a line after / and . as a URL does; prose words are not split there', async () => {
  const result = await renderArticle('---\ntitle: 路径\ndate: 2024-05-06\n---\n\n运行`bin/paiban.js`或者 node.js 即可。\n', 'path.md', {compress: false})
  const atoms = result.document!.pages.flatMap((page) => page.items.flatMap((item) => (item.type === 'text' ? item.placed.map(({atom}) => atom) : [])))
  const code = atoms.filter((atom) => atom.code)
  expect(code.map((atom) => atom.text)).toEqual(['bin/', 'paiban.', 'js'])
  expect(code.map((atom) => atom.glueNext)).toEqual(['url', 'url', undefined])
  expect(atoms.some((atom) => atom.text === 'node.js')).toBe(true)
})

test('a blank line in a code block stays a blank line', async () => {
  const result = await renderArticle('---\ntitle: 空行\ndate: 2024-05-06\n---\n\n```\nfirst()\n\n    \nsecond()\nthird()\n```\n', 'blank.md', {compress: false})
  const lines = result.document!.pages.flatMap((page) => page.items.flatMap((item) => (item.type === 'text' && item.placed.some(({atom}) => atom.code) ? [{text: item.placed.map(({atom}) => atom.text).join(''), baseline: item.baselinePt}] : [])))
  expect(lines.map((line) => line.text)).toEqual(['first()', 'second()', 'third()'])
  const pitch = lines[2]!.baseline - lines[1]!.baseline
  expect(pitch).toBeGreaterThan(0)
  // Two blank lines (one empty, one of spaces) between the first and the second.
  expect(lines[1]!.baseline - lines[0]!.baseline).toBeCloseTo(3 * pitch, 6)
})
