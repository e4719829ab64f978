import path from 'node:path'
import {VFile} from 'vfile'
import type {Article, Position} from '../article/types.js'
import {parseMarkdown} from '../parse/parse-markdown.js'
import {toArticle} from '../article/to-article.js'
import {oneLine} from '../article/deck-lines.js'
import {loadTemplate, TemplateError, type Template} from '../config/template.js'
import {resolveGrid} from '../config/resolve-template.js'
import {openFontBook} from '../shape/font-book.js'
import {prepareImages} from '../assets/prepare-images.js'
import {documentInfo, makeShaper, type RenderOptions} from '../build/render-article.js'
import {metaCharPlace} from '../build/meta-char-place.js'
import type {PagedDocument} from '../page/types.js'
import {renderPdf} from '../render/pdf/render-pdf.js'
import {report} from '../diagnostics/report.js'
import {resolveHandout} from './resolve-handout.js'
import {splitSections} from './split-sections.js'
import {selectSections} from './select-sections.js'
import {handoutFileNames} from './handout-file-names.js'
import {layoutWithoutRunt} from './layout-without-runt.js'
import {combineHandouts} from './combine-handouts.js'
import {pageFooter} from './page-footer.js'
import type {HandoutHeading, HandoutLayoutContext, Section} from './types.js'

/** Options of `renderHandouts`. */
export interface HandoutsOptions extends RenderOptions {
  /** Section orders to set, 0 being an own lead (default: all). */
  sections?: readonly number[]
  /** Also make one combined file with a cover, contents and bookmarks (default: false). */
  combined?: boolean
  /** Give the lead its own handout (default: the template's `handout.leadOwnHandout`). */
  leadOwn?: boolean
}

/** One typeset handout. */
export interface RenderedHandout {
  section: Section
  /** File name, `NN-<title>.pdf`. */
  name: string
  pdf: Uint8Array
  document: PagedDocument
}

/** What typesetting an article's handouts gave. */
export interface HandoutsResult {
  file: VFile
  article?: Article
  /** Every section of the article, selected or not. */
  sections: Section[]
  handouts: RenderedHandout[]
  combined?: {pdf: Uint8Array; document: PagedDocument}
}

/**
 * Typeset one article as training handouts, one PDF per `##` section (and
 * optionally one combined PDF), on the `handout` template (or `template`).
 * Same engine as the paper: composeBlocks rows flowed on the grid. Problems
 * are messages on `result.file`; no PDFs when an error prevented them.
 * Deterministic: the same input gives the same bytes.
 */
