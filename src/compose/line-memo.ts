import type {Line} from '../paragraph/typeset-paragraph.js'
import type {Template} from '../config/template.js'
import {createBoundedMemo, type BoundedMemo} from '../memo/bounded-memo.js'

/**
 * Typeset lines of paragraphs, keyed by everything that decides them, kept
 * across the articles one worker builds (a template or font change in an
 * archive rebuilds thousands of articles that share lines: wire copy,
 * boilerplate, corrections, reprints). Lines are immutable once made, so a
 * hit gives the very lines a miss would make, and the PDF the same bytes.
 *
 * One memo serves one font book: the caller keeps a memo per book (fonts
 * decide every advance, and the key does not name them).
 */
export type LineMemo = BoundedMemo<readonly Line[]>

/**
 * A memo holding at most `limit` paragraphs; the oldest entry goes first.
 * A paragraph's lines are kept only when it is set a second time: most
 * paragraphs of an archive occur once, and keeping their lines would only
 * grow the heap the collector walks. A paragraph of some 10 lines holds
 * about 10 KB, so the default bounds a worker's memo to some 20 MB.
 */
export function createLineMemo(limit = DEFAULT_LIMIT): LineMemo {
  const kept = createBoundedMemo<readonly Line[]>(limit)
  // Paragraphs set once so far (keys only), oldest first.
  const seen = new Set<string>()
  return {
    stats: kept.stats,
    get: (key) => kept.get(key),
    set(key, lines) {
      if (seen.delete(key)) return kept.set(key, lines)
      if (seen.size >= limit * SEEN_FACTOR) seen.delete(seen.values().next().value!)
      seen.add(key)
    }
  }
}

/** Paragraphs remembered as seen once, per paragraph kept. */
const SEEN_FACTOR = 4

const DEFAULT_LIMIT = 2_000

const templateIds = new Map<string, number>()
const templateKeys = new WeakMap<Template, string>()

/**
 * A short key for everything in a template (kinsoku level, punctuation
 * style, spacing, fonts by role): templates equal as JSON share a key.
 */
export function templateKey(template: Template): string {
  let key = templateKeys.get(template)
  if (key === undefined) {
    const json = JSON.stringify(template)
    let id = templateIds.get(json)
    if (id === undefined) {
      id = templateIds.size
      templateIds.set(json, id)
    }
    key = `t${id}`
    templateKeys.set(template, key)
  }
  return key
}
