import {makeAtom, type Atom} from '../text/atom.js'
import {buildJunctions, atomWidth, type Junction, type JunctionOptions} from '../linebreak/junctions.js'
import {breakLines, type Breakpoint} from '../linebreak/break-lines.js'
import {justifyLine, type LineAlign, type PlacedAtom} from './justify-line.js'
import {STYLE_KEEPS} from '../text/punctuation.js'
import {LINE_BREAK} from '../text/segment.js'
import {verseClauses} from './verse-clauses.js'

/** One typeset line: atoms placed from the line's own left edge. */
export interface Line {
  /** Offset of the line from the frame's left edge (indents), pt. */
  xPt: number
  /** Width available to the line (measure minus indent), pt. */
  availablePt: number
  placed: PlacedAtom[]
  /** Width actually used, pt. */
  widthPt: number
  /** Knuth–Plass ratio of the break that made this line. */
  ratio: number
  kind: Breakpoint['kind']
  /** Largest font size on the line, pt (for leading in heads). */
  sizePt: number
}

/** How to set one paragraph. */
export interface ParagraphOptions extends JunctionOptions {
  measurePt: number
  firstIndentPt: number
  restIndentPt: number
  emPt: number
  align: LineAlign
  /** Align of the last line (default: left for justified text). */
  lastAlign?: LineAlign
  strategy?: 'optimal' | 'greedy'
  /** Fewer (-1) or more (+1) lines than the best fit, when possible (default 0). */
  looseness?: -1 | 0 | 1
  /** The breaker's first-pass tolerance (see `BreakOptions.tolerance`). */
  tolerance?: number
}

/**
 * Fold space atoms into the atom before them (`spaceAfterPt`), dropping
 * leading and trailing spaces, so a word space lives in the junction and
 * vanishes at a break.
 */
export function absorbSpaces(atoms: readonly Atom[]): Atom[] {
  const out: Atom[] = []
  for (const atom of atoms) {
    if (atom.first === 'space') {
      const previous = out[out.length - 1]
      if (previous) {
        const spaced: Atom = makeAtom({...previous, spaceAfterPt: Math.max(previous.spaceAfterPt ?? 0, atom.advancePt || 0.001)})
        const glyph = atom.glyphs[0]
        if (glyph && atom.font === previous.font) spaced.spaceGlyph = glyph
        out[out.length - 1] = spaced
      }
      continue
    }
    out.push(atom)
  }
  const last = out[out.length - 1]
  if (last?.spaceAfterPt) out[out.length - 1] = makeAtom({...last, spaceAfterPt: 0})
  return out
}

/**
 * Split atoms wider than the measure glyph by glyph, so a 300-character
 * unbreakable run or a long URL breaks as a last resort instead of overflowing.
 */
export function splitOversized(atoms: readonly Atom[], limitPt: number): Atom[] {
  const out: Atom[] = []
  for (const atom of atoms) {
    if (atomWidth(atom) + (atom.hyphen?.advancePt ?? 0) <= limitPt || atom.glyphs.length < 2) {
      out.push(atom)
      continue
    }
    atom.glyphs.forEach((glyph, index) => {
      const piece: Atom = makeAtom({
        ...atom,
        text: glyph.text,
        firstChar: [...glyph.text][0] ?? atom.firstChar,
        lastChar: [...glyph.text].pop() ?? atom.lastChar,
        advancePt: glyph.advancePt,
        blankBeforePt: 0,
        blankAfterPt: 0,
        glyphs: [glyph],
        glueNext: index < atom.glyphs.length - 1 ? 'emergency' : atom.glueNext
      })
      if (index < atom.glyphs.length - 1) {
        piece.hyphen = undefined
        piece.spaceAfterPt = undefined
      }
      out.push(piece)
    })
  }
  return out
}

/** The junction between a syllable and its hyphen: nothing may go there. */
const NO_GLUE: Junction = {widthPt: 0, shrinkPt: [0, 0, 0], stretchPt: [0, 0], spread: false, penalty: Infinity}

/**
 * Set a paragraph: junctions, Knuth–Plass breaks, then each line justified
 * to the measure (the last flush left, never stretched).
 */
export function typesetParagraph(input: readonly Atom[], options: ParagraphOptions): Line[] {
  return input.some(isLineBreak) ? typesetBrokenParagraph(input, options) : typesetRun(input, options)
}

/** A forced line break (`LINE_BREAK`), shaped. */
function isLineBreak(atom: Atom): boolean {
  return atom.text === LINE_BREAK
}

/**
 * Set a paragraph with forced line breaks: each part between them is set as
 * a paragraph of its own, its last line as a paragraph's last line (flush
 * left when justified). Every part starts where the paragraph's text starts:
 * the first-line indent, or the indent of turned lines where those hang
 * further in (a Q&A turn's text after its label). So the lines of a poem, an
 * address or a list of contacts written line by line stand aligned, as a
 * newspaper sets verse, each line two characters in; a part too long for one
 * line turns at the indent of turned lines. A part with nothing in it (two
 * breaks in a row) is an empty line. Looseness goes to the longest part,
 * which has most room to take it.
 */
