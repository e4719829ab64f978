/**
 * Line-start and line-end prohibition (避头尾, kinsoku) as tables.
 *
 * Sources: W3C clreq §3.1.7 "Prohibition rules for line start and line end"
 * (levels none/basic/GB/strict), GB/T 15834—2011 §5.1.1–5.1.10, jlreq
 * cl-01…cl-08 for the extra marks. Levels are cumulative.
 */
export type KinsokuLevel = 'basic' | 'GB' | 'strict' | 'newspaper'

/** Marks that must not start a line at the basic level (clreq "basic"; GB 5.1.1–5.1.3, 5.1.6, 5.1.7, 5.1.9). */
const NO_START_BASIC = new Set([
  // 点号 (GB 5.1.1, 5.1.2)
  ...'。．，、：；！？‼⁇⁈⁉',
  // closing brackets and quotes (GB 5.1.3; jlreq cl-02 adds ｠〙»〟)
  ...'”’」』）》〉】〗〕］｝｠〙»〟',
  // connectors, interpuncts, solidi (GB 5.1.6, 5.1.7, 5.1.9)
  ...'～〜–·・‧/／',
  // the ratio sign (比号, 1∶50000): a colon between numbers, which no line starts with (GB 5.1.1)
  ...'∶',
  // half-width closing punctuation met in web copy; the hyphen-minus as a connector (TYPOGRAPHY.md §1.2)
  ...',.:;!?)]}%‰℃°′″-',
  // iteration marks and small kana (jlreq cl-06, cl-11)
  ...'々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'
])

/** Marks that must not end a line (clreq "basic"; GB 5.1.3; jlreq cl-01 adds ｟〘«〝), and currency/number prefixes (jlreq cl-12). */
const NO_END_BASIC = new Set([...'“‘「『（《〈【〖〔［｛｟〘«〝([{', ...'￥＄￡€$£¥#＃№'])

/** GB level adds the solidus at line end (GB 5.1.9). */
const NO_END_GB = new Set([...NO_END_BASIC, ...'/／'])

/** Strict level forbids 破折号 and 省略号 at line start too (clreq "strict"). */
const NO_START_STRICT = new Set([...NO_START_BASIC, ...'—―⸺…⋯'])

/**
 * Newspaper relaxation: ？！ may start a line in short newspaper measures
 * (jlreq "Characters Not Starting a Line", note on newspapers; CSS
 * `line-break: loose`). Everything else stays at the GB level.
 */
const NO_START_NEWSPAPER = new Set([...NO_START_BASIC].filter((char) => !'？！‼⁇⁈⁉!?'.includes(char)))

/** Pairs that are never split at any level: 破折号 and 省略号 halves (GB 5.1.4, 5.1.5; jlreq cl-08). */
const INSEPARABLE = new Set(['——', '――', '⸺⸺', '……', '⋯⋯', '‥‥', '—―', '―—'])

/**
 * The tables above as flags by UTF-16 code unit (every mark in them is one
 * code unit): the line breaker asks these questions of every pair of
 * characters it meets, and a typed array answers them without hashing a
 * string each time.
 */
const FLAG = {noStartBasic: 1, noStartStrict: 2, noStartNewspaper: 4, noEndBasic: 8, noEndGb: 16, pairHalf: 32} as const

const FLAGS = flagTable([
  [NO_START_BASIC, FLAG.noStartBasic],
  [NO_START_STRICT, FLAG.noStartStrict],
  [NO_START_NEWSPAPER, FLAG.noStartNewspaper],
  [NO_END_BASIC, FLAG.noEndBasic],
  [NO_END_GB, FLAG.noEndGb],
  [new Set([...INSEPARABLE].map((pair) => pair[0]!)), FLAG.pairHalf]
])

function flagTable(tables: ReadonlyArray<readonly [ReadonlySet<string>, number]>): Uint8Array {
  const flags = new Uint8Array(0x10000)
  for (const [chars, flag] of tables) {
    for (const char of chars) {
      if (char.length !== 1) throw new Error(`kinsoku table entry ${char} is not one UTF-16 code unit`)
      flags[char.charCodeAt(0)]! |= flag
    }
  }
  return flags
}

/** Has `char` (one character) the flag? Characters of two code units are in none of the tables. */
function flagged(char: string, flag: number): boolean {
  return char.length === 1 && (FLAGS[char.charCodeAt(0)]! & flag) !== 0
}

/** Must `char` not start a line at `level`? */
export function isNoStart(char: string, level: KinsokuLevel): boolean {
  return flagged(char, level === 'strict' ? FLAG.noStartStrict : level === 'newspaper' ? FLAG.noStartNewspaper : FLAG.noStartBasic)
}

/** Must `char` not end a line at `level`? */
export function isNoEnd(char: string, level: KinsokuLevel): boolean {
  return flagged(char, level === 'basic' ? FLAG.noEndBasic : FLAG.noEndGb)
}

/** Are `before` and `after` halves of one 破折号/省略号 that never split? */
export function isInseparable(before: string, after: string): boolean {
  return flagged(before, FLAG.pairHalf) && INSEPARABLE.has(before + after)
}

/**
 * May a line break fall between `before` (last char of one unit) and
 * `after` (first char of the next) at `level`? SILE-style pairwise predicate.
 */
export function canBreakBetween(before: string, after: string, level: KinsokuLevel): boolean {
  if (isInseparable(before, after)) return false
  if (isNoEnd(before, level)) return false
  if (isNoStart(after, level)) return false
  return true
}
