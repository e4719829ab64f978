import {makeAtom, type Atom} from '../text/atom.js'

/**
 * Where a wrapped head (小标题) may turn. An editor breaks a head by sense
 * (按意群转行): at a phrase's end, never inside a word. These are plain
 * functions of the head's shaped atoms; the head composer decides which
 * layout to keep.
 */

/** Marks after which a head's first line may end, a phrase done (the deck's phrase breaks are spaces). */
const PHRASE_END = new Set([...'：，；！？'])

/** A place a head may turn: its first line ends with atom `end`, its second starts at atom `next` (spaces between dropped). */
export interface PhraseBreak {
  end: number
  next: number
}

/**
 * Where a head may turn at a phrase's end: after a colon, comma, semicolon,
 * ! or ? (上饶：|检察公益诉讼守护信江水质), before an opening quote or
 * bracket (南昌开展|“守护夕阳红”反诈宣传) or after a closing one
 * (赣州：“法律明白人”|覆盖所有行政村), or at a space; never at either end.
 */
export function phraseBreaks(atoms: readonly Atom[]): PhraseBreak[] {
  const breaks: PhraseBreak[] = []
  for (let end = 0; end < atoms.length - 1; end++) {
    const atom = atoms[end]!
    if (atom.first === 'space') continue
    let next = end + 1
    while (next < atoms.length && atoms[next]!.first === 'space') next++
    if (next >= atoms.length) break
    const after = atoms[next]!
    const closes = atom.last === 'close' && after.first !== 'close' && after.first !== 'pause' && after.first !== 'stop'
    if (next > end + 1 || PHRASE_END.has(atom.lastChar) || closes || (after.first === 'open' && atom.last !== 'open')) breaks.push({end, next})
  }
  return breaks
}

/** ICU's word segmenter, made when a head first turns (making one costs some 15 ms of a thread's start). */
let words: Intl.Segmenter | undefined

/**
 * The atoms with a break inside a Chinese word forbidden (as a WORD JOINER
 * would): the dictionary words of Intl.Segmenter (ICU), so a head turning
 * for balance keeps 夕阳 or 诉讼 whole. Atoms are shared by the shaper's
 * cache: a joined one is a copy.
 */
export function joinWords(atoms: readonly Atom[]): Atom[] {
  const text = atoms.map((atom) => atom.text).join('')
  // Offsets in `text` where a word ends.
  const ends = new Set<number>()
  for (const {index, segment} of (words ??= new Intl.Segmenter('zh', {granularity: 'word'})).segment(text)) ends.add(index + segment.length)
  let offset = 0
  return atoms.map((atom, i) => {
    offset += atom.text.length
    const next = atoms[i + 1]
    const inside = next !== undefined && !ends.has(offset) && atom.last === 'han' && next.first === 'han' && atom.glueNext === undefined
    return inside ? makeAtom({...atom, glueNext: 'join'}) : atom
  })
}
