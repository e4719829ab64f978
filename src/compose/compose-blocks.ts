import type {Block, Inline, InlineStyle, Position} from '../article/types.js'
import type {Atom} from '../text/atom.js'
import type {Template} from '../config/template.js'
import {EM_ASCENT, type Grid} from '../config/resolve-template.js'
import {typesetParagraph, type Line, type ParagraphOptions} from '../paragraph/typeset-paragraph.js'
import type {LineAlign} from '../paragraph/justify-line.js'
import {BREAK_COST, type Item, type Row} from './types.js'
import type {ShapeStyle} from '../shape/shape-text.js'

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
  /** Rows already composed, by `block:looseness`; lets repair passes recompose only what changed. */
  cache?: Map<string, Row[]>
  /** Warn about a layout problem at a source position. */
  warn: (ruleId: string, reason: string, position?: Position) => void
}

/**
 * Turn article blocks into rows of one column measure: paragraphs into body
 * lines on the grid, heads into whole-line bands, figures and tables into
 * rows sized to whole lines. Keep rules become `breakAfter` costs.
 */
export function composeBlocks(blocks: readonly Block[], context: ComposeContext): Row[] {
  const rows: Row[] = []
  blocks.forEach((block, index) => {
    const before = rows.length
    // Rows of a block depend only on the block and its looseness: reuse them across repair passes.
    const key = `${index}:${context.looseness?.get(index) ?? 0}`
    let blockRows = context.cache?.get(key)
    if (!blockRows) {
      blockRows = composeBlock(block, index, context)
      context.cache?.set(key, blockRows)
    }
    rows.push(...blockRows)
    // A head keeps with at least two lines of the body after it (clreq §3.7; newspaper make-up).
    const previous = rows[before - 1]
    if (previous?.kind === 'head' && block.type !== 'sectionHead') {
      const first = rows[before]
      if (first && rows[before + 1]?.block === index) rows[before] = {...first, breakAfter: BREAK_COST.keep}
    }
  })
  return rows
}

function composeBlock(block: Block, index: number, context: ComposeContext): Row[] {
  const {template, grid} = context
  const indent = grid.indentPt
  switch (block.type) {
    case 'paragraph':
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
      return headRows(block.children, block.depth, index, context)
    case 'list':
      return block.items.flatMap((item) => {
        const marker: Inline = {type: 'text', value: `${item.marker} `, style: {}}
        // Items read like paragraphs (2-em first-line indent), nested ones two characters further in.
        // Deep nesting stops indenting where at least 6 characters of measure would be left.
        const depthIndent = Math.min(item.depth * grid.bodySizePt * 2, Math.max(0, grid.measurePt - indent - MIN_LIST_MEASURE_CHARS * grid.bodySizePt))
        return paragraphRows([marker, ...item.children], index, context, {firstIndentPt: depthIndent + indent, restIndentPt: depthIndent})
      })
    case 'quote':
      return block.children.flatMap((runs) => paragraphRows(runs.map((run) => ({...run, style: {...run.style, font: 'kai'}})) as Inline[], index, context, {firstIndentPt: indent * 2, restIndentPt: indent}))
    case 'footnote':
      return paragraphRows([{type: 'text', value: `[${block.label}] `, style: {}}, ...block.children], index, context, {firstIndentPt: 0, restIndentPt: 0, sizePt: grid.bodySizePt * 0.86})
    case 'code':
      return block.value.split('\n').flatMap((line) => paragraphRows([{type: 'text', value: line || ' ', style: {code: true}}], index, context, {firstIndentPt: indent, restIndentPt: indent, align: 'left'}))
    case 'figure':
      return figureRows(block, index, context)
    case 'table':
      return tableRows(block.rows, index, context, block.position)
  }
}

interface ParagraphLayout {
  firstIndentPt: number
  restIndentPt: number
  align?: LineAlign
  sizePt?: number
}

