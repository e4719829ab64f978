import type {Block, Paragraph} from './types.js'
import {isParagraph, paragraphText} from './paragraph-text.js'

/**
 * The short lines in brackets that close a news story after its text: the
 * wire's end mark and the credits of those who made it, which a newspaper
 * sets apart at the right (文末署名居右) rather than as paragraphs of the
 * story:
 *
 * | form                          | e.g.                           |
 * | ----------------------------- | ------------------------------ |
 * | end mark                      | （完） （全文完） （终）          |
 * | role, a colon or space, names | （记者 张三） （责任编辑：赵六）  |
 *
 * The roles: 记者, 本报记者, 特约记者, 通讯员, 实习生, 编辑, 责任编辑,
 * 责编, 校对, 审核, 审校, 摄影, 来源, 供稿, 作者, 文/图, 文, 图. A bracketed
 * line in other words (（作者系北京大学教授）, an author's note) stays a
 * paragraph, as do an official document's 附注 after its 落款 (GB/T
 * 9704-2012 §7.3.6: 居左空二字), so an article with a `signoff` is left alone.
 */
const CREDIT = /^[（(【](?:完|全文完|终|(?:本报|特约)?(?:记者|通讯员|实习生|责任编辑|编辑|责编|校对|审核|审校|摄影|来源|供稿|作者|文\/图|文|图)[：:\s\u3000][^（()）【】]{1,24})[）)】]$/u

/** At most this many credit lines at the end. */
const MAX_CREDITS = 3

/** Mark the credit lines that end the article (`part: 'credit'`), when some text comes before them. */
export function markEndCredits(blocks: readonly Block[]): Block[] {
  if (blocks.some((block) => block.type === 'signoff')) return [...blocks]
  let end = blocks.length
  // A break after the last text (`***` at the end) is set as nothing: look past it.
  while (end > 0 && blocks[end - 1]!.type === 'sectionBreak') end--
  let start = end
  while (start > 0 && end - start < MAX_CREDITS && isCredit(blocks[start - 1])) start--
  if (start === end || start === 0) return [...blocks]
  return blocks.map((block, index) => (index >= start && index < end ? {...(block as Paragraph), part: 'credit'} : block))
}

function isCredit(block: Block | undefined): boolean {
  return isParagraph(block) && block.part === undefined && CREDIT.test(paragraphText(block))
}
