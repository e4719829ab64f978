import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, expect, test} from 'vitest'
import {hashArticle} from '../../../src/archive/hash-article.js'
import {hashTemplate} from '../../../src/archive/hash-template.js'

let dir: string | undefined
afterEach(() => dir && fs.rmSync(dir, {recursive: true, force: true}))

test('hashArticle changes with the article and with the bytes of its images', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-hash-'))
  const article = path.join(dir, 'a.md')
  const source = Buffer.from('---\ntitle: 题\n---\n\n![图](img/p.png)\n')
  const missing = hashArticle(article, source)
  fs.mkdirSync(path.join(dir, 'img'))
  fs.writeFileSync(path.join(dir, 'img', 'p.png'), 'one')
  const one = hashArticle(article, source)
  fs.writeFileSync(path.join(dir, 'img', 'p.png'), 'two')
  const two = hashArticle(article, source)
  expect(new Set([missing, one, two]).size).toBe(3)
  expect(hashArticle(article, source)).toBe(two)
  expect(hashArticle(article, Buffer.concat([source, Buffer.from('。')]))).not.toBe(two)
})

test('hashTemplate tells templates apart and marks unknown ones', () => {
  expect(hashTemplate('a4')).toBe(hashTemplate('a4'))
  expect(hashTemplate('a4')).not.toBe(hashTemplate('newspaper'))
  expect(hashTemplate('no-such-template')).toMatch(/^[0-9a-f]{64}$/)
})

test('hashArticle reads a picture shared by many articles once, and keys it as if read alone', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-hash-'))
  fs.mkdirSync(path.join(dir, 'a'))
  fs.writeFileSync(path.join(dir, 'p.png'), 'picture')
  const first = path.join(dir, 'a', 'one.md')
  const second = path.join(dir, 'two.md')
  const images = new Map<string, string>()
  const one = hashArticle(first, Buffer.from('![图](../p.png)\n'), images)
  const two = hashArticle(second, Buffer.from('![图](p.png)\n'), images)
  // Both name the same file: one entry, holding the file's own hash.
  expect([...images.keys()]).toEqual([path.join(dir, 'p.png')])
  expect(images.get(path.join(dir, 'p.png'))).toMatch(/^[0-9a-f]{64}$/)
  expect(one).toBe(hashArticle(first, Buffer.from('![图](../p.png)\n')))
  expect(two).toBe(hashArticle(second, Buffer.from('![图](p.png)\n')))
  // What is kept is what the run saw: a later change shows in the next run's plan, not in this one.
  fs.writeFileSync(path.join(dir, 'p.png'), 'changed')
  expect(hashArticle(second, Buffer.from('![图](p.png)\n'), images)).toBe(two)
  expect(hashArticle(second, Buffer.from('![图](p.png)\n'))).not.toBe(two)
})

test('hashArticle reads a path from / from the root it is given, as the build does', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-hash-'))
  fs.mkdirSync(path.join(dir, 'images'))
  fs.mkdirSync(path.join(dir, '2019'))
  const article = path.join(dir, '2019', 'a.md')
  const source = Buffer.from('![图](/images/p.png)\n')
  fs.writeFileSync(path.join(dir, 'images', 'p.png'), 'one')
  const images = new Map<string, string>()
  const one = hashArticle(article, source, images, dir)
  expect([...images.keys()]).toEqual([path.join(dir, 'images', 'p.png')])
  fs.writeFileSync(path.join(dir, 'images', 'p.png'), 'two')
  expect(hashArticle(article, source, new Map(), dir)).not.toBe(one)
})