/** Map inline style flags to a shaping style through the template. */
export function shapeStyleFor(style: InlineStyle & {font?: string}, template: Template, sizePt: number, baseFont: string): ShapeStyle {
  let font = style.font ?? baseFont
  if (style.speaker) font = template.qa.label
  else if (style.strong) font = template.strong
  else if (style.emphasis && template.emphasis === 'kai') font = 'kai'
  const shape: ShapeStyle = {font, sizePt: style.noteRef ? sizePt * 0.7 : sizePt}
  if (style.emphasis && template.emphasis === 'dots') shape.dots = true
  if (style.href) shape.href = style.href
  if (style.noteRef) shape.superscript = true
  return shape
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
  const atoms = shapeRuns(runs, context, size, template.body.font)
  const looseness = context.looseness?.get(block) ?? 0
  const lines = typesetParagraph(atoms, {...paragraphOptions(template, grid.measurePt, size, layout), looseness})
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

/** Cost of a column break after line `i` of `n` (orphans and widows, clreq §3.7). */
export function lineBreakCost(i: number, n: number): number {
  if (i === n - 1) return 0
  let cost: number = BREAK_COST.inside
  if (i === 0) cost += BREAK_COST.orphan
  if (i === n - 2) cost += BREAK_COST.widow
  return cost
}

function textItem(line: Line, baselinePt: number, role: string): Item {
  return {type: 'text', xPt: line.xPt, baselinePt, placed: line.placed, role, kind: line.kind, ratio: line.ratio}
}

/**
 * A section head (小标题): set in the head style, centred or flush left, in a
 * band of whole grid lines (clreq §2.3.4: heads take an integer multiple of
 * the line pitch), text centred vertically in the band.
 */
function headRows(runs: readonly Inline[], depth: number, block: number, context: ComposeContext): Row[] {
  const {grid, template} = context
  const style = template.heads[String(depth)] ?? template.heads['4'] ?? {font: 'hei', size: grid.bodySizePt, lines: 1, align: 'left'}
  const align = style.align === 'center' ? 'center' : 'left'
  // Shrink a head that would wrap down to body size first (a one-line head reads best).
  let size = style.size
  let atoms = shapeRuns(runs, context, size, style.font)
  const natural = atoms.reduce((sum, atom) => sum + atom.advancePt, 0)
  if (natural > grid.measurePt && size > grid.bodySizePt) {
    size = Math.max(grid.bodySizePt, Math.floor((style.size * grid.measurePt) / natural * 4) / 4)
    atoms = shapeRuns(runs, context, size, style.font)
  }
  let lines = typesetParagraph(atoms, paragraphOptions(template, grid.measurePt, size, {firstIndentPt: 0, restIndentPt: 0, align}))
  if (lines.length > 1) {
    // Balance a wrapped head: the narrowest whole-character measure that keeps the line count,
    // at most the measure less 2 characters so a centred line clearly reads as a head.
    const count = lines.length
    const maxChars = Math.floor(grid.measurePt / size + 1e-9) - (align === 'center' ? 2 : 1)
    let balanced: Line[] | undefined
    for (let chars = Math.ceil(natural / size / count); chars <= maxChars && !balanced; chars++) {
      const trial = typesetParagraph(atoms, paragraphOptions(template, chars * size, size, {firstIndentPt: 0, restIndentPt: 0, align}))
      if (trial.length === count) {
        const shift = align === 'center' ? (grid.measurePt - chars * size) / 2 : 0
        balanced = trial.map((line) => ({...line, xPt: line.xPt + shift}))
      }
    }
    // Otherwise fill the measure: justified lines, the last one centred.
    lines = balanced ?? typesetParagraph(atoms, {...paragraphOptions(template, grid.measurePt, size, {firstIndentPt: 0, restIndentPt: 0, align: 'justify'}), lastAlign: align})
  }
  // The band is whole grid lines with the head's lines on grid baselines, centred (one blank line above and below).
  if (lines.length > MAX_HEAD_LINES) {
    // A runaway head (a paragraph marked as a heading): one row per line, so it can never outgrow a column.
    // Its lines may part across columns; only the last keeps with the text after it.
    return lines.map((line, i) => ({span: 1, items: [textItem(line, grid.baselineOffsetPt, 'head')], breakAfter: i === lines.length - 1 ? BREAK_COST.keep : lineBreakCost(i, lines.length), kind: 'head', block}))
  }
  const span = Math.max(style.lines, lines.length + 2)
  const first = Math.floor((span - lines.length) / 2)
  const items = lines.map((line, i) => textItem(line, (first + i) * grid.pitchPt + grid.baselineOffsetPt, 'head'))
  return [{span, items, breakAfter: BREAK_COST.keep, kind: 'head', block}]
}

/** 突排 hangs later lines by a three-character name and its colon (clreq §3.7.2 example: 4 em). */
const HANGING_LABEL_CHARS = 4

/** Characters a nested list item keeps for its text at any depth. */
const MIN_LIST_MEASURE_CHARS = 6

/** Heads longer than this many lines are set line by line. */
const MAX_HEAD_LINES = 4

/** Narrowest table cell in characters, and the smallest type a wide table may be set in. */
const MIN_CELL_CHARS = 2
const MIN_TABLE_SIZE_PT = 5
/** A column break inside one table row: allowed, but a break between rows is better. */
const TABLE_ROW_SPLIT_COST = 800

/** Caption size relative to the body. */
const CAPTION_SCALE = 0.86

function figureRows(figure: Extract<Block, {type: 'figure'}>, block: number, context: ComposeContext): Row[] {
  const {grid, template} = context
  const info = context.images.get(figure.src)
  const width = grid.measurePt
  let height = info ? (width * info.heightPx) / info.widthPx : width * 0.6
  const maxHeight = grid.pitchPt * Math.max(3, grid.linesPerColumn - 8)
  if (height > maxHeight) {
    context.warn('figure-scaled', `Figure ${figure.src} is taller than a column allows; scaled to fit`, figure.position)
    height = maxHeight
  }
  const span = Math.max(2, Math.ceil((height + grid.pitchPt * 0.3) / grid.pitchPt))
  const drawnWidth = info ? Math.min(width, (height * info.widthPx) / info.heightPx) : width
  const x = (width - drawnWidth) / 2
  const items: Item[] = info
    ? [{type: 'image', xPt: x, yPt: grid.pitchPt * 0.15, widthPt: drawnWidth, heightPt: height, image: info.key}]
    : [{type: 'box', xPt: 0, yPt: grid.pitchPt * 0.15, widthPt: width, heightPt: height, style: 'placeholder'}]
  const rows: Row[] = [{span, items, breakAfter: figure.caption.length > 0 ? BREAK_COST.keep : 0, kind: 'figure', block}]
  if (figure.caption.length > 0) {
    const size = grid.bodySizePt * CAPTION_SCALE
    const atoms = shapeRuns(figure.caption, context, size, 'hei')
    const lines = typesetParagraph(atoms, paragraphOptions(template, width, size, {firstIndentPt: 0, restIndentPt: 0, align: 'justify'}))
    lines.forEach((line, i) => rows.push({span: 1, items: [textItem(line, grid.baselineOffsetPt, 'caption')], breakAfter: i < lines.length - 1 ? BREAK_COST.keep : 0, kind: 'figure', block}))
  }
  return rows
}

/**
 * A GFM table inside one column: cells share the measure in whole
 * characters, each cell's text wraps (kinsoku applies), header in 黑,
 * rules above, below the header and at the foot. Every row is whole lines.
 */
function tableRows(cells: readonly (readonly Inline[][])[], block: number, context: ComposeContext, position?: Position): Row[] {
  const {grid, template} = context
  const columns = Math.max(1, ...cells.map((row) => row.length))
  // Cells take whole characters of a slightly smaller size; a table too wide for that is set smaller still.
  let size = grid.bodySizePt * CAPTION_SCALE
  const gapChars = 1
  const needed = columns * MIN_CELL_CHARS + gapChars * (columns - 1)
  if (needed * size > grid.measurePt) {
    size = Math.max(MIN_TABLE_SIZE_PT, grid.measurePt / needed)
    context.warn('table-too-wide', `Table has ${columns} columns, too many for the column measure; set at ${size.toFixed(1)} pt`, position)
  }
  const totalChars = Math.floor(grid.measurePt / size + 1e-9)
  const cellChars = Math.max(1, Math.floor((totalChars - gapChars * (columns - 1)) / columns))
  const cellWidth = cellChars * size
  const rows: Row[] = []
  const rule = (y: number, width = 0.5): Item => ({type: 'rule', x1: 0, y1: y, x2: grid.measurePt, y2: y, widthPt: width})
  cells.forEach((row, r) => {
    const setCells = row.map((runs) => {
      const atoms = shapeRuns(r === 0 ? runs.map((run) => ({...run, style: {...run.style, strong: true}})) : runs, context, size, template.body.font)
      return typesetParagraph(atoms, paragraphOptions(template, cellWidth, size, {firstIndentPt: 0, restIndentPt: 0, align: 'left'}))
    })
    const height = Math.max(1, ...setCells.map((lines) => lines.length))
    // One grid row per line of the table row, so a tall row can continue in the next column.
    for (let i = 0; i < height; i++) {
      const items: Item[] = []
      setCells.forEach((lines, c) => {
        const line = lines[i]
        if (line) items.push({type: 'text', xPt: c * (cellWidth + gapChars * size), baselinePt: grid.baselineOffsetPt, placed: line.placed, role: 'cell'})
      })
      if (r === 0 && i === 0) items.push(rule(0, 0.8))
      if (r === 0 && i === height - 1) items.push(rule(grid.pitchPt, 0.5))
      if (r === cells.length - 1 && i === height - 1) items.push(rule(grid.pitchPt, 0.8))
      const last = i === height - 1
      rows.push({span: 1, items, breakAfter: r === 0 ? BREAK_COST.keep : last ? 0 : TABLE_ROW_SPLIT_COST, kind: 'table', block})
    }
  })
  return rows
}
