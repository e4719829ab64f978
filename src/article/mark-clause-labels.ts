import type {Block, Inline, Paragraph} from './types.js'
import {splitLabel} from './split-label.js'
import {isParagraph} from './paragraph-text.js'

/**
 * 条标 of a statute: each article of a law opens with its number (第一条,
 * 第二十五条) and a space, and the official editions (中国人大网, 法律出版社)
 * and newspapers printing a law set that label in 黑体 as a run-in head.
 * A text counts as a statute when `minParagraphs` of its paragraphs open so;
 * prose that once starts a paragraph with 第一条 is left alone.
 */
const CLAUSE_LABELS = {
  label: /^第[一二三四五六七八九十百千零〇]{1,8}条(?=[ \u3000\t])/u,
  minParagraphs: 2
} as const

/**
 * Split the 条标 off each paragraph of a statute into a run of its own with
 * the `clause` style, followed by one ideographic space; source positions
 * of the label and the rest are kept exact.
 */
export function markClauseLabels(blocks: readonly Block[]): Block[] {
  const labelled = blocks.filter((block) => isParagraph(block) && labelOf(block) !== undefined).length
  if (labelled < CLAUSE_LABELS.minParagraphs) return [...blocks]
  return blocks.map((block) => {
    if (!isParagraph(block)) return block
    const label = labelOf(block)
    if (label === undefined) return block
    const [first, ...rest] = block.children as [Inline, ...Inline[]]
    const [head, tail] = splitLabel(first, label, {clause: true}) as [Inline, Inline]
    // The space after the label is an ideographic one, as the official text has it: an em that a tight
    // line may narrow by half at most (a word space there shrank to nothing: 第七条奏唱…).
    return {...block, children: [head, {...tail, value: tail.value.replace(/^[ \t\u3000]+/u, '\u3000')}, ...rest]}
  })
}

/** The label the paragraph's first run opens with, if a plain run opens it. */
function labelOf(paragraph: Paragraph): string | undefined {
  const first = paragraph.children[0]
  if (!first || first.style.strong || first.style.code) return undefined
  return CLAUSE_LABELS.label.exec(first.value)?.[0]
}
