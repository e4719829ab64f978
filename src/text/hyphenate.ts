import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
type Hyphenator = {hyphenateSync(text: string, options: {hyphenChar: string; minWordLength?: number}): string}
/** The English patterns, loaded on the first word to hyphenate: loading them costs some 25–30 ms, and most articles have no such word. */
let english: Hyphenator | undefined

/** Shortest word worth hyphenating, and the fewest letters left on either side (TeX: \lefthyphenmin 2, \righthyphenmin 3). */
const MIN_WORD = 6

const cache = new Map<string, number[]>()

/**
 * Where a Latin word may take a hyphen at a line end, as character offsets,
 * from Liang's patterns (the `hyphen` package, English patterns; clreq §3.2
 * leaves Western words to Western rules). Only plain letter runs are
 * hyphenated; words with digits, URLs and existing hyphens are not.
 */
export function hyphenationPoints(word: string): number[] {
  if (word.length < MIN_WORD || !/^[A-Za-z]+$/.test(word)) return []
  let points = cache.get(word)
  if (!points) {
    points = []
    let offset = 0
    for (const part of (english ??= require('hyphen/en') as Hyphenator).hyphenateSync(word, {hyphenChar: '\u00AD', minWordLength: MIN_WORD}).split('\u00AD')) {
      offset += part.length
      if (offset < word.length) points.push(offset)
    }
    cache.set(word, points)
  }
  return points
}
