import type {Root, Paragraph, PhrasingContent, Text} from 'mdast'
import type {Node, Point} from 'unist'
import {continuationColumn, lineStarts} from './source-lines.js'

/**
 * The indent of a paragraph's first line as Chinese text copied from a
 * word processor, a web page or WeChat writes it: ideographic spaces
 * (U+3000, usually two, 全角空格), maybe with spaces or no-break spaces
 * about them. Markdown takes U+3000 for text, so to it a line that starts
 * so is no new paragraph, and the spaces are set in the line.
 */
const INDENT = /^[ \t\u00a0]*\u3000[\u3000 \t\u00a0]*/

/** A line end in a text node whose next line starts with such an indent. */
const INDENTED_LINE = /\n(?=[ \t\u00a0]*\u3000)/g

/**
 * Read ideographic-space indents as the paragraph starts they are: a line
 * inside a paragraph that starts with one begins a new paragraph (text
 * pasted with a line end per paragraph and no blank lines between), and the
 * indent at the head of a paragraph is dropped (the template indents each
 * paragraph itself; left in, `　　记者：` is no speaker label). Every node
 * keeps its place in `source`. Returns a new root; unchanged nodes are
 * reused.
 */
export function splitIdeographicIndents(tree: Root, source: string): Root {
  if (!source.includes('\u3000')) return tree
  const lines = source.split('\n')
  const starts = lineStarts(lines)
  const at = (line: number, column: number): Point => ({line, column, offset: (starts[line - 1] ?? 0) + column - 1})
  const visit = <T extends Node>(node: T): T => {
    const children = (node as {children?: Node[]}).children
    if (!children) return node
    const next = children.flatMap((child) => (child.type === 'paragraph' ? split(child as Paragraph, lines, at) : [visit(child)]))
    return next.length === children.length && next.every((child, index) => child === children[index]) ? node : {...node, children: next}
  }
  return visit(tree)
}

/** A paragraph parted at its indented lines, each part with its head indent dropped. */
function split(paragraph: Paragraph, lines: readonly string[], at: (line: number, column: number) => Point): Paragraph[] {
  const parts: PhrasingContent[][] = [[]]
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.position || !child.value.includes('\n')) {
      parts[parts.length - 1]!.push(child)
      continue
    }
    let from = 0
    let line = child.position.start.line
    let start = child.position.start
    INDENTED_LINE.lastIndex = 0
    for (let match = INDENTED_LINE.exec(child.value); match; match = INDENTED_LINE.exec(child.value)) {
      const before = child.value.slice(from, match.index)
      const endLine = line + countLineEnds(before)
      if (before) parts[parts.length - 1]!.push({type: 'text', value: before, position: {start, end: at(endLine, (lines[endLine - 1] ?? '').length + 1)}})
      line = endLine + 1
      from = match.index + 1
      start = at(line, continuationColumn(lines[line - 1], child.value.slice(from)))
      parts.push([])
    }
    if (from === 0) parts[parts.length - 1]!.push(child)
    else parts[parts.length - 1]!.push({type: 'text', value: child.value.slice(from), position: {start, end: child.position.end}})
  }
  const kept = parts.filter((part) => part.length > 0)
  const made = kept.map((children) => dropIndent(children))
  if (made.length === 1 && made[0] === kept[0] && kept[0]!.length === paragraph.children.length) return [paragraph]
  return made.map((children, index) => {
    const start = children[0]?.position?.start ?? (index === 0 ? paragraph.position?.start : undefined)
    const end = index === made.length - 1 ? paragraph.position?.end : children[children.length - 1]?.position?.end
    return {...paragraph, children, ...(start && end ? {position: {start, end}} : {})}
  })
}

/** The runs of a paragraph without the ideographic indent its first text starts with (unchanged when it has none). */
function dropIndent(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0]
  if (first?.type !== 'text') return children
  const indent = INDENT.exec(first.value)?.[0]
  if (!indent) return children
  // An indent alone before a bold speaker label (`　　**记者：**`): the label leads.
  if (indent.length === first.value.length) return children.length > 1 ? children.slice(1) : children
  const moved: Text = {...first, value: first.value.slice(indent.length)}
  if (first.position) {
    const {start} = first.position
    moved.position = {...first.position, start: {line: start.line, column: start.column + indent.length, ...(start.offset === undefined ? {} : {offset: start.offset + indent.length})}}
  }
  return [moved, ...children.slice(1)]
}

function countLineEnds(text: string): number {
  let count = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++
  return count
}
