import type {Block, Paragraph} from './types.js'

/** Is this block a paragraph (body or lead)? */
export function isParagraph(block: Block | undefined): block is Paragraph {
  return block?.type === 'paragraph'
}

/** A paragraph's text, its runs joined, without the blanks around it. */
export function paragraphText(paragraph: Paragraph): string {
  return paragraph.children.map((run) => run.value).join('').trim()
}
