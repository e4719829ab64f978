import {makeAtom, type Atom, type Glyph} from '../text/atom.js'
import {charClass, isCjkPunctuation, isDefaultIgnorable} from '../text/char-class.js'
import {segment, isUrlLike, splitAtHyphens, splitUrl, LINE_BREAK, type Unit} from '../text/segment.js'
import {hyphenationPoints} from '../text/hyphenate.js'
import {isQuote} from '../text/western-marks.js'
import {GB_BLANKS} from '../text/punctuation.js'
import {fontFor, resolveKey, type FontBook} from './font-book.js'

/** How to shape one run of text. */
export interface ShapeStyle {
  /** Font key (`song`, `hei-bold`, …). */
  font: string
  sizePt: number
  dots?: boolean
  /** A rule through the text (`~~struck~~`). */
  strike?: boolean
  href?: string
  superscript?: boolean
  /** Code: its spaces kept as written (a run of n spaces n spaces wide), marked on its atoms (`Atom.code`). */
  code?: boolean
}

/** A character no font could draw, reported by the caller with its source place. */
export interface MissingChar {
  char: string
  /** Offset of the character in the shaped string (UTF-16 units). */
  offset: number
}

interface CharMetrics {
  key: string
  id: number
  /** Advance in em. */
  advance: number
  blankBefore: number
  blankAfter: number
}

const charCache = new Map<string, CharMetrics | null>()
/**
 * Shaped atoms are immutable: share them across paragraphs and articles. One
 * table per style (font, size, flags); CJK characters and spaces by their
 * text (one UTF-16 code unit, as most are, by its number: found without
 * hashing a new string for every character set), whole Latin words (already
 * split into syllables) under `\u0000word`.
 */
const atomCaches = new Map<string, Map<string | number, Atom | readonly Atom[]>>()

function atomCacheFor(book: FontBook, key: string, style: ShapeStyle): Map<string | number, Atom | readonly Atom[]> {
  const styleKey = `${book.hash}|${key}|${style.sizePt}|${style.dots ? 1 : 0}|${style.strike ? 1 : 0}|${style.superscript ? 1 : 0}|${style.code ? 1 : 0}|${style.href ?? ''}`
  let cache = atomCaches.get(styleKey)
  if (!cache) {
    cache = new Map()
    atomCaches.set(styleKey, cache)
  }
  return cache
}

/**
 * Shape one styled string into atoms: each CJK character an atom, each Latin
 * word (or URL piece) an atom, each space an atom. Characters missing from
 * the style's font fall back per character through the book's fallback chain;
 * those no font has become `missing` atoms and are listed in `missing`.
 */
export function shapeText(text: string, style: ShapeStyle, book: FontBook, missing: MissingChar[] = []): Atom[] {
  return style.code ? shapeCode(text, style, book, missing) : shapeWords(text, style, book, missing)
}