function typesetBrokenParagraph(input: readonly Atom[], options: ParagraphOptions): Line[] {
  const parts: Atom[][] = [[]]
  for (const atom of input) {
    if (isLineBreak(atom)) parts.push([])
    else parts[parts.length - 1]!.push(atom)
  }
  // A break at the very end ends nothing (CommonMark drops it at the end of a block).
  while (parts.length > 1 && parts[parts.length - 1]!.every((atom) => atom.first === 'space')) parts.pop()
  const longest = parts.reduce((best, part, index) => (part.length > parts[best]!.length ? index : best), 0)
  return parts.flatMap((part, index) => {
    const indent = index === 0 ? options.firstIndentPt : Math.max(options.firstIndentPt, options.restIndentPt)
    const lastAlign = index === parts.length - 1 ? options.lastAlign : undefined
    const partOptions = {...options, firstIndentPt: indent, lastAlign, looseness: index === longest ? options.looseness : 0}
    const lines = typesetRun(part, partOptions)
    if (lines.length === 0) return [{xPt: indent, availablePt: options.measurePt - indent, placed: [], widthPt: 0, ratio: 0, kind: 'final', sizePt: 0}]
    // Verse turns only at its caesuras: a looseness asked of it does not apply.
    return lines.length > 1 ? (verseLines(part, {...partOptions, restIndentPt: indent, looseness: 0}) ?? lines) : lines
  })
}

/**
 * A written line of verse too long for the measure, turned at its caesuras
 * (`verseClauses`): as many whole clauses to a line as fit, each line
 * starting where the written line did, flush left. Undefined when the line
 * is not verse or a clause alone does not fit.
 */
function verseLines(part: readonly Atom[], options: ParagraphOptions): Line[] | undefined {
  const clauses = verseClauses(absorbSpaces(part))
  if (!clauses) return undefined
  const lines: Line[] = []
  let group: Atom[] = []
  let set: Line[] = []
  for (const clause of clauses) {
    const trial = typesetRun([...group, ...clause], {...options, lastAlign: 'left'})
    if (trial.length === 1) {
      group = [...group, ...clause]
      set = trial
      continue
    }
    if (group.length === 0) return undefined
    lines.push(...set)
    group = [...clause]
    set = typesetRun(group, {...options, lastAlign: 'left'})
    if (set.length !== 1) return undefined
  }
  lines.push(...set)
  return lines
}

/** Set a run of atoms with no forced break in it. */
function typesetRun(input: readonly Atom[], options: ParagraphOptions): Line[] {
  const atoms = splitOversized(absorbSpaces(input), options.measurePt - Math.max(options.firstIndentPt, options.restIndentPt))
  if (atoms.length === 0) return []
  const junctions = buildJunctions(atoms, options)
  // The first atom keeps the blank its style keeps (banjiao drops an opening bracket's half em even here).
  const first = atoms[0]!
  const leadBlankPt = first.blankBeforePt * (STYLE_KEEPS[options.punctuation][first.first] ?? 1)
  const breaks = breakLines(atoms, junctions, {...options, leadBlankPt})
  return breaks.map((breakpoint, index) => {
    const indent = index === 0 ? options.firstIndentPt : options.restIndentPt
    const available = options.measurePt - indent
    const final = breakpoint.kind === 'final'
    const align: LineAlign = final ? (options.lastAlign ?? (options.align === 'justify' ? 'left' : options.align)) : options.align
    // A line broken inside a word ends with the hyphen of that break.
    const hyphen = final ? undefined : junctions[breakpoint.end]?.hyphen
    const lineAtoms = hyphen ? [...atoms.slice(breakpoint.start, breakpoint.end + 1), hyphen] : atoms
    const lineJunctions = hyphen ? [...junctions.slice(breakpoint.start, breakpoint.end), NO_GLUE] : junctions
    const [from, to] = hyphen ? [0, lineAtoms.length - 1] : [breakpoint.start, breakpoint.end]
    const {placed, widthPt} = justifyLine(lineAtoms, lineJunctions, from, to, available, align, index === 0 ? leadBlankPt : 0)
    let sizePt = 0
    for (const {atom} of placed) sizePt = Math.max(sizePt, atom.sizePt)
    return {xPt: indent, availablePt: available, placed, widthPt, ratio: breakpoint.ratio, kind: breakpoint.kind, sizePt}
  })
}

/** The text of a line, for goldens and debugging. */
export function lineText(line: Line): string {
  return line.placed.map(({atom}) => atom.text + ((atom.spaceAfterPt ?? 0) >= 0.01 ? ' ' : '')).join('').trimEnd()
}
