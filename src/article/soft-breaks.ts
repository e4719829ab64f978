import type {Inline, Point} from './types.js'
import {isEastAsianWide} from '../text/char-class.js'
import {charAt, charBefore} from '../text/code-points.js'
import {continuationColumn} from '../parse/source-lines.js'

/**
 * What a soft line break (a line end inside a paragraph of the source)
 * becomes, by the characters on its two sides (CSS Text 3 §4.1.2, segment
 * break transformation):
 *
 * | before      | after       | becomes     | e.g.                          |
 * | ----------- | ----------- | ----------- | ----------------------------- |
 * | U+200B      | any         | nothing     | a break already there         |
 * | any         | U+200B      | nothing     |                               |
 * | wide        | any         | nothing     | 文字⏎文字, 说：⏎“好”, 中文⏎English |
 * | any         | wide        | nothing     | 2021⏎年, English⏎中文          |
 * | other       | other       | a space     | brown⏎fox                     |
 *
 * Wide is East Asian Wide or Fullwidth (`isEastAsianWide`: Han, kana,
 * full-width punctuation). CSS removes the break only when both sides are wide; like xeCJK, paiban
 * removes it when either side is, because the gap between Han and Latin
 * text is the line composer's to make (¼ em, clreq §3.4), not the writer's
 * line end's: a word space there would be stretched and shrunk as one.
 */
export function softBreakBecomes(before: string | undefined, after: string | undefined): '' | ' ' {
  if (before === undefined || after === undefined) return ''
  if (before === '\u200B' || after === '\u200B') return ''
  return isEastAsianWide(before) || isEastAsianWide(after) ? '' : ' '
}

/**
 * Resolve the soft line breaks of a paragraph's runs: each `\n` becomes
 * nothing or a space (`softBreakBecomes`, which looks across runs), and a run
 * that spanned several source lines is cut into one run per line, each with
 * where it stands, so that a message about a character on a later line names
 * that line and column. `sourceLine(n)` is the source's line `n` (1-based),
 * read only when a run spans lines.
 */
export function resolveSoftBreaks(runs: readonly Inline[], sourceLine: (line: number) => string | undefined): Inline[] {
  if (!runs.some((run) => run.value.includes('\n'))) return runs as Inline[]
  const out: Inline[] = []
  runs.forEach((run, index) => {
    if (!run.value.includes('\n')) {
      out.push(run)
      return
    }
    const lines = run.value.split('\n')
    const pieces = lines.map((text, k) => {
      if (k === lines.length - 1) return text
      return text + softBreakBecomes(beforeLineEnd(runs, index, lines, k), afterLineEnd(runs, index, lines, k))
    })
    const position = run.position
    if (!position) {
      out.push({...run, value: pieces.join('')})
      return
    }
    pieces.forEach((value, k) => {
      if (value === '') return
      const line = position.start.line + k
      const start: Point = k === 0 ? position.start : {line, column: continuationColumn(sourceLine(line), value)}
      const end: Point = k === pieces.length - 1 ? position.end : {line, column: start.column + value.length}
      out.push({...run, value, position: {start, end}})
    })
  })
  return out
}

/** The last character before line end `k` of run `index`, looking back across runs. */
function beforeLineEnd(runs: readonly Inline[], index: number, lines: readonly string[], k: number): string | undefined {
  for (let line = k; line >= 0; line--) if (lines[line]) return charBefore(lines[line]!, lines[line]!.length)
  for (let r = index - 1; r >= 0; r--) {
    const value = runs[r]!.value.replace(/\n+$/, '')
    if (value) return charBefore(value, value.length)
  }
  return undefined
}

/** The first character after line end `k` of run `index`, looking ahead across runs. */
function afterLineEnd(runs: readonly Inline[], index: number, lines: readonly string[], k: number): string | undefined {
  for (let line = k + 1; line < lines.length; line++) if (lines[line]) return charAt(lines[line]!, 0)
  for (let r = index + 1; r < runs.length; r++) {
    const value = runs[r]!.value.replace(/^\n+/, '')
    if (value) return charAt(value, 0)
  }
  return undefined
}
