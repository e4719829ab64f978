import type {Atom} from '../text/atom.js'
import type {Junction} from './junctions.js'
import {atomWidth} from './junctions.js'

/** Where one line ends, and how it had to be adjusted. */
export interface Breakpoint {
  /** Index of the line's first atom. */
  start: number
  /** Index of the line's last atom (inclusive). */
  end: number
  /** Knuth–Plass adjustment ratio: < 0 shrunk, > 0 stretched, 0 natural. */
  ratio: number
  /** `normal`, `final` (paragraph end), `emergency` (a prohibited or in-word break was needed). */
  kind: 'normal' | 'final' | 'emergency'
}

/** Measures for one paragraph. */
export interface BreakOptions {
  /** Full measure in pt (an integer number of body characters). */
  measurePt: number
  /** Indent of the first line and of the other lines, pt. */
  firstIndentPt: number
  restIndentPt: number
  /** The em used for stretch estimates (body size), pt. */
  emPt: number
  /** `optimal` (Knuth–Plass total fit) or `greedy` (first fit). */
  strategy?: 'optimal' | 'greedy'
  /** Blank kept before the paragraph's first atom (default: all of it). */
  leadBlankPt?: number
  /**
   * TeX's \looseness: -1 asks for the fewest lines the shrink allows, +1 for
   * more lines with no line looser than ratio 1 (default: 0, best fit). Flow
   * uses it to remove widows and orphans.
   */
  looseness?: -1 | 0 | 1
  /** Ratio beyond which lines are left to a second search (default `TOLERANCE`; Infinity: one full search). Tests compare the two. */
  tolerance?: number
}

/**
 * Tuning constants (Knuth & Plass 1981, "Breaking paragraphs into lines";
 * values as in TeX unless said).
 */
const LINE_PENALTY = 10
/** Demerits for two hyphenated lines in a row (TeX \doublehyphendemerits). */
const DOUBLE_HYPHEN_DEMERITS = 10000
/** Demerits added when adjacent lines differ by more than one fitness class. */
const FITNESS_DEMERITS = 3000
/** Shrinking costs less than stretching: clreq's 先挤进，后推出 (push in first). */
const SHRINK_WEIGHT = 0.4
/** A paragraph's last line with a single character (孤字, clreq §3.7 orphans) is all but forbidden. */
const LONELY_DEMERITS = 1e9
/** Even inter-character expansion at which a line counts as "loose" (ratio 1), em per gap. */
const SPREAD_UNIT_EM = 0.25
/** Demerits added (or, loosening, removed) per line when a looseness is asked for: dominates everything but 孤字. */
const LOOSENESS_BIAS = 1e8

/** Loosening a paragraph by a line may not stretch any line past this ratio (⅛ em per gap). */
const LOOSEN_MAX_RATIO = 0.5

/** Penalties at or above this are last-resort breaks (prohibited by kinsoku, or inside a word). */
const PENALTY_EMERGENCY = 1000

/**
 * Adjustment ratio beyond which a line is tried only when nothing better
 * exists (TeX's \tolerance, as a ratio). A paragraph costing less than one
 * line at this ratio, (LINE_PENALTY + 100 · TOLERANCE³)², has no line looser.
 */
const TOLERANCE = 3

/** Paragraphs longer than this many atoms break greedily (pathological input). */
const OPTIMAL_LIMIT = 20000

/** Prefix sums over atoms and junctions for O(1) line measures. */
interface Sums {
  width: Float64Array
  shrink: Float64Array
  stretch: Float64Array
  spread: Int32Array
  letters: Int32Array
}

function prefixSums(atoms: readonly Atom[], junctions: readonly Junction[]): Sums {
  const n = atoms.length
  const sums: Sums = {
    width: new Float64Array(2 * n + 1),
    shrink: new Float64Array(2 * n + 1),
    stretch: new Float64Array(2 * n + 1),
    spread: new Int32Array(2 * n + 1),
    letters: new Int32Array(n + 1)
  }
  // Index 2i: before atom i; 2i+1: after atom i, before junction i.
  for (let i = 0; i < n; i++) {
    const atom = atoms[i]!
    const junction = junctions[i]
    sums.width[2 * i + 1] = sums.width[2 * i]! + atomWidth(atom)
    sums.shrink[2 * i + 1] = sums.shrink[2 * i]!
    sums.stretch[2 * i + 1] = sums.stretch[2 * i]!
    sums.spread[2 * i + 1] = sums.spread[2 * i]!
    sums.width[2 * i + 2] = sums.width[2 * i + 1]! + (junction?.widthPt ?? 0)
    sums.shrink[2 * i + 2] = sums.shrink[2 * i + 1]! + (junction ? junction.shrinkPt[0] + junction.shrinkPt[1] + junction.shrinkPt[2] : 0)
    sums.stretch[2 * i + 2] = sums.stretch[2 * i + 1]! + (junction ? junction.stretchPt[0] + junction.stretchPt[1] : 0)
    sums.spread[2 * i + 2] = sums.spread[2 * i + 1]! + (junction?.spread ? 1 : 0)
    sums.letters[i + 1] = sums.letters[i]! + (atom.first === 'han' || atom.first === 'latin' || atom.first === 'other' ? 1 : 0)
  }
  return sums
}

