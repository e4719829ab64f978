import type {Point} from 'unist'
import type {Article, ArticleMeta} from '../article/types.js'
import {normalizeSource} from '../parse/parse-markdown.js'

/** Front-matter fields whose text is set on the page (deck, meta line, furniture), in the order they are searched. */
const SET_FIELDS: readonly (keyof ArticleMeta)[] = ['kicker', 'title', 'subtitle', 'source', 'author', 'editor', 'hotline', 'publication', 'section']

/**
 * Where a character of the deck or the page furniture stands in the front
 * matter: the first set field whose value holds it, and the character's line
 * and column there (quotes and folded lines allowed for). Text set from the
 * front matter reaches the shaper rewritten (spaces made ideographic, a
 * subtitle's dash added, fields joined into the meta line), so a place is
 * found by the character, not by its offset. Undefined when no field has it.
 */
export function metaCharPlace(source: string, article: Pick<Article, 'meta' | 'metaPlaces' | 'metaPosition'>): (char: string) => Point | undefined {
  let lines: string[] | undefined
  return (char) => {
    for (const field of SET_FIELDS) {
      const value = article.meta[field]
      const start = article.metaPlaces?.[field]
      if (typeof value !== 'string' || !value.includes(char) || !start) continue
      lines ??= normalizeSource(source).split('\n')
      const last = Math.min(lines.length, article.metaPosition?.end.line ?? lines.length)
      for (let line = start.line; line <= last; line++) {
        const from = line === start.line ? start.column - 1 : 0
        const index = lines[line - 1]!.indexOf(char, from)
        if (index >= 0) return {line, column: index + 1}
      }
    }
    return undefined
  }
}
