import type {Block, Inline, InlineStyle, Position} from '../article/types.js'
import type {Atom} from '../text/atom.js'
import type {Template} from '../config/template.js'
import type {Grid} from '../config/resolve-template.js'
import {typesetParagraph, type Line, type ParagraphOptions} from '../paragraph/typeset-paragraph.js'
import type {LineAlign} from '../paragraph/justify-line.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import {headRows} from './head-rows.js'
import {figureRows} from './figure-rows.js'
import {tableRows} from './table-rows.js'
import {signoffRows} from './signoff-rows.js'
import {isEnclosed} from '../text/enclosed.js'
import {charClass} from '../text/char-class.js'
import type {ShapeStyle} from '../shape/shape-text.js'
import {templateKey, type LineMemo} from './line-memo.js'

/** Shape a string in a style; injected so composition stays font-free. */
export type Shaper = (text: string, style: ShapeStyle, position?: Position) => Atom[]

/** Pixel size of a prepared image, or why it could not be prepared. */
export interface ImageInfo {
  key: string
  widthPx: number
  heightPx: number
}

/** What block composition needs beyond the blocks. */
export interface ComposeContext {
  template: Template
  grid: Grid
  shape: Shaper
  /** Prepared images by their Markdown `src`; absent = placeholder. */
  images: ReadonlyMap<string, ImageInfo>
  /** Per block index: set the paragraph one line tighter (-1) or looser (+1), for widow/orphan repair. */
  looseness?: ReadonlyMap<number, -1 | 1>
  /** One-column pictures set at this share of their size (default 1): a handout's last lines pulled back. */
  figureScale?: number
  /** Rows already composed, by `block:looseness`; lets repair passes recompose only what changed. */
  cache?: Map<string, Row[]>
  /** Lines of paragraphs already set, kept across articles set with the same fonts (absent: set every paragraph). */
  memo?: LineMemo
  /** All blocks of the article, for rules that look at a block's neighbour (stacked heads). */
  blocks?: readonly Block[]
  /** Warn about a layout problem at a source position. */
  warn: (ruleId: string, reason: string, position?: Position) => void
}

/**
 * Turn article blocks into rows of one column measure: paragraphs into body
 * lines on the grid, heads into whole-line bands, figures and tables into
 * rows sized to whole lines. Keep rules become `breakAfter` costs.
 */
export function composeBlocks(blocks: readonly Block[], input: ComposeContext): Row[] {
  const context = {...input, blocks}
  const rows: Row[] = []
  blocks.forEach((block, index) => {
    const before = rows.length
    rows.push(...rowsOfBlock(block, index, context))
    // A head keeps with at least two lines of the body after it (clreq §3.7; newspaper make-up).
    const previous = rows[before - 1]
    if (previous?.kind === 'head' && block.type !== 'sectionHead') {
      const first = rows[before]
      if (first && rows[before + 1]?.block === index) rows[before] = {...first, breakAfter: BREAK_COST.keep}
    }
    // A 落款, an end mark or a credit stays with the last line of the text it closes: it never opens a column alone.
    const closes = block.type === 'signoff' || (block.type === 'paragraph' && block.part === 'credit')
    if (closes && previous?.kind === 'body') rows[before - 1] = {...previous, breakAfter: BREAK_COST.keep}
  })
  return rows
}

/**
 * The rows of one block of `blocks` at its looseness in `input`, before the
 * keep rules that join it to its neighbours (as many rows as it adds to
 * `composeBlocks`).
 */
export function blockRows(blocks: readonly Block[], index: number, input: ComposeContext): readonly Row[] {
  return rowsOfBlock(blocks[index]!, index, {...input, blocks})
}

/** Rows of a block depend only on the block and its looseness: kept in the context's cache across repair passes. */
function rowsOfBlock(block: Block, index: number, context: ComposeContext): Row[] {
  const key = `${index}:${context.looseness?.get(index) ?? 0}`
  let rows = context.cache?.get(key)
  if (!rows) {
    rows = composeBlock(block, index, context)
    context.cache?.set(key, rows)
  }
  return rows
}