export async function renderHandouts(source: string, filePath: string, options: HandoutsOptions = {}): Promise<HandoutsResult> {
  const file = new VFile({path: filePath, value: source})
  if (source.replace(/^\uFEFF/, '').trim() === '') {
    report(file, 'error', 'empty-file', 'The file is empty: nothing to typeset', {line: 1, column: 1}, 'write front matter and a body')
    return {file, sections: [], handouts: []}
  }
  // Turn Markdown into the article model.
  const article = toArticle(parseMarkdown(source), file, {normalizePunctuation: options.normalizePunctuation ?? true})
  if (article.children.length === 0) {
    report(file, 'error', 'no-body', 'The article has no body text: no handout to make', article.metaPosition?.end ?? {line: 1, column: 1})
    return {file, article, sections: [], handouts: []}
  }
  // Resolve the template: one column, and its handout block.
  const template = templateFor(options, file, article)
  if (!template) return {file, article, sections: [], handouts: []}
  const handout = resolveHandout(template)
  // Split at the `##` heads and choose the sections to set.
  const sections = splitSections(article, {leadOwn: options.leadOwn ?? handout.leadOwnHandout, leadTitle: handout.leadTitle})
  checkSections(sections, article, file)
  const names = handoutFileNames(sections)
  const chosen = selectSections(sections.map((section, i) => ({...section, name: names[i]!})), options.sections, file)
  if (chosen.length === 0) return {file, article, sections, handouts: []}
  // Shape, compose and flow each section on the grid.
  const grid = resolveGrid(template)
  const book = openFontBook(options.fontsDir ? {fontsDir: options.fontsDir} : {})
  const articleDir = path.dirname(path.resolve(filePath))
  const images = await prepareImages(article, articleDir, options.contentRoot ?? articleDir, template, grid.measurePt, file, options.memo?.images())
  const shape = makeShaper(book, file, metaCharPlace(String(file.value ?? ''), article))
  const warn = (ruleId: string, reason: string, position?: Position): void => report(file, 'warning', ruleId, reason, position)
  const context: HandoutLayoutContext = {template, grid, handout, shape}
  const furniture = bandFacts(article, template)
  const laidOut = chosen.map(({name, ...section}) => {
    const heading: HandoutHeading = {articleTitle: oneLine(article.meta.title), sectionTitle: section.title, ...furniture}
    return {section, name, heading, pages: layoutWithoutRunt(section, article.meta, handout, {template, grid, shape, images: images.info, warn}, heading, context)}
  })
  // Number the pages and write each handout.
  const info = documentInfo(article)
  const handouts: RenderedHandout[] = []
  for (const {section, name, pages} of laidOut) {
    const numbered = pages.map((page, i) => ({...page, items: [...page.items, ...pageFooter(i + 1, pages.length, context)]}))
    const document: PagedDocument = {pages: numbered, info: {...info, title: `${section.title} — ${oneLine(article.meta.title)}`, subject: handout.label}, outline: [{title: section.title, page: 0, yPt: grid.topPt}], images: images.data}
    handouts.push({section, name, document, pdf: await renderPdf(document, book, {compress: options.compress ?? true})})
  }
  if (!options.combined) return {file, article, sections, handouts}
  // The combined file: cover with the deck and contents, each section from a new page, bookmarks.
  const heading: HandoutHeading = {articleTitle: oneLine(article.meta.title), sectionTitle: handout.contentsTitle, ...furniture}
  const document = combineHandouts(article.meta, heading, laidOut, context, {...info, subject: handout.label}, images.data)
  return {file, article, sections, handouts, combined: {document, pdf: await renderPdf(document, book, {compress: options.compress ?? true})}}
}

/** Load the handout template (or the one asked for); a template problem is an error diagnostic. */
function templateFor(options: HandoutsOptions, file: VFile, article: Article): Template | undefined {
  const place = article.metaPosition?.start ?? {line: 1, column: 1}
  let template: Template
  try {
    template = loadTemplate(options.template ?? 'handout')
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    report(file, 'error', 'template', error.message, place)
    return undefined
  }
  if (template.body.columns !== 1) {
    report(file, 'error', 'template-columns', `Template \`${template.name}\` has ${template.body.columns} columns; a handout is set in one`, place, 'use the handout template or set body.columns to 1')
    return undefined
  }
  if (template.kind !== 'handout') report(file, 'warning', 'template-kind', `Template \`${template.name}\` is a ${template.kind} template; setting handouts with it anyway`, place, 'set "kind": "handout"')
  return template
}

/** Warn about an article without `##` and about sections without a body. */
function checkSections(sections: readonly Section[], article: Article, file: VFile): void {
  if (sections[0]?.type === 'whole') {
    report(file, 'warning', 'no-sections', 'The article has no `##` section heads: one handout of the whole article', article.children[0]?.position?.start ?? {line: 1, column: 1}, 'mark sections with `## 小标题`')
  }
  for (const section of sections) {
    if (section.blocks.length === 0) report(file, 'warning', 'empty-section', `Section \`${section.title}\` has no body text: its handout carries the title only`, section.position?.start ?? {line: 1, column: 1})
  }
}

/**
 * Publication and date for the header band. Unlike the paper's masthead, a
 * long source (an issuing office with a document number) is still named:
 * on a loose sheet it is the only word on where the text comes from.
 */
function bandFacts(article: Article, template: Template): {publication?: string; date?: string} {
  const meta = article.meta
  const publication = meta.publication ?? template.furniture.publication ?? meta.source
  return {...(publication ? {publication} : {}), ...(meta.date ? {date: meta.date} : {})}
}