/** Natural width, shrink, stretch and spread gaps of the line of atoms s..e. */
function measureLine(sums: Sums, atoms: readonly Atom[], s: number, e: number, leadBlankPt = atoms[0]!.blankBeforePt) {
  const from = 2 * s
  const to = 2 * e + 1
  return {
    natural: sums.width[to]! - sums.width[from]! + (s === 0 ? leadBlankPt : 0),
    shrink: sums.shrink[to - 1]! - sums.shrink[from]!,
    stretch: sums.stretch[to - 1]! - sums.stretch[from]!,
    spread: sums.spread[to - 1]! - sums.spread[from]!
  }
}

/**
 * Break a paragraph's atoms into lines.
 *
 * Control flow: (1) prefix sums of widths, shrink and stretch; (2) Knuth–Plass
 * total fit over every allowed junction, one best node per (break, fitness
 * class), with shrink cheaper than stretch (push in before pushing out) and a
 * 孤字 penalty on a one-character last line; (3) if no feasible path exists
 * (kinsoku forbids every break somewhere), run again with prohibited breaks
 * allowed at a high cost, so text is never lost; (4) greedy for huge input.
 */
export function breakLines(atoms: readonly Atom[], junctions: readonly Junction[], options: BreakOptions): Breakpoint[] {
  if (atoms.length === 0) return []
  const sums = prefixSums(atoms, junctions)
  if ((options.strategy ?? 'optimal') === 'optimal' && atoms.length <= OPTIMAL_LIMIT) {
    // First without lines looser than TOLERANCE (TeX's \tolerance: they are never part of a good
    // paragraph, and skipping them halves the search). Its answer is the optimum unless the best it
    // found costs as much as one such line; then the full search decides, so the result is the same.
    const tolerance = options.tolerance ?? TOLERANCE
    const fast = tolerance < Infinity ? breakOptimal(atoms, junctions, sums, options, false, tolerance) : undefined
    if (fast && fast.demerits < (LINE_PENALTY + 100 * tolerance ** 3) ** 2) return fast.breaks
    const strict = breakOptimal(atoms, junctions, sums, options, false, Infinity)
    if (strict) return strict.breaks
    const relaxed = breakOptimal(atoms, junctions, sums, options, true, Infinity)
    if (relaxed) return relaxed.breaks
  }
  return breakGreedy(atoms, junctions, sums, options)
}

function fitnessOf(ratio: number): number {
  if (ratio < -0.5) return 0
  if (ratio <= 0.5) return 1
  if (ratio <= 1) return 2
  return 3
}

