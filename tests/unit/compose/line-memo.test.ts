import {expect, test} from 'vitest'
import {createLineMemo, templateKey} from '../../../src/compose/line-memo.js'
import {createFontProgramMemo} from '../../../src/render/pdf/font-program-memo.js'
import {loadTemplate} from '../../../src/config/template.js'
import type {Line} from '../../../src/paragraph/typeset-paragraph.js'

const line = (widthPt: number): Line => ({xPt: 0, availablePt: 100, placed: [], widthPt, ratio: 0, kind: 'final', sizePt: 10})

test('a line memo keeps a paragraph set twice, at most its limit of them, dropping the oldest first, and counts hits', () => {
  const memo = createLineMemo(2)
  const twice = (key: string, width: number): void => {
    memo.set(key, [line(width)])
    memo.set(key, [line(width)])
  }
  memo.set('once', [line(9)])
  expect(memo.get('once')).toBeUndefined()
  twice('a', 1)
  twice('b', 2)
  twice('c', 3)
  expect(memo.get('a')).toBeUndefined()
  expect(memo.get('b')?.[0]?.widthPt).toBe(2)
  expect(memo.get('c')?.[0]?.widthPt).toBe(3)
  expect(memo.stats).toEqual({hits: 2, lookups: 4})
})

test('a font program memo keeps at most its limit', () => {
  const memo = createFontProgramMemo(1)
  memo.set('x', new Uint8Array([1]))
  memo.set('y', new Uint8Array([2]))
  expect(memo.get('x')).toBeUndefined()
  expect(memo.get('y')).toEqual(new Uint8Array([2]))
})

test('templates equal as JSON share a key; any difference gives another', () => {
  const a = loadTemplate('newspaper')
  const b = structuredClone(a)
  expect(a).not.toBe(b)
  expect(templateKey(a)).toBe(templateKey(b))
  expect(templateKey({...a, punctuation: a.punctuation === 'centred' ? 'kaiming' : 'centred'})).not.toBe(templateKey(a))
  expect(templateKey(loadTemplate('a4'))).not.toBe(templateKey(a))
})