function shapeWords(text: string, style: ShapeStyle, book: FontBook, missing: MissingChar[]): Atom[] {
  const atoms: Atom[] = []
  const key = resolveKey(book, style.font)
  const cache = atomCacheFor(book, key, style)
  let offset = 0
  const units = segment(text)
  for (const unit of HAS_DASH.test(text) ? pairDashes(units) : units) {
    const start = text.indexOf(unit.text, offset)
    if (start >= 0) offset = start + unit.text.length
    if (unit.cls === 'dash' && (unit.text.length === 2 || unit.text === TWO_EM_DASH)) {
      // A 破折号 (——, or ⸺ typed as one character): one two-em rule where the font has it.
      for (const atom of dashAtoms(unit.text, key, style, book, missing, start)) atoms.push(atom)
      if (unit.join) atoms[atoms.length - 1] = makeAtom({...atoms[atoms.length - 1]!, glueNext: 'join'})
    } else if (unit.kind === 'space' || unit.kind === 'cjk') {
      const unitKey = unit.text.length === 1 ? unit.text.charCodeAt(0) : unit.text
      let atom = cache.get(unitKey) as Atom | undefined
      if (!atom) {
        atom = unit.kind === 'space' ? spaceAtom(unit.text, key, style, book) : cjkAtom(unit.text, key, style, book, missing, start)
        if (!atom.missing) cache.set(unitKey, atom)
      }
      atoms.push(unit.join ? makeAtom({...atom, glueNext: 'join'}) : atom)
    } else if (isUrlLike(unit.text) || (style.code === true && splitUrl(unit.text).length > 1)) {
      // A URL, or a path or name in code (bin/paiban.js), may end a line after / . - ? & = # _ (at a small cost).
      const pieces = splitUrl(unit.text)
      pieces.forEach((piece, index) => {
        const atom = wordAtom(piece, key, style, book, missing, start)
        if (index < pieces.length - 1) atom.glueNext = 'url'
        atoms.push(...(pieces.length > 1 ? [atom] : hyphenateAtom(atom, key, style, book)))
      })
    } else {
      const wordKey = `\u0000${unit.text}`
      let syllables = cache.get(wordKey) as readonly Atom[] | undefined
      if (!syllables) {
        const atom = wordAtom(unit.text, key, style, book, missing, start)
        // A word with explicit hyphens may end a line after one (Arena-|Hard), each piece hyphenated as a word.
        syllables = splitAtom(atom, splitAtHyphens(unit.text), 'explicitHyphen', key, style).flatMap((piece) => hyphenateAtom(piece, key, style, book))
        if (!atom.missing) cache.set(wordKey, syllables)
      }
      atoms.push(...syllables)
    }
  }
  return atoms
}

/**
 * Code as written: the text between runs of spaces shaped as any text, each
 * run of spaces one space atom as wide as its spaces (a tab as four), where
 * other text takes one flexible word space for any run.
 */
function shapeCode(text: string, style: ShapeStyle, book: FontBook, missing: MissingChar[]): Atom[] {
  const atoms: Atom[] = []
  const key = resolveKey(book, style.font)
  for (const match of text.matchAll(CODE_PIECES)) {
    const piece = match[0]
    if (!CODE_SPACES.test(piece)) {
      const found: MissingChar[] = []
      atoms.push(...shapeWords(piece, style, book, found))
      for (const char of found) missing.push({char: char.char, offset: char.offset + match.index!})
      continue
    }
    const columns = [...piece].reduce((sum, char) => sum + (char === '\t' ? TAB_COLUMNS : 1), 0)
    const space = spaceAtom(' ', key, style, book)
    atoms.push(makeAtom({...space, text: piece, advancePt: space.advancePt * columns}))
  }
  return atoms
}

/** Runs of spaces and tabs, and the text between them. */
const CODE_PIECES = /[ \t]+|[^ \t]+/g
const CODE_SPACES = /^[ \t]+$/
/** Spaces a tab stands for in code. */
const TAB_COLUMNS = 4

/**
 * What every atom records of its text and style. In a Western word (`word`)
 * a quotation mark is Western punctuation (`segment` put it there), of the
 * word's class: “It’s is a Latin word, not an opening bracket.
 */
function base(text: string, key: string, style: ShapeStyle, word = false): Omit<Atom, 'advancePt' | 'glyphs' | 'blankBeforePt' | 'blankAfterPt'> {
  const chars = [...text]
  const firstChar = chars[0] ?? ' '
  const lastChar = chars[chars.length - 1] ?? ' '
  const atom: Omit<Atom, 'advancePt' | 'glyphs' | 'blankBeforePt' | 'blankAfterPt'> = {
    text,
    first: word && isQuote(firstChar) ? 'latin' : charClass(firstChar),
    last: word && isQuote(lastChar) ? 'latin' : charClass(lastChar),
    firstChar,
    lastChar,
    font: key,
    sizePt: style.sizePt
  }
  if (style.dots) atom.dots = true
  if (style.strike) atom.strike = true
  if (style.href) atom.href = style.href
  if (style.superscript) atom.superscript = true
  if (style.code) atom.code = true
  return atom
}

