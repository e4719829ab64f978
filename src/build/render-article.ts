import path from 'node:path'
import {VFile} from 'vfile'
import type {Article, ArticleMeta, Block, Inline, Position} from '../article/types.js'
import {parseMarkdown} from '../parse/parse-markdown.js'
import {toArticle} from '../article/to-article.js'
import {deckLines, oneLine} from '../article/deck-lines.js'
import {LINE_BREAK} from '../text/segment.js'
import {loadTemplate, TemplateError, type Template} from '../config/template.js'
import {resolveGrid, type Grid} from '../config/resolve-template.js'
import {openFontBook, type FontBook} from '../shape/font-book.js'
import {shapeText, type MissingChar} from '../shape/shape-text.js'
import {blockRows, composeBlocks, type Shaper} from '../compose/compose-blocks.js'
import type {Row} from '../compose/types.js'
import {dashedSubtitle, layoutDeck, metaLine, type Deck} from '../page/deck.js'
import {paginate} from '../page/paginate.js'
import {repairLayout, type Looseness} from './repair-layout.js'
import type {PagedDocument} from '../page/types.js'
import {renderPdf} from '../render/pdf/render-pdf.js'
import {prepareImages} from '../assets/prepare-images.js'
import {report} from '../diagnostics/report.js'
import type {BuildMemo} from './build-memo.js'
import {metaCharPlace} from './meta-char-place.js'
import type {Point} from 'unist'

/** Options shared by every build command. */
export interface RenderOptions {
  /** Template name or path to a template JSON (default: front matter `template`, else `newspaper`). */
  template?: string
  /** Folder of user fonts by role (default: none; the CLI passes `fonts/`). */
  fontsDir?: string
  /** Turn half-width punctuation between Chinese characters full-width (default: true). */
  normalizePunctuation?: boolean
  /** Draw the grid, column frames and baselines over the page (default: false). */
  debug?: boolean
  /** Images must lie below this folder (default: the article's folder). */
  contentRoot?: string
  /** Deflate streams (default: true). */
  compress?: boolean
  /** Lines and font programs kept from earlier articles (`createBuildMemo`); absent: nothing is kept. */
  memo?: BuildMemo
}

/** The result of typesetting one article: PDF bytes unless an error made them impossible. */
export interface RenderResult {
  pdf?: Uint8Array
  file: VFile
  pages: number
  article?: Article
  document?: PagedDocument
}

/**
 * Typeset one article: Markdown text in, PDF bytes out. Pure apart from
 * reading fonts, templates and images: the same input gives the same bytes.
 * Problems are messages on `result.file`; `pdf` is absent when an error
 * prevented a useful page.
 */
export async function renderArticle(source: string, filePath: string, options: RenderOptions = {}): Promise<RenderResult> {
  const file = new VFile({path: filePath, value: source})
  // An empty file has nothing to set.
  if (source.replace(/^\uFEFF/, '').trim() === '') {
    report(file, 'error', 'empty-file', 'The file is empty: nothing to typeset', {line: 1, column: 1}, 'write front matter and a body')
    return {file, pages: 0}
  }
  // Turn Markdown into the article model; content problems land on `file`.
  const article = toArticle(parseMarkdown(source), file, {normalizePunctuation: options.normalizePunctuation ?? true})
  if (article.children.length === 0 && !article.meta.title) {
    report(file, 'error', 'no-content', 'No title and no body text: nothing to typeset', {line: 1, column: 1})
    return {file, pages: 0, article}
  }
  // A front matter that could not be read already has its error: no warnings for the fields it lost.
  const metaUnread = file.messages.some((message) => message.fatal === true && FRONT_MATTER_UNREAD.has(message.ruleId ?? ''))
  if (!article.meta.title && !metaUnread) report(file, 'warning', 'no-title', 'No title in front matter and no # heading; the deck shows （无标题） in its place', {line: 1, column: 1}, 'add `title:`')
  if (article.children.length === 0) report(file, 'warning', 'no-body', 'The article has a title but no body text', article.metaPosition?.end ?? {line: 1, column: 1})
  // Resolve the template and its grid once.
  let template: Template
  try {
    template = forLanguage(loadTemplate(options.template ?? article.meta.template ?? 'newspaper'), article.meta.lang)
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    // The front matter's `template:` value when the article named it; else where the front matter starts.
    const named = options.template === undefined ? article.metaPlaces?.template : undefined
    report(file, 'error', 'template', error.message, named ?? article.metaPosition?.start ?? {line: 1, column: 1})
    return {file, pages: 0, article}
  }
  // A newspaper page is dated: its 报头 line and meta line show the front matter's date. (A file with no
  // front matter at all already has a warning that says so.)
  if (!article.meta.date && !metaUnread && article.metaPosition && template.kind === 'newspaper' && template.furniture.show) {
    report(file, 'warning', 'no-date', 'No `date` in the front matter: the page’s 报头 line and the meta line carry no date', article.metaPosition.start, 'add `date: YYYY-MM-DD`')
  }
  const document = await layoutArticle(article, template, file, options, path.dirname(path.resolve(filePath)))
  const book = openFontBook(fontOptions(options))
  const grid = resolveGrid(template)
  const pdf = await renderPdf(document, book, {
    compress: options.compress ?? true,
    ...(options.memo ? {fontPrograms: options.memo.fontPrograms(book)} : {}),
    ...(options.debug ? {debug: {columnsXPt: grid.columnXPt, measurePt: grid.measurePt, topPt: grid.topPt, pitchPt: grid.pitchPt, lines: grid.linesPerColumn, baselineOffsetPt: grid.baselineOffsetPt}} : {})
  })
  return {pdf, file, pages: document.pages.length, article, document}
}

