import type {Atom} from '../text/atom.js'
import {canBreakBetween, isInseparable, type KinsokuLevel} from '../text/kinsoku.js'
import {isCjkPunctuation} from '../text/char-class.js'
import {ADJACENT_PAIR_EM, STYLE_KEEPS, type PunctuationStyle} from '../text/punctuation.js'

/**
 * The glue and break opportunity between two atoms. A break here drops the
 * whole junction: the left atom's trailing blank (so line-end punctuation
 * takes ½ em, GB/T 15834 §5.1.10), the right atom's leading blank (an opening
 * bracket at line start loses its ½ em, clreq §3.1.6) and any spacing.
 */
export interface Junction {
  /** Natural width in pt. */
  widthPt: number
  /** Maximum shrink per reduction level (clreq reduction priority), pt. */
  shrinkPt: [number, number, number]
  /** Maximum stretch per expansion level before even spacing: word spaces, then Han–Latin, pt. */
  stretchPt: [number, number]
  /** May take even inter-character expansion (never inside ——/……). */
  spread: boolean
  /** 0 = free break, Infinity = prohibited, between = discouraged. */
  penalty: number
  /** A hyphen to draw at the line end when the line breaks here (inside a Latin word). */
  hyphen?: Atom
}

/** Options of the junction builder, from the template. */
export interface JunctionOptions {
  kinsoku: KinsokuLevel
  punctuation: PunctuationStyle
  /** Han–Latin spacing: natural, minimum and maximum in em (clreq §3.2.1: ¼ em; ⅛–⅓ flexible). */
  cjkLatinEm: {natural: number; min: number; max: number}
}

/** Penalties, in Knuth–Plass units. */
export const PENALTY = {
  /** A hyphenation point in a Latin word (TeX \hyphenpenalty 50); consecutive hyphens cost more in the breaker. */
  hyphen: 50,
  /** A URL piece boundary: fine but not free. */
  url: 50,
  /** Inside a Latin word or number: only when nothing else fits. */
  emergency: 5000,
  /**
   * Between a number and the Chinese measure word after it (2022年, 6类):
   * discouraged, not forbidden. The unit symbols of jlreq cl-13/cl-25 (℃ ％ ㎏ …)
   * never part from their number; a measure word is an ordinary ideograph, and
   * the breaker takes 2022|年 only instead of a line letter-spaced by more
   * than about ⅖ em per gap (a loose line is the worse fault in a 13-character column).
   */
  numberUnit: 400,
  /** Between a number and a unit symbol after it (3㎏, jlreq cl-25): never. */
  numberSymbol: Infinity
} as const

/** Word spaces: minimum and maximum in em (clreq reduction/expansion priority 1). */
const WORD_SPACE_MIN_EM = 0.2
const WORD_SPACE_MAX_EM = 0.5

/** Spaces at least this wide (em) are ideographic spaces, a character wide (U+3000, U+2003), not word spaces. */
const FIXED_SPACE_EM = 0.75
/** Share of its width an ideographic space keeps in a tight line. */
const FIXED_SPACE_MIN_SHARE = 0.5
/** How much an ideographic space may widen in a loose line, as a share of its width. */
const FIXED_SPACE_MAX_STRETCH = 1

/** Space widths below this come from U+200B: they only mark a break opportunity. */
const ZERO_WIDTH_SPACE_PT = 0.01

/** Is this atom a Latin word, digit run or piece of one? */
function isLatin(atom: Atom): boolean {
  return atom.first === 'latin' || atom.last === 'latin'
}

/**
 * Build the junction between each pair of adjacent atoms: junction `i` lies
 * between `atoms[i]` and `atoms[i + 1]`.
 */
