import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import type {Root} from 'mdast'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly)
/** The same without remark-cjk-friendly, which only changes how `*` and `_` runs open and close emphasis. */
const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/**
 * Parse Markdown into an mdast tree: CommonMark + GFM + YAML front matter,
 * with CJK-friendly emphasis so `**记者：**问题` is bold.
 *
 * A leading BOM is dropped and CRLF/CR line ends become LF first, so source
 * positions count lines as an editor does.
 */
export function parseMarkdown(text: string): Root {
  const source = normalizeSource(text)
  // Text without any `*` or `_` has no emphasis to resolve: skip that extension's cost (about a third of parsing).
  return (/[*_]/.test(source) ? processor : plainProcessor).parse(source) as Root
}

/** Drop a BOM and normalise line ends to LF. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}
