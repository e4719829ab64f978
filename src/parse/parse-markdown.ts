import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import type {Root} from 'mdast'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly)

/**
 * Parse Markdown into an mdast tree: CommonMark + GFM + YAML front matter,
 * with CJK-friendly emphasis so `**记者：**问题` is bold.
 *
 * A leading BOM is dropped and CRLF/CR line ends become LF first, so source
 * positions count lines as an editor does.
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(normalizeSource(text)) as Root
}

/** Drop a BOM and normalise line ends to LF. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}