function spaceAtom(text: string, key: string, style: ShapeStyle, book: FontBook): Atom {
  const metrics = lookup(text === '\u3000' ? '\u3000' : ' ', key, book)
  const advance = text === '' || text === LINE_BREAK ? 0 : (metrics?.advance ?? (text === '\u3000' ? 1 : 0.25))
  // The space glyph itself is kept for the text layer (a copied "vom Meer" keeps its space); layout never draws its width.
  const glyphs = text === ' ' && metrics && metrics.key === key ? [{id: metrics.id, advancePt: advance * style.sizePt, text: ' '}] : []
  return makeAtom({...base(text || '\u200B', key, style), first: 'space', last: 'space', advancePt: advance * style.sizePt, blankBeforePt: 0, blankAfterPt: 0, glyphs})
}

function cjkAtom(char: string, key: string, style: ShapeStyle, book: FontBook, missing: MissingChar[], offset: number): Atom {
  const atom = base(char, key, style)
  const metrics = lookupCluster(char, key, book)
  if (!metrics) {
    missing.push({char, offset})
    return makeAtom({...atom, advancePt: style.sizePt, blankBeforePt: 0, blankAfterPt: 0, glyphs: [], missing: true})
  }
  return makeAtom({
    ...atom,
    font: metrics.key,
    advancePt: metrics.advance * style.sizePt,
    blankBeforePt: metrics.blankBefore * style.sizePt,
    blankAfterPt: metrics.blankAfter * style.sizePt,
    glyphs: [{id: metrics.id, advancePt: metrics.advance * style.sizePt, text: char}]
  })
}

/** Text with a dash in it, whose dashes may pair into a 破折号. */
const HAS_DASH = /[\u2014\u2015]/

/** U+2E3A TWO-EM DASH: a 破折号 typed as one character. */
const TWO_EM_DASH = '\u2E3A'

/** Dash characters whose doubling is a 破折号 (GB/T 15834—2011 §4.10; 占两个字位置, §5.1.4). */
const DASHES = new Set(['\u2014', '\u2015'])

/** The units with each pair of dashes (——, ――) made one unit, left to right. */
function pairDashes(units: readonly Unit[]): Unit[] {
  const out: Unit[] = []
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!
    const next = units[i + 1]
    if (next && DASHES.has(unit.text) && DASHES.has(next.text) && !unit.join) {
      out.push({...next, text: unit.text + next.text})
      i++
    } else out.push(unit)
  }
  return out
}

/** Two-em rules, by font key and pair: the glyph of the font's full-width dash ligature, or none. */
const dashCache = new Map<string, {id: number; advance: number} | null>()

/**
 * A 破折号 as set: the font's two-em rule (Noto's full-width form of ——, one
 * unbroken line; OpenType `fwid`), so the dash fills its two character cells
 * without a gap in the middle; where the font has no such glyph, its two
 * dashes one by one.
 */
function dashAtoms(pair: string, key: string, style: ShapeStyle, book: FontBook, missing: MissingChar[], offset: number): Atom[] {
  const cacheKey = `${book.hash}\u0000${key}\u0000${pair}`
  let rule = dashCache.get(cacheKey)
  if (rule === undefined) {
    const font = fontFor(book, key)
    const run = font.availableFeatures.includes('fwid') ? font.layout(pair, ['fwid'] as unknown as string[]) : undefined
    const glyph = run?.glyphs.length === 1 ? run.glyphs[0]! : undefined
    const advance = glyph ? (run!.positions[0]?.xAdvance ?? glyph.advanceWidth) / font.unitsPerEm : 0
    rule = glyph && glyph.id !== 0 && Math.abs(advance - 2) < 0.01 ? {id: glyph.id, advance} : null
    dashCache.set(cacheKey, rule)
  }
  if (!rule) return [...pair].map((char, index) => cjkAtom(char, key, style, book, missing, offset + index))
  // The glyph's text stays as typed: the text layer reads —— or ⸺.
  return [makeAtom({...base(pair, key, style), advancePt: rule.advance * style.sizePt, blankBeforePt: 0, blankAfterPt: 0, glyphs: [{id: rule.id, advancePt: rule.advance * style.sizePt, text: pair}]})]
}

