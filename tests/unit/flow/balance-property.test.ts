/**
 * Column balancing against brute force: for small random stories (rows of
 * 1–3 lines, free, widow-priced and forbidden breaks, heads that shed blank
 * lines at a column top, blocks standing over some columns), the layout
 * balanceColumns picks costs exactly the least any choice of column breaks
 * and depth costs. Guards the branch-and-bound pruning of its DP.
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import type {Row} from '../../../src/compose/types.js'
import {balanceColumns, DEPTH_COST, MAX_EXTRA_DEPTH, SHORT_COLUMN_COST} from '../../../src/flow/flow-columns.js'

interface Story {
  rows: Row[]
  capacities: number[]
  tops: number[] | undefined
}

const rowArb = fc.record({span: fc.integer({min: 1, max: 3}), breakAfter: fc.constantFrom(0, 0, 0, 2000, Infinity), blank: fc.integer({min: 0, max: 2})})
const storyArb: fc.Arbitrary<Story> = fc
  .record({
    rows: fc.array(rowArb, {minLength: 1, maxLength: 12}),
    capacities: fc.array(fc.integer({min: 3, max: 10}), {minLength: 2, maxLength: 4}),
    tops: fc.option(fc.array(fc.integer({min: 0, max: 4}), {minLength: 4, maxLength: 4}), {nil: undefined})
  })
  .map(({rows, capacities, tops}) => ({
    rows: rows.map((row, block) => ({span: row.span, items: [], breakAfter: row.breakAfter, kind: row.blank > 0 && row.span > row.blank ? ('head' as const) : ('body' as const), block, ...(row.blank > 0 && row.span > row.blank ? {topBlank: row.blank} : {})})),
    capacities,
    tops: tops?.slice(0, capacities.length)
  }))

/** The objective of balanceColumns for given column ends at one depth; Infinity when not allowed. */
function costAt(story: Story, ends: readonly number[], depth: number, shallowest: number): number {
  const {rows, capacities} = story
  const offsets = story.tops?.some((top) => top > 0) ? story.tops : undefined
  let cost = (depth - shallowest) * DEPTH_COST
  let from = 0
  ends.forEach((to, c) => {
    const room = Math.max(0, Math.min(capacities[c]!, depth - (offsets?.[c] ?? 0)))
    let height = 0
    for (let k = from; k < to; k++) height += k === from ? rows[k]!.span - (rows[k]!.topBlank ?? 0) : rows[k]!.span
    if (height > room) cost = Infinity
    if (to < rows.length && to > from) cost += rows[to - 1]!.breakAfter
    const short = Math.max(0, depth - (offsets?.[c] ?? 0) - height - 1)
    cost += SHORT_COLUMN_COST * short * short
    from = to
  })
  return cost
}

/** Every way to end the columns: non-decreasing ends, the last at the story's end. */
function* allEnds(n: number, columns: number, from = 0): Generator<number[]> {
  if (columns === 1) {
    yield [n]
    return
  }
  for (let end = from; end <= n; end++) for (const rest of allEnds(n, columns - 1, end)) yield [end, ...rest]
}

/** The depths balanceColumns searches, in order, with its stopping rules applied to `best`. */
function depths(story: Story): {shallowest: number; list: number[]} {
  const {rows, capacities} = story
  const total = rows.reduce((sum, row) => sum + row.span, 0)
  const offsets = story.tops?.some((top) => top > 0) ? story.tops : undefined
  const maxDepth = offsets ? Math.max(...capacities.map((capacity, c) => capacity + offsets[c]!)) : Math.max(...capacities)
  let shallowest = Math.ceil(total / capacities.length)
  if (offsets) {
    shallowest = 1
    while (capacities.reduce((sum, capacity, c) => sum + Math.max(0, Math.min(capacity, shallowest - offsets[c]!)), 0) < total && shallowest < 100_000) shallowest++
  }
  const list: number[] = []
  for (let depth = shallowest; depth <= maxDepth; depth++) list.push(depth)
  return {shallowest, list}
}

function bruteForce(story: Story): number {
  const {shallowest, list} = depths(story)
  let best = Infinity
  for (const depth of list) {
    if (best < Infinity && ((depth - shallowest) * DEPTH_COST >= best || depth - shallowest > MAX_EXTRA_DEPTH)) break
    for (const ends of allEnds(story.rows.length, story.capacities.length)) best = Math.min(best, costAt(story, ends, depth, shallowest))
  }
  return best
}

describe('balanceColumns', () => {
  test('costs the least any column breaks and depth cost (brute force, 600 random stories)', () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        const result = balanceColumns(story.rows, 0, story.capacities, story.tops)
        const best = bruteForce(story)
        if (result === undefined || best === Infinity) return
        const ends = result.fills.map((fill) => fill.end)
        const {shallowest, list} = depths(story)
        const achieved = Math.min(...list.slice(0, MAX_EXTRA_DEPTH + 2).map((depth) => costAt(story, ends, depth, shallowest)))
        expect(achieved).toBe(best)
      }),
      {numRuns: 600, seed: 20261129}
    )
  })
})