/** Errors after which the front matter's fields were not read at all (`readFrontMatter`). */
const FRONT_MATTER_UNREAD = new Set(['front-matter-yaml', 'front-matter-shape'])

/**
 * Traditional Chinese (zh-Hant) sets punctuation centred in its em box and
 * does not compress it (clreq §3.1.4, Taiwan and Hong Kong practice).
 */
export function forLanguage(template: Template, lang: string): Template {
  return lang === 'zh-Hant' ? {...template, punctuation: 'centred'} : template
}

function fontOptions(options: RenderOptions): {fontsDir?: string} {
  return options.fontsDir ? {fontsDir: options.fontsDir} : {}
}

/** Lay out an article as a newspaper page sequence (deck, columns, furniture). */
export async function layoutArticle(article: Article, template: Template, file: VFile, options: RenderOptions, articleDir: string): Promise<PagedDocument> {
  const grid = resolveGrid(template)
  const book = openFontBook(fontOptions(options))
  const images = await prepareImages(article, articleDir, options.contentRoot ?? articleDir, template, grid.measurePt, file, options.memo?.images())
  const shape = makeShaper(book, file, metaCharPlace(String(file.value ?? ''), article))
  // Layout may run more than once (widow repair): say each thing once.
  const warned = new Set<string>()
  const warn = (ruleId: string, reason: string, position?: Position): void => {
    const key = `${ruleId}|${reason}|${position?.start.line}:${position?.start.column}`
    if (warned.has(key)) return
    warned.add(key)
    report(file, 'warning', ruleId, reason, position)
  }
  // Lay out the deck across the columns it spans.
  const span = template.deck.span > 0 ? Math.min(template.deck.span, grid.columns) : grid.columns
  const deckWidth = span * grid.measurePt + (span - 1) * grid.gutterPt
  // A statute's 题注 or a document's 发文字号 stands under the headline, across the deck (the first block,
  // when it is one), as the official gazettes and newspapers print them.
  const first = article.children[0]
  const lifted = first?.type === 'paragraph' && (first.part === 'note' || first.part === 'number')
  const note = lifted ? {text: blockText(first), bracketed: first.part === 'note', ...(first.position ? {position: first.position} : {})} : undefined
  const memo = options.memo?.lines(book)
  let deck: Deck | undefined = layoutDeck(article.meta, template, grid, deckWidth, shape, (reason) => warn('headline-too-long', reason, titlePlace(article)), note, memo)
  let blocks = note ? article.children.slice(1) : article.children
  if (deck.lines > grid.linesPerColumn * MAX_DECK_SHARE) {
    // A deck taller than half a column would crowd out the body: set it at the head of the body instead.
    warn('deck-too-tall', `The deck needs ${deck.lines} lines, more than half a column; its text is set at the head of the body instead`, article.metaPosition)
    blocks = [...deckAsBlocks(article), ...article.children]
    deck = undefined
  }
  // Set the body into rows of one column measure, flow them into columns and pages;
  // then repair widows and orphans by setting a nearby paragraph a line tighter or looser.
  const paginateContext = {template, grid, shape, furniture: furnitureFor(article, template)}
  const cache = new Map<string, Row[]>()
  const compose = {template, grid, shape, images: images.info, warn, cache, ...(memo ? {memo} : {})}
  const layOut = (looseness: Looseness, place = true) => paginate(composeBlocks(blocks, {...compose, looseness}), deck, paginateContext, {place})
  const rowsOf = (block: number, looseness: -1 | 0 | 1): number => blockRows(blocks, block, {...compose, looseness: looseness === 0 ? new Map() : new Map([[block, looseness]])}).length
  const {layout: best, looseness, placed} = repairLayout(blocks, layOut, rowsOf)
  const {pages, places} = placed ? best : layOut(looseness)
  const outline = blocks.flatMap((block, index) => {
    const place = places.get(index)
    return block.type === 'sectionHead' && block.depth === 2 && place ? [{title: blockText(block), page: place.page, yPt: place.yPt}] : []
  })
  return {pages, info: documentInfo(article), outline, images: images.data}
}

/** Largest share of a column's lines the deck may take before it is set in the body instead. */
const MAX_DECK_SHARE = 0.5

