/**
 * A statute's 题注 in the deck (fake 1-em font): in brackets, centred across
 * the deck under the headline and above the meta line, in the template's
 * 题注 face; brackets the source already has are not doubled.
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {bracketed, layoutDeck} from '../../../src/page/deck.js'
import type {TextItem} from '../../../src/compose/types.js'
import type {ShapeStyle} from '../../../src/shape/shape-text.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const width = 600
const meta = {title: '中华人民共和国国歌法', source: '全国人民代表大会常务委员会', lang: 'zh-Hans'}
const text = '2017年9月1日第十二届全国人民代表大会常务委员会第二十九次会议通过'

describe('the 题注 in the deck', () => {
  const fonts: string[] = []
  const shape = (value: string, style: ShapeStyle) => {
    if (value.includes('会议通过')) fonts.push(style.font)
    return fakeAtoms(value, style.sizePt)
  }
  const withNote = layoutDeck(meta, template, grid, width, shape, undefined, {text})
  const without = layoutDeck(meta, template, grid, width, (value, style) => fakeAtoms(value, style.sizePt))
  const texts = (items: typeof withNote.items) => items.filter((item): item is TextItem => item.type === 'text')
  const role = (name: string) => texts(withNote.items).filter((item) => (item as TextItem & {role: string}).role === name)

  test('between the headline and the meta line, in brackets, in the 题注 face', () => {
    const [note] = role('note')
    expect(note!.placed.map(({atom}) => atom.text).join('')).toBe(`（${text}）`)
    expect(note!.baselinePt).toBeGreaterThan(role('headline')[0]!.baselinePt)
    expect(note!.baselinePt).toBeLessThan(role('meta')[0]!.baselinePt)
    expect(fonts).toEqual([template.deck.note.font])
  })

  test('centred across the deck', () => {
    const [note] = role('note')
    const first = note!.placed[0]!
    const last = note!.placed[note!.placed.length - 1]!
    const left = note!.xPt + first.xPt - first.atom.blankBeforePt
    const right = width - (note!.xPt + last.xPt + last.atom.advancePt - last.atom.blankBeforePt)
    expect(Math.abs(left - right)).toBeLessThan(template.deck.note.size)
  })

  test('the deck grows by whole grid lines to hold it', () => {
    expect(withNote.lines).toBeGreaterThan(without.lines)
  })

  test('a 发文字号 lifted into the deck is set as written, without brackets', () => {
    const deck = layoutDeck(meta, template, grid, width, (value, style) => fakeAtoms(value, style.sizePt), undefined, {text: '国办发明电〔2018〕15号', bracketed: false})
    const [line] = texts(deck.items).filter((item) => (item as TextItem & {role: string}).role === 'note')
    expect(line!.placed.map(({atom}) => atom.text).join('')).toBe('国办发明电〔2018〕15号')
  })

  test('brackets the source has are kept, not doubled', () => {
    expect(bracketed(`（${text}）`)).toBe(`（${text}）`)
    expect(bracketed(` ${text} `)).toBe(`（${text}）`)
  })
})
