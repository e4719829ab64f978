/**
 * Where a wrapped 小标题 turns: at a phrase's end, else between words (fake 1-em font).
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import type {ComposeContext} from '../../../src/compose/compose-blocks.js'
import {joinWords, phraseBreaks} from '../../../src/compose/head-breaks.js'
import {headRows} from '../../../src/compose/head-rows.js'
import type {Inline} from '../../../src/article/types.js'
import type {TextItem} from '../../../src/compose/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
const run = (value: string): Inline[] => [{type: 'text', value, style: {}}]
/** The text of each line of a head as set in a 13-character column. */
const headLines = (text: string): string[] =>
  headRows(run(text), 2, 0, context)[0]!.items.filter((item): item is TextItem => item.type === 'text').map((line) => line.placed.map(({atom}) => atom.text).join(''))

describe('phraseBreaks', () => {
  const at = (text: string) => {
    const atoms = fakeAtoms(text, 10)
    return phraseBreaks(atoms).map(({end, next}) => `${atoms.slice(0, end + 1).map((atom) => atom.text).join('')}|${atoms.slice(next).map((atom) => atom.text).join('')}`)
  }

  test('after a colon, comma, semicolon, ! or ?, before an opening quote, and at a space', () => {
    expect(at('上饶：检察公益诉讼')).toEqual(['上饶：|检察公益诉讼'])
    expect(at('处理加班费争议，如何分配')).toEqual(['处理加班费争议，|如何分配'])
    expect(at('南昌开展“守护夕阳红”')).toEqual(['南昌开展|“守护夕阳红”'])
    expect(at('“法律明白人”覆盖所有')).toEqual(['“法律明白人”|覆盖所有'])
    expect(at('“法律明白人”，覆盖')).toEqual(['“法律明白人”，|覆盖'])
    expect(at('坚持 人民至上')).toEqual(['坚持|人民至上'])
  })

  test('never at either end, nor between two opening marks', () => {
    expect(at('标题：')).toEqual([])
    expect(at('“《书》”')).toEqual([])
  })
})

describe('joinWords', () => {
  test('forbids a turn inside a dictionary word, not between words, and shares no changed atom', () => {
    const atoms = fakeAtoms('守护夕阳红', 10)
    const joined = joinWords(atoms)
    expect(joined.map((atom) => atom.text).join('')).toBe('守护夕阳红')
    // 夕阳 is one word in ICU's dictionary: no turn between 夕 and 阳.
    expect(joined[2]!.glueNext).toBe('join')
    expect(atoms[2]!.glueNext).toBeUndefined()
  })
})

describe('a wrapped head turns by sense', () => {
  test('at its colon, each line a phrase (上饶：|检察公益诉讼守护信江水质), though the lines are uneven', () => {
    expect(headLines('上饶：检察公益诉讼守护信江水质')).toEqual(['上饶：', '检察公益诉讼守护信江水质'])
  })

  test('at a comma rather than two characters after it', () => {
    expect(headLines('处理加班费争议，如何分配举证责任')).toEqual(['处理加班费争议，', '如何分配举证责任'])
  })

  test('with no phrase end, evenly, between words: not inside 推进 (where the even turn would fall)', () => {
    expect(headLines('全市各级法院全面推进诉讼服务中心建设')).toEqual(['全市各级法院全面推进', '诉讼服务中心建设'])
  })
})
