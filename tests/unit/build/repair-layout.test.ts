/**
 * Layout repair: faults are scored (uneven last columns first, then widows
 * and orphans, then holes), and paragraphs near them are set a line tighter
 * or looser until the score drops.
 */
import {describe, expect, test} from 'vitest'
import type {Block} from '../../../src/article/types.js'
import type {Row} from '../../../src/compose/types.js'
import {lineBreakCost} from '../../../src/compose/compose-blocks.js'
import type {PlacedColumn} from '../../../src/page/paginate.js'
import {layoutFaults, repairLayout, type Layout, type Looseness} from '../../../src/build/repair-layout.js'

function paragraph(n: number, block: number): Row[] {
  return Array.from({length: n}, (_, i) => ({span: 1, items: [], breakAfter: lineBreakCost(i, n), kind: 'body' as const, block, paragraphStart: i === 0, paragraphEnd: i === n - 1}))
}

const blocks: Block[] = Array.from({length: 4}, () => ({type: 'paragraph', role: 'body', children: [{type: 'text', value: '正文', style: {}}]}))

describe('layoutFaults', () => {
  test('a widow counts, and names its paragraph', () => {
    // Paragraph 1 (4 lines) leaves its last line alone at the top of column 2.
    const rows = [...paragraph(6, 0), ...paragraph(4, 1), ...paragraph(6, 2)]
    const columns: PlacedColumn[] = [{page: 0, column: 0, start: 0, end: 9}, {page: 0, column: 1, start: 9, end: 16}]
    const faults = layoutFaults({pages: [{}], rows, columns})
    expect(faults.blocks[0]).toBe(1)
    expect(faults.value).toBeGreaterThan(0)
  })

  test('uneven last columns outweigh a widow', () => {
    const rows = [...paragraph(6, 0), ...paragraph(6, 1)]
    const uneven = layoutFaults({pages: [{}], rows, columns: [{page: 0, column: 0, start: 0, end: 9}, {page: 0, column: 1, start: 9, end: 12}]})
    const widow = layoutFaults({pages: [{}], rows: [...paragraph(6, 0), ...paragraph(4, 1), ...paragraph(6, 2)], columns: [{page: 0, column: 0, start: 0, end: 9}, {page: 0, column: 1, start: 9, end: 16}]})
    expect(uneven.value).toBeGreaterThan(widow.value)
    expect(uneven.lastPage).toEqual([1, 0])
  })

  test('a level layout without widows scores 0', () => {
    const rows = [...paragraph(6, 0), ...paragraph(6, 1)]
    expect(layoutFaults({pages: [{}], rows, columns: [{page: 0, column: 0, start: 0, end: 6}, {page: 0, column: 1, start: 6, end: 12}]}).value).toBe(0)
  })
})

describe('repairLayout', () => {
  test('keeps the first change that mends a fault, and leaves its placing to the caller', () => {
    const calls: {looseness: Looseness; place: boolean}[] = []
    // Paragraph 1's first line is alone at the foot of column 1 (an orphan) until paragraph 0 is set a line tighter.
    const layOut = (looseness: Looseness, place: boolean): Layout => {
      calls.push({looseness, place})
      const rows = [...paragraph(looseness.get(0) === -1 ? 6 : 7, 0), ...paragraph(4, 1), ...paragraph(5, 2)]
      return {pages: [{}], rows, columns: [{page: 0, column: 0, start: 0, end: 8}, {page: 0, column: 1, start: 8, end: rows.length}]}
    }
    const {looseness, placed, layout} = repairLayout(blocks, layOut)
    expect(looseness.get(0)).toBe(-1)
    expect(placed).toBe(false)
    expect(layoutFaults(layout).value).toBe(0)
    expect(calls[0]!.place).toBe(true)
    expect(calls.slice(1).every((call) => !call.place)).toBe(true)
  })

  test('a layout without faults is kept as placed, with no trials', () => {
    let count = 0
    const rows = [...paragraph(6, 0), ...paragraph(6, 1)]
    const {placed} = repairLayout(blocks, () => {
      count++
      return {pages: [{}], rows, columns: [{page: 0, column: 0, start: 0, end: 6}, {page: 0, column: 1, start: 6, end: 12}]}
    })
    expect(placed).toBe(true)
    expect(count).toBe(1)
  })
})
