import type {Row} from '../compose/types.js'

/** Clear space between the end of the text and a source line run in after it, in body ems (as a newspaper sets 文末署名). */
export const RUN_IN_GAP_EM = 2

/**
 * The last row of text with the source line run in on its baseline, flush
 * right: only after a paragraph's last line (one line of text, nothing
 * else in the row), for a source line of one line, with two ems clear
 * between them. Undefined when it does not fit so.
 */
export function runInSource(last: Row, source: Row, emPt: number): Row | undefined {
  const [text, ...others] = last.items
  const [credit, ...more] = source.items
  if (last.kind !== 'body' || !last.paragraphEnd || last.span !== 1 || others.length > 0 || more.length > 0) return undefined
  if (text?.type !== 'text' || text.role !== 'body' || credit?.type !== 'text') return undefined
  const textEnd = text.xPt + Math.max(0, ...text.placed.map(({atom, xPt}) => xPt + atom.advancePt - atom.blankAfterPt))
  const creditStart = credit.xPt + Math.min(...credit.placed.map(({atom, xPt}) => xPt + atom.blankBeforePt))
  if (creditStart - textEnd < RUN_IN_GAP_EM * emPt) return undefined
  return {...last, items: [text, {...credit, baselinePt: text.baselinePt}]}
}