function composeBlock(block: Block, index: number, context: ComposeContext): Row[] {
  const {template, grid} = context
  const indent = grid.indentPt
  switch (block.type) {
    case 'paragraph':
      // 发文字号 centred (GB/T 9704-2012 §7.2.4); 主送机关 居左顶格，回行时仍顶格 (§7.3.2).
      if (block.part === 'number') return paragraphRows(block.children, index, context, {firstIndentPt: 0, restIndentPt: 0, align: 'center'})
      if (block.part === 'salutation') return paragraphRows(block.children, index, context, {firstIndentPt: 0, restIndentPt: 0})
      // A 题注 left in the body (no deck above it, as in a handout): centred in brackets, in the deck's 题注 face.
      if (block.part === 'note') return paragraphRows(noteRuns(block.children, template.deck.note.font), index, context, {firstIndentPt: 0, restIndentPt: 0, align: 'center'})
      // End marks and credits (（完）, （责任编辑：赵六）) at the right, unindented.
      if (block.part === 'credit') return paragraphRows(block.children, index, context, {firstIndentPt: 0, restIndentPt: 0, align: 'right'})
      // An 编者按 in 楷, its label in the label face.
      if (block.part === 'editorsNote') return paragraphRows(block.children.map((run) => ({...run, style: {...run.style, font: 'kai'}}) as Inline), index, context, {firstIndentPt: indent, restIndentPt: 0})
      return paragraphRows(block.children, index, context, {firstIndentPt: indent, restIndentPt: 0})
    case 'qaTurn': {
      const hanging = template.qa.hanging
      const question = block.role === 'question' && template.qa.question ? template.qa.question : undefined
      const runs = question ? block.children.map((run) => (run.style.speaker ? run : {...run, style: {...run.style, font: question}})) : block.children
      // 突排 (clreq §3.7.2 first-line indents): the turn starts flush and later lines hang under the text after the label.
      const labelChars = [...block.children.filter((run) => run.style.speaker).map((run) => run.value).join('')].length
      const hang = Math.max(HANGING_LABEL_CHARS, labelChars) * grid.bodySizePt
      return paragraphRows(runs as Inline[], index, context, {firstIndentPt: hanging ? 0 : indent, restIndentPt: hanging ? hang : 0})
    }
    case 'sectionHead':
      return headRows(block.children, block.depth, index, context, context.blocks?.[index - 1]?.type === 'sectionHead')
    case 'list':
      return block.items.flatMap((item) => {
        const marker: Inline = {type: 'text', value: markerText(item.marker, item.children), style: {}}
        // Items read like paragraphs (2-em first-line indent), nested ones two characters further in.
        // Deep nesting stops indenting where at least 6 characters of measure would be left.
        const depthIndent = Math.min(item.depth * grid.bodySizePt * 2, Math.max(0, grid.measurePt - indent - MIN_LIST_MEASURE_CHARS * grid.bodySizePt))
        return paragraphRows([marker, ...item.children], index, context, {firstIndentPt: depthIndent + indent, restIndentPt: depthIndent})
      })
    case 'quote':
      return block.children.flatMap((runs, at) => {
        const kai = runs.map((run) => ({...run, style: {...run.style, font: 'kai'}})) as Inline[]
        // The source under a quotation (——卢延让《苦吟》) stands at the right, as an epigraph's does.
        const source = at > 0 && at === block.children.length - 1 && QUOTE_SOURCE.test(runs.map((run) => run.value).join(''))
        return paragraphRows(kai, index, context, source ? {firstIndentPt: indent, restIndentPt: indent, align: 'right'} : {firstIndentPt: indent * 2, restIndentPt: indent})
      })
    case 'footnote':
      return paragraphRows([{type: 'text', value: `[${block.label}] `, style: {}}, ...block.children], index, context, {firstIndentPt: 0, restIndentPt: 0, sizePt: grid.bodySizePt * 0.86})
    case 'code':
      return block.value.split('\n').flatMap((line) => codeLineRows(line, index, context, indent))
    case 'figure':
      return figureRows(block, index, context)
    case 'table':
      return tableRows(block.rows, index, context, block.position, block.align)
    case 'signoff':
      return signoffRows(block, index, context)
    case 'sectionBreak': {
      // A blank grid line between the parts (空一行), none at either end of the text or after another break;
      // it falls away at a column top, where the column already parts the text.
      const blocks = context.blocks ?? []
      const inside = index > 0 && index < blocks.length - 1 && blocks[index - 1]?.type !== 'sectionBreak'
      return inside ? [{span: 1, items: [], breakAfter: 0, kind: 'space', block: index, topBlank: 1}] : []
    }
  }
}

/**
 * One line of a code block, set as written: flush left, its indentation kept
 * (as many spaces wide as it has, a tab as four), a line too long for the
 * measure continued one em further in, a blank line kept blank.
 */
