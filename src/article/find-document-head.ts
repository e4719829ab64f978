import type {Block} from './types.js'
import {isParagraph, paragraphText} from './paragraph-text.js'

/**
 * The head of an official document reprinted as an article (a 通知, a 意见,
 * a 答复函), after GB/T 9704-2012 (党政机关公文格式), or of a statute (its
 * 题注, as the official editions set it under the title): the 发文字号 (§7.2.4:
 * 发文机关代字、〔年份〕、序号 and 号) and the 主送机关 (§7.3.2), which a letter
 * has as its 称谓. Both are told by their form; the 主送 only in a document,
 * i.e. one with a 发文字号 or signed at its end, so that a news lead ending in
 * a colon (记者获悉：) stays a paragraph.
 */
const DOCUMENT_HEAD = {
  /** 发文字号: 国办发〔2018〕123号, 国办函〔2006〕71号 (brackets of other shapes accepted). */
  number: /^[\u4e00-\u9fff]{1,12}[〔［[（(]\s*[0-9]{4}\s*[〕］\])）]\s*[0-9]{1,5}\s*号$/u,
  /**
   * 题注 of a statute, its first paragraph: when and by whom it was adopted
   * or amended (2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过),
   * brackets optional.
   */
  note: /^[（(]?\s*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日[^。！？]{2,160}?(?:通过|修正|修订|公布)\s*[）)]?$/u,
  /** 主送机关 / 称谓: text ending in a colon, with no sentence end in it (各省、自治区、直辖市人民政府，国务院各部委、各直属机构：). */
  salutation: /^[^。！？!?]{1,80}[：:]$/u
} as const

/**
 * Mark a statute's 题注 (its first paragraph, if it is one), or the 发文字号
 * (the first paragraph, if it is one) and the 主送机关 or 称谓 (the paragraph
 * after it) of an official document. `blocks` are an article's blocks after
 * `findSignoff`.
 */
export function findDocumentHead(blocks: readonly Block[]): Block[] {
  const out = [...blocks]
  let next = 0
  const first = out[0]
  if (isParagraph(first) && out.length > 1 && DOCUMENT_HEAD.note.test(paragraphText(first))) {
    out[0] = {...first, part: 'note'}
    return out
  }
  const numbered = isParagraph(first) && DOCUMENT_HEAD.number.test(paragraphText(first))
  if (numbered) {
    out[0] = {...first, part: 'number'}
    next = 1
  }
  const signed = out.some((block) => block.type === 'signoff' && block.name !== undefined)
  const salutation = out[next]
  if ((numbered || signed) && isParagraph(salutation) && DOCUMENT_HEAD.salutation.test(paragraphText(salutation)) && next + 1 < out.length) {
    out[next] = {...salutation, part: 'salutation'}
  }
  return out
}
