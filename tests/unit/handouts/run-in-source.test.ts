import {expect, test} from 'vitest'
import type {Row, TextItem} from '../../../src/compose/types.js'
import {RUN_IN_GAP_EM, runInSource} from '../../../src/handouts/run-in-source.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'

const EM = 12
const MEASURE = 36 * EM

/** One line of `text` in the fake 1-em font, at `x` within the measure, on `baseline`. */
function line(text: string, x: number, baseline: number, role: TextItem['role'], size = EM): TextItem {
  let pen = 0
  const placed = fakeAtoms(text, size).map((atom) => {
    const at = {atom, xPt: pen}
    pen += atom.advancePt
    return at
  })
  return {type: 'text', xPt: x, baselinePt: baseline, placed, role}
}

const lastLine = (text: string, extra: Partial<Row> = {}): Row => ({span: 1, items: [line(text, 0, 10, 'body')], breakAfter: 0, kind: 'body', block: 3, paragraphEnd: true, ...extra})
/** A source line of `chars` characters at 10.5 pt set flush right in the measure, one blank line down. */
const sourceRow = (chars: number): Row => {
  const width = chars * 10.5
  return {span: 2, items: [line('来'.repeat(chars), MEASURE - width, 31, 'source', 10.5)], breakAfter: 0, kind: 'body', block: -1}
}

test('a short last line takes the source line on its baseline, flush right where it was', () => {
  const merged = runInSource(lastLine('为基层减负增效，让民警轻装上阵。'), sourceRow(16), EM)!
  expect(merged.span).toBe(1)
  expect(merged.items).toHaveLength(2)
  const credit = merged.items[1] as TextItem
  expect(credit.role).toBe('source')
  expect(credit.baselinePt).toBe(10)
  expect(credit.xPt).toBeCloseTo(MEASURE - 16 * 10.5, 6)
})

test('less than two ems clear, a line of more than one row, a row that ends no paragraph or holds more than text: no run-in', () => {
  // 16 em of text and 16 × 10.5 pt of source leave 36 − 16 − 14 = 6 em; 25 em of text leave under two.
  expect(runInSource(lastLine('字'.repeat(20)), sourceRow(16), EM)).toBeDefined()
  expect(runInSource(lastLine('字'.repeat(21)), sourceRow(16), EM)).toBeUndefined()
  expect(RUN_IN_GAP_EM).toBe(2)
  expect(runInSource(lastLine('短行。', {paragraphEnd: false}), sourceRow(16), EM)).toBeUndefined()
  expect(runInSource(lastLine('短行。', {span: 2}), sourceRow(16), EM)).toBeUndefined()
  expect(runInSource(lastLine('短行。', {kind: 'head'}), sourceRow(16), EM)).toBeUndefined()
  const twoItems = lastLine('短行。')
  twoItems.items.push({type: 'rule', x1: 0, y1: 0, x2: 1, y2: 0, widthPt: 1})
  expect(runInSource(twoItems, sourceRow(16), EM)).toBeUndefined()
  // A source line of two lines is not run in.
  const twoLines = sourceRow(16)
  twoLines.items.push(line('源', MEASURE - 10.5, 52, 'source', 10.5))
  expect(runInSource(lastLine('短行。'), twoLines, EM)).toBeUndefined()
})
