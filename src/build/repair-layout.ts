import type {Block} from '../article/types.js'
import type {Row} from '../compose/types.js'
import {findWidowsAndOrphans, lastPageSpread, shortColumns, type PlacedColumn} from '../page/paginate.js'

/** Per block index: set the paragraph one line tighter (-1) or looser (+1) (TeX's \looseness). */
export type Looseness = ReadonlyMap<number, -1 | 1>

/** What a layout gives that repair judges: pages, and which rows each column holds. */
export interface Layout {
  pages: readonly unknown[]
  rows: readonly Row[]
  columns: readonly PlacedColumn[]
}

/** How bad a layout is, and the blocks whose paragraphs might mend it. */
export interface LayoutFaults {
  /** 0 = nothing to mend. */
  value: number
  /** Blocks at faults, worst first: a paragraph there or a few before it may help. */
  blocks: number[]
  /** When the last page's columns are uneven: every block on that page, last first. */
  lastPage: number[]
  /** Pages with a hole at a column foot: any paragraph on such a page a line longer or shorter may fill it. */
  holePages: number[]
}

/**
 * Score a layout. Last-page columns more than one line apart count most
 * (the story ends level: newspaper make-up), then widows and orphans
 * (clreq §3.7), then holes at column feet on pages the story runs on from.
 * `throughPage`: judge only pages up to this one (and the break into the
 * next page), so a repair of page p can be judged before later pages settle.
 */
export function layoutFaults(layout: Layout, throughPage = Infinity): LayoutFaults {
  const {rows} = layout
  const lastPage = layout.columns.length ? layout.columns[layout.columns.length - 1]!.page : 0
  const judgesLast = throughPage >= lastPage
  // The columns judged, and the first column of the next page for the break into it.
  const next = judgesLast ? -1 : layout.columns.findIndex((column) => column.page > throughPage)
  const columns = judgesLast ? layout.columns : layout.columns.slice(0, next + 1)
  const faults = findWidowsAndOrphans(rows, columns)
  const spread = judgesLast ? Math.max(0, lastPageSpread(rows, columns) - 1) : 0
  const last = columns.filter((column) => column.page === lastPage)
  const tail = last.map((column) => rows[column.end - 1]?.block ?? 0)
  // Uneven last columns: any paragraph of the last page a line shorter or longer may even them out.
  const onLastPage = new Set<number>()
  if (spread > 0) for (const column of last) for (let i = column.start; i < column.end; i++) onLastPage.add(rows[i]!.block)
  // Holes at column feet on pages before the last (a line there faces text in the next column, off the shared grid): a little below a widow each line.
  const holes = shortColumns(rows, columns)
  const holeLines = holes.reduce((sum, hole) => sum + hole.lines, 0)
  return {
    value: spread * SPREAD_LINE_COST + faults.length * WIDOW_COST + holeLines * HOLE_LINE_COST,
    blocks: [...faults, ...(spread > 0 ? tail.reverse() : []), ...holes.map((hole) => hole.block)],
    lastPage: [...onLastPage].reverse(),
    holePages: [...new Set(holes.map((hole) => hole.page))]
  }
}

/**
 * Mend a layout's faults by setting paragraphs one line tighter or looser,
 * page by page from the first: on each page a few rounds, each trying the
 * paragraphs at and just before each fault (and, for uneven last columns,
 * every paragraph of the last page) and keeping the first change that lowers
 * the score of the pages so far without adding a page. Earlier pages never
 * get worse, so a repair on page p does not undo one on page p − 1.
 * `layOut(looseness, false)` only decides where rows go; the layout kept is
 * returned with `placed` false when it still needs placing on its pages.
 * `rowsOf(block, looseness)`, when given, is the number of rows one block
 * composes to at a looseness: a trial that leaves it unchanged changed no
 * paragraph's line count, so it lays out the same and is skipped.
 */
