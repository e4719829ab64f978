import type {Block} from './types.js'
import {splitLabel} from './split-label.js'
import {isParagraph} from './paragraph-text.js'

/**
 * 编者按: the editor's note a newspaper puts before a story (编者按：…,
 * 【编者按】…, 编者的话：…), set apart from the story in 楷体 with its label
 * in 黑体 as a run-in head. Told by its label at the start of the first
 * paragraph.
 */
const EDITORS_NOTE = /^(?:【编者按】|【编者的话】|〔编者按〕|编者按[：:]|编者的话[：:])/u

/** Mark the first paragraph as an 编者按 and split its label into a run with the `editorsNote` style. */
export function markEditorsNote(blocks: readonly Block[]): Block[] {
  const first = blocks[0]
  const run = isParagraph(first) ? first.children[0] : undefined
  if (!isParagraph(first) || !run) return [...blocks]
  const label = EDITORS_NOTE.exec(run.value.trimStart())?.[0]
  if (!label) return [...blocks]
  const lead = run.value.length - run.value.trimStart().length
  return [{...first, part: 'editorsNote', children: [...splitLabel(run, label, {editorsNote: true}, lead), ...first.children.slice(1)]}, ...blocks.slice(1)]
}
