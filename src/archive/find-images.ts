import {htmlAttribute} from '../article/html-block.js'

/** `![alt](src "title")` or `![alt](<src>)`; alt text may hold one level of brackets. */
const INLINE_IMAGE = /!\[(?:[^\[\]\\]|\\.|\[[^\]]*\])*\]\(\s*(?:<([^>\n]*)>|([^\s()]+(?:\([^\s()]*\)[^\s()]*)*))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g
/** `![alt][label]`, `![label][]` or `![label]` not followed by `(`. */
const REFERENCE_IMAGE = /!\[((?:[^\[\]\\]|\\.)*)\](?:\[((?:[^\[\]\\]|\\.)*)\])?(?!\()/g
/** `[label]: src` at the start of a line (a link reference definition). */
const DEFINITION = /^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:\s*(?:<([^>\n]*)>|(\S+))/gm
/** An HTML `<img>` tag (an article pasted from a web page). */
const HTML_IMAGE = /<img\b[^>]*>/gi
/** Targets paiban never reads from disk. */
const REMOTE = /^[a-z][a-z0-9+.-]*:/i

/**
 * List the local image paths an article refers to, in order of first use, as
 * written (relative to the article). Reads Markdown with patterns, not a
 * parser, so that hashing ten thousand articles stays fast; it may list an
 * image inside a code span, which only costs a needless rebuild.
 */
export function findImages(source: string): string[] {
  const found = new Set<string>()
  for (const match of source.matchAll(INLINE_IMAGE)) found.add(match[1] ?? match[2] ?? '')
  // Reference-style images need the definitions; most articles have none.
  if (source.includes('![')) {
    const definitions = new Map<string, string>()
    for (const match of source.matchAll(DEFINITION)) {
      const label = normalizeLabel(match[1]!)
      if (!definitions.has(label)) definitions.set(label, match[2] ?? match[3] ?? '')
    }
    for (const match of source.matchAll(REFERENCE_IMAGE)) {
      const target = definitions.get(normalizeLabel(match[2] || match[1]!))
      if (target !== undefined) found.add(target)
    }
  }
  // An HTML <img> is set as a figure too, its src read as the article model reads it (`htmlAttribute`).
  if (/<img\b/i.test(source)) for (const match of source.matchAll(HTML_IMAGE)) found.add(htmlAttribute(match[0], 'src') ?? '')
  return [...found].filter((src) => src !== '' && !REMOTE.test(src) && !src.startsWith('#'))
}

/** Labels match case-insensitively with runs of white space collapsed (CommonMark §4.7). */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
}