function wordAtom(word: string, key: string, style: ShapeStyle, book: FontBook, missing: MissingChar[], offset: number): Atom {
  const font = fontFor(book, key)
  // fontkit keeps one glyph object per id, with the characters it was first made for, and lays out with those:
  // a .notdef first made for an invisible character is hidden (as a space) in every later word, and a glyph two
  // characters share spells the first one. Starting from an empty table, a word's glyphs depend on the word alone.
  ;(font as unknown as {_glyphs: object})._glyphs = {}
  // A Western word's quotation marks take the font's proportional forms (OpenType `pwid`): a Chinese font's
  // default ’ is full-width, its ink at the left of a blank half em (Peter’ s).
  const proportional = [...word].some(isQuote) && font.availableFeatures.includes('pwid')
  const run = font.layout(word, (proportional ? {liga: false, clig: false, dlig: false, pwid: true} : {liga: false, clig: false, dlig: false}) as unknown as string[])
  const scale = style.sizePt / font.unitsPerEm
  const glyphs: Glyph[] = []
  let advance = 0
  let hasMissing = false
  run.glyphs.forEach((glyph, index) => {
    const xAdvance = run.positions[index]?.xAdvance ?? glyph.advanceWidth
    if (glyph.id === 0) hasMissing = true
    glyphs.push({id: glyph.id, advancePt: xAdvance * scale, text: String.fromCodePoint(...glyph.codePoints)})
    advance += xAdvance * scale
  })
  // Glyphs whose characters do not spell the word (a base and its variation selector as one glyph, an invisible
  // character hidden) are not trusted: the word is then shaped character by character.
  if (!hasMissing && glyphs.map((glyph) => glyph.text).join('') === word) return makeAtom({...base(word, key, style, true), advancePt: advance, blankBeforePt: 0, blankAfterPt: 0, glyphs})
  // Some character is not in the font: shape character by character with fallbacks.
  // The word then mixes fonts, so it becomes several atoms glued together.
  return mixedWord(word, key, style, book, missing, offset)
}

/**
 * Split a shaped word into the atoms spelling `pieces`, each but the last
 * glued to the next with `glue`; the glyphs (and the kerning between them)
 * are the word's as shaped whole. A word whose glyphs do not map one to one
 * onto its characters (a ligature, a fallback font) stays whole.
 */
function splitAtom(atom: Atom, pieces: readonly string[], glue: Atom['glueNext'], key: string, style: ShapeStyle): Atom[] {
  if (pieces.length < 2 || atom.glyphs.length !== atom.text.length || atom.missing) return [atom]
  let from = 0
  return pieces.map((text, index) => {
    const glyphs = atom.glyphs.slice(from, from + text.length)
    from += text.length
    const piece: Atom = makeAtom({...atom, ...base(text, key, style, true), font: atom.font, advancePt: glyphs.reduce((sum, glyph) => sum + glyph.advancePt, 0), glyphs})
    if (index < pieces.length - 1) {
      piece.glueNext = glue
      piece.spaceAfterPt = undefined
    }
    return piece
  })
}

/** Split a shaped word at its hyphenation points into syllable atoms that may end a line with a hyphen. */
function hyphenateAtom(atom: Atom, key: string, style: ShapeStyle, book: FontBook): Atom[] {
  const points = hyphenationPoints(atom.text)
  if (points.length === 0 || atom.glyphs.length !== atom.text.length || atom.missing) return [atom]
  const hyphenMetrics = lookup('-', key, book)
  if (!hyphenMetrics) return [atom]
  const hyphen: Atom = makeAtom({...base('-', hyphenMetrics.key, style), advancePt: hyphenMetrics.advance * style.sizePt, blankBeforePt: 0, blankAfterPt: 0, glyphs: [{id: hyphenMetrics.id, advancePt: hyphenMetrics.advance * style.sizePt, text: '-'}]})
  const ends = [...points, atom.text.length]
  const syllables = splitAtom(atom, ends.map((to, index) => atom.text.slice(index === 0 ? 0 : ends[index - 1], to)), 'hyphen', key, style)
  for (const syllable of syllables.slice(0, -1)) syllable.hyphen = hyphen
  return syllables
}

