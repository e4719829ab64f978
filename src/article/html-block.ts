import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import {LINE_BREAK} from '../text/segment.js'

/** What a raw HTML block shows a reader, in order: paragraphs of text and pictures. */
export type HtmlPart = {type: 'text'; value: string} | {type: 'image'; src: string; alt: string}

/**
 * The parts of a raw HTML block (text pasted from a web page or a CMS), as a
 * browser would have shown them: each block element (`<p>`, `<div>`, `<li>`,
 * a heading …) its own paragraph, `<br>` a line break inside it, other tags
 * dropped with their text kept, white space collapsed, character references
 * decoded (`&nbsp;`, `&amp;`, `&#20013;`, HTML's named references), and each
 * `<img>` a picture with its `alt` text. Comments, scripts and styles are no text.
 */
export function htmlBlockParts(html: string): HtmlPart[] {
  const parts: HtmlPart[] = []
  let text = ''
  const flush = (): void => {
    const value = decodeReferences(text.replace(/[ \t\r\n\f]+/g, ' '))
      .split(LINE_BREAK)
      .map((line) => line.replace(EDGE_SPACE, ''))
      .join(LINE_BREAK)
      .replace(EDGE_BREAKS, '')
    if (value.replace(EDGE_SPACE, '') !== '') parts.push({type: 'text', value})
    text = ''
  }
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
  let last = 0
  for (const match of source.matchAll(TAG)) {
    text += source.slice(last, match.index)
    last = match.index! + match[0].length
    const name = match[1]!.toLowerCase()
    if (name === 'br') text += LINE_BREAK
    else if (name === 'img') {
      flush()
      const src = attribute(match[0], 'src')
      if (src) parts.push({type: 'image', src: decodeReferences(src), alt: decodeReferences(attribute(match[0], 'alt') ?? '')})
    } else if (BLOCK_TAGS.has(name)) flush()
  }
  text += source.slice(last)
  flush()
  return parts
}

/** A start or end tag, its name captured. */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g
/** Elements that start a new block of text in a browser. */
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figure', 'figcaption', 'hr', 'center'])
/** Spaces at the edges of a line, the no-break and ideographic ones that web editors indent with included. */
const EDGE_SPACE = /^[ \u00A0\u3000]+|[ \u00A0\u3000]+$/g
/** Line breaks at the edges of a paragraph. */
const EDGE_BREAKS = new RegExp(`^${LINE_BREAK}+|${LINE_BREAK}+$`, 'g')

/** An attribute's value in a start tag, quoted or not. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined
}

/** Decode HTML character references; an unknown name stays as written. */
export function decodeReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{0,31});/g, (whole, reference: string) => {
    if (reference.startsWith('#')) {
      const hex = reference[1] === 'x' || reference[1] === 'X'
      return decodeNumericCharacterReference(reference.slice(hex ? 2 : 1), hex ? 16 : 10)
    }
    const decoded = decodeNamedCharacterReference(reference)
    return decoded === false ? whole : decoded
  })
}