/** The deck's text as body blocks (引题, 主题, 副题 as heads, the meta line as a paragraph). */
function deckAsBlocks(article: Article): Block[] {
  const meta = article.meta
  // Each block stands where its field's value is (the meta line, made of several fields, at the front
  // matter as a whole). The text has no position of its own: a character no font has is found in the front
  // matter by the shaper (metaCharPlace), and a forced break is reported at its block.
  const at = (position: Position | undefined): {position?: Position} => (position ? {position} : {})
  // A line break the editor wrote in a deck field breaks the head there too (LINE_BREAK: a forced break).
  const run = (value: string): Inline[] => [{type: 'text', value: deckLines(value).join(LINE_BREAK), style: {}}]
  const blocks: Block[] = []
  if (meta.kicker) blocks.push({type: 'sectionHead', depth: 3, children: run(meta.kicker), ...at(fieldPlace(article, 'kicker'))})
  blocks.push({type: 'sectionHead', depth: 2, children: run(meta.title || '（无标题）'), ...at(fieldPlace(article, 'title'))})
  if (meta.subtitle) blocks.push({type: 'sectionHead', depth: 3, children: run(dashedSubtitle(meta.subtitle)), ...at(fieldPlace(article, 'subtitle'))})
  const line = metaLine(meta)
  if (line) blocks.push({type: 'paragraph', role: 'lead', children: run(line), ...at(article.metaPosition)})
  return blocks
}

/** Longest source name used as the masthead (报头) when no publication is given. */
const MASTHEAD_MAX_CHARS = 10
/**
 * A source that credits people, not a publication: never a masthead. It
 * speaks of "this paper" (本报讯, 本报记者 张三) or names people after a role
 * (记者 王五, 新华社记者 张三, 通讯员 李四); a title ending in the role word
 * (中国记者, a journal) is a publication.
 */
const BYLINE_SOURCE = /^本报|(?:记者|通讯员|实习生|评论员)(?!$)/

/** Furniture facts: publication from front matter, template, or source. */
export function furnitureFor(article: Article, template: Template) {
  const meta = article.meta
  const furniture: {publication?: string; date?: string; section?: string; firstPage: number} = {firstPage: meta.page ?? 1}
  // A long source (an issuing office with a document number) or a byline is no masthead name.
  const shortSource = meta.source && [...meta.source].length <= MASTHEAD_MAX_CHARS && !BYLINE_SOURCE.test(meta.source) ? meta.source : undefined
  const publication = meta.publication ?? template.furniture.publication ?? shortSource
  if (publication) furniture.publication = publication
  if (meta.date) furniture.date = meta.date
  const section = meta.section ?? template.furniture.section
  if (section) furniture.section = section
  return furniture
}

/** PDF metadata from the front matter. */
export function documentInfo(article: Article) {
  const meta = article.meta
  const info: PagedDocument['info'] = {title: oneLine(meta.title) || path.basename('untitled'), lang: meta.lang}
  const author = [meta.author, meta.editor].filter(Boolean).join('；')
  if (author) info.author = author
  const subject = [meta.kicker, meta.subtitle].filter(Boolean).map((text) => oneLine(text!)).join(' | ')
  if (subject) info.subject = subject
  const keywords = [...(meta.keywords ?? []), meta.source].filter(Boolean).join(', ')
  if (keywords) info.keywords = keywords
  if (meta.date) info.date = meta.date
  return info
}

/** The `title:` value in the front matter, else the front matter as a whole (a headline's warnings stand there). */
function titlePlace(article: Article): Position | undefined {
  return fieldPlace(article, 'title')
}

/** Where a front-matter field's value starts, else the front matter as a whole. */
function fieldPlace(article: Article, field: keyof ArticleMeta): Position | undefined {
  const place = article.metaPlaces?.[field]
  return place ? {start: place, end: place} : article.metaPosition
}

/** The replacement character, which the decoder sets for bytes that are not UTF-8. */
const REPLACEMENT = '\uFFFD'

/** Make the shaper for a build: shapes with the font book, reports characters no font has. */
export function makeShaper(book: FontBook, file: VFile, placeOf?: (char: string) => Point | undefined): Shaper {
  const reported = new Set<string>()
  return (text, style, position) => {
    const missing: MissingChar[] = []
    const atoms = shapeText(text, style, book, missing)
    for (const {char, offset} of missing) {
      // U+FFFD stands for text already lost (damaged bytes are reported where the decoder met them);
      // a box is what it means, whether or not a font draws it.
      if (char === REPLACEMENT) continue
      const cp = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
      // Body text comes with its source position; deck and furniture text is found in the front matter.
      const place = position ? {line: position.start.line, column: position.start.column + offset} : (placeOf?.(char) ?? {line: 1, column: 1})
      const key = `${cp}@${place.line}:${place.column}`
      if (reported.has(key)) continue
      reported.add(key)
      report(file, 'warning', 'missing-glyph', `No font has ${char} (${cp}); drawn as a placeholder box`, place, 'add a font with this character to fonts/ as fallback-*.ttf')
    }
    return atoms
  }
}

/** Plain text of a block with inline children. */
export function blockText(block: Block): string {
  return 'children' in block && Array.isArray(block.children) ? block.children.map((run) => ('value' in run ? run.value : '')).join('') : ''
}
