import {charClass, type CharClass} from './char-class.js'
import {westernMarks} from './western-marks.js'

/** A unit of text before shaping: one CJK character, one Latin word, or one space. */
export interface Unit {
  text: string
  kind: 'cjk' | 'word' | 'space'
  cls: CharClass
  /** A WORD JOINER (U+2060) followed: no break after this unit. */
  join?: boolean
}

/**
 * A forced line break inside a paragraph (Markdown's hard break, a line
 * ending in a backslash or two spaces), carried through the text as
 * U+2028 LINE SEPARATOR: a space unit of its own, never collapsed with the
 * spaces around it, which the paragraph setter breaks the line at.
 */
export const LINE_BREAK = '\u2028'

/** The grapheme segmenter, made on first use: making one costs some 15 ms, and most articles never need it. */
let graphemes: Intl.Segmenter | undefined
const NEEDS_GRAPHEMES = /[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u200d\ufe00-\ufe0f\u{1F000}-\u{1FFFF}\u{E0100}-\u{E01EF}\u{E0000}-\u{E007F}\u{2600}-\u{27BF}]/u

/** Invisible format and control characters dropped from layout (ZWSP is kept as a break), as UTF-16 ranges. */
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x0008],
  [0x000b, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x180e, 0x180e],
  [0x200c, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0xfeff, 0xfeff]
]
const INVISIBLE_CLASS = INVISIBLE_RANGES.map(([from, to]) => (from === to ? unicodeEscape(from) : `${unicodeEscape(from)}-${unicodeEscape(to)}`)).join('')
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g')

/**
 * The code units a cluster needs a closer look for when it starts with one:
 * `INVISIBLE_START` an invisible character, `MARKER` the zero-width space or
 * `LINE_BREAK` (the word joiner is invisible too). Any other cluster is text
 * as it stands, found with one table read (most clusters are Chinese
 * characters).
 */
const INVISIBLE_START = 1
const MARKER = 2
const SPECIAL = new Uint8Array(0x10000)
for (const [from, to] of INVISIBLE_RANGES) SPECIAL.fill(INVISIBLE_START, from, to + 1)
for (const char of ['\u200B', '\u2028']) SPECIAL[char.charCodeAt(0)] = MARKER

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * Split text into layout units. Grapheme clusters keep emoji sequences and
 * variation selectors together; Latin letters, digits and Western punctuation
 * join into words; runs of white space collapse to one space unit. A
 * zero-width space becomes an empty space unit (a break opportunity); a
 * line separator (`LINE_BREAK`) a space unit of its own. Quotation marks of
 * Western text (don’t, “It’s fine.”, see `westernMarks`) join its words.
 */
export function segment(text: string): Unit[] {
  const units: Unit[] = []
  let word = ''
  const flushWord = (): void => {
    if (word) units.push({text: word, kind: 'word', cls: 'latin'})
    word = ''
  }
  // Grapheme segmentation is only needed for combining marks, variation selectors, ZWJ and emoji.
  const clusters = NEEDS_GRAPHEMES.test(text) ? Array.from((graphemes ??= new Intl.Segmenter('zh', {granularity: 'grapheme'})).segment(text), (entry) => entry.segment) : Array.from(text)
  const western = westernMarks(text)
  let at = 0
  for (const cluster of clusters) {
    const offset = at
    at += cluster.length
    if (western?.has(offset)) {
      word += cluster
      continue
    }
    // Most clusters are plain text, and go straight to their class.
    const special = SPECIAL[cluster.charCodeAt(0)]!
    if (special !== 0 && cluster === '\u2060') {
      flushWord()
      const last = units[units.length - 1]
      if (last) last.join = true
      continue
    }
    if (special === MARKER && cluster === '\u200B') {
      flushWord()
      units.push({text: '', kind: 'space', cls: 'space'})
      continue
    }
    if (special === MARKER && cluster === LINE_BREAK) {
      flushWord()
      units.push({text: LINE_BREAK, kind: 'space', cls: 'space'})
      continue
    }
    // Drop invisible format and control characters; inside a cluster (an emoji ZWJ sequence) they belong to it.
    const visible = special === INVISIBLE_START ? cluster.replace(INVISIBLE, '') : cluster
    if (!visible) continue
    const cls = charClass(visible.length === 1 ? visible : String.fromCodePoint(visible.codePointAt(0)!))
    if (cls === 'latin') {
      word += visible
      continue
    }
    flushWord()
    if (cls === 'space') {
      // Collapse a run of white space to one unit; an ideographic space (U+3000) wins, as it is 1 em wide.
      const last = units[units.length - 1]
      const char = visible === '\u3000' ? '\u3000' : ' '
      if (last?.kind !== 'space' || last.text === LINE_BREAK) units.push({text: char, kind: 'space', cls})
      else if (char === '\u3000') last.text = char
      continue
    }
    units.push({text: visible, kind: 'cjk', cls})
  }
  flushWord()
  return units
}

/** URL break points: after these, a URL may break without a hyphen (Chicago 7.42; clreq leaves URLs to Western rules). */
const URL_BREAK_AFTER = new Set([...'/.-?&=#_'])

/** Does this word look like a URL or e-mail address? */
export function isUrlLike(word: string): boolean {
  return /^(https?:\/\/|ftp:\/\/|www\.)|@[\w-]+\./i.test(word)
}

/**
 * Split a word at its explicit hyphens where a line may end after one, as
 * English composition does (TeX's \exhyphenpenalty; the hyphen stays, none is
 * added): between a letter or digit and a letter, with two characters or more
 * on either side (Arena-|Hard, Qwen2.5-|Max, fine-|tuning). Not before a digit,
 * so numbers stay whole (0791-88888888, 2024-01-01, COVID-19, GPT-4o).
 */
export function splitAtHyphens(word: string): string[] {
  if (!word.includes('-')) return [word]
  const pieces: string[] = []
  let from = 0
  for (let index = 2; index < word.length - 2; index++) {
    if (word[index] === '-' && index - from >= 2 && /[A-Za-z0-9]/.test(word[index - 1]!) && /[A-Za-z]/.test(word[index + 1]!) && /[A-Za-z]/.test(word[index + 2]!)) {
      pieces.push(word.slice(from, index + 1))
      from = index + 1
    }
  }
  pieces.push(word.slice(from))
  return pieces
}

/** Split a URL into pieces that may each end a line. */
export function splitUrl(word: string): string[] {
  const pieces: string[] = []
  let piece = ''
  let index = -1
  for (const char of word) {
    index += char.length
    piece += char
    if (URL_BREAK_AFTER.has(char) && piece.length > 1 && !(char === '/' && word[index + 1] === '/')) {
      pieces.push(piece)
      piece = ''
    }
  }
  if (piece) pieces.push(piece)
  return pieces
}
