import type {Root, Text, Parent} from 'mdast'
import {charClass} from '../text/char-class.js'
import {charAt, charBefore} from '../text/code-points.js'

/**
 * Half-width marks that web copy puts between Chinese characters, and their
 * full-width forms (GB/T 15834—2011 §4: Chinese text uses full-width marks).
 */
const FULL_WIDTH: Record<string, string> = {',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

/**
 * Marks typed with a keyboard's ASCII keys that have a Chinese form of
 * another shape (GB/T 15834—2011): straight double quotes for 引号 “ ” (§4.8),
 * `--` for the 破折号 —— (§4.10), and three or more dots for the 省略号 ……
 * (§4.11). Each keeps its length, so source positions stay right: the
 * ellipsis's two halves take the first and last dot, and the dots between
 * become WORD JOINERs (U+2060), which layout drops (and which keep the two
 * halves on one line, as they must be).
 */
const QUOTE = '"'

/**
 * The quotation marks a straight pair becomes: “ ” in Simplified Chinese
 * (GB/T 15834—2011 §4.8), 「 」 in Traditional (the Taiwan Ministry of
 * Education's 重訂標點符號手冊 and Hong Kong usage; clreq §3.1.4).
 */
const QUOTES = {'zh-Hans': ['“', '”'], 'zh-Hant': ['「', '」']} as const

/** Any mark this module may change (most blocks have none: skip them). */
const HALF_WIDTH = /[,:;?!()"]|--|\.\.\./

/**
 * Marks that English sets too, from the same code points: quotation marks,
 * guillemets, the en and em dash, the ellipsis and the middle dot (W3C
 * i18n-drafts#558). Alone they say nothing of the language around them:
 * "Plan (2022–2025)," is English, and its parentheses and comma stay so.
 */
const SHARED_MARKS = new Set([...'“”‘’«»–—…·'])

/** Is `char` Chinese text or full-width punctuation (context that makes a mark Chinese)? */
function isChineseContext(char: string | undefined): boolean {
  if (!char || SHARED_MARKS.has(char)) return false
  const cls = charClass(char)
  return cls !== 'latin' && cls !== 'space' && cls !== 'other'
}

function isAsciiAlnum(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char)
}

/**
 * Turn half-width `, : ; ? ! ( )` in Chinese context into full-width forms,
 * in place, across text nodes of one block (so `**记者:**问` is seen whole).
 * Returns how many marks changed. Same length in, same length out, so source
 * positions stay right.
 */
export function normalizePunctuation(tree: Root, lang: 'zh-Hans' | 'zh-Hant' = 'zh-Hans'): number {
  const quotes = QUOTES[lang]
  let changed = 0
  const walk = (node: Parent): void => {
    for (const child of node.children) {
      if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') changed += normalizeBlock(child, quotes)
      else if ('children' in child) walk(child as Parent)
    }
  }
  walk(tree)
  return changed
}

/**
 * `normalizePunctuation` for one block's text nodes; returns how many marks
 * changed. A function of its own, not a closure made per article: V8 keeps a
 * closure's optimised code only while one of its instances lives, so a
 * closure made per call is compiled again after each full collection.
 */
function normalizeBlock(block: Parent, quotes: readonly [string, string]): number {
  let changed = 0
  const texts: Text[] = []
  collectTexts(block, texts)
  if (texts.length === 0) return 0
  const joined = texts.length === 1 ? texts[0]!.value : texts.map((text) => text.value).join('')
  if (!HALF_WIDTH.test(joined)) return 0
  // Every mark is one UTF-16 unit and so is its full-width form: work on unit indices, replacements by index.
  const replaced = new Map<number, string>()
  const convertAt = (index: number): void => {
    const replacement = FULL_WIDTH[joined[index]!]
    if (replacement && replaced.get(index) !== replacement) {
      replaced.set(index, replacement)
      changed++
    }
  }
  const setAt = (index: number, replacement: string): void => {
    if (replaced.get(index) !== replacement) replaced.set(index, replacement)
  }
  changed += dashesAndEllipses(joined, setAt) + quotePairs(joined, setAt, quotes)
  const openStack: number[] = []
  MARKS.lastIndex = 0
  for (let match = MARKS.exec(joined); match; match = MARKS.exec(joined)) {
    const i = match.index
    const char = joined[i]!
    if (char === '(') {
      openStack.push(i)
      continue
    }
    if (char === ')') {
      const open = openStack.pop()
      // A pair is Chinese when it encloses Chinese or follows Chinese; f(x) stays a Latin call.
      const chinese = open !== undefined ? someChinese(joined, open + 1, i) || isChineseContext(contextBefore(joined, open, replaced)) : isChineseContext(neighbourBefore(joined, i))
      if (chinese) {
        convertAt(i)
        if (open !== undefined) convertAt(open)
      }
      continue
    }
    // Read the mark before as converted so far: in 吗?! the ! follows a full-width ？.
    const before = replaced.get(i - 1) ?? charBefore(joined, i)
    const after = charAfter(joined, i)
    // A mark after Chinese text, not inside a number or Latin word (2:1, http://).
    if (isChineseContext(contextBefore(joined, i, replaced)) && !isAsciiAlnum(after) && after !== '/') convertAt(i)
    else if (!isAsciiAlnum(before) && isChineseContext(contextAfter(joined, i)) && char !== '!') convertAt(i)
  }
  // Unmatched opening parentheses in Chinese context.
  for (const open of openStack) if (isChineseContext(contextAfter(joined, open)) || isChineseContext(contextBefore(joined, open, replaced))) convertAt(open)
  if (replaced.size === 0) return changed
  let offset = 0
  for (const text of texts) {
    const end = offset + text.value.length
    let value = ''
    let from = offset
    for (let i = offset; i < end; i++) {
      const replacement = replaced.get(i)
      if (replacement === undefined) continue
      value += joined.slice(from, i) + replacement
      from = i + 1
    }
    if (from > offset) text.value = value + joined.slice(from, end)
    offset = end
  }
  return changed
}

/**
 * `--` (exactly two) and runs of three or more dots next to Chinese text:
 * 破折号 and 省略号, set through `setAt` unit by unit. 2021--2022 and a
 * Latin `...` stay as they are. Returns how many marks changed.
 */
function dashesAndEllipses(text: string, setAt: (index: number, replacement: string) => void): number {
  let changed = 0
  for (const match of text.matchAll(/-{2,}|\.{3,}/g)) {
    const start = match.index
    const run = match[0]
    const end = start + run.length
    if (!(isChineseContext(contextBefore(text, start)) || isChineseContext(contextAfter(text, end - 1)))) continue
    if (run[0] === '-') {
      if (run.length !== 2) continue
      setAt(start, '—')
      setAt(start + 1, '—')
    } else {
      setAt(start, '…')
      for (let i = start + 1; i < end - 1; i++) setAt(i, '\u2060')
      setAt(end - 1, '…')
    }
    changed++
  }
  return changed
}

/**
 * Straight double quotes, paired in order, become “ and ” where a pair holds
 * or touches Chinese text (他说"好"。, "双减"政策); a pair around Latin text
 * only (He said "hello".) stays straight. A block with an odd number of them
 * is left as it is: which quote lacks its partner cannot be known. Returns
 * how many marks changed.
 */
function quotePairs(text: string, setAt: (index: number, replacement: string) => void, [opening, closing]: readonly [string, string]): number {
  const quotes: number[] = []
  for (let i = text.indexOf(QUOTE); i >= 0; i = text.indexOf(QUOTE, i + 1)) quotes.push(i)
  if (quotes.length % 2 !== 0) return 0
  let changed = 0
  for (let k = 0; k + 1 < quotes.length; k += 2) {
    const open = quotes[k]!
    const close = quotes[k + 1]!
    if (!(someChinese(text, open + 1, close) || isChineseContext(contextBefore(text, open)) || isChineseContext(contextAfter(text, close)))) continue
    setAt(open, opening)
    setAt(close, closing)
    changed += 2
  }
  return changed
}

/** Each half-width mark, by UTF-16 index. */
const MARKS = /[,:;?!()]/g

/** The character (code point) starting right after the one-unit mark at `i`, or undefined at the end. */
function charAfter(text: string, i: number): string | undefined {
  return charAt(text, i + 1)
}

/**
 * The character before unit index `i` that tells the language around it:
 * marks both languages set (`SHARED_MARKS`) and the word joiners of a
 * converted ellipsis are looked past, so in “好”, and 好……, the comma
 * follows Chinese text. Marks converted so far (`replaced`) are read as
 * converted.
 */
function contextBefore(text: string, i: number, replaced?: ReadonlyMap<number, string>): string | undefined {
  let j = i
  for (;;) {
    const char = replaced?.get(j - 1) ?? charBefore(text, j)
    if (char === undefined || !(SHARED_MARKS.has(char) || char === '\u2060')) return char
    j -= char.length
  }
}

/** The character after the one-unit mark at `i` that tells the language around it (see `contextBefore`). */
function contextAfter(text: string, i: number): string | undefined {
  let j = i + 1
  for (;;) {
    const char = charAt(text, j)
    if (char === undefined || !SHARED_MARKS.has(char)) return char
    j += char.length
  }
}

/** The nearest character before `i` that is not a space. */
function neighbourBefore(text: string, i: number): string | undefined {
  let j = i
  while (j > 0 && text[j - 1] === ' ') j--
  return charBefore(text, j)
}

/** Does `text[from, to)` hold a character of Chinese context? */
function someChinese(text: string, from: number, to: number): boolean {
  for (const char of text.slice(from, to)) if (isChineseContext(char)) return true
  return false
}

function collectTexts(node: Parent, texts: Text[]): void {
  for (const child of node.children) {
    if (child.type === 'text') texts.push(child)
    else if (child.type === 'inlineCode' || child.type === 'link') continue
    else if ('children' in child) collectTexts(child as Parent, texts)
  }
}
