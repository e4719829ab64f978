/**
 * Character classes for Chinese line composition, after the clreq punctuation
 * tables (W3C clreq §3.1 and appendix "Tables of Chinese punctuation marks")
 * and GB/T 15834—2011. Pure functions of a code point; no fonts.
 */
export type CharClass =
  | 'han' // ideographs, kana, hangul, full-width letters: 1 em, breakable on both sides
  | 'open' // opening brackets and quotes (blank on the left in GB glyphs)
  | 'close' // closing brackets and quotes (blank on the right)
  | 'pause' // 点号 inside a sentence: ，、；：
  | 'stop' // 点号 at a sentence end: 。．？！
  | 'dash' // 破折号 halves: — ― ⸺
  | 'ellipsis' // 省略号 halves: … ⋯
  | 'middot' // 间隔号: · ・ ‧
  | 'connector' // 连接号: ～ 〜 –
  | 'latin' // letters, digits and Western punctuation: set in proportional runs
  | 'space' // breakable white space
  | 'other' // symbols, emoji

const OPEN = new Set([...'“‘「『（《〈【〖〔［｛｟〘«〝'])
const CLOSE = new Set([...'”’」』）》〉】〗〕］｝｠〙»〟'])
const PAUSE = new Set([...'，、；：'])
const STOP = new Set([...'。．？！‼⁇⁈⁉'])
const DASH = new Set([...'—―⸺'])
const ELLIPSIS = new Set([...'…⋯‥'])
const MIDDOT = new Set([...'·・‧'])
const CONNECTOR = new Set([...'～〜–'])

/** The classes, numbered from 1 for `bmpClasses` (0: not yet classified). */
const CLASSES: readonly CharClass[] = ['han', 'open', 'close', 'pause', 'stop', 'dash', 'ellipsis', 'middot', 'connector', 'latin', 'space', 'other']
const CLASS_NUMBER = new Map(CLASSES.map((cls, index) => [cls, index + 1]))

/**
 * Classes of the characters of the Basic Multilingual Plane met so far, by
 * UTF-16 code unit: layout asks for one class per character it sets, and a
 * typed array answers without hashing the character's string (a string-keyed
 * map cost some 1 % of a distinct article's instructions).
 */
const bmpClasses = new Uint8Array(0x10000)
/** Characters outside it (and clusters), remembered by string. */
const classCache = new Map<string, CharClass>()

/** Classify one code point (a string of one character). */
export function charClass(char: string): CharClass {
  if (char.length === 1) {
    const code = char.charCodeAt(0)
    let number = bmpClasses[code]!
    if (number === 0) bmpClasses[code] = number = CLASS_NUMBER.get(classify(char))!
    return CLASSES[number - 1]!
  }
  let cls = classCache.get(char)
  if (cls === undefined) {
    cls = classify(char)
    if (classCache.size < CLASS_CACHE_LIMIT) classCache.set(char, cls)
  }
  return cls
}

/** Distinct characters beyond the BMP whose class is remembered (a few in practice). */
const CLASS_CACHE_LIMIT = 65536

function classify(char: string): CharClass {
  if (OPEN.has(char)) return 'open'
  if (CLOSE.has(char)) return 'close'
  if (PAUSE.has(char)) return 'pause'
  if (STOP.has(char)) return 'stop'
  if (DASH.has(char)) return 'dash'
  if (ELLIPSIS.has(char)) return 'ellipsis'
  if (MIDDOT.has(char)) return 'middot'
  if (CONNECTOR.has(char)) return 'connector'
  const cp = char.codePointAt(0) ?? 0
  if (isWhiteSpace(cp)) return 'space'
  if (isHan(cp) || isKanaOrHangul(cp) || isFullwidthForm(cp)) return 'han'
  if (cp < 0x2000 || (cp >= 0x2070 && cp < 0x2190)) return 'latin'
  return 'other'
}

/** Is `cp` a CJK ideograph (URO, Ext A–H, compatibility) or 〇/々? */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f) ||
    cp === 0x3007 ||
    cp === 0x3005 ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x31c0 && cp <= 0x31ef)
  )
}

function isKanaOrHangul(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x3130 && cp <= 0x318f)
}

function isFullwidthForm(cp: number): boolean {
  // Full-width letters and digits (FF10–FF5A) and other full-width symbols set on the 1-em grid.
  return (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x3200 && cp <= 0x33ff)
}

/**
 * East Asian Wide and Fullwidth characters (UAX #11): Han, kana, bopomofo,
 * CJK symbols and punctuation, full-width forms; Hangul excepted, as Korean
 * spaces its words. Ambiguous-width marks (— … “ ”) are not wide.
 */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2E80-\u2FDF\u2FF0-\u2FFF\u3000-\u303F\u3099-\u30FF\u3190-\u31FF\u3200-\u33FF\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6]/u

/** Is `char` (one code point) East Asian Wide or Fullwidth, Hangul excepted? */
export function isEastAsianWide(char: string): boolean {
  return WIDE.test(char)
}

/** White space that separates words (not NBSP, which joins them). */
export function isWhiteSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a && cp !== 0x2007)
}

/** Is `char` full-width CJK punctuation with a blank half (compressible)? */
export function isCjkPunctuation(cls: CharClass): boolean {
  return cls === 'open' || cls === 'close' || cls === 'pause' || cls === 'stop' || cls === 'middot'
}

/** Is `char` a CJK letter (takes ¼ em from adjacent Latin)? */
export function isCjkLetter(cls: CharClass): boolean {
  return cls === 'han'
}

/**
 * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): format
 * characters a renderer shows nothing for when no font has them, as HarfBuzz
 * and fontkit do.
 */
const DEFAULT_IGNORABLE = /^(?:[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|[\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}])$/u

/** Is `char` (one code point) default-ignorable: nothing to draw when no font has it? */
export function isDefaultIgnorable(char: string): boolean {
  return DEFAULT_IGNORABLE.test(char)
}
