import type {Code, Root, RootContent} from 'mdast'
import type {Node, Point, Position} from 'unist'
import {lineStarts} from './source-lines.js'

/** A line that opens a fenced code block (``` or ~~~), after its indent. */
const FENCE = /^[ \t]*(```|~~~)/

/** The indent CommonMark takes for an indented code block: spaces and tabs (not U+3000, which is text). */
const INDENT = /^[ \t]*/

/** A line that goes on in a block quote (`>` after its indent): not one a quoted paragraph is continued with here. */
const QUOTED = /^[ \t]*>/

/** mdast nodes whose children are blocks, where an indented block may stand (a list holds items, which hold blocks). */
export const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition'])

/**
 * Text indented by four spaces or a tab is an indented code block to
 * CommonMark (§4.4); in an article it is text its writer indented, pasted
 * from a word processor or indented by hand. Each such block, at the top
 * level or inside a list item or quote, is parsed again (`parse`, the same
 * Markdown without front matter) with its lines' indent taken off, together
 * with a paragraph right under it (CommonMark parts the two, as code takes
 * no lazy continuation lines, so a paragraph whose first line alone is
 * indented would be cut in two; under a block that ends a list item, that
 * paragraph stands after the list and joins the item, as a lazy line of a
 * paragraph there would). Bold, emphasis, escapes and hard breaks in it then
 * work as anywhere, and its nodes are given the places they have in the
 * file. A fenced block stays code. The first node made of a block carries
 * the block's place as `data.indentedBlock`, for the converter's message.
 * Returns a new root; the nodes of `tree` that did not change are reused.
 */
export function reparseIndentedCode(tree: Root, source: string, parse: (fragment: string) => Root): Root {
  if (!hasIndentedCode(tree.children)) return tree
  const lines = source.split('\n')
  const context: Context = {lines, starts: lineStarts(lines), parse}
  return {...tree, children: reparseBlocks(tree.children, undefined, true, context).children}
}

interface Context {
  lines: readonly string[]
  starts: readonly number[]
  parse: (fragment: string) => Root
}

function hasIndentedCode(nodes: readonly Node[]): boolean {
  return nodes.some((node) => node.type === 'code' || (BLOCK_CONTAINERS.has(node.type) && hasIndentedCode((node as unknown as {children: Node[]}).children)))
}

/**
 * `blocks` with their indented code read again; `after` is the node right
 * after them in the file, outside their container, which a block ending the
 * container may take in (then `tookAfter`).
 */
function reparseBlocks(blocks: readonly RootContent[], after: RootContent | undefined, topLevel: boolean, context: Context): {children: RootContent[]; tookAfter: boolean} {
  const children: RootContent[] = []
  let tookAfter = false
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i]!
    if (node.type === 'code' && node.position && !FENCE.test(context.lines[node.position.start.line - 1] ?? '')) {
      // Paragraphs right under the indented lines continue them: the block's own siblings, then (when the
      // block ends its container) the paragraph after the container.
      const under: RootContent[] = []
      let last = node.position.end.line
      for (let next = blocks[i + 1]; isParagraphAt(next, last + 1, topLevel, context); next = blocks[i + 1]) {
        under.push(next!)
        last = next!.position!.end.line
        i++
      }
      const takesAfter = i === blocks.length - 1 && !topLevel && isParagraphAt(after, last + 1, false, context)
      const made = reparseBlock(node, takesAfter ? [...under, after!] : under, topLevel, context)
      if (made) {
        children.push(...made)
        tookAfter = takesAfter
      } else children.push(node, ...under)
      continue
    }
    if (BLOCK_CONTAINERS.has(node.type) && hasIndentedCode((node as unknown as {children: Node[]}).children)) {
      const inner = reparseBlocks((node as {children: RootContent[]}).children, blocks[i + 1] ?? after, false, context)
      children.push({...node, children: inner.children} as RootContent)
      if (inner.tookAfter) {
        // The paragraph after this container joined its last block: it stands here no more.
        if (i + 1 < blocks.length) i++
        else tookAfter = true
      }
      continue
    }
    children.push(node)
  }
  return {children, tookAfter}
}

/** A paragraph that starts on `line`; inside a container, one whose lines are not quoted (`>` lines keep their quote's prefix). */
function isParagraphAt(node: RootContent | undefined, line: number, topLevel: boolean, context: Context): boolean {
  if (node?.type !== 'paragraph' || node.position?.start.line !== line) return false
  if (topLevel) return true
  for (let at = node.position.start.line; at <= node.position.end.line; at++) if (QUOTED.test(context.lines[at - 1] ?? '')) return false
  return true
}

/**
 * The nodes an indented block and the paragraphs under it make, read again
 * as Markdown, at their places in the file; undefined when the block's text
 * cannot be matched to its lines (it is then left as it was).
 */
function reparseBlock(code: Code, under: readonly RootContent[], topLevel: boolean, context: Context): RootContent[] | undefined {
  const position = code.position!
  const first = position.start.line
  const last = under.length > 0 ? under[under.length - 1]!.position!.end.line : position.end.line
  // Each line of the fragment, and how far into its line in the file it starts.
  const texts: string[] = []
  const indents: number[] = []
  const withoutIndent = (line: string): void => {
    const indent = INDENT.exec(line)![0].length
    texts.push(line.slice(indent))
    indents.push(indent)
  }
  if (topLevel) {
    for (let line = first; line <= position.end.line; line++) withoutIndent(context.lines[line - 1]!)
  } else {
    // Inside a container the lines also carry its prefix (a list item's indent, a quote's `>`): the parser's
    // text of the block is taken, each line found at the end of its line in the file.
    const values = code.value.split('\n')
    if (values.length !== position.end.line - first + 1) return undefined
    for (let k = 0; k < values.length; k++) {
      // The parser's text has U+FFFD for each NUL (CommonMark §2.3), one character for one.
      const line = context.lines[first + k - 1]!.replace(/\0/g, '\uFFFD')
      // Spaces left at the head of the parser's line (a tab the indent took part of) go too.
      const text = values[k]!.slice(INDENT.exec(values[k]!)![0].length)
      if (!line.endsWith(text)) return undefined
      texts.push(text)
      indents.push(line.length - text.length)
    }
  }
  // The paragraphs under the block: their lines in the file, each without its indent.
  for (let line = position.end.line + 1; line <= last; line++) withoutIndent(context.lines[line - 1]!)
  const made = context.parse(texts.join('\n')).children
  for (const child of made) place(child, first, indents, context.starts)
  if (made[0]) made[0].data = {...made[0].data, indentedBlock: position} as (typeof made)[0]['data']
  return made
}

/** Move a fragment's node (and those below it) to its place in the file: line `first` on, each line by its indent. */
function place(node: Node, first: number, indents: readonly number[], starts: readonly number[]): void {
  if (node.position) node.position = {start: point(node.position.start, first, indents, starts), end: point(node.position.end, first, indents, starts)} satisfies Position
  const children = (node as {children?: Node[]}).children
  if (children) for (const child of children) place(child, first, indents, starts)
}

function point(at: Point, first: number, indents: readonly number[], starts: readonly number[]): Point {
  const line = first + at.line - 1
  const column = at.column + (indents[at.line - 1] ?? 0)
  return {line, column, offset: (starts[line - 1] ?? 0) + column - 1}
}
