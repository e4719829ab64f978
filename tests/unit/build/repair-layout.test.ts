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

  test('mends pages in order, judging each on the pages so far: a repair of page 2 may not undo page 1', () => {
    const pageBlocks: Block[] = Array.from({length: 6}, () => blocks[0]!)
    // One column a page. Block 1 a line tighter mends the orphan at the foot of page 0; block 4 a line looser
    // mends the one at the foot of page 1 but brings page 0's back, so it must be refused; block 3 tighter mends page 1 alone.
    const layOut = (looseness: Looseness): Layout => {
      const orphan0 = !(looseness.get(1) === -1 && looseness.get(4) !== 1)
      const orphan1 = !(looseness.get(4) === 1 || looseness.get(3) === -1)
      const rows = [...paragraph(4, 0), ...paragraph(4, 1), ...paragraph(4, 2), ...paragraph(4, 3), ...paragraph(4, 4), ...paragraph(4, 5)]
      // An orphan: a page ending right after a paragraph's first line (rows 8 and 20 start paragraphs 2 and 5).
      const end0 = orphan0 ? 9 : 8
      const end1 = orphan1 ? 21 : 20
      const columns: PlacedColumn[] = [{page: 0, column: 0, start: 0, end: end0}, {page: 1, column: 0, start: end0, end: end1}, {page: 2, column: 0, start: end1, end: 24}]
      return {pages: [{}, {}, {}], rows, columns}
    }
    const {looseness, layout} = repairLayout(pageBlocks, layOut)
    expect(looseness.get(1)).toBe(-1)
    expect(looseness.has(4)).toBe(false)
    expect(looseness.get(3)).toBe(-1)
    expect(layoutFaults(layout, 0).value).toBe(0)
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