export function repairLayout<L extends Layout>(blocks: readonly Block[], layOut: (looseness: Looseness, place: boolean) => L, rowsOf?: (block: number, looseness: -1 | 0 | 1) => number): {layout: L; looseness: Looseness; placed: boolean} {
  let looseness: Looseness = new Map()
  let best = layOut(looseness, true)
  let placed = true
  let trials = 0
  const pageOf = (layout: Layout): number => (layout.columns.length ? layout.columns[layout.columns.length - 1]!.page : 0)
  for (let page = 0; page <= pageOf(best) && trials < MAX_TRIALS; page++) {
    let current = layoutFaults(best, page)
    for (let round = 0; round < MAX_ROUNDS && current.value > 0; round++) {
      let improved = false
      const tried = new Set<string>()
      // Faults of earlier pages were tried there: aim at this page's own.
      const earlier = page > 0 ? new Set(layoutFaults(best, page - 1).blocks) : new Set<number>()
      const own = current.blocks.filter((block) => !earlier.has(block))
      // A hole on this page: after the paragraphs next to it, every paragraph of the page, last first.
      const pageBlocks = current.holePages.includes(page) ? blocksOnPage(best, page) : []
      // Built by pushing, not by spreading arrays that may be empty: an empty spread gives an array of another
      // kind (small integers), and V8 threw away this function's optimised code at the first one.
      const targets: [number, number][] = []
      for (const block of own.slice(0, 3)) targets.push([block, REPAIR_REACH])
      for (const block of current.lastPage) targets.push([block, 1])
      for (const block of pageBlocks) targets.push([block, 1])
      search: for (const [target, reach] of targets) {
        for (const [block, change] of repairCandidates(blocks, target, looseness, reach)) {
          if (tried.has(`${block}${change}`)) continue
          if (tried.size >= MAX_ROUND_TRIALS || trials >= MAX_TRIALS) break search
          tried.add(`${block}${change}`)
          trials++
          const trial = new Map(looseness).set(block, change)
          // A paragraph that cannot be set a line tighter or looser keeps its rows: the same layout, not worth paginating.
          if (rowsOf && rowsOf(block, change) === rowsOf(block, looseness.get(block) ?? 0)) continue
          const result = layOut(trial, false)
          const faults = layoutFaults(result, page)
          if (result.pages.length <= best.pages.length && faults.value < current.value) {
            best = result
            placed = false
            current = faults
            looseness = trial
            improved = true
            break search
          }
        }
      }
      if (!improved) break
    }
  }
  return {layout: best, looseness, placed}
}

/** Blocks with rows in the columns of a page, last first. */
function blocksOnPage(layout: Layout, page: number): number[] {
  const blocks = new Set<number>()
  for (const column of layout.columns) if (column.page === page) for (let i = column.start; i < column.end; i++) blocks.add(layout.rows[i]!.block)
  return [...blocks].reverse()
}

/** Fault values: a line of last-page unevenness beyond one, a widow or orphan, a line of a hole at a column foot. */
const SPREAD_LINE_COST = 100
const WIDOW_COST = 10
const HOLE_LINE_COST = 3

/** Rounds of repair per page; each tries a few paragraphs one line tighter or looser. */
const MAX_ROUNDS = 4
/** How many blocks back from a fault a repair looks for a paragraph to re-break. */
const REPAIR_REACH = 8
/** Layouts tried per round, and in all (each is a pagination with one paragraph re-broken). */
const MAX_ROUND_TRIALS = 48
const MAX_TRIALS = 400

/** Paragraphs to retry for a fault at `block`: it and the `reach - 1` before it, all tighter first, then all looser. */
function repairCandidates(blocks: readonly Block[], block: number, done: Looseness, reach: number): [number, -1 | 1][] {
  const paragraphs: number[] = []
  for (let index = block; index >= 0 && index > block - reach; index--) {
    const type = blocks[index]?.type
    if ((type === 'paragraph' || type === 'qaTurn') && !done.has(index)) paragraphs.push(index)
  }
  // Tighter before looser: push in before pushing out (先挤进，后推出, clreq on line adjustment), by analogy for whole lines.
  const candidates: [number, -1 | 1][] = []
  for (const index of paragraphs) candidates.push([index, -1])
  for (const index of paragraphs) candidates.push([index, 1])
  return candidates
}
