import type {ArticleMeta, Position} from '../article/types.js'
import {deckLines} from '../article/deck-lines.js'
import type {Template, TextStyle} from '../config/template.js'
import {EM_ASCENT, type Grid} from '../config/resolve-template.js'
import type {Item} from '../compose/types.js'
import type {Shaper} from '../compose/compose-blocks.js'
import {paragraphOptions} from '../compose/compose-blocks.js'
import {templateKey, type LineMemo} from '../compose/line-memo.js'
import {typesetParagraph, type Line} from '../paragraph/typeset-paragraph.js'
import {atomWidth} from '../linebreak/junctions.js'
import {absorbSpaces} from '../paragraph/typeset-paragraph.js'
import {chineseDate} from './dates.js'
import {isEnclosed} from '../text/enclosed.js'
import {charClass} from '../text/char-class.js'
import {charAt, charBefore} from '../text/code-points.js'

/** The headline deck (引题 / 主题 / 副题 + meta line), laid out across `widthPt`. */
export interface Deck {
  items: Item[]
  /** Height in whole body grid lines, so the body below stays on the grid. */
  lines: number
}

/** What setting a deck line takes: the template, the shaper, and the line memo when there is one. */
interface DeckContext {
  template: Template
  shape: Shaper
  memo?: LineMemo
}

/** Space between deck elements, in body pitches. */
const DECK_GAP = 0.35

/**
 * Lay out the deck: 引题 above 主题 above 副题 (led by ——), a statute's
 * 题注 in brackets or a document's 发文字号 (`note`, lifted from the body),
 * the meta line
 * (来源、日期、制作、新闻热线) and a rule, centred across the span.
 * 主题 is set on one line, shrunk down to its minimum size if need be;
 * only then broken at phrase boundaries (a space in the title) into
 * balanced lines (clreq §2.3.4 headings; newspaper deck practice).
 */
export function layoutDeck(meta: ArticleMeta, template: Template, grid: Grid, widthPt: number, shape: Shaper, warn?: (reason: string) => void, note?: DeckNote, memo?: LineMemo): Deck {
  const context: DeckContext = {template, shape, ...(memo ? {memo} : {})}
  const items: Item[] = []
  let y = grid.pitchPt * 0.3
  const place = (lines: readonly Line[], size: number, leading: number, role: string): void => {
    for (const line of lines) {
      items.push({type: 'text', xPt: line.xPt, baselinePt: y + (leading - size) / 2 + EM_ASCENT * size, placed: line.placed, role})
      y += leading
    }
    y += grid.pitchPt * DECK_GAP
  }
  const deck = template.deck
  if (meta.kicker) {
    const size = deck.kicker.size
    place(setCentredLines(meta.kicker, deck.kicker, size, widthPt, context), size, size * 1.3, 'kicker')
  }
  const headline = fitHeadline(meta.title || '（无标题）', widthPt, context)
  if (headline.wrapped) warn?.(`The headline is too long for the deck: ${headline.lines.length} lines even at ${template.deck.headline.minSize} pt`)
  place(headline.lines, headline.size, headline.size * 1.2, 'headline')
  if (meta.subtitle) {
    const size = deck.subtitle.size
    place(setCentredLines(dashedSubtitle(meta.subtitle), deck.subtitle, size, widthPt, context), size, size * 1.3, 'subtitle')
  }
  if (note) {
    const size = deck.note.size
    const text = note.bracketed === false ? note.text.trim() : bracketed(note.text)
    const atoms = shape(text, {font: deck.note.font, sizePt: size}, notePlace(note, text))
    place(typesetParagraph(atoms, paragraphOptions(template, widthPt, size, {firstIndentPt: 0, restIndentPt: 0, align: 'center'})), size, size * 1.4, 'note')
  }
  const metaText = metaLine(meta)
  if (metaText) {
    const size = deck.meta.size
    y += grid.pitchPt * 0.2
    place(setCentred(metaText, deck.meta, size, widthPt, context), size, size * 1.5, 'meta')
  }
  const lines = Math.ceil((y + grid.pitchPt * 0.4) / grid.pitchPt)
  const ruleY = lines * grid.pitchPt - grid.pitchPt * 0.45
  items.push({type: 'rule', x1: 0, y1: ruleY, x2: widthPt, y2: ruleY, widthPt: 0.8})
  return {items, lines}
}

/**
 * A line lifted from the body into the deck, under the headline: a statute's
 * 题注 (set in brackets) or a document's 发文字号 (as it is written); its text
 * and where it stands in the source.
 */
export interface DeckNote {
  text: string
  position?: Position
  /** Set in brackets (a 题注); false: as written (a 发文字号). Default true. */
  bracketed?: boolean
}

