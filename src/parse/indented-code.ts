import type {Root, RootContent} from 'mdast'
import type {Node, Point, Position} from 'unist'
import {lineStarts} from './source-lines.js'

/** A line that opens a fenced code block (``` or ~~~), after its indent. */
const FENCE = /^[ \t]*(```|~~~)/

/** The indent CommonMark takes for an indented code block: spaces and tabs (not U+3000, which is text). */
const INDENT = /^[ \t]*/

/**
 * Text indented by four spaces or a tab is an indented code block to
 * CommonMark (§4.4); in an article it is text its writer indented, pasted
 * from a word processor or indented by hand. Each such block at the top
 * level is parsed again (`parse`, the same Markdown without front matter)
 * with its lines' indent taken off, together with a paragraph right under
 * it (CommonMark parts the two, as code takes no lazy continuation lines, so
 * a paragraph whose first line alone is indented would be cut in two).
 * Bold, emphasis, escapes and hard breaks in it then work as anywhere, and
 * its nodes are given the places they have in the file. A fenced block
 * stays code. The first node made of a block carries the block's place as
 * `data.indentedBlock`, for the converter's message. Returns a new root; the
 * nodes of `tree` are reused.
 */
export function reparseIndentedCode(tree: Root, source: string, parse: (fragment: string) => Root): Root {
  if (!tree.children.some((node) => node.type === 'code')) return tree
  const lines = source.split('\n')
  const starts = lineStarts(lines)
  const children: RootContent[] = []
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!
    const position = node.position
    if (node.type !== 'code' || !position || FENCE.test(lines[position.start.line - 1] ?? '')) {
      children.push(node)
      continue
    }
    const first = position.start.line
    // A paragraph right under the indented lines is their continuation (a paragraph whose first line was
    // indented, as Chinese text indents it): CommonMark parts them, since code takes no lazy lines.
    let last = position.end.line
    for (let next = tree.children[i + 1]; next?.type === 'paragraph' && next.position?.start.line === last + 1; next = tree.children[i + 1]) {
      last = next.position.end.line
      i++
    }
    const blockLines = lines.slice(first - 1, last)
    const indents = blockLines.map((line) => INDENT.exec(line)![0].length)
    const fragment = parse(blockLines.map((line, index) => line.slice(indents[index])).join('\n'))
    const made = fragment.children
    for (const child of made) place(child, first, indents, starts)
    if (made[0]) made[0].data = {...made[0].data, indentedBlock: position} as typeof made[0]['data']
    children.push(...made)
  }
  return {...tree, children}
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
