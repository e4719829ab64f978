import {charClass} from './char-class.js'

/**
 * Marks of Western text inside Chinese text: quotation marks, and the en
 * dash of a range (2022–2025).
 *
 * ‘ ’ “ ” (U+2018, U+2019, U+201C, U+201D) serve both scripts with one code
 * point each: a Chinese font draws them full-width, a Latin font
 * proportional (W3C i18n-drafts#558; notofonts/noto-fonts#94, "「這很好」英文
 * 可以說 “It’s good”"). Quotes around Chinese text, or around a Western word
 * quoted in a Chinese sentence (各县要“use data to serve farmers”。), are
 * Chinese punctuation, full-width and compressible (GB/T 15834—2011 §4.8,
 * clreq §3.1). An apostrophe inside a word (don’t, Peter’s) and the quotes of
 * an English sentence (She said, “It’s ‘fine’ now.”) are Western punctuation:
 * set as part of the Western word, at their proportional width, as a
 * full-width mark there leaves half an em of blank inside the word
 * (Peter’ s).
 *
 * What decides, from the characters on each side of a mark (other quote
 * marks looked past, “‘ as one):
 *
 * | side | meaning |
 * | --- | --- |
 * | `latin` | a Latin letter, digit or Western punctuation (`charClass` 'latin') |
 * | `space` | a word space |
 * | `edge` | the start or end of the text (a styled run: the bold `**“OK”**`) |
 * | `cjk` | anything else: Han, Chinese punctuation, an ideographic space |
 */
type Side = 'latin' | 'space' | 'edge' | 'cjk'

/**
 * A mark's own verdict: Western when it touches Western text on one side and
 * Western text or a word space on the other; `edge` when the other side is
 * the edge of the text, which its partner decides; Chinese when it touches
 * Chinese on either side, or Western text on neither.
 */
type Verdict = 'western' | 'edge' | 'chinese'

const VERDICT: Record<Side, Record<Side, Verdict>> = {
  latin: {latin: 'western', space: 'western', edge: 'edge', cjk: 'chinese'},
  space: {latin: 'western', space: 'chinese', edge: 'chinese', cjk: 'chinese'},
  edge: {latin: 'edge', space: 'chinese', edge: 'chinese', cjk: 'chinese'},
  cjk: {latin: 'chinese', space: 'chinese', edge: 'chinese', cjk: 'chinese'}
}

/** Opening and closing marks of each kind. A pair is decided together, so its two marks never differ. */
const PAIRS = [
  {open: '“', close: '”'},
  {open: '‘', close: '’'}
] as const

/**
 * Does the text hold a mark with Western text (`charClass` 'latin': below
 * U+2000 but white space, or U+2070–U+218F) right beside it, or an en dash?
 * Only then can any of its marks be Western. Most Chinese paragraphs have
 * quotes only between Chinese text, and are passed over on this scan (one
 * pass over the UTF-16 units; a surrogate is never 'latin').
 */
function mayBeWestern(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0x2013) return true
    if (unit !== 0x2018 && unit !== 0x2019 && unit !== 0x201c && unit !== 0x201d) continue
    if (isLatinUnit(text.charCodeAt(i - 1)) || isLatinUnit(text.charCodeAt(i + 1))) return true
  }
  return false
}

/** A UTF-16 unit of `charClass` 'latin' (NaN, off either end of the text, is not). */
function isLatinUnit(unit: number): boolean {
  return (unit > 0x20 && unit < 0x2000) || (unit >= 0x2070 && unit < 0x2190)
}

/** Is `char` one of ‘ ’ “ ”? */
export function isQuote(char: string | undefined): boolean {
  return char === '‘' || char === '’' || char === '“' || char === '”'
}

function sideOf(char: string | undefined): Side {
  if (char === undefined) return 'edge'
  const cls = charClass(char)
  if (cls === 'latin') return 'latin'
  if (cls === 'space' && char !== '\u3000') return 'space'
  return 'cjk'
}

/** Is `char` a Western letter or digit (an apostrophe's or a range dash's neighbour)? */
function isAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && /^[\p{L}\p{N}]$/u.test(char) && charClass(char) === 'latin'
}

/**
 * An en dash between letters or digits (2022–2025, Paris–Beijing) is the
 * range dash of the Western text it joins, not the 连接号 of GB/T
 * 15834—2011 standing between Chinese words: part of the word, no break or
 * letter-spacing at it (the font's – is proportional already).
 */
const EN_DASH = '–'

/**
 * The UTF-16 offsets in `text` of the marks that belong to Western text (see
 * above); undefined when there are none. Pure: a function of the text alone.
 */
export function westernMarks(text: string): Set<number> | undefined {
  if (!mayBeWestern(text)) return undefined
  const chars = Array.from(text)
  const offsets: number[] = []
  let offset = 0
  for (const char of chars) {
    offsets.push(offset)
    offset += char.length
  }
  const verdicts = new Map<number, Verdict>()
  const apostrophes = new Set<number>()
  chars.forEach((char, index) => {
    if (char === EN_DASH && isAlphanumeric(chars[index - 1]) && isAlphanumeric(chars[index + 1])) verdicts.set(index, 'western')
    if (!isQuote(char)) return
    // An apostrophe between letters or digits (don’t, rock’n’roll) is Western whatever else is around.
    if (char === '’' && isAlphanumeric(chars[index - 1]) && isAlphanumeric(chars[index + 1])) {
      apostrophes.add(index)
      verdicts.set(index, 'western')
      return
    }
    let before = index - 1
    while (before >= 0 && isQuote(chars[before])) before--
    let after = index + 1
    while (after < chars.length && isQuote(chars[after])) after++
    verdicts.set(index, VERDICT[sideOf(chars[before])][sideOf(chars[after])])
  })
  // Each pair together: Western when neither mark touches Chinese and one of them touches Western text inside the run.
  for (const {open, close} of PAIRS) {
    const opened: number[] = []
    chars.forEach((char, index) => {
      if (char === open) opened.push(index)
      else if (char === close && !apostrophes.has(index)) {
        const start = opened.pop()
        if (start === undefined) return
        const a = verdicts.get(start)!
        const b = verdicts.get(index)!
        const both: Verdict = a !== 'chinese' && b !== 'chinese' && (a === 'western' || b === 'western') ? 'western' : 'chinese'
        verdicts.set(start, both)
        verdicts.set(index, both)
      }
    })
  }
  let western: Set<number> | undefined
  for (const [index, verdict] of verdicts) {
    if (verdict !== 'western') continue
    western ??= new Set()
    western.add(offsets[index]!)
  }
  return western
}
