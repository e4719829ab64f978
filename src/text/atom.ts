import type {CharClass} from './char-class.js'

/** One glyph as layout carries it: a font key, a glyph id and its advance. */
export interface Glyph {
  /** Glyph id in the font named by the atom's `font`. */
  id: number
  /** Advance in PDF points at the atom's size. */
  advancePt: number
  /** The characters this glyph stands for in the text layer (ToUnicode). */
  text: string
}

/**
 * The unit of line composition: one CJK character, one Latin word (or URL
 * piece), or one space. Widths are PDF points; no font object is inside.
 */
export interface Atom {
  /** Source characters. */
  text: string
  /** Class of the first and last character, for kinsoku and spacing. */
  first: CharClass
  last: CharClass
  /** First and last characters, for the pairwise kinsoku predicate. */
  firstChar: string
  lastChar: string
  /** Font key (`song`, `hei`, …) the glyphs belong to. */
  font: string
  sizePt: number
  /** Advance of all glyphs together, blanks included. */
  advancePt: number
  /** Blank before and after the ink inside the advance (full-width punctuation). */
  blankBeforePt: number
  blankAfterPt: number
  glyphs: Glyph[]
  /** 着重号: draw a dot under each CJK character. */
  dots?: boolean
  /** A rule through the atom (`~~struck~~`). */
  strike?: boolean
  /** Link target for a PDF annotation. */
  href?: string
  /** No font had this character: draw a placeholder box, keep the text. */
  missing?: boolean
  /** Set in superscript position (footnote calls). */
  superscript?: boolean
  /** Code (`` `…` `` and code blocks), set as written: no Han–Latin gap, letter-spacing or flexible space inside it. */
  code?: boolean
  /** Width of a word space that followed this atom in the source (0 or absent: none). */
  spaceAfterPt?: number
  /** The word space's glyph, written (without ink) after the atom so extracted text keeps the space. */
  spaceGlyph?: Glyph
  /** Break inside this unit only as a last resort (a split Latin word or URL piece follows). */
  glueNext?: 'word' | 'url' | 'emergency' | 'hyphen' | 'explicitHyphen' | 'join'
  /** The hyphen drawn when a line breaks after this syllable (`glueNext: 'hyphen'`). */
  hyphen?: Atom
}

/**
 * An atom with every field present, in one order. Layout reads millions of
 * atom fields; objects of one shape keep those reads monomorphic (fast), where
 * atoms built with different optional fields (or `delete`) would not.
 */
export function makeAtom(atom: Atom): Atom {
  return {
    text: atom.text,
    first: atom.first,
    last: atom.last,
    firstChar: atom.firstChar,
    lastChar: atom.lastChar,
    font: atom.font,
    sizePt: atom.sizePt,
    advancePt: atom.advancePt,
    blankBeforePt: atom.blankBeforePt,
    blankAfterPt: atom.blankAfterPt,
    glyphs: atom.glyphs,
    dots: atom.dots,
    strike: atom.strike,
    href: atom.href,
    missing: atom.missing,
    superscript: atom.superscript,
    code: atom.code,
    spaceAfterPt: atom.spaceAfterPt,
    spaceGlyph: atom.spaceGlyph,
    glueNext: atom.glueNext,
    hyphen: atom.hyphen
  }
}