function breakOptimal(atoms: readonly Atom[], junctions: readonly Junction[], sums: Sums, options: BreakOptions, relaxed: boolean, tolerance: number): {breaks: Breakpoint[]; demerits: number} | undefined {
  const n = atoms.length
  // One best path per (break after atom e, fitness class of its last line), in slot e * 4 + fitness.
  // A slot is written only while e is the current break, and read only for earlier breaks,
  // so the best paths live in flat typed arrays without node objects.
  const {demeritsOf, previousOf, startOf, ratioOf, emergencyOf, reachable} = scratchFor(n)
  const penaltyAt = (e: number): number => {
    if (e === n - 1) return 0
    const p = junctions[e]!.penalty
    return p === Infinity ? (relaxed ? 1e5 : Infinity) : p
  }
  const totalLetters = sums.letters[n]!
  const {width, shrink: shrinkSums, stretch: stretchSums, spread: spreadSums, letters} = sums
  const lead = options.leadBlankPt ?? atoms[0]!.blankBeforePt
  const firstAvailable = options.measurePt - options.firstIndentPt
  const restAvailable = options.measurePt - options.restIndentPt
  const spreadPt = SPREAD_UNIT_EM * options.emPt
  const bias = (options.looseness ?? 0) * LOOSENESS_BIAS
  const loosen = options.looseness === 1
  const hanging = options.firstIndentPt < options.restIndentPt
  // reachable[s]: some line may start at atom s (s = 0, or a best path ends at s - 1).
  reachable[0] = 1
  // Is the line s..e (s ≥ 1) long enough to be set at a ratio within the tolerance?
  const longEnough = (s: number, to: number, hyphenPt: number): boolean => {
    const from = 2 * s
    const natural = width[to]! - width[from]! + hyphenPt
    const capacity = stretchSums[to - 1]! - stretchSums[from]! + (spreadSums[to - 1]! - spreadSums[from]!) * spreadPt
    return natural + tolerance * capacity >= restAvailable - 1e-6
  }
  // The latest start (≥ 1) of a line long enough; it only moves on as e does.
  let top = 1
  for (let e = 0; e < n; e++) {
    const penalty = penaltyAt(e)
    if (penalty === Infinity) continue
    const final = e === n - 1
    const to = 2 * e + 1
    const hyphenPt = final ? 0 : (junctions[e]!.hyphen?.advancePt ?? 0)
    const penaltyDemerits = penalty > 0 ? penalty * penalty : 0
    const hyphenHere = !final && junctions[e]!.hyphen !== undefined
    const forced = relaxed && junctions[e]?.penalty === Infinity
    // Lines starting after `top` would be looser than the tolerance (a final line may be short).
    let first = e
    if (!final && tolerance < Infinity && e >= 1) {
      if (top > e) top = e
      while (top < e && longEnough(top + 1, to, hyphenPt)) top++
      first = longEnough(top, to, hyphenPt) ? top : 0
    }
    for (let s = first; s >= 0; s--) {
      // The line s..e must start after a break (or at 0). Measures come from the prefix sums, without allocating.
      const available = s === 0 ? firstAvailable : restAvailable
      const from = 2 * s
      const natural = width[to]! - width[from]! + (s === 0 ? lead : 0) + hyphenPt
      const shrink = shrinkSums[to - 1]! - shrinkSums[from]!
      const minimum = natural - shrink
      const overfull = minimum > available + 1e-6
      // A single atom too wide for any line still has to go somewhere (relaxed pass only).
      if (overfull && !(s === e && relaxed)) {
        // Too long even fully shrunk. Longer lines fit even less, except the first line
        // when it is wider than the rest (a hanging indent): try it, then stop.
        if (s >= 1 && hanging) {
          s = 1
          continue
        }
        break
      }
      if (!reachable[s]) continue
      const diff = available - natural
      let ratio = 0
      let badness = 0
      if (diff < -1e-6) {
        ratio = shrink > 0 ? Math.max(-1, diff / shrink) : -1
        badness = -100 * ratio * ratio * ratio * SHRINK_WEIGHT + (overfull ? 1e6 : 0)
      } else if (!final && diff > 1e-6) {
        const capacity = stretchSums[to - 1]! - stretchSums[from]! + (spreadSums[to - 1]! - spreadSums[from]!) * spreadPt
        ratio = capacity > 0 ? diff / capacity : 10
        badness = ratio > 10 ? 1e5 : Math.min(100 * ratio * ratio * ratio, 1e5)
      }
      if (loosen && !final && ratio > LOOSEN_MAX_RATIO) continue
      // Plain products: V8 turns `**` into a slow pow call in this, the hottest loop of layout.
      const lineDemerits = LINE_PENALTY + badness
      let demerits = lineDemerits * lineDemerits + penaltyDemerits - bias
      if (final && s > 0 && totalLetters - letters[s]! < 2 && totalLetters >= 4) demerits += LONELY_DEMERITS
      const fitness = final && diff >= 0 ? 1 : fitnessOf(ratio)
      const target = e * 4 + fitness
      const emergency = forced || overfull || (penalty >= 1000 && !final) ? 1 : 0
      if (s === 0) {
        if (demerits < demeritsOf[target]!) {
          demeritsOf[target] = demerits
          previousOf[target] = -1
          startOf[target] = 0
          ratioOf[target] = ratio
          emergencyOf[target] = emergency
          reachable[e + 1] = 1
        }
        continue
      }
      const base = (s - 1) * 4
      for (let slot = 0; slot < 4; slot++) {
        const previous = base + slot
        const before = demeritsOf[previous]!
        if (before === Infinity) continue
        let total = demerits + before
        if (Math.abs(slot - fitness) > 1) total += FITNESS_DEMERITS
        if (hyphenHere && junctions[s - 1]?.hyphen) total += DOUBLE_HYPHEN_DEMERITS
        if (total < demeritsOf[target]!) {
          demeritsOf[target] = total
          previousOf[target] = previous
          startOf[target] = s
          ratioOf[target] = ratio
          emergencyOf[target] = emergency
          reachable[e + 1] = 1
        }
      }
    }
  }
  let last = -1
  for (let fitness = 0; fitness < 4; fitness++) {
    const slot = (n - 1) * 4 + fitness
    if (demeritsOf[slot]! < Infinity && (last < 0 || demeritsOf[slot]! < demeritsOf[last]!)) last = slot
  }
  if (last < 0) return undefined
  const breaks: Breakpoint[] = []
  for (let slot = last; slot >= 0; slot = previousOf[slot]!) {
    const end = slot >> 2
    breaks.push({start: startOf[slot]!, end, ratio: ratioOf[slot]!, kind: end === n - 1 ? 'final' : emergencyOf[slot] ? 'emergency' : 'normal'})
  }
  return {breaks: breaks.reverse(), demerits: demeritsOf[last]!}
}

