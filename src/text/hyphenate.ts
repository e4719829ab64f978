import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
const english = require('hyphen/en') as {hyphenateSync(text: string, options: {hyphenChar: string; minWordLength?: number}): string}

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
    for (const part of english.hyphenateSync(word, {hyphenChar: '\u00AD', minWordLength: MIN_WORD}).split('\u00AD')) {
      offset += part.length
      if (offset < word.length) points.push(offset)
    }
    cache.set(word, points)
  }
  return points
}