function mixedWord(word: string, key: string, style: ShapeStyle, book: FontBook, missing: MissingChar[], offset: number): Atom {
  // Keep one atom: glyphs of the primary font only; unknown characters are drawn as placeholders by marking the atom.
  const glyphs: Glyph[] = []
  let advance = 0
  let local = 0
  let anyMissing = false
  for (const char of word) {
    const metrics = lookup(char, key, book)
    if (metrics && metrics.key === key) {
      glyphs.push({id: metrics.id, advancePt: metrics.advance * style.sizePt, text: char})
      advance += metrics.advance * style.sizePt
    } else if (isDefaultIgnorable(char)) {
      // A variation selector, joiner or other invisible format character no font draws: nothing to set.
    } else {
      missing.push({char, offset: offset + local})
      anyMissing = true
      glyphs.push({id: 0, advancePt: 0.6 * style.sizePt, text: char})
      advance += 0.6 * style.sizePt
    }
    local += char.length
  }
  const atom: Atom = makeAtom({...base(word, key, style, true), advancePt: advance, blankBeforePt: 0, blankAfterPt: 0, glyphs})
  if (anyMissing) atom.missing = true
  return atom
}

/** Look up a grapheme cluster (one character, or an emoji sequence: its first code point). */
function lookupCluster(cluster: string, key: string, book: FontBook): CharMetrics | null {
  const first = String.fromCodePoint(cluster.codePointAt(0)!)
  return lookup(first, key, book)
}

/** Find `char` in the font of `key`, then in the fallback chain (黑/宋, then user and system fallbacks). */
function lookup(char: string, key: string, book: FontBook): CharMetrics | null {
  const cacheKey = `${book.hash}\u0000${key}\u0000${char}`
  const cached = charCache.get(cacheKey)
  if (cached !== undefined) return cached
  const chain = [key, key.startsWith('hei') ? 'song' : 'hei', ...book.fallbacks]
  let result: CharMetrics | null = null
  for (const candidate of chain) {
    const font = fontFor(book, candidate)
    const cp = char.codePointAt(0)!
    if (!font.hasGlyphForCodePoint(cp)) continue
    const glyph = font.glyphForCodePoint(cp)
    if (glyph.id === 0) continue
    const em = font.unitsPerEm
    const blanks = blankHalves(char, font)
    result = {key: resolveKey(book, candidate), id: glyph.id, advance: glyph.advanceWidth / em, blankBefore: blanks.before, blankAfter: blanks.after}
    break
  }
  charCache.set(cacheKey, result)
  return result
}

/**
 * Where the blank half of a full-width mark sits, read from the font's own
 * `halt` feature (OpenType "Alternate Half Widths"): the half-width alternate's
 * offset tells which side is blank. Falls back to GB positions.
 */
function blankHalves(char: string, font: ReturnType<typeof fontFor>): {before: number; after: number} {
  const cls = charClass(char)
  if (!isCjkPunctuation(cls)) return {before: 0, after: 0}
  const em = font.unitsPerEm
  const full = font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth
  if (full < em * 0.9) return {before: 0, after: 0} // already proportional (a Latin-style quote)
  if (font.availableFeatures.includes('halt')) {
    const run = font.layout(char, ['halt'])
    const position = run.positions[0]
    if (position && position.xAdvance < full) {
      const before = -position.xOffset / em
      const after = (full - position.xAdvance) / em - before
      return {before: Math.max(0, before), after: Math.max(0, after)}
    }
  }
  return GB_BLANKS[cls] ?? {before: 0, after: 0}
}