function codeLineRows(line: string, block: number, context: ComposeContext, indentPt: number): Row[] {
  const text = line.replace(/^[ \t]+/, '')
  // A blank line of code is a blank grid line, as a section break is (none at a column top).
  if (!text) return [{span: 1, items: [], breakAfter: 0, kind: 'space', block, topBlank: 1}]
  const leading = line.length - text.length
  // The indentation shaped as code: one space atom as wide as its spaces.
  const leadPt = leading > 0 ? (shapeRuns([{type: 'text', value: line.slice(0, leading), style: {code: true}}], context, context.grid.bodySizePt, context.template.body.font)[0]?.advancePt ?? 0) : 0
  const firstIndentPt = Math.min(indentPt + leadPt, context.grid.measurePt / 2)
  return paragraphRows([{type: 'text', value: text, style: {code: true}}], block, context, {firstIndentPt, restIndentPt: firstIndentPt + context.grid.bodySizePt, align: 'left'})
}

/** A quotation's last paragraph that names its source (出处): led by a 破折号 (GB/T 15834—2011 §4.10). */
const QUOTE_SOURCE = /^\s*[—―]\s*\S/

interface ParagraphLayout {
  firstIndentPt: number
  restIndentPt: number
  align?: LineAlign
  sizePt?: number
}

/** A 题注's runs in brackets (added when the source has none), in `font`. */
function noteRuns(runs: readonly Inline[], font: string): Inline[] {
  const bracket = (value: string): Inline[] => [{type: 'text', value, style: {}}]
  const all = isEnclosed(runs.map((run) => run.value).join('')) ? [...runs] : [...bracket('（'), ...runs, ...bracket('）')]
  return all.map((run) => ({...run, style: {...run.style, font}}) as Inline)
}

/** Map inline style flags to a shaping style through the template. */
export function shapeStyleFor(style: InlineStyle & {font?: string}, template: Template, sizePt: number, baseFont: string): ShapeStyle {
  let font = style.font ?? baseFont
  if (style.speaker || style.clause || style.dateline || style.editorsNote) font = template.qa.label
  else if (style.strong) font = template.strong
  else if (style.emphasis && template.emphasis === 'kai') font = 'kai'
  const shape: ShapeStyle = {font, sizePt: style.noteRef ? sizePt * 0.7 : sizePt}
  if (style.emphasis && template.emphasis === 'dots') shape.dots = true
  if (style.strike) shape.strike = true
  if (style.href) shape.href = style.href
  if (style.noteRef) shape.superscript = true
  if (style.code) shape.code = true
  return shape
}

/**
 * A list item's marker as set before its text. A full-width bullet (•, ◦: a
 * character's cell with the dot in the middle) is followed by the text as
 * one character by the next; a number (`1.`) by the Han–Latin gap (¼ em,
 * clreq §3.2.1), or by a word space before Western text. Never by a word
 * space before Chinese text: a justified line stretches word spaces first,
 * and the items of a list would stand their text at different distances from
 * their markers.
 */
function markerText(marker: string, children: readonly Inline[]): string {
  if (charClass(String.fromCodePoint(marker.codePointAt(0) ?? 0x20)) !== 'latin') return marker
  const first = children.map((run) => run.value).join('').trimStart()[0]
  return first !== undefined && charClass(first) === 'latin' ? `${marker} ` : marker
}

/** Shape a list of runs at one size into one atom sequence. */
export function shapeRuns(runs: readonly Inline[], context: ComposeContext, sizePt: number, baseFont: string): Atom[] {
  return runs.flatMap((run) => context.shape(run.value, shapeStyleFor(run.style as InlineStyle & {font?: string}, context.template, sizePt, baseFont), run.position))
}

/** Paragraph options from the template, for a measure and indents. */
export function paragraphOptions(template: Template, measurePt: number, emPt: number, layout: Omit<ParagraphLayout, 'sizePt'>): ParagraphOptions {
  return {
    measurePt,
    firstIndentPt: layout.firstIndentPt,
    restIndentPt: layout.restIndentPt,
    emPt,
    align: layout.align ?? 'justify',
    kinsoku: template.kinsoku,
    punctuation: template.punctuation,
    cjkLatinEm: template.cjkLatin
  }
}

