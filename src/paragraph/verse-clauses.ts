import type {Atom} from '../text/atom.js'

/**
 * Verse written line by line (a poem's lines ending in hard breaks) whose
 * line is too long for the measure turns at its caesura, as an editor sets
 * it: 千里莺啼绿映红，| 水村山郭酒旗风。, not 千里莺啼绿映红，水村山 |
 * 郭酒旗风。. A pure function of the atoms of one written line.
 */

/** Characters a verse clause holds: 3 to 9 (四言 to 七言 and a little more), Chinese only. */
const MIN_CLAUSE = 3
const MAX_CLAUSE = 9

/**
 * The clauses of a written line that reads as verse: two or more runs of 3
 * to 9 Chinese characters, each closed by a pause or stop (，、；：。？！),
 * perhaps opened by quotes or brackets and closed by their pairs, nothing
 * else in it (no Latin or digits). Undefined when the line is not verse
 * (prose keeps its ordinary breaks).
 */
export function verseClauses(atoms: readonly Atom[]): Atom[][] | undefined {
  const clauses: Atom[][] = []
  let clause: Atom[] = []
  let opened = 0
  for (const atom of atoms) {
    if (atom.first === 'open' && atom.last === 'open' && clause.length === opened) {
      // An opening quote or bracket before a clause (a quoted poem: “春眠不觉晓，…”) stays with it.
      clause.push(atom)
      opened++
    } else if (atom.first === 'han' && atom.last === 'han') clause.push(atom)
    else if ((atom.first === 'pause' || atom.first === 'stop') && clause.length > opened) {
      clause.push(atom)
      const chars = clause.length - 1 - opened
      if (chars < MIN_CLAUSE || chars > MAX_CLAUSE) return undefined
      clauses.push(clause)
      clause = []
      opened = 0
    } else if ((atom.first === 'pause' || atom.first === 'stop' || atom.first === 'close') && clauses.length > 0 && clause.length === 0) {
      // A second mark closing the clause (？！ or 。”): it stays with the clause before.
      clauses[clauses.length - 1]!.push(atom)
    } else return undefined
  }
  return clause.length === 0 && clauses.length >= 2 ? clauses : undefined
}
