import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly'
import type {Root} from 'mdast'
import {reparseIndentedCode} from './indented-code.js'
import {splitIdeographicIndents} from './ideographic-indents.js'

/**
 * The processors, by the extensions a text can use. Each extension is skipped
 * when the text holds nothing it could act on, which gives the same tree at
 * less cost (the tests compare with the full processor):
 * - remark-cjk-friendly only changes how `*` and `_` runs open and close
 *   emphasis (about a third of parsing);
 * - GFM only adds tables (`|`), strikethrough (`~~`, with the CJK rule of
 *   remark-cjk-friendly-gfm-strikethrough), footnotes (`[^`),
 *   task-list items (`[ ]`, `[x]`) and literal autolinks (`www.`, `http://`,
 *   `https://`, and emails and `mailto:`/`xmpp:` links, which hold `@`):
 *   about a quarter of parsing, and rare in news text.
 */
const processors = new Map<string, ReturnType<typeof processorWith>>()

function processorWith(gfm: boolean, cjk: boolean, frontMatter = true) {
  const processor = unified().use(remarkParse)
  if (frontMatter) processor.use(remarkFrontmatter, ['yaml'])
  // GFM's strikethrough with the same CJK rule as emphasis: `的~~“删去”~~的` is struck, as `的**“粗体”**的` is bold.
  // Two tildes only: Chinese copy writes ranges with one (气温10~15℃，风力3~4级), which GFM's default would strike
  // from range to range, dropping both tildes.
  if (gfm) processor.use(remarkGfm, {singleTilde: false}).use(remarkCjkFriendlyGfmStrikethrough, {singleTilde: false})
  if (cjk) processor.use(remarkCjkFriendly)
  return processor
}

/** Characters and sequences any GFM construct needs (autolink protocols and `www.` in any case). */
const GFM_TRIGGER = /[|~@]|\[\^|\[[ xX]\]|:\/\/|www\./i
/** Emphasis delimiters, the only text remark-cjk-friendly acts on. */
const EMPHASIS_TRIGGER = /[*_]/

/**
 * Parse Markdown into an mdast tree: CommonMark + GFM + YAML front matter,
 * with CJK-friendly emphasis so `**记者：**问题` is bold.
 *
 * A leading BOM is dropped and CRLF/CR line ends become LF first, so source
 * positions count lines as an editor does.
 */
export function parseMarkdown(text: string): Root {
  const source = normalizeSource(text)
  // Backslashes out first: an escape can sit inside what GFM reads (`www\.` is still a literal autolink).
  const gfm = GFM_TRIGGER.test(source.includes('\\') ? source.replace(/\\/g, '') : source)
  const cjk = EMPHASIS_TRIGGER.test(source)
  const tree = processorFor(gfm, cjk, true).parse(source) as Root
  // Indented text is parsed again as the Markdown it was meant to be (a fragment: no front matter in it);
  // lines indented with ideographic spaces start paragraphs.
  const reparsed = reparseIndentedCode(tree, source, (fragment) => processorFor(gfm, cjk, false).parse(fragment) as Root)
  return splitIdeographicIndents(reparsed, source)
}

function processorFor(gfm: boolean, cjk: boolean, frontMatter: boolean) {
  const key = `${gfm}|${cjk}|${frontMatter}`
  let processor = processors.get(key)
  if (!processor) processors.set(key, (processor = processorWith(gfm, cjk, frontMatter)))
  return processor
}

/** Drop a BOM and normalise line ends to LF. */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}