/**
 * Where the note's set text stands in the source, for messages about its
 * characters (the shaper adds a character's offset to the column): past the
 * white space trimmed off, less the bracket added in front.
 */
function notePlace(note: DeckNote, text: string): Position | undefined {
  const shift = note.text.length - note.text.trimStart().length - text.indexOf(note.text.trim())
  if (!note.position || shift === 0) return note.position
  const {start, end} = note.position
  return {start: {line: start.line, column: start.column + shift}, end}
}

/** A 题注 as printed: in full-width brackets (added when the source has none). */
export function bracketed(text: string): string {
  return isEnclosed(text) ? text.trim() : `（${text.trim()}）`
}

/** The meta line: 来源、日期、作者、制作、新闻热线, separated by ideographic spaces. */
export function metaLine(meta: ArticleMeta): string {
  const parts: string[] = []
  if (meta.source) parts.push(`来源：${meta.source}`)
  if (meta.date) parts.push(chineseDate(meta.date))
  if (meta.author) parts.push(`作者：${meta.author}`)
  if (meta.editor) parts.push(`制作：${meta.editor}`)
  if (meta.hotline) parts.push(`新闻热线：${meta.hotline}`)
  return parts.join('\u3000\u3000')
}

/** The 副题 as set: led by —— unless it starts with a dash already. */
export function dashedSubtitle(subtitle: string): string {
  return /^[—―]/.test(subtitle.trim()) ? subtitle : `——${subtitle.trim()}`
}

/** A deck field centred, each line the editor wrote (`deckLines`) starting a line of its own. */
function setCentredLines(text: string, style: TextStyle, size: number, widthPt: number, context: DeckContext): readonly Line[] {
  return deckLines(text).flatMap((line) => setCentred(line, style, size, widthPt, context))
}

/**
 * A deck line set centred. Its lines are kept in the line memo, when there
 * is one, as a paragraph's are: a paper's kickers, subtitles and meta lines
 * recur, and an archive rebuilds them all.
 */
function setCentred(text: string, style: TextStyle, size: number, widthPt: number, {template, shape, memo}: DeckContext): readonly Line[] {
  const key = memo ? `deck|${templateKey(template)}|${style.font}|${size}|${widthPt}|${text}` : ''
  const kept = memo?.get(key)
  if (kept) return kept
  const atoms = shape(phraseGaps(text), {font: style.font, sizePt: size})
  const lines = typesetParagraph(atoms, paragraphOptions(template, widthPt, size, {firstIndentPt: 0, restIndentPt: 0, align: 'center'}))
  // A character no font has is reported as it is shaped: such a line is shaped again next time.
  if (memo && !atoms.some((atom) => atom.missing)) memo.set(key, lines)
  return lines
}

/** Headline lines and the size chosen. */
function fitHeadline(title: string, widthPt: number, context: DeckContext): {lines: readonly Line[]; size: number; wrapped?: boolean} {
  const {template, shape} = context
  const style = template.deck.headline
  // 0. Lines the editor broke (a YAML block): each on one line, at the largest size where every one fits.
  const given = deckLines(title)
  if (given.length > 1) {
    for (let size = style.size; size >= style.minSize; size -= 1) {
      const set = given.map((line) => setCentred(line, style, size, widthPt, context))
      if (set.every((lines) => lines.length === 1)) return {lines: set.flat(), size}
    }
    // A line too long even at the least size: the breaks are the deck's to choose, the editor's first.
  }
  const phrases = headlinePhrases(title)
  const oneLine = phrases.join('\u3000')
  // 1. One line, shrinking from the template size to its minimum in whole points. Widths grow in
  // proportion to the size, so the largest size that fits is read off the width at the template size
  // (then checked, and stepped down should rounding disagree).
  const fullWidth = naturalWidth(shape(oneLine, {font: style.font, sizePt: style.size}))
  const estimate = fullWidth > 0 ? Math.min(style.size, style.size - Math.ceil(style.size - (style.size * widthPt) / fullWidth - 1e-9)) : style.size
  for (let size = Math.max(style.minSize, estimate); size >= style.minSize; size -= 1) {
    const width = size === style.size ? fullWidth : naturalWidth(shape(oneLine, {font: style.font, sizePt: size}))
    if (width > widthPt) continue
    // The natural width leaves out the spacing the composer sets between Han and Latin text: a line that
    // still turns as set does not fit at this size.
    const lines = setCentred(oneLine, style, size, widthPt, context)
    if (lines.length === 1) return {lines, size}
  }
  // 2. Balanced lines at phrase boundaries (spaces, then also after ，；：、！？), at the largest size where every line fits.
  const clauses = phrases.flatMap((phrase) => phrase.split(/(?<=[，；：、！？])/)).filter(Boolean)
  for (const parts of [phrases, clauses]) {
    if (parts.length < 2) continue
    for (let size = style.size; size >= style.minSize; size -= 1) {
      const widths = parts.map((part) => naturalWidth(shape(part, {font: style.font, sizePt: size})))
      const gap = parts === phrases ? size : 0
      const groups = balancePhrases(widths, widthPt, gap)
      if (!groups) continue
      // As in 1., a group that turns as set does not fit at this size.
      const set = groups.map((group) => setCentred(group.map((i) => parts[i]).join(parts === phrases ? '\u3000' : ''), style, size, widthPt, context))
      if (set.every((lines) => lines.length === 1)) return {lines: set.flat(), size}
    }
  }
  // 3. Wrap anywhere kinsoku allows, in balanced lines, at the largest size that needs at most three.
  for (let size = style.size; size >= style.minSize; size -= 1) {
    if (setCentred(oneLine, style, size, widthPt, context).length > MAX_HEADLINE_LINES) continue
    return {lines: setBalanced(oneLine, style, size, widthPt, context), size}
  }
  return {lines: setBalanced(oneLine, style, style.minSize, widthPt, context), size: style.minSize, wrapped: true}
}

