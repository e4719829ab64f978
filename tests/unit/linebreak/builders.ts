/**
 * Tiny builders shared by the line-engine tests (STYLE.md §8.5): paragraph
 * options at a 14-em measure, URL-aware fake atoms, and line measurements.
 */
import type {Atom} from '../../../src/text/atom.js'
import {isUrlLike, splitAtHyphens, splitUrl} from '../../../src/text/segment.js'
import {hyphenationPoints} from '../../../src/text/hyphenate.js'
import {atomWidth, type JunctionOptions} from '../../../src/linebreak/junctions.js'
import {typesetParagraph, type Line, type ParagraphOptions} from '../../../src/paragraph/typeset-paragraph.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

/** Body size of every layout test, pt. */
export const SIZE = 10
/** 14-em measure. */
export const MEASURE = 14 * SIZE
/** 2-em first-line indent. */
export const INDENT = 2 * SIZE
export const EPS = 1e-6

/** Han–Latin spacing: ¼ em, flexible ⅛–⅓ em. */
export const CJK_LATIN = {natural: 0.25, min: 0.125, max: 1 / 3}

export function junctionOptions(overrides: Partial<JunctionOptions> = {}): JunctionOptions {
  return {kinsoku: 'GB', punctuation: 'quanjiao', cjkLatinEm: CJK_LATIN, ...overrides}
}

export function paragraphOptions(overrides: Partial<ParagraphOptions> = {}): ParagraphOptions {
  return {
    measurePt: MEASURE,
    firstIndentPt: INDENT,
    restIndentPt: 0,
    emPt: SIZE,
    align: 'justify',
    ...junctionOptions(),
    ...overrides
  }
}

/**
 * Fake atoms as `shapeText` makes them: like `fakeAtoms`, but a URL-like word
 * is split at its break points and each piece but the last glued with `url`,
 * another word after its explicit hyphens (glued with `explicitHyphen`),
 * and (unless `hyphenate` is false) each plain-letter word or piece is split
 * into syllables at its Liang hyphenation points, glued with `hyphen`.
 */
export function shapedAtoms(text: string, sizePt = SIZE, {hyphenate = true}: {hyphenate?: boolean} = {}): Atom[] {
  return fakeAtoms(text, sizePt).flatMap((atom) => {
    if (atom.first === 'space' || atom.glyphs.length < 2) return [atom]
    const url = isUrlLike(atom.text)
    const pieces = url ? splitUrl(atom.text) : splitAtHyphens(atom.text)
    const words = pieces.map((piece, index): Atom => {
      const out = slice(atom, [...pieces.slice(0, index).join('')].length, piece)
      if (index < pieces.length - 1) out.glueNext = url ? 'url' : 'explicitHyphen'
      return out
    })
    return hyphenate ? words.flatMap((word) => syllables(word, sizePt)) : words
  })
}

/** The part of a fake word atom that spells `piece`, starting at character `from`. */
function slice(atom: Atom, from: number, piece: string): Atom {
  const chars = [...piece]
  const glyphs = atom.glyphs.slice(from, from + chars.length)
  const out: Atom = {...atom, text: piece, firstChar: chars[0]!, lastChar: chars[chars.length - 1]!, advancePt: glyphs.reduce((sum, glyph) => sum + glyph.advancePt, 0), glyphs}
  delete out.glueNext
  return out
}

/** A fake word split at its hyphenation points, as shape-text.ts `hyphenateAtom` does. */
function syllables(word: Atom, sizePt: number): Atom[] {
  const points = hyphenationPoints(word.text)
  if (points.length === 0) return [word]
  const hyphen: Atom = {...fakeAtoms('-', sizePt)[0]!}
  const out: Atom[] = []
  let from = 0
  for (const to of [...points, word.text.length]) {
    const syllable = slice(word, from, word.text.slice(from, to))
    if (to < word.text.length) {
      syllable.glueNext = 'hyphen'
      syllable.hyphen = hyphen
    } else if (word.glueNext) syllable.glueNext = word.glueNext
    out.push(syllable)
    from = to
  }
  return out
}

/** Is `atom`, placed at `index` of a line, the hyphen drawn for a break inside a word? */
export function isDrawnHyphen(line: Line, index: number): boolean {
  const previous = line.placed[index - 1]?.atom
  return index === line.placed.length - 1 && previous?.glueNext === 'hyphen' && previous.hyphen === line.placed[index]!.atom
}

/** The source text of a line: its atoms without a drawn hyphen, spaces as in lineText. */
export function sourceText(line: Line): string {
  return line.placed
    .filter((_, index) => !isDrawnHyphen(line, index))
    .map(({atom}) => atom.text + (atom.spaceAfterPt ? ' ' : ''))
    .join('')
    .trimEnd()
}

/** Set `text` at the 14-em measure with a 2-em first indent. */
export function setText(text: string, overrides: Partial<ParagraphOptions> = {}): Line[] {
  return typesetParagraph(shapedAtoms(text), paragraphOptions(overrides))
}

/** Where the line's ink ends, from the frame's left edge. */
export function rightEdge(line: Line): number {
  return line.xPt + line.widthPt
}

/** Where the last atom's ink ends, from the frame's left edge. */
export function lastInkEnd(line: Line): number {
  const last = line.placed[line.placed.length - 1]!
  return line.xPt + last.xPt + atomWidth(last.atom)
}

/** Non-space characters, in order. */
export function ink(text: string): string {
  return [...text].filter((char) => !/\s/u.test(char)).join('')
}

/** Letters (Han, Latin, emoji) of a line: what counts against 孤字. */
export function letterCount(line: Line): number {
  return line.placed.filter(({atom}) => atom.first === 'han' || atom.first === 'latin' || atom.first === 'other').length
}
