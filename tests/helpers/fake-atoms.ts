import type {Atom} from '../../src/text/atom.js'
import {charClass, isCjkPunctuation} from '../../src/text/char-class.js'
import {GB_BLANKS} from '../../src/text/punctuation.js'
import {segment} from '../../src/text/segment.js'
import {isQuote} from '../../src/text/western-marks.js'

/**
 * A fake 1-em font: every CJK character and full-width mark is exactly 1 em,
 * with GB blank halves; every Latin character is ½ em; a space is ¼ em.
 * Layout tests use it so they never load a real font.
 */
export function fakeAtoms(text: string, sizePt = 10): Atom[] {
  return segment(text).map((unit): Atom => ({...fakeAtom(unit, sizePt), ...(unit.join ? {glueNext: 'join' as const} : {})}))
}

function fakeAtom(unit: ReturnType<typeof segment>[number], sizePt: number): Atom {
  {
    const chars = [...unit.text]
    const firstChar = chars[0] ?? ' '
    const lastChar = chars[chars.length - 1] ?? ' '
    if (unit.kind === 'space') {
      return {text: unit.text, first: 'space', last: 'space', firstChar, lastChar, font: 'fake', sizePt, advancePt: sizePt * 0.25, blankBeforePt: 0, blankAfterPt: 0, glyphs: []}
    }
    if (unit.kind === 'word') {
      const advance = chars.length * sizePt * 0.5
      // A quotation mark inside a word is Western punctuation, of the word's class (as shape-text sets it).
      return {text: unit.text, first: isQuote(firstChar) ? 'latin' : charClass(firstChar), last: isQuote(lastChar) ? 'latin' : charClass(lastChar), firstChar, lastChar, font: 'fake', sizePt, advancePt: advance, blankBeforePt: 0, blankAfterPt: 0, glyphs: chars.map((char, id) => ({id, advancePt: sizePt * 0.5, text: char}))}
    }
    const cls = charClass(unit.text)
    const blanks = isCjkPunctuation(cls) ? (GB_BLANKS[cls] ?? {before: 0, after: 0}) : {before: 0, after: 0}
    return {text: unit.text, first: cls, last: cls, firstChar, lastChar, font: 'fake', sizePt, advancePt: sizePt, blankBeforePt: blanks.before * sizePt, blankAfterPt: blanks.after * sizePt, glyphs: [{id: 1, advancePt: sizePt, text: unit.text}]}
  }
}
