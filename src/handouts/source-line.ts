import type {ArticleMeta} from '../article/types.js'
import {chineseDate} from '../page/dates.js'

/**
 * The source line set after a handout's body, so a copy handed out alone
 * still says where it came from: `来源：新法治报　2023年4月18日　作者：…`,
 * parts separated by an ideographic space. Empty when the front matter has
 * none of them.
 */
export function sourceLine(meta: Readonly<ArticleMeta>): string {
  const parts: string[] = []
  if (meta.source) parts.push(`来源：${meta.source}`)
  if (meta.date) parts.push(chineseDate(meta.date))
  if (meta.author) parts.push(`作者：${meta.author}`)
  return parts.join('\u3000')
}
