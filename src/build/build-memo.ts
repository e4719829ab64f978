import type {FontBook} from '../shape/font-book.js'
import {createLineMemo, type LineMemo} from '../compose/line-memo.js'
import {createFontProgramMemo, type FontProgramMemo} from '../render/pdf/font-program-memo.js'
import {createImageMemo, type ImageMemo} from '../assets/image-memo.js'

/**
 * What a long-lived builder (an archive worker, `paiban build` over many
 * files) keeps from one article to the next: paragraphs' lines and deflated
 * font programs, per font book, and pictures prepared for print. Memoised results are the results a fresh
 * build makes, so output bytes never depend on what was built before.
 */
export interface BuildMemo {
  lines(book: FontBook): LineMemo
  fontPrograms(book: FontBook): FontProgramMemo
  images(): ImageMemo
  /** Hits and lookups so far, over all books. */
  stats(): {lines: {hits: number; lookups: number}; fontPrograms: {hits: number; lookups: number}; images: {hits: number; lookups: number}}
}

/** A memo for one process or worker thread. */
export function createBuildMemo(): BuildMemo {
  const lines = new Map<string, LineMemo>()
  const programs = new Map<string, FontProgramMemo>()
  const images = createImageMemo()
  const sum = (memos: Iterable<{stats: {hits: number; lookups: number}}>) => {
    const total = {hits: 0, lookups: 0}
    for (const {stats} of memos) {
      total.hits += stats.hits
      total.lookups += stats.lookups
    }
    return total
  }
  return {
    lines(book) {
      let memo = lines.get(book.hash)
      if (!memo) lines.set(book.hash, (memo = createLineMemo()))
      return memo
    },
    fontPrograms(book) {
      let memo = programs.get(book.hash)
      if (!memo) programs.set(book.hash, (memo = createFontProgramMemo()))
      return memo
    },
    images: () => images,
    stats: () => ({lines: sum(lines.values()), fontPrograms: sum(programs.values()), images: {...images.stats}})
  }
}
