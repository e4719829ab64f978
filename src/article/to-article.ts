import type {Root, RootContent, PhrasingContent, Paragraph as MdParagraph, List as MdList, Heading, Table as MdTable, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import type {Article, Block, Figure, Inline, InlineStyle, ListItem, Point, Position, QaTurn} from './types.js'
import {parseFigureSpan} from './parse-figure-span.js'
import {readFrontMatter} from '../parse/front-matter.js'
import {normalizePunctuation} from './normalize-punctuation.js'
import {report} from '../diagnostics/report.js'
import {findSignoff} from './find-signoff.js'
import {findDocumentHead} from './find-document-head.js'
import {markClauseLabels} from './mark-clause-labels.js'
import {markDateline} from './mark-dateline.js'
import {markEditorsNote} from './mark-editors-note.js'
import {markEndCredits} from './mark-end-credits.js'
import {resolveSoftBreaks} from './soft-breaks.js'
import {expandHtmlBlocks, htmlAttribute, type HtmlParagraphData} from './html-block.js'
import {LINE_BREAK} from '../text/segment.js'
import {BLOCK_CONTAINERS} from '../parse/indented-code.js'

/** Options of the article converter. */
export interface ToArticleOptions {
  /** Turn half-width `, : ; ? ! ( )` between Chinese characters into full-width (default: true for Chinese). */
  normalizePunctuation?: boolean
}

/** Speakers that ask in an interview (the rest answer). */
const QUESTION_SPEAKERS = /^(本报)?记者$|^主持人$|^问$|^Q$|^编者$/

/** A run-in speaker label: a short name and a colon (記者：, 刘震民:). */
const BARE_SPEAKER = /^([\u4e00-\u9fff·]{1,6}|Q|A)[：:]/

/**
 * Convert an mdast tree into the typed, font-free Article (mdast-util-to-hast
 * style: one small handler per node type, positions copied onto every node).
 * Content problems are diagnostics on `file`; nothing is silently dropped.
 */
export function toArticle(parsed: Root, file: VFile, options: ToArticleOptions = {}): Article {
  // Raw HTML blocks (text pasted from a web page) are read as the paragraphs a browser shows, before anything else looks.
  const tree = expandHtmlBlocks(parsed)
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml')
  const places = new Map<string, Point>()
  const meta = readFrontMatter(yaml?.value, yaml?.position as Position | undefined, file, places)
  if (options.normalizePunctuation ?? true) {
    const changed = normalizePunctuation(tree, meta.lang === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans')
    if (changed > 0) report(file, 'info', 'punctuation-normalised', `Changed ${changed} half-width punctuation marks between Chinese characters to full width`, {line: 1, column: 1}, 'pass --no-normalize to keep them')
  }
  reportIndentedText(tree, file)
  const speakers = interviewSpeakers(tree)
  const hashHeads = tree.children.some((node) => node.type === 'heading' && node.depth >= 2)
  const interview = speakers.size > 0
  const children: Block[] = []
  let seenSection = false
  for (const node of tree.children) {
    if (node.type === 'yaml') continue
    if ((node.data as HtmlParagraphData | undefined)?.htmlBlock) report(file, 'warning', 'html-as-text', 'Raw HTML is read as a browser shows it: its block elements as paragraphs, its images as figures', node.position as Position | undefined, 'write Markdown instead of HTML')
    if (node.type === 'heading' && node.depth === 1 && !meta.title) {
      meta.title = plainText(node.children)
      report(file, 'warning', 'title-from-heading', 'No `title` in front matter: using the first heading as the headline', node.position, 'add `title:` to the front matter')
      continue
    }
    const bold = boldHead(node)
    if (bold) {
      // A paragraph that is a short line of bold text alone is how many newsrooms write a 小标题.
      seenSection = true
      const depth = hashHeads ? 3 : 2
      report(file, 'info', 'bold-paragraph-head', `A paragraph of bold text alone is set as a ${depth === 2 ? 'section head (##)' : 'sub-head (###)'}`, node.position as Position | undefined, `write it as \`${'#'.repeat(depth)} ${plainText(bold)}\` to say so`)
      children.push({type: 'sectionHead', depth, children: inlines(bold, {}, file), ...(node.position ? {position: node.position as Position} : {})} as Block)
      continue
    }
    if (node.type === 'heading') seenSection = true
    children.push(...convertBlock(node, file, {interview, speakers, lead: !seenSection}))
  }
  // A ## head is a section head, never the headline: setting it in the deck as well would print it twice.
  // Document and news passes, in order: end credits only where no 落款 was found (after one they are 附注),
  // the 主送 is told by a signed 落款, and the 电头 follows an 编者按.
  const marked = markDateline(markEditorsNote(markClauseLabels(findDocumentHead(markEndCredits(findSignoff(children))))))
  const article: Article = {type: 'article', meta, children: marked}
  if (yaml?.position) article.metaPosition = yaml.position as Position
  if (places.size > 0) article.metaPlaces = Object.fromEntries(places)
  return article
}

/**
 * The speakers of an interview: empty unless some paragraph opens with a
 * 记者/主持人 label, or some with 问/Q and some with 答/A (bold or bare);
 * then every bold run-in label's name and the asking roles. Bare labels
 * count only for these names, so narrative such as 他表示：… is not taken for
 * a turn, nor a lone 问：… for an interview.
 */
function interviewSpeakers(tree: Root): Set<string> {
  const labels = new Set<string>()
  let interview = false
  let asks = false
  let answers = false
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue
    const first = node.children[0]
    const second = node.children[1]
    let label: string | undefined
    // A bold label: **记者：**, or <strong>记者：</strong> pasted from a web page.
    const bold = first?.type === 'strong' ? plainText(first.children) : first?.type === 'html' && /^<(b|strong)\b[^>]*>$/i.test(first.value.trim()) && second?.type === 'text' ? second.value : undefined
    if (bold !== undefined) {
      label = bold.trim()
      if (!/^[^，。]{1,8}[：:]$/.test(label)) continue
      labels.add(label.slice(0, -1))
    } else if (first?.type === 'text') {
      label = /^[^，。：:]{1,8}[：:]/.exec(first.value)?.[0]
    }
    if (!label) continue
    if (/^(本报)?(记者|主持人)[：:]/.test(label) || (bold !== undefined && /记者|主持人/.test(label))) interview = true
    if (/^(问|Q)[：:]$/.test(label)) asks = true
    if (/^(答|A)[：:]$/.test(label)) answers = true
  }
  if (!interview && !(asks && answers)) return new Set()
  for (const asker of ['记者', '本报记者', '主持人', '问', '答', 'Q', 'A']) labels.add(asker)
  return labels
}

interface Context {
  interview: boolean
  speakers: ReadonlySet<string>
  lead: boolean
}

/**
 * Say where text indented by four spaces or a tab was read again as
 * Markdown (reparseIndentedCode marks the first node made of each such
 * block), at any depth: in a list item or a quote as at the top level.
 */
function reportIndentedText(parent: {children: RootContent[]}, file: VFile): void {
  for (const node of parent.children) {
    const indented = (node.data as {indentedBlock?: Position} | undefined)?.indentedBlock
    if (indented) report(file, 'info', 'indented-paragraph', 'Text indented by four spaces or a tab is code to Markdown; it is set as the text it is', indented, 'remove the indent (paragraphs are indented by the template), or fence code with ```')
    if (BLOCK_CONTAINERS.has(node.type)) reportIndentedText(node as {children: RootContent[]}, file)
  }
}

function convertBlock(node: RootContent, file: VFile, context: Context): Block[] {
  const position = node.position as Position | undefined
  switch (node.type) {
    case 'heading':
      return [{type: 'sectionHead', depth: Math.max(2, node.depth), children: inlines(node.children, {}, file), position} as Block]
    case 'paragraph':
      return paragraph(node, file, context)
    case 'list':
      return [{type: 'list', ordered: Boolean(node.ordered), start: node.start ?? 1, items: listItems(node, 0, file), position}]
    case 'blockquote': {
      const paragraphs: Inline[][] = []
      for (const child of node.children) {
        if (child.type === 'paragraph') paragraphs.push(inlines(child.children, {}, file))
        else if (child.type === 'list') for (const item of listItems(child, 0, file)) paragraphs.push([{type: 'text', value: `${item.marker} `, style: {}}, ...item.children])
        else paragraphs.push([{type: 'text', value: plainText([child as unknown as PhrasingContent]), style: {}}])
      }
      return [{type: 'quote', children: paragraphs, position}]
    }
    case 'table':
      return [table(node, file)]
    case 'code':
      // Fenced: indented text was read again as Markdown by the parser.
      return [{type: 'code', value: node.value, position}]
    case 'footnoteDefinition': {
      const runs: Inline[] = []
      for (const child of node.children) if (child.type === 'paragraph') runs.push(...inlines(child.children, {}, file))
      return [{type: 'footnote', label: node.label ?? node.identifier, children: runs, position}]
    }
    case 'thematicBreak':
      return [{type: 'sectionBreak', ...(position ? {position} : {})}]
    case 'html':
      // Raw HTML blocks were read as paragraphs (`expandHtmlBlocks`); what is left is a comment.
      return []
    case 'definition':
      return []
    default: {
      const text = plainText([node as unknown as PhrasingContent])
      report(file, 'warning', 'unsupported-block', `\`${node.type}\` blocks are not typeset yet; their text is set as a paragraph`, position)
      return text ? [{type: 'paragraph', role: 'body', children: [{type: 'text', value: text, style: {}}], position}] : []
    }
  }
}

function paragraph(node: MdParagraph, file: VFile, context: Context): Block[] {
  const position = node.position as Position | undefined
  const blocks: Block[] = []
  // Images standing alone become figures, an HTML <img> too; the rest of the paragraph stays text.
  const isImage = (child: PhrasingContent): boolean => child.type === 'image' || (child.type === 'html' && /^<img\b/i.test(child.value.trim()))
  const images = node.children.filter(isImage)
  const rest = node.children.filter((child) => !isImage(child))
  const runs = inlines(rest, {}, file)
  const hasText = runs.some((run) => run.value.trim() !== '')
  if (hasText) blocks.push(speakerTurn(runs, context, position) ?? {type: 'paragraph', role: context.lead ? 'lead' : 'body', children: runs, position})
  for (const image of images) {
    if (image.type === 'html') {
      const src = htmlAttribute(image.value, 'src')
      const alt = htmlAttribute(image.value, 'alt') ?? ''
      // An <img> standing alone in a block pasted from a web page is a figure as it would be in Markdown; one in a line of text is said.
      if (!(node.data as HtmlParagraphData | undefined)?.html || hasText) report(file, 'warning', 'html-image', 'An HTML <img> is set as a figure after its paragraph', image.position as Position | undefined, 'write ![说明](photo.jpg) in a paragraph of its own')
      if (src) blocks.push(figureOf(src, alt, image.position as Position | undefined))
      continue
    }
    if (image.type !== 'image') continue
    const figure = figureOf(image.url, image.alt ?? '', image.position as Position | undefined)
    // The image title sets the span: "2栏", "span=3", "通栏"; anything else is a warning and the span is chosen automatically.
    const span = parseFigureSpan(image.title)
    if (span === undefined) report(file, 'warning', 'figure-span', `Image title "${image.title}" is not a column span; the span is chosen automatically`, image.position as Position | undefined, 'write "2栏", "span=3" or "通栏"')
    else if (span !== 'auto') figure.span = span
    blocks.push(figure)
  }
  return blocks
}

/** A figure of the picture at `src`, its description (`alt`) the caption. */
function figureOf(src: string, alt: string, position: Position | undefined): Figure {
  return {type: 'figure', src, caption: alt ? [{type: 'text', value: alt, style: {}}] : [], position}
}

/** Recognise an interview turn: a bold `**刘震民:**` label, or a bare `记者：` in an interview. */
function speakerTurn(runs: Inline[], context: Context, position: Position | undefined): QaTurn | undefined {
  const first = runs[0]
  if (!first) return undefined
  let speaker: string | undefined
  let children = runs
  if (context.interview && first.style.strong && /^[^，。]{1,8}[：:]$/.test(first.value.trim())) {
    speaker = first.value.trim().slice(0, -1)
    children = [{...first, style: {...first.style, speaker: true}}, ...runs.slice(1)]
  } else if (context.interview && !first.style.strong) {
    const match = BARE_SPEAKER.exec(first.value)
    if (match && context.speakers.has(match[1]!)) {
      speaker = match[1]
      const label = match[0]
      children = [{...first, value: label, style: {...first.style, speaker: true, strong: true}}, {...first, value: first.value.slice(label.length)}, ...runs.slice(1)]
    }
  }
  if (!speaker) return undefined
  return {type: 'qaTurn', role: QUESTION_SPEAKERS.test(speaker) ? 'question' : 'answer', speaker, children, position}
}

function listItems(list: MdList, depth: number, file: VFile): ListItem[] {
  const items: ListItem[] = []
  list.children.forEach((item, index) => {
    const marker = list.ordered ? `${(list.start ?? 1) + index}.` : depth === 0 ? '•' : '◦'
    const runs: Inline[] = []
    const nested: ListItem[] = []
    for (const child of item.children) {
      if (child.type === 'paragraph') runs.push(...inlines(child.children, {}, file))
      else if (child.type === 'list') nested.push(...listItems(child, depth + 1, file))
      else runs.push({type: 'text', value: plainText([child as unknown as PhrasingContent]), style: {}})
    }
    items.push({depth, marker, children: runs}, ...nested)
  })
  return items
}

function table(node: MdTable, file: VFile): Block {
  const rows = node.children.map((row) => row.children.map((cell) => inlines(cell.children, {}, file)))
  const align = node.align ?? []
  return {type: 'table', rows, ...(align.some((value) => value !== null) ? {align: [...align]} : {}), position: node.position as Position | undefined}
}

/** Flatten phrasing content into styled runs, its soft line breaks resolved (`resolveSoftBreaks`). */
function inlines(nodes: readonly PhrasingContent[], style: InlineStyle, file: VFile): Inline[] {
  return resolveSoftBreaks(collectInlines(nodes, style, file), (line) => sourceLines(file)[line - 1])
}

/** The source's lines, split once per file (only articles with soft line breaks ask). */
const linesOf = new WeakMap<VFile, string[]>()

function sourceLines(file: VFile): string[] {
  let lines = linesOf.get(file)
  if (!lines) linesOf.set(file, (lines = String(file.value ?? '').split(/\r\n?|\n/)))
  return lines
}

/** Style flags an inline HTML formatting tag sets. */
type HtmlFlag = 'strong' | 'emphasis' | 'strike' | 'noteRef' | 'code'

/** Inline HTML formatting tags and the style each sets: <sup> raised small (m<sup>2</sup>), as a footnote call is. */
const HTML_FLAGS: ReadonlyMap<string, HtmlFlag> = new Map([
  ['b', 'strong'],
  ['strong', 'strong'],
  ['i', 'emphasis'],
  ['em', 'emphasis'],
  ['s', 'strike'],
  ['del', 'strike'],
  ['strike', 'strike'],
  ['sup', 'noteRef'],
  ['code', 'code'],
  ['kbd', 'code'],
  ['tt', 'code']
])

function collectInlines(nodes: readonly PhrasingContent[], base: InlineStyle, file: VFile): Inline[] {
  const runs: Inline[] = []
  // Formatting tags of inline HTML (<strong>记者：</strong> pasted from a web page) style the text up to their end tag.
  const open: {tag: string; flag: HtmlFlag}[] = []
  let style = base
  for (const node of nodes) {
    const position = node.position as Position | undefined
    switch (node.type) {
      case 'text':
        if (node.value) runs.push({type: 'text', value: node.value, style, position})
        break
      case 'strong':
        runs.push(...collectInlines(node.children, {...style, strong: true}, file))
        break
      case 'emphasis':
        runs.push(...collectInlines(node.children, {...style, emphasis: true}, file))
        break
      case 'delete':
        runs.push(...collectInlines(node.children, {...style, strike: true}, file))
        break
      case 'inlineCode':
        runs.push({type: 'text', value: node.value, style: {...style, code: true}, position})
        break
      case 'link': {
        const text = plainText(node.children)
        const cut = text === node.url || text === node.url.replace(/^mailto:/, '') ? autolinkEnd(text) : text.length
        if (cut < text.length) {
          // A bare URL ran into Chinese text (GFM autolinks end only at white space): the link ends at the first non-URL character.
          const url = text.slice(0, cut)
          runs.push({type: 'text', value: url, style: {...style, href: node.url.startsWith('mailto:') ? `mailto:${url}` : url}, position})
          runs.push({type: 'text', value: text.slice(cut), style, position})
        } else {
          runs.push(...collectInlines(node.children, {...style, href: node.url}, file))
        }
        break
      }
      case 'linkReference':
        runs.push(...collectInlines(node.children, style, file))
        break
      case 'footnoteReference':
        runs.push({type: 'text', value: `[${node.label ?? node.identifier}]`, style: {...style, noteRef: true}, position})
        break
      case 'break':
        // A hard break (a line ending in `\\` or two spaces): the line ends there (`LINE_BREAK`).
        runs.push({type: 'text', value: LINE_BREAK, style, position})
        break
      case 'image':
      case 'imageReference':
        report(file, 'warning', 'inline-image', 'An image inside a line of text is set as its description only', position, 'put the image in a paragraph of its own')
        if (node.alt) runs.push({type: 'text', value: node.alt, style, position})
        break
      case 'html': {
        // A `<br>` (text pasted from a web page or a CMS) breaks the line as a hard break does; <b>, <strong>, <i>,
        // <em>, <s>, <del>, <sup> and <code> style the text to their end tag; other tags are dropped, their text kept.
        const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>$/.exec(node.value.trim())
        const flag = tag ? HTML_FLAGS.get(tag[2]!.toLowerCase()) : undefined
        if (tag && flag) {
          const name = tag[2]!.toLowerCase()
          if (tag[1]) {
            const at = open.map((entry) => entry.tag).lastIndexOf(name)
            if (at >= 0) open.splice(at, 1)
          } else open.push({tag: name, flag})
          style = open.reduce((merged, entry) => ({...merged, [entry.flag]: true}), base)
          break
        }
        if (/^<br\s*\/?>$/i.test(node.value.trim())) runs.push({type: 'text', value: LINE_BREAK, style, position})
        else if (/^<img\b/i.test(node.value.trim())) report(file, 'warning', 'html-image', 'An HTML <img> is not typeset: the picture is left out', position, 'write ![说明](photo.jpg) in a paragraph of its own')
        else if (!/^<!--/.test(node.value)) runs.push({type: 'text', value: node.value.replace(/<[^>]+>/g, ''), style, position})
        break
      }
      default:
        runs.push({type: 'text', value: plainText([node]), style, position})
    }
  }
  return runs
}


/**
 * A 小标题 written as a paragraph of bold text alone (**一、坚持党的领导**):
 * the bold run's content, when the paragraph holds nothing else, its text is
 * 2–30 characters and it does not end as a sentence or clause does (。！？；：，、
 * or a closing mark after them), so `**记者：**` and a bold sentence stay text.
 */
function boldHead(node: RootContent): PhrasingContent[] | undefined {
  if (node.type !== 'paragraph') return undefined
  const parts = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const strong = parts[0]
  if (parts.length !== 1 || strong?.type !== 'strong') return undefined
  const text = plainText(strong.children).trim()
  const length = [...text].length
  if (length < 2 || length > BOLD_HEAD_MAX_CHARS || /[。！？；：，、.!?;:,][”’）」』]*$/.test(text) || text.includes('\n')) return undefined
  return strong.children
}

/** Longest bold line taken for a 小标题, in characters. */
const BOLD_HEAD_MAX_CHARS = 30

/** Where a bare URL really ends: before the first non-ASCII character, without trailing , . ; : ! ? ) */
function autolinkEnd(text: string): number {
  const match = /[^\x21-\x7e]/.exec(text)
  let end = match ? match.index : text.length
  while (end > 0 && /[,.;:!?)\]'"]/.test(text[end - 1]!)) end--
  return end
}

/** The plain text of phrasing content. */
export function plainText(nodes: readonly (PhrasingContent | Heading)[]): string {
  let text = ''
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') text += node.value
    else if ('children' in node) text += plainText(node.children as PhrasingContent[])
  }
  return text
}