/** The breaker's tables, kept between paragraphs (layout is single-threaded per worker): no garbage per paragraph. */
interface Scratch {
  demeritsOf: Float64Array
  previousOf: Int32Array
  startOf: Int32Array
  ratioOf: Float64Array
  emergencyOf: Uint8Array
  reachable: Uint8Array
}

let scratch: Scratch | undefined

/** Tables for `n` atoms, reset: demerits Infinity, no previous break, nothing reachable. */
function scratchFor(n: number): Scratch {
  const slots = n * 4
  if (!scratch || scratch.demeritsOf.length < slots) {
    const size = Math.max(slots, 2 * (scratch?.demeritsOf.length ?? 256))
    scratch = {demeritsOf: new Float64Array(size), previousOf: new Int32Array(size), startOf: new Int32Array(size), ratioOf: new Float64Array(size), emergencyOf: new Uint8Array(size), reachable: new Uint8Array(size / 4 + 1)}
  }
  scratch.demeritsOf.fill(Infinity, 0, slots)
  scratch.previousOf.fill(-1, 0, slots)
  scratch.reachable.fill(0, 0, n + 1)
  return scratch
}

/** First fit: take as much as fits, then back up to the last allowed break. */
function breakGreedy(atoms: readonly Atom[], junctions: readonly Junction[], sums: Sums, options: BreakOptions): Breakpoint[] {
  const n = atoms.length
  const breaks: Breakpoint[] = []
  let s = 0
  while (s < n) {
    const available = options.measurePt - (s === 0 ? options.firstIndentPt : options.restIndentPt)
    let e = s
    const fits = (end: number): boolean => {
      const line = measureLine(sums, atoms, s, end, options.leadBlankPt)
      const hyphen = end < n - 1 ? (junctions[end]!.hyphen?.advancePt ?? 0) : 0
      return line.natural + hyphen - line.shrink <= available + 1e-6
    }
    while (e + 1 < n && fits(e + 1)) e++
    if (e < n - 1) {
      let allowed = e
      while (allowed > s && (junctions[allowed]!.penalty >= PENALTY_EMERGENCY || !fits(allowed))) allowed--
      const emergency = junctions[allowed]!.penalty >= PENALTY_EMERGENCY
      e = allowed
      const line = measureLine(sums, atoms, s, e, options.leadBlankPt)
      breaks.push({start: s, end: e, ratio: line.natural > available ? -1 : 0, kind: emergency ? 'emergency' : 'normal'})
    } else {
      breaks.push({start: s, end: e, ratio: 0, kind: 'final'})
    }
    s = e + 1
  }
  avoidLonelyLastLine(breaks, junctions, sums)
  return breaks
}

/** Greedy's 孤字 repair: pull letters down from the line before until the last line holds two (clreq §3.7). */
function avoidLonelyLastLine(breaks: Breakpoint[], junctions: readonly Junction[], sums: Sums): void {
  const last = breaks[breaks.length - 1]
  const previous = breaks[breaks.length - 2]
  if (!last || !previous) return
  const letters = (from: number, to: number): number => sums.letters[to + 1]! - sums.letters[from]!
  if (letters(last.start, last.end) >= 2) return
  for (let end = previous.end - 1; end > previous.start; end--) {
    if (junctions[end]!.penalty >= PENALTY_EMERGENCY) continue
    if (letters(end + 1, last.end) >= 2) {
      previous.end = end
      last.start = end + 1
      return
    }
  }
}