function paragraphRows(runs: readonly Inline[], block: number, context: ComposeContext, layout: ParagraphLayout): Row[] {
  const {grid, template} = context
  const size = layout.sizePt ?? grid.bodySizePt
  const looseness = context.looseness?.get(block) ?? 0
  const key = context.memo ? paragraphKey(runs, template, size, layout, looseness) : ''
  let lines = context.memo?.get(key)
  if (!lines) {
    const atoms = shapeRuns(runs, context, size, template.body.font)
    lines = typesetParagraph(atoms, {...paragraphOptions(template, grid.measurePt, size, layout), looseness})
    // A character no font has is reported as it is shaped: such a paragraph is shaped again next time.
    if (context.memo && !atoms.some((atom) => atom.missing)) context.memo.set(key, lines)
  }
  // Said once, of the paragraph as first set: repair trials re-set it tighter or looser, and most are not kept.
  const forced = looseness === 0 ? lines.find((line) => line.kind === 'emergency') : undefined
  if (forced) {
    // The line's last characters, where it was broken (the text before a break is what an editor looks for).
    const tail = [...forced.placed.map(({atom}) => atom.text).join('')].slice(-EXCERPT_CHARS).join('')
    // Where the text is; else where its block is (text made from the front matter has no place of its own).
    const place = placeOf(runs, tail) ?? context.blocks?.[block]?.position
    context.warn('forced-break', `A line had to be broken where no break is allowed, after “${tail}”: inside a word or a run with no break opportunity (a long URL, number or symbol run), or against a kinsoku rule`, place)
  }
  return lines.map((line, i) => ({
    span: 1,
    items: [textItem(line, grid.baselineOffsetPt, 'body')],
    breakAfter: lineBreakCost(i, lines.length),
    kind: 'body',
    block,
    paragraphStart: i === 0,
    paragraphEnd: i === lines.length - 1
  }))
}

/** Characters of a forced line's end quoted in its warning. */
const EXCERPT_CHARS = 12

/** Where `text` stands in the source: in the first run that holds it (its line and column), else where the paragraph starts. Escapes and entities before it can shift the column. */
function placeOf(runs: readonly Inline[], text: string): Position | undefined {
  const first = runs[0]?.position
  const run = text ? runs.find((candidate) => candidate.position && candidate.value.includes(text)) : undefined
  if (!run?.position) return first
  const offset = run.value.indexOf(text)
  const before = run.value.slice(0, offset)
  const newline = before.lastIndexOf('\n')
  const line = run.position.start.line + (before.match(/\n/g)?.length ?? 0)
  const column = newline < 0 ? run.position.start.column + offset : offset - newline
  return {start: {line, column}, end: {line, column: column + text.length}}
}

/** Everything that decides a paragraph's lines: the template (fonts by role, measure, rules), size, indents, looseness, styled text. */
function paragraphKey(runs: readonly Inline[], template: Template, sizePt: number, layout: ParagraphLayout, looseness: number): string {
  let key = `${templateKey(template)}|${sizePt}|${layout.firstIndentPt}|${layout.restIndentPt}|${layout.align ?? ''}|${looseness}`
  for (const run of runs) key += `\u0002${JSON.stringify(run.style)}\u0001${run.value}`
  return key
}

/** Cost of a column break after line `i` of `n` (orphans and widows, clreq §3.7). */
export function lineBreakCost(i: number, n: number): number {
  if (i === n - 1) return 0
  let cost: number = BREAK_COST.inside
  if (i === 0) cost += BREAK_COST.orphan
  if (i === n - 2) cost += BREAK_COST.widow
  return cost
}

/**
 * One row per typeset line, for a run too long to stay whole (a runaway head
 * or title): each line at `baselinePt` in its one-line row, the breaks
 * between them costed as a paragraph's (orphans and widows), the last row's
 * break `lastBreak`.
 */
export function rowPerLine(lines: readonly Line[], baselinePt: number, role: string, kind: Row['kind'], block: number, lastBreak: number): Row[] {
  return lines.map((line, i) => ({span: 1, items: [textItem(line, baselinePt, role)], breakAfter: i === lines.length - 1 ? lastBreak : lineBreakCost(i, lines.length), kind, block}))
}

/** A typeset line as a text item of a row, at `baselinePt` below the row top. */
export function textItem(line: Line, baselinePt: number, role: string): Item {
  return {type: 'text', xPt: line.xPt, baselinePt, placed: line.placed, role, kind: line.kind, ratio: line.ratio}
}

/** 突排 hangs later lines by a three-character name and its colon (clreq §3.7.2 example: 4 em). */
const HANGING_LABEL_CHARS = 4

/** Characters a nested list item keeps for its text at any depth. */
const MIN_LIST_MEASURE_CHARS = 6