/**
 * A headline's phrases, as a newsroom marks them: an ideographic space, or
 * spaces between two Chinese characters or marks (发扬苏区干部好作风
 * 以蝶变式发展…, “双减” 一年间), part phrases, which the deck sets an em
 * apart and breaks between first. A
 * space next to a Latin letter or digit is a word space inside its phrase
 * (`ChatGPT 火了之后`, `New York Times 报道`), set as Latin text is; a
 * phrase break next to Latin text is written as an ideographic space. A line
 * break the editor wrote (`deckLines`) parts phrases too.
 */
export function headlinePhrases(title: string): string[] {
  return phraseGaps(deckLines(title).join('\u3000'))
    .split(/ *\u3000[\u3000 ]*/)
    .filter(Boolean)
}

/**
 * A deck line's spaces as set: those between two Chinese characters or marks
 * become ideographic (an em, a phrase gap, as in `headlinePhrases`), those
 * next to Latin text stay word spaces (`专访 OpenAI 首席科学家`).
 */
export function phraseGaps(text: string): string {
  return text.replace(/ +/g, (space: string, offset: number) => (partsPhrases(charBefore(text, offset), charAt(text, offset + space.length)) ? '\u3000' : ' '))
}

/** Does a space between these characters part two phrases? Only when neither is Latin text. */
function partsPhrases(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && charClass(before) !== 'latin' && charClass(after) !== 'latin'
}

/** Headlines longer than this many lines are too long for the deck (a warning). */
const MAX_HEADLINE_LINES = 3

/** Set centred lines of even length: the narrowest measure that keeps the line count. */
function setBalanced(text: string, style: TextStyle, size: number, widthPt: number, context: DeckContext): readonly Line[] {
  const lines = setCentred(text, style, size, widthPt, context)
  if (lines.length < 2) return lines
  for (let measure = Math.ceil(widthPt / lines.length / size) * size; measure < widthPt; measure += size) {
    const trial = setCentred(text, style, size, measure, context)
    if (trial.length === lines.length) return trial.map((line) => ({...line, xPt: line.xPt + (widthPt - measure) / 2}))
  }
  return lines
}

/** Split phrases into the fewest lines that fit, then balance: minimise the longest line. */
function balancePhrases(widths: number[], limit: number, gap: number): number[][] | undefined {
  const n = widths.length
  for (let count = 2; count <= Math.min(n, 4); count++) {
    let best: {groups: number[][]; longest: number} | undefined
    const search = (start: number, left: number, groups: number[][]): void => {
      if (left === 1) {
        const group = range(start, n)
        const width = groupWidth(widths, group, gap)
        if (width > limit) return
        const all = [...groups, group]
        const longest = Math.max(...all.map((g) => groupWidth(widths, g, gap)))
        if (!best || longest < best.longest) best = {groups: all, longest}
        return
      }
      for (let end = start + 1; end <= n - left + 1; end++) {
        const group = range(start, end)
        if (groupWidth(widths, group, gap) > limit) break
        search(end, left - 1, [...groups, group])
      }
    }
    search(0, count, [])
    if (best) return (best as {groups: number[][]}).groups
  }
  return undefined
}

function range(start: number, end: number): number[] {
  return Array.from({length: end - start}, (_, i) => start + i)
}

function groupWidth(widths: number[], group: number[], gap: number): number {
  return group.reduce((sum, i) => sum + widths[i]!, 0) + gap * (group.length - 1)
}

function naturalWidth(atoms: ReturnType<Shaper>): number {
  const absorbed = absorbSpaces(atoms)
  return absorbed.reduce((sum, atom) => sum + atomWidth(atom) + (atom.spaceAfterPt ?? 0), 0)
}