export function buildJunctions(atoms: readonly Atom[], options: JunctionOptions): Junction[] {
  const junctions: Junction[] = []
  const keeps = STYLE_KEEPS[options.punctuation]
  const centred = options.punctuation === 'centred'
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i]!
    const b = atoms[i + 1]!
    const size = Math.max(a.sizePt, b.sizePt)
    let widthPt = 0
    let shrink0 = 0
    let shrink1 = 0
    let shrink2 = 0
    let stretch0 = 0
    let stretch1 = 0
    let spread = true
    let penalty = 0
    let hyphen: Atom | undefined

    // Code is set as written: its marks keep their blanks, its spaces their width, and nothing in it
    // stretches, shrinks or takes the Han–Latin gap (which still parts it from the text around it).
    const space = a.spaceAfterPt ?? 0
    if (a.code === true && b.code === true) {
      widthPt = a.blankAfterPt + b.blankBeforePt + space
      spread = false
    } else {
      // Blanks of full-width punctuation meeting here, as the style keeps them.
      const after = a.blankAfterPt * (keeps[a.last] ?? 1)
      const before = b.blankBeforePt * (keeps[b.first] ?? 1)
      let blank = after + before
      if (!centred && isCjkPunctuation(a.last) && isCjkPunctuation(b.first)) {
        // Adjacent punctuation: the two marks take at most 1.5 em together (clreq §3.1.5),
        // whatever each keeps alone in the style (quanjiao 。” and kaiming ？！ alike).
        const keptBeforeA = a.blankBeforePt * (keeps[a.first] ?? 1)
        const keptAfterB = b.blankAfterPt * (keeps[b.last] ?? 1)
        const occupancy = keptBeforeA + atomWidth(a) + blank + atomWidth(b) + keptAfterB
        blank -= Math.min(blank, Math.max(0, occupancy - ADJACENT_PAIR_EM * size))
      }
      widthPt = blank
      if (!centred && blank > 0) {
        // Remaining blanks may shrink: 。？！ last (clreq reduction priority 7), the others first.
        const stopShare = a.last === 'stop' ? Math.min(after, blank) : 0
        shrink0 += blank - stopShare
        shrink2 += stopShare
      }

      if (space > 0 && space < ZERO_WIDTH_SPACE_PT) {
        // A zero-width space (U+200B): a break opportunity, nothing else.
      } else if (space >= FIXED_SPACE_EM * size) {
        // An ideographic space (U+3000, or an em space) is a character's width, not a word space: it gives up
        // at most half its width, last (with 。？！), so a tight line never squeezes it to nothing (第七条　奏唱…).
        // A loose line widens it first, up to twice its width, as it does a word space (clreq expansion
        // priority 1), rather than letter-space the text on either side (第 十 六 条　本 法 自).
        widthPt += space
        shrink2 += space * (1 - FIXED_SPACE_MIN_SHARE)
        stretch0 += space * FIXED_SPACE_MAX_STRETCH
        spread = false
      } else if (space > 0 && (isCjkPunctuation(a.last) || isCjkPunctuation(b.first))) {
        // A space typed beside full-width punctuation (`https://… 。`, ending an autolink; `（ see`): the mark's own
        // blank half parts it from the Latin text, and no space is set next to Chinese commas and stops or inside
        // Chinese brackets (clreq §3.2.1). Still a break opportunity where kinsoku allows one.
      } else if (space > 0) {
        // A word space (clreq expansion priority 1): shrinks to ⅕ em, stretches to ½ em.
        widthPt += space
        shrink0 += Math.max(0, space - WORD_SPACE_MIN_EM * size)
        stretch0 += Math.max(0, WORD_SPACE_MAX_EM * size - space)
        spread = false
      } else if (((isLatin(a) && b.first === 'han') || (a.last === 'han' && isLatin(b))) && !a.superscript && !b.superscript) {
        // Han–Latin spacing (clreq §3.2.1 "mixed text composition"): ¼ em, flexible ⅛–⅓ em.
        // Not at a footnote call (几点[1]): set small and raised, it belongs to the character it follows.
        const em = options.cjkLatinEm
        widthPt += em.natural * size
        shrink1 += (em.natural - em.min) * size
        stretch1 += (em.max - em.natural) * size
        // The gap flexes only within ⅛–⅓ em; even spacing goes to the other gaps.
        spread = false
      }
    }

    // Break opportunity.
    if (isInseparable(a.lastChar, b.firstChar)) {
      penalty = Infinity
      spread = false
    } else if (a.glueNext === 'hyphen' && a.hyphen) {
      penalty = PENALTY.hyphen
      spread = false
      hyphen = a.hyphen
    } else if (a.glueNext === 'explicitHyphen') {
      // After a word's own hyphen (Arena-|Hard): as good a break as a hyphenation point, and no hyphen added.
      penalty = PENALTY.hyphen
      spread = false
    } else if (a.glueNext === 'join') {
      // U+2060 WORD JOINER stood here.
      penalty = Infinity
    } else if (a.glueNext === 'url') {
      penalty = PENALTY.url
    } else if (a.glueNext === 'emergency') {
      penalty = PENALTY.emergency
      spread = false
    } else if (isLatin(a) && isLatin(b) && space === 0) {
      penalty = PENALTY.emergency
      spread = false
    } else if (a.lastChar === '\u00A0' || b.firstChar === '\u00A0') {
      // A no-break space joins what stands on either side of it.
      penalty = Infinity
    } else if (!canBreakBetween(a.lastChar, b.firstChar, options.kinsoku)) {
      penalty = Infinity
    } else if (DIGIT.test(a.lastChar) && (FULL_WIDTH_DIGIT.test(b.firstChar) || UNIT_SYMBOL.test(b.firstChar))) {
      // A number stays whole (２０２２) and with a unit symbol after it (3㎏).
      penalty = PENALTY.numberSymbol
    } else if (RANGE.has(a.text) && DIGIT.test(b.firstChar) && DIGIT.test(atoms[i - 1]?.lastChar ?? '')) {
      // A range of numbers (8～10℃, 1—2月) keeps together as a number keeps its measure word: parted only
      // instead of a line far too loose (the 连接号 itself never starts a line, GB/T 15834—2011 §5.1.6).
      penalty = PENALTY.numberUnit
    } else if (a.lastChar === RATIO && DIGIT.test(b.firstChar)) {
      // A ratio stays whole as a number does (5.3∶41.3∶53.4): parted only when nothing else fits.
      penalty = PENALTY.emergency
      spread = false
    } else if (DIGIT.test(a.lastChar) && b.first === 'han') {
      // A number keeps its measure word (2022年) unless the line would be far too loose.
      penalty = PENALTY.numberUnit
    } else if (b.text === '—' && a.lastChar !== '—' && atoms[i + 2]?.firstChar !== '—') {
      // A lone 一字线 connector (1949—2019) never starts a line (GB/T 15834 §5.1.6).
      penalty = Infinity
    }
    // Most junctions (between two Han characters) are plain free breaks: share one object for them.
    if (widthPt === 0 && shrink0 === 0 && shrink1 === 0 && shrink2 === 0 && stretch0 === 0 && stretch1 === 0 && spread && penalty === 0 && !hyphen) junctions.push(FREE_BREAK)
    else junctions.push({widthPt, shrinkPt: [shrink0, shrink1, shrink2], stretchPt: [stretch0, stretch1], spread, penalty, hyphen})
  }
  return junctions
}

/** The junction between two Han characters: no glue, a free break (shared, never changed). */
const FREE_BREAK: Junction = Object.freeze({widthPt: 0, shrinkPt: [0, 0, 0], stretchPt: [0, 0], spread: true, penalty: 0, hyphen: undefined}) as Junction

const DIGIT = /^[0-9０-９]$/
/** 连接号 that join two numbers into a range: 浪纹线 and 一字线 (GB/T 15834—2011 §4.13). */
const RANGE = new Set(['～', '〜', '—'])
/** The ratio sign (比号, U+2236). */
const RATIO = '\u2236'
const FULL_WIDTH_DIGIT = /^[０-９]$/
/** CJK compatibility unit symbols (㎏ ㎡ ㎞ ℃-like squares, jlreq cl-25). */
const UNIT_SYMBOL = /^[\u3371-\u337a\u3380-\u33df\u33ff]$/

/** Width of an atom in a line: its advance without the blanks that junctions carry. */
export function atomWidth(atom: Atom): number {
  return atom.advancePt - atom.blankBeforePt - atom.blankAfterPt
}
