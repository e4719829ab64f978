import type {Heading, Html, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'

/** Marks a paragraph made from a raw HTML block (`data.html`), the block's first with `data.htmlBlock` (for its one warning). */
export interface HtmlParagraphData {
  html?: true
  htmlBlock?: true
}

/**
 * Read each raw HTML block at the top of the tree (text pasted from a web
 * page or a CMS) as the paragraphs a browser shows: each block element
 * (`<p>`, `<div>`, `<li>` …) starts a paragraph, `<h2>` a head as `##` is; inside one, text
 * with its character references decoded (`&nbsp;`, `&amp;`, `&#20013;`,
 * HTML's named references) and white space collapsed, and the other tags kept
 * as inline HTML nodes, which the article model reads as it reads inline HTML
 * in Markdown: `<strong>记者：</strong>` a bold speaker label, `<br>` a line
 * break, `<sup>` raised, `<img>` a figure after its paragraph. Comments,
 * scripts and styles are no text. Pure: a new tree; other nodes as they were.
 */
export function expandHtmlBlocks(tree: Root): Root {
  if (!tree.children.some((node) => node.type === 'html')) return tree
  const children: RootContent[] = []
  for (const node of tree.children) {
    if (node.type !== 'html' || /^<!--[\s\S]*-->$/.test(node.value.trim())) children.push(node)
    else children.push(...htmlParagraphs(node))
  }
  return {...tree, children}
}

function htmlParagraphs(block: Html): (Paragraph | Heading)[] {
  const position = block.position
  const paragraphs: (Paragraph | Heading)[] = []
  let inline: PhrasingContent[] = []
  // The level of the <h1>…<h6> the text stands in, if any: a head (小标题), as `##` writes it.
  let heading: number | undefined
  const flush = (): void => {
    const children = trimEdges(inline)
    inline = []
    // Only tags (and no picture) is no paragraph.
    if (!children.some((child) => child.type === 'text' || /^<img\b/i.test((child as Html).value))) return
    const data: HtmlParagraphData = paragraphs.length === 0 ? {html: true, htmlBlock: true} : {html: true}
    if (heading !== undefined && children.every((child) => child.type === 'text')) paragraphs.push({type: 'heading', depth: heading as Heading['depth'], children, data, ...(position ? {position} : {})} as Heading)
    else paragraphs.push({type: 'paragraph', children, data, ...(position ? {position} : {})} as Paragraph)
  }
  const source = block.value.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
  let last = 0
  const text = (value: string): void => {
    const collapsed = decodeReferences(value.replace(/[ \t\r\n\f]+/g, ' '))
    if (collapsed) inline.push({type: 'text', value: collapsed, ...(position ? {position} : {})})
  }
  for (const match of source.matchAll(TAG)) {
    text(source.slice(last, match.index))
    last = match.index! + match[0].length
    const name = match[1]!.toLowerCase()
    if (BLOCK_TAGS.has(name)) {
      flush()
      heading = /^h[1-6]$/.test(name) && !match[0].startsWith('</') ? Number(name[1]) : undefined
    } else inline.push({type: 'html', value: match[0], ...(position ? {position} : {})})
  }
  text(source.slice(last))
  flush()
  return paragraphs
}

/** A start or end tag, its name captured. */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g
/** Elements that start a new block of text in a browser. */
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figure', 'figcaption', 'hr', 'center'])
/** Spaces at the edges of a paragraph, the no-break and ideographic ones that web editors indent with included. */
const LEADING_SPACE = /^[ \u00A0\u3000]+/
const TRAILING_SPACE = /[ \u00A0\u3000]+$/

/** Drop the spaces at a paragraph's edges (its `&nbsp;` indent) from its first and last text nodes. */
function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children]
  const firstText = out.findIndex((child) => child.type === 'text')
  if (firstText >= 0) out[firstText] = {...(out[firstText] as {type: 'text'; value: string}), value: (out[firstText] as {value: string}).value.replace(LEADING_SPACE, '')}
  let lastText = out.length - 1
  while (lastText >= 0 && out[lastText]!.type !== 'text') lastText--
  if (lastText >= 0) out[lastText] = {...(out[lastText] as {type: 'text'; value: string}), value: (out[lastText] as {value: string}).value.replace(TRAILING_SPACE, '')}
  return out.filter((child) => child.type !== 'text' || child.value !== '')
}

/** An attribute's value in a start tag, quoted or not, references decoded. */
export function htmlAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined
  return value === undefined ? undefined : decodeReferences(value)
}

/** Decode HTML character references; an unknown name stays as written. */
function decodeReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{0,31});/g, (whole, reference: string) => {
    if (reference.startsWith('#')) {
      const hex = reference[1] === 'x' || reference[1] === 'X'
      return decodeNumericCharacterReference(reference.slice(hex ? 2 : 1), hex ? 16 : 10)
    }
    const decoded = decodeNamedCharacterReference(reference)
    return decoded === false ? whole : decoded
  })
}
