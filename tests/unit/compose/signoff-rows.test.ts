/**
 * Where a 落款 is set (GB/T 9704-2012 §7.3.5.3), with the fake 1-em font:
 * name 右空二字 and the date two characters further right, or the longer
 * date 右空二字 with the name two characters left of it; both flush right
 * where a narrow column would push them left of the paragraph indent; kept
 * together and with the text above.
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {composeBlocks, type ComposeContext} from '../../../src/compose/compose-blocks.js'
import {signoffStarts} from '../../../src/compose/signoff-rows.js'
import {BREAK_COST, type TextItem} from '../../../src/compose/types.js'
import type {Block, Inline} from '../../../src/article/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const run = (value: string): Inline[] => [{type: 'text', value, style: {}}]
const paragraph = (text: string): Block => ({type: 'paragraph', role: 'body', children: run(text)})

describe('signoffStarts (in ems: measure 28, indent 2, as GB/T 9704 measures A4)', () => {
  test('a date shorter than the name plus two: name 右空二字, date two characters right of its start', () => {
    // A 6-character name over a 3-character date (九月七).
    expect(signoffStarts(6, 3, 28, 1, 2)).toEqual({name: 20, date: 22})
  })

  test('a date that would pass the right space: date 右空二字, the name two characters left of it', () => {
    expect(signoffStarts(6, 8, 28, 1, 2)).toEqual({date: 18, name: 16})
  })

  test('a date alone: 右空二字', () => {
    expect(signoffStarts(undefined, 8, 28, 1, 2).date).toBe(18)
  })

  test('a column too narrow for those places: both flush right', () => {
    // Measure 12: the date would start at 2 and the name at 0, left of the indent.
    expect(signoffStarts(6, 8, 12, 1, 2)).toEqual({name: 6, date: 4})
    expect(signoffStarts(undefined, 11, 12, 1, 2)).toEqual({name: 12, date: 1})
  })
})

describe('signoff rows in a newspaper column', () => {
  const template = loadTemplate('newspaper')
  const grid = resolveGrid(template)
  const em = grid.bodySizePt
  const context: ComposeContext = {template, grid, shape: (text, style) => fakeAtoms(text, style.sizePt), images: new Map(), warn: () => {}}
  const text = '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置。'
  const rows = composeBlocks([paragraph(text), {type: 'signoff', name: run('国务院'), date: run('九月七日')}], context)
  const signoff = rows.filter((row) => row.block === 1)
  const item = (index: number): TextItem => signoff[index]!.items[0] as TextItem

  test('two body rows on the grid: the name, then the date', () => {
    expect(signoff.map((row) => [row.span, row.kind, row.paragraphStart, row.paragraphEnd])).toEqual([
      [1, 'body', true, false],
      [1, 'body', false, true]
    ])
    expect(item(0).placed.map(({atom}) => atom.text).join('')).toBe('国务院')
    expect(item(1).placed.map(({atom}) => atom.text).join('')).toBe('九月七日')
  })

  test('at the GB/T 9704 places when they fit the column', () => {
    // 国务院 (3 em) 右空二字; 九月七日 (4 em) starts 2 em further right and would pass the right space, so it is set 右空二字.
    const right = grid.measurePt - 2 * em
    expect(item(1).xPt).toBeCloseTo(right - 4 * em, 6)
    expect(item(0).xPt).toBeCloseTo(right - 6 * em, 6)
  })

  test('kept together and with the last line of the text above', () => {
    expect(signoff[0]!.breakAfter).toBe(BREAK_COST.keep)
    const before = rows[rows.indexOf(signoff[0]!) - 1]!
    expect(before.block).toBe(0)
    expect(before.breakAfter).toBe(BREAK_COST.keep)
    expect(signoff[1]!.breakAfter).toBe(0)
  })

  test('a name too long for one line is set flush right, line by line, against the right space', () => {
    const long = composeBlocks([paragraph(text), {type: 'signoff', name: run('中华人民共和国人力资源和社会保障部办公厅'), date: run('2021年8月26日')}], context).filter((row) => row.block === 1)
    expect(long.length).toBeGreaterThan(2)
    for (const row of long) {
      const line = row.items[0] as TextItem
      const last = line.placed[line.placed.length - 1]!
      expect(line.xPt + last.xPt + last.atom.advancePt).toBeCloseTo(grid.measurePt - 2 * em, 1)
    }
  })
})
