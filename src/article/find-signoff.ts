import type {Block, Inline, Paragraph, Signoff} from './types.js'
import {isParagraph, paragraphText} from './paragraph-text.js'
import {isEnclosed} from '../text/enclosed.js'

/**
 * What a 落款 is made of, after GB/T 9704-2012 (党政机关公文格式) §7.3.5
 * (发文机关署名、成文日期) and §7.3.6 (附注): a date paragraph, maybe
 * preceded by a short name paragraph, maybe followed by 附注 in brackets.
 * Newspapers reprint notices and replies with it, and essays end with their
 * date of writing (鲁迅：一九二四年十月二十八日。).
 */
/** Year (Arabic or Chinese numerals), month and day, as a 成文日期 is written. */
const YEAR = '(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*'
const MONTH_DAY = '(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*日[。.]?'
/** A short line with no sentence punctuation that is not a closing formula (特此通知, 此复, 此致, 敬礼). */
const NAME = '(?!特此|此复|此致|敬礼|谢谢)[^。，；：！？,;:!?“”"《》]{1,24}'

const SIGNOFF = {
  /** 成文日期: a whole paragraph that is a date, in Arabic (2018年12月4日) or Chinese numerals (二〇〇六年九月七日), a final 。 allowed. */
  date: new RegExp(`^(?:${YEAR})?${MONTH_DAY}$`, 'u'),
  /** 署名 (国务院办公厅; 人力资源社会保障部　最高人民法院; not 特此通知); one wholly in brackets, such as （完）, is refused apart. */
  name: new RegExp(`^${NAME}$`, 'u'),
  /** 附注 after the date (§7.3.6): a short paragraph wholly in brackets, e.g. （此件公开发布）. */
  note: /^[（(][^（()）]{1,40}[）)]$/u,
  /** 附注 paragraphs that may follow the date. */
  maxNotes: 2,
  /**
   * Name and date written on two lines of one paragraph (no blank line between them), which Markdown
   * joins: 国务院办公厅2018年12月4日. The date must have its year here, to tell where the name ends.
   */
  joined: new RegExp(`^(?<name>${NAME}?)(?<date>${YEAR}${MONTH_DAY})$`, 'u')
} as const

/**
 * Take the 落款 out of the last paragraphs of an article: the date (and the
 * name over it, when there is one) become one `signoff` block, which layout
 * sets apart at the right (GB/T 9704-2012 §7.3.5.3). Anything else is left as
 * it is: the date must be a paragraph of its own after some text (or the
 * second of two lines, under the name, that Markdown joined into one
 * paragraph), and a 附注 after it stays a paragraph.
 */
export function findSignoff(blocks: readonly Block[]): Block[] {
  let end = blocks.length
  // A break after the last text (`***` at the end) is set as nothing: look past it.
  while (end > 0 && blocks[end - 1]!.type === 'sectionBreak') end--
  for (let notes = 0; notes < SIGNOFF.maxNotes && end > 0 && matches(blocks[end - 1], SIGNOFF.note); notes++) end--
  const date = blocks[end - 1]
  if (!isParagraph(date)) return [...blocks]
  const joined = joinedSignoff(date)
  if (joined && end >= 2) return [...blocks.slice(0, end - 1), joined, ...blocks.slice(end)]
  if (!SIGNOFF.date.test(paragraphText(date))) return [...blocks]
  const named = end >= 3 && matches(blocks[end - 2], SIGNOFF.name) && !isEnclosed(paragraphText(blocks[end - 2] as Paragraph))
  const start = named ? end - 2 : end - 1
  // A date with nothing above it is the text itself, not a 落款.
  if (start === 0) return [...blocks]
  const name = named ? (blocks[end - 2] as Paragraph) : undefined
  const signoff: Signoff = {type: 'signoff', date: trimRuns(date.children)}
  if (name) signoff.name = trimRuns(name.children)
  const position = name?.position && date.position ? {start: name.position.start, end: date.position.end} : date.position
  if (position) signoff.position = position
  return [...blocks.slice(0, start), signoff, ...blocks.slice(end)]
}

/** A last paragraph of two source lines, a name over a date, that Markdown joined into one. */
function joinedSignoff(paragraph: Paragraph): Signoff | undefined {
  const position = paragraph.position
  if (!position || position.end.line !== position.start.line + 1) return undefined
  const text = paragraph.children.map((run) => run.value).join('')
  const lead = text.length - text.trimStart().length
  const match = SIGNOFF.joined.exec(text.trim())
  if (!match?.groups || isEnclosed(match.groups['name']!)) return undefined
  const [name, date] = splitRuns(paragraph.children, lead + match.groups['name']!.length)
  return {type: 'signoff', name: trimRuns(name), date: trimRuns(date), position}
}

/** Runs cut in two at a character offset of their joined text. */
function splitRuns(runs: readonly Inline[], offset: number): [Inline[], Inline[]] {
  const before: Inline[] = []
  const after: Inline[] = []
  let at = 0
  for (const run of runs) {
    const cut = offset - at
    if (cut >= run.value.length) before.push(run)
    else if (cut <= 0) after.push(run)
    else {
      before.push({...run, value: run.value.slice(0, cut)})
      after.push({...run, value: run.value.slice(cut)})
    }
    at += run.value.length
  }
  return [before, after]
}

function matches(block: Block | undefined, pattern: RegExp): boolean {
  return isParagraph(block) && pattern.test(paragraphText(block))
}

/** The runs without the blanks around them (a date written `2018年12月4日 ` keeps no trailing space). */
function trimRuns(runs: readonly Inline[]): Inline[] {
  const out = runs.map((run) => ({...run}))
  if (out[0]) out[0].value = out[0].value.trimStart()
  const last = out[out.length - 1]
  if (last) last.value = last.value.trimEnd()
  return out.filter((run) => run.value.length > 0)
}
