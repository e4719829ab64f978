import type {Block} from './types.js'
import {splitLabel} from './split-label.js'
import {isParagraph} from './paragraph-text.js'

/**
 * 电头: a news story's first words say who filed it, where and when
 * (新华社北京12月4日电, 本报上海3月1日讯, 本报讯), and newspapers set them in
 * 黑体 as a run-in head, the reporter's bracket after them in the body face.
 * Told by form, in the first paragraph only: an agency or paper (本报,
 * 新华社…, or a name ending in 报/社/网/台), then 讯 alone, or a place and a
 * date and 电/讯. Without a date, nothing but 讯 may follow the name, so that
 * 本报记者日前获悉… is no 电头.
 */
const DATELINE = /^(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|[\u4e00-\u9fff]{2,8}?(?:日报|晚报|报社|通讯社|网|电视台|广播电台))(?:讯|[\u4e00-\u9fff]{0,6}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯))(?=[（(\s\u3000\u4e00-\u9fff“])/u

/** Split the 电头 off the story's first paragraph (after an 编者按, if any) into a run with the `dateline` style. */
export function markDateline(blocks: readonly Block[]): Block[] {
  const at = isParagraph(blocks[0]) && blocks[0].part === 'editorsNote' ? 1 : 0
  const first = blocks[at]
  const run = isParagraph(first) ? first.children[0] : undefined
  if (!isParagraph(first) || !run || run.style.strong) return [...blocks]
  const label = DATELINE.exec(run.value)?.[0]
  if (!label) return [...blocks]
  return [...blocks.slice(0, at), {...first, children: [...splitLabel(run, label, {dateline: true}), ...first.children.slice(1)]}, ...blocks.slice(at + 1)]
}
