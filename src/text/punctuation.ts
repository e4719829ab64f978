import type {CharClass} from './char-class.js'

/**
 * Punctuation widths and compression (标点挤压) as tables.
 *
 * Sources: clreq §3.1.5 "Adjustment of adjacent punctuation marks" (two
 * brackets/stops side by side take 1.5 em), clreq §3.1.6 line-start
 * compression, GB/T 15834—2011 §5.1.10 (full-width punctuation at line end
 * takes half a character), and the house styles named by CTeX/xeCJK
 * (`quanjiao`, `kaiming`, `banjiao`; clreq issues #278, #572).
 */
export type PunctuationStyle = 'quanjiao' | 'kaiming' | 'banjiao' | 'centred'

/** Where the blank half of a full-width mark sits in a GB font (clreq "glyph positions"). */
export interface BlankHalves {
  /** Blank before the ink, in em. */
  before: number
  /** Blank after the ink, in em. */
  after: number
}

/**
 * Default blank halves per class for mainland (GB) glyphs, used when the font
 * has no `halt` feature to tell us: 点号 and closing marks sit left (blank
 * right), opening marks sit right (blank left), interpuncts are centred.
 */
export const GB_BLANKS: Partial<Record<CharClass, BlankHalves>> = {
  open: {before: 0.5, after: 0},
  close: {before: 0, after: 0.5},
  pause: {before: 0, after: 0.5},
  stop: {before: 0, after: 0.5},
  middot: {before: 0.25, after: 0.25}
}

/**
 * How much of each blank a style keeps between characters, as a fraction of
 * the blank (1 = full width). `kaiming` keeps 。？！ full and halves the rest;
 * `banjiao` halves all; `centred` (zh-Hant) keeps all and never compresses.
 */
export const STYLE_KEEPS: Record<PunctuationStyle, Partial<Record<CharClass, number>>> = {
  quanjiao: {open: 1, close: 1, pause: 1, stop: 1, middot: 1},
  kaiming: {open: 0, close: 0, pause: 0, stop: 1, middot: 0},
  banjiao: {open: 0, close: 0, pause: 0, stop: 0, middot: 0},
  centred: {open: 1, close: 1, pause: 1, stop: 1, middot: 1}
}

/**
 * What two adjacent marks occupy together at most, in em: the blank between
 * them shrinks until the pair takes 1.5 em (clreq §3.1.5; Typst's
 * `calculate_adjustability` removes ½ em the same way). The reduction
 * priority for overfull lines (clreq "Procedures for inter-character spacing
 * reduction") lives in the junction shrink levels, see linebreak/junctions.ts.
 */
export const ADJACENT_PAIR_EM = 1.5
