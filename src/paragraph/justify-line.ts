import type {Atom} from '../text/atom.js'
import type {Junction} from '../linebreak/junctions.js'
import {atomWidth} from '../linebreak/junctions.js'

/** An atom placed on a line: `xPt` is where its ink starts, from the line's left edge. */
export interface PlacedAtom {
  atom: Atom
  xPt: number
}

/** Alignment of a line that is not justified. */
export type LineAlign = 'justify' | 'left' | 'center' | 'right' | 'distribute'

/**
 * Place the atoms of one line so it fills `availablePt` exactly.
 *
 * Shrinking follows clreq's reduction priority (level 0: word spaces,
 * brackets and pauses; level 1: Han–Latin spacing; level 2: 。？！), each
 * level equally across its junctions before the next is touched. Stretching
 * follows the expansion priority (word spaces to ½ em, Han–Latin spacing to
 * ⅓ em), and only then spreads the rest evenly between characters, never
 * inside ——/…… (clreq "Procedures for inter-character space expansion").
 * Final lines and non-justified lines keep natural widths.
 */
export function justifyLine(
  atoms: readonly Atom[],
  junctions: readonly Junction[],
  start: number,
  end: number,
  availablePt: number,
  align: LineAlign,
  /** Blank kept before the first atom (an opening bracket after the first-line indent), pt. */
  leadBlankPt: number
): {placed: PlacedAtom[]; widthPt: number; spreadPt: number} {
  const gaps: number[] = []
  let natural = leadBlankPt
  for (let i = start; i <= end; i++) {
    natural += atomWidth(atoms[i]!)
    if (i < end) {
      gaps.push(junctions[i]!.widthPt)
      natural += junctions[i]!.widthPt
    }
  }
  let excess = availablePt - natural
  let spreadPt = 0
  if (align === 'justify' || align === 'distribute' || excess < -1e-6) {
    if (excess < -1e-6) {
      for (let level = 0; level < 3 && excess < -1e-6; level++) {
        let capacity = 0
        for (let i = start; i < end; i++) capacity += junctions[i]!.shrinkPt[level as 0 | 1 | 2]
        if (capacity <= 0) continue
        const take = Math.min(capacity, -excess)
        for (let i = start; i < end; i++) gaps[i - start]! -= (junctions[i]!.shrinkPt[level as 0 | 1 | 2] / capacity) * take
        excess += take
      }
    } else if (excess > 1e-6) {
      for (let level = 0; level < 2 && excess > 1e-6; level++) {
        let capacity = 0
        for (let i = start; i < end; i++) capacity += junctions[i]!.stretchPt[level as 0 | 1]
        if (capacity <= 0) continue
        const give = Math.min(capacity, excess)
        for (let i = start; i < end; i++) gaps[i - start]! += (junctions[i]!.stretchPt[level as 0 | 1] / capacity) * give
        excess -= give
      }
      let spreadCount = 0
      for (let i = start; i < end; i++) if (junctions[i]!.spread) spreadCount++
      if (excess > 1e-6 && spreadCount === 0) {
        // No place to spread (one atom, or only inseparable marks): let the word spaces take it.
        for (let i = start; i < end; i++) if (junctions[i]!.stretchPt[0] > 0 || junctions[i]!.stretchPt[1] > 0) spreadCount++
        if (spreadCount > 0) {
          const each = excess / spreadCount
          for (let i = start; i < end; i++) if (junctions[i]!.stretchPt[0] > 0 || junctions[i]!.stretchPt[1] > 0) gaps[i - start]! += each
          excess = 0
        } else if (end > start) {
          // Last resort (a line of word pieces only): letter-space evenly rather than leave it short.
          const each = excess / (end - start)
          for (let i = start; i < end; i++) gaps[i - start]! += each
          spreadPt = each
          excess = 0
        }
      } else if (excess > 1e-6) {
        const each = excess / spreadCount
        spreadPt = each
        for (let i = start; i < end; i++) if (junctions[i]!.spread) gaps[i - start]! += each
        excess = 0
      }
    }
  }
  let x = align === 'center' ? Math.max(0, excess / 2) : align === 'right' ? Math.max(0, excess) : 0
  x += leadBlankPt
  const placed: PlacedAtom[] = []
  for (let i = start; i <= end; i++) {
    placed.push({atom: atoms[i]!, xPt: x})
    x += atomWidth(atoms[i]!)
    if (i < end) x += gaps[i - start]!
  }
  return {placed, widthPt: x, spreadPt}
}
