/**
 * Whole paragraphs at a 14-em measure (10 pt × 14 = 140 pt) with a 2-em first
 * indent, on the fake 1-em font: justified right edges, kinsoku at line
 * edges, no text lost, 孤字, and the emergency paths.
 */
import {describe, expect, test} from 'vitest'
import {absorbSpaces, lineText, splitOversized, typesetParagraph, type Line} from '../../../src/paragraph/typeset-paragraph.js'
import {atomWidth} from '../../../src/linebreak/junctions.js'
import {isNoEnd, isNoStart, type KinsokuLevel} from '../../../src/text/kinsoku.js'
import type {PunctuationStyle} from '../../../src/text/punctuation.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'
import {LINE_BREAK} from '../../../src/text/segment.js'
import {EPS, INDENT, MEASURE, SIZE, isDrawnHyphen, lastInkEnd, letterCount, paragraphOptions, rightEdge, setText, shapedAtoms, sourceText} from '../linebreak/builders.js'

const PARAGRAPHS = {
  news: '模范兴国，熠熠生辉。兴国是全国著名的将军县，是苏区精神和苏区干部好作风的重要发源地。一直以来，兴国县公安局党委秉承苏区精神，发扬“苏区干部好作风”，尤其是在传承和发展新时代“枫桥经验”方面，走出了一条颇具特色的新路子，该局长冈派出所在2022年被公安部命名为“全国枫桥式公安派出所”。',
  quotes: '“不仅在基层治理方面，我们进行有益探索，围绕公安其他主责主业，我们还将继续努力创新。”近日，兴国县副县长、县公安局局长刘震民在接受《新法治报》专访时表示，兴国公安将聚焦平安建设目标（包括“两站两员”建设），努力把“模范兴国”的名片擦得更亮！',
  mixed: '我们在2022年发布了Node.js 20版本，它支持ESM和TypeScript的strict模式，下载量超过3000万次；另有约40%的用户仍在使用v18，官方建议尽快升级到LTS版本。',
  dashes: '鲁迅写道——娜拉走后怎样？——这是一个问题……或者说，是许多问题……我们只能回答：她或者也实在只有两条路：不是堕落，就是回来。',
  commas: '中国，人民，中国，人民，中国，人民，中国，人民，中国，人民，中国，人民，中国，人民。',
  interpuncts: '阿依古丽·买买提和列夫·托尔斯泰、维克多·雨果都是作者，书名为《战争与和平》《悲惨世界》等，年份是1869／1862年。',
  emoji: '网友纷纷点赞👍🏽，有人留言“太棒了❤️”，也有人发了一面国旗🇨🇳表示支持，还有人说😀这是今年最好的消息之一。'
}

const LEVELS: KinsokuLevel[] = ['basic', 'GB', 'strict', 'newspaper']
const STYLES: PunctuationStyle[] = ['quanjiao', 'kaiming', 'banjiao']

/**
 * Every line's text, in order, spells `input` with its white space runs as
 * single spaces, none lost inside a line (a hyphen drawn at a break is not
 * source text).
 */
function expectSameText(lines: readonly Line[], input: string): void {
  const source = input.replace(/\s+/gu, ' ').trim()
  let cursor = 0
  for (const line of lines) {
    while (source[cursor] === ' ') cursor++
    const text = sourceText(line)
    expect(source.slice(cursor, cursor + text.length)).toBe(text)
    cursor += text.length
  }
  expect(cursor).toBe(source.length)
}

/** Total space between the atoms of a line as set. */
function gaps(line: Line): number {
  let total = 0
  for (let i = 1; i < line.placed.length; i++) {
    const before = line.placed[i - 1]!
    total += line.placed[i]!.xPt - before.xPt - atomWidth(before.atom)
  }
  return total
}

describe('typesetParagraph at 14 em', () => {
  const cases = Object.entries(PARAGRAPHS).flatMap(([name, text]) => LEVELS.flatMap((kinsoku) => STYLES.map((punctuation) => [name, kinsoku, punctuation, text] as const)))

  test.each(cases)('%s, %s, %s: every non-final line ends exactly at the measure', (_name, kinsoku, punctuation, text) => {
    const lines = setText(text, {kinsoku, punctuation})
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines.slice(0, -1)) {
      expect(Math.abs(rightEdge(line) - MEASURE)).toBeLessThan(EPS)
      expect(Math.abs(lastInkEnd(line) - MEASURE)).toBeLessThan(EPS)
    }
    const last = lines.at(-1)!
    expect(last.kind).toBe('final')
    expect(rightEdge(last)).toBeLessThanOrEqual(MEASURE + EPS)
  })

  test.each(cases)('%s, %s, %s: no line starts with a no-start mark or ends with a no-end mark', (_name, kinsoku, punctuation, text) => {
    const lines = setText(text, {kinsoku, punctuation})
    lines.forEach((line, i) => {
      expect(line.kind).not.toBe('emergency')
      const first = line.placed[0]!.atom
      const last = line.placed.at(-1)!.atom
      if (i > 0) expect(isNoStart(first.firstChar, kinsoku), `line ${i + 1} starts with ${first.firstChar}`).toBe(false)
      if (i < lines.length - 1) expect(isNoEnd(last.lastChar, kinsoku), `line ${i + 1} ends with ${last.lastChar}`).toBe(false)
    })
  })

  test.each(cases)('%s, %s, %s: the lines spell the input, no space lost', (_name, kinsoku, punctuation, text) => {
    expectSameText(setText(text, {kinsoku, punctuation}), text)
  })

  test('spaces inside a line survive in lineText', () => {
    const lines = setText('Node.js 20 and TypeScript 5 and ESM modules and more words here to wrap the line')
    expect(lines.length).toBeGreaterThan(1)
    expect(lineText(lines[0]!)).toContain(' ')
    expectSameText(lines, 'Node.js 20 and TypeScript 5 and ESM modules and more words here to wrap the line')
  })

  test('the first line is indented 2 em, the others not; each line knows its available width', () => {
    const lines = setText(PARAGRAPHS.news)
    expect(lines[0]!.xPt).toBe(INDENT)
    expect(lines[0]!.availablePt).toBe(MEASURE - INDENT)
    for (const line of lines.slice(1)) {
      expect(line.xPt).toBe(0)
      expect(line.availablePt).toBe(MEASURE)
    }
    for (const line of lines) expect(line.sizePt).toBe(SIZE)
  })

  test('every atom sits inside its line: ink never before 0 or past the available width', () => {
    for (const text of Object.values(PARAGRAPHS)) {
      for (const line of setText(text)) {
        for (const {atom, xPt} of line.placed) {
          expect(xPt).toBeGreaterThanOrEqual(-EPS)
          expect(xPt + atomWidth(atom)).toBeLessThanOrEqual(line.availablePt + EPS)
        }
      }
    }
  })

  test('atoms are placed left to right without overlap', () => {
    for (const line of setText(PARAGRAPHS.quotes)) {
      for (let i = 1; i < line.placed.length; i++) {
        const before = line.placed[i - 1]!
        expect(line.placed[i]!.xPt).toBeGreaterThanOrEqual(before.xPt + atomWidth(before.atom) - EPS)
      }
    }
  })

  test('the final line is never stretched: natural gaps, ratio 0', () => {
    // 13 characters on the last line of a justified paragraph, 1 em short of the measure.
    const lines = setText('兴国是全国著名的将军县是苏区精神和苏区干部好作风的重要发源地兴国县位于江西省中')
    const last = lines.at(-1)!
    expect(last.kind).toBe('final')
    expect(last.ratio).toBe(0)
    expect(last.placed).toHaveLength(13)
    expect(gaps(last)).toBe(0)
    expect(last.widthPt).toBeCloseTo(13 * SIZE, 9)
    expect(rightEdge(last)).toBeCloseTo(MEASURE - SIZE, 9)
  })

  test('a final line with punctuation keeps its natural compression only', () => {
    const last = setText(PARAGRAPHS.news).at(-1)!
    expect(last.widthPt).toBeLessThanOrEqual(MEASURE)
    // “全国枫桥式公安派出所”。 ends the paragraph: ”。 takes 1.5 em minus the line-end blank.
    expect(lineText(last).endsWith('”。')).toBe(true)
  })

  test('line-end punctuation takes ½ em: a line ending in ， has its ink at the measure', () => {
    const lines = setText(PARAGRAPHS.commas)
    const ending = lines.slice(0, -1).filter((line) => lineText(line).endsWith('，'))
    expect(ending.length).toBeGreaterThan(0)
    for (const line of ending) expect(lastInkEnd(line)).toBeCloseTo(MEASURE, 6)
  })

  test('push in: a line that holds a 点号 by shrinking reports ratio < 0 and still ends at the measure', () => {
    const lines = setText(PARAGRAPHS.commas)
    const shrunk = lines.filter((line) => line.ratio < 0)
    expect(shrunk.length).toBeGreaterThan(0)
    for (const line of shrunk) expect(rightEdge(line)).toBeCloseTo(MEASURE, 6)
  })

  test('an opening bracket keeps its ½-em blank only at the paragraph start', () => {
    const first = setText('“兴国是全国著名的将军县”是苏区精神和苏区干部好作风的重要发源地')
    expect(lineText(first[0]!).startsWith('“')).toBe(true)
    expect(first[0]!.placed[0]!.xPt).toBeCloseTo(0.5 * SIZE, 9)
    // At the start of line 2 the “ loses its leading blank (clreq line-start compression).
    const later = setText('兴国是全国著名的将军县是“苏区精神和苏区干部好作风”的重要发源地')
    expect(lineText(later[1]!).startsWith('“')).toBe(true)
    expect(later[1]!.placed[0]!.xPt).toBe(0)
    expect(rightEdge(later[1]!)).toBeCloseTo(MEASURE, 6)
  })
})

describe('孤字 (a one-character last line)', () => {
  const han = '兴国是全国著名的将军县是苏区精神和苏区干部好作风的重要发源地兴国县位于江西省中南部地处赣州市北部东邻宁都'
  test.each([
    ['27 Han (12 + 14 + 1)', han.slice(0, 27)],
    ['41 Han (12 + 14 + 14 + 1)', han.slice(0, 41)],
    ['26 Han + 。', `${han.slice(0, 26)}。`],
    ['27 Han + ”。', `${han.slice(0, 27)}”。`],
    ['comma-led', `${han.slice(0, 11)}，${han.slice(11, 26)}地。`]
  ])('%s: the last line has at least two letters', (_name, text) => {
    const lines = setText(text)
    expect(lines.length).toBeGreaterThan(1)
    expect(letterCount(lines.at(-1)!)).toBeGreaterThanOrEqual(2)
    for (const line of lines.slice(0, -1)) expect(rightEdge(line)).toBeCloseTo(MEASURE, 6)
    expectSameText(lines, text)
  })
})

describe('emergencies', () => {
  const digits = '1234567890'.repeat(30)
  const xs = 'x'.repeat(300) // no Liang hyphenation point
  const letters = 'abcdefghijklmnopqrstuvwxyz'.repeat(12).slice(0, 300) // hyphenation points every 5–26 letters

  test.each([
    ['300 digits', digits],
    ['300 digits between Han', `报道称${digits}是一个很长的数。`],
    ['300 unhyphenatable letters after a space', `单词 ${xs} 之后`],
    ['300 unhyphenatable letters', xs]
  ])('%s: breaks inside the run (emergency) without any line exceeding the measure', (_name, text) => {
    const lines = setText(text)
    expect(lines.length).toBeGreaterThanOrEqual(10)
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(MEASURE + EPS)
    for (const line of lines.slice(0, -1)) expect(rightEdge(line)).toBeCloseTo(MEASURE, 6)
    expect(lines.slice(0, -1).filter((line) => line.kind === 'emergency').length).toBeGreaterThan(5)
    expectSameText(lines, text)
  })

  test.each([
    ['300 letters', letters],
    ['300 letters between Han', `报道称${letters}是一个很长的词。`]
  ])('%s with hyphenation points: breaks at them, draws the hyphen, never exceeds the measure', (_name, text) => {
    const lines = setText(text)
    expect(lines.length).toBeGreaterThanOrEqual(10)
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(MEASURE + EPS)
    const hyphenated = lines.filter((line) => isDrawnHyphen(line, line.placed.length - 1))
    expect(hyphenated.length).toBeGreaterThan(8)
    for (const line of hyphenated) {
      expect(lineText(line).endsWith('-')).toBe(true)
      expect(line.kind).toBe('normal') // a hyphenation point is an ordinary break
      expect(lastInkEnd(line)).toBeLessThanOrEqual(MEASURE + EPS) // the hyphen itself fits
    }
    expect(lines.at(-1)!.placed.some((_, index) => isDrawnHyphen(lines.at(-1)!, index))).toBe(false)
    expectSameText(lines, text)
  })

  const url = `https://www.example.com/${'abcdefghij/'.repeat(34)}index.htm`

  test('a 400-character URL breaks at its break points without exceeding the measure', () => {
    expect(url.length).toBeGreaterThanOrEqual(400)
    const text = `详见${url}。`
    const lines = setText(text)
    expect(lines.length).toBeGreaterThanOrEqual(14)
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(MEASURE + EPS)
    for (const line of lines.slice(1, -1)) expect('/.-?&=#_').toContain(lineText(line).slice(-1))
    expectSameText(lines, text)
  })

  test('a 400-character URL shaped as one word (no URL split) breaks glyph by glyph and fills the measure', () => {
    const text = `详见${url}。`
    const lines = typesetParagraph(fakeAtoms(text, SIZE), paragraphOptions())
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(MEASURE + EPS)
    for (const line of lines.slice(0, -1)) expect(rightEdge(line)).toBeCloseTo(MEASURE, 6)
    expectSameText(lines, text)
  })

  test('40 句号 in a row (every break prohibited) still break, losing nothing', () => {
    const text = '。'.repeat(40)
    const lines = setText(text)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.slice(0, -1).every((line) => line.kind === 'emergency')).toBe(true)
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(MEASURE + EPS)
    expect(lines.reduce((sum, line) => sum + line.placed.length, 0)).toBe(40)
    expectSameText(lines, text)
  })

  test.each(['——', '……'])('ten %s in a row break only between whole marks', (mark) => {
    const text = mark.repeat(10)
    const lines = setText(text)
    expectSameText(lines, text)
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(MEASURE + EPS)
    for (const line of lines) expect([...lineText(line)].length % 2).toBe(0)
  })
})

describe('alignment', () => {
  const short = '兴国是全国著名的将军县'
  test.each([
    ['left', 0],
    ['center', 1.5 * SIZE],
    ['right', 3 * SIZE]
  ] as const)('a one-line %s paragraph starts at %f pt', (align, x) => {
    const [line] = typesetParagraph(shapedAtoms(short), paragraphOptions({align, firstIndentPt: 0}))
    expect(line!.placed[0]!.xPt).toBeCloseTo(x, 9)
    expect(line!.widthPt).toBeCloseTo(x + 11 * SIZE, 9)
  })

  test('lastAlign distributes the final line across the measure', () => {
    const lines = typesetParagraph(shapedAtoms(short), paragraphOptions({firstIndentPt: 0, lastAlign: 'distribute'}))
    expect(lines).toHaveLength(1)
    expect(rightEdge(lines[0]!)).toBeCloseTo(MEASURE, 6)
  })

  test('an empty paragraph has no lines', () => {
    expect(typesetParagraph([], paragraphOptions())).toEqual([])
    expect(typesetParagraph(fakeAtoms('   '), paragraphOptions())).toEqual([])
  })
})

describe('absorbSpaces', () => {
  test('folds each space into the atom before it; drops leading and trailing spaces', () => {
    const atoms = absorbSpaces(fakeAtoms('  Hello world  中 文 '))
    expect(atoms.map((atom) => atom.text)).toEqual(['Hello', 'world', '中', '文'])
    expect(atoms.map((atom) => atom.spaceAfterPt ?? 0)).toEqual([2.5, 2.5, 2.5, 0])
  })

  test('a zero-width space still leaves a (tiny) break opportunity', () => {
    const atoms = absorbSpaces([...fakeAtoms('ab'), {...fakeAtoms(' ')[0]!, advancePt: 0, text: ''}, ...fakeAtoms('cd')])
    expect(atoms).toHaveLength(2)
    expect(atoms[0]!.spaceAfterPt).toBeGreaterThan(0)
  })
})

describe('splitOversized', () => {
  test('an atom wider than the limit becomes one atom per glyph, glued as an emergency', () => {
    const [word] = absorbSpaces(fakeAtoms('abcdef gh'))
    const pieces = splitOversized([word!], 2 * SIZE)
    expect(pieces.map((atom) => atom.text)).toEqual([...'abcdef'])
    expect(pieces.map((atom) => atom.glueNext)).toEqual(['emergency', 'emergency', 'emergency', 'emergency', 'emergency', undefined])
    expect(pieces.map((atom) => atom.spaceAfterPt)).toEqual([undefined, undefined, undefined, undefined, undefined, 2.5])
    expect(pieces.reduce((sum, atom) => sum + atom.advancePt, 0)).toBeCloseTo(word!.advancePt, 9)
  })

  test('atoms within the limit, and single glyphs, are left alone', () => {
    const atoms = fakeAtoms('abc中')
    expect(splitOversized(atoms, 2 * SIZE)).toEqual(atoms)
    expect(splitOversized(atoms, 0.1)).toHaveLength(4)
  })
})

describe('a number and its measure word', () => {
  const set = (measureEm: number) => typesetParagraph(fakeAtoms('甲乙丙丁，2006年戊己庚辛壬癸子丑寅卯', SIZE), paragraphOptions({measurePt: measureEm * SIZE, firstIndentPt: 0}))

  test('part (2006|年) only where keeping them would letter-space a line by more than ⅖ em', () => {
    // 7 em: 甲乙丙丁， alone would need 2.5 em of spread over 4 gaps; 甲乙丙丁，2006 fills the line.
    const lines = set(7)
    expect(lineText(lines[0]!)).toBe('甲乙丙丁，2006')
    expect(lineText(lines[1]!).startsWith('年')).toBe(true)
  })

  test('stay together where the line before can take them or stretch a little', () => {
    for (const measure of [9, 10, 11, 12]) {
      const lines = set(measure)
      for (let i = 0; i + 1 < lines.length; i++) expect(`${lineText(lines[i]!)}|${lineText(lines[i + 1]!)}`).not.toMatch(/\d\|年/)
    }
  })
})

describe('forced line breaks (a Markdown hard break, carried as LINE_BREAK)', () => {
  const B = LINE_BREAK
  const text = (lines: readonly Line[]) => lines.map(lineText)

  test('the line ends at the break, flush left and unstretched, and the next starts where the first did (verse lines stand aligned)', () => {
    const lines = setText(`李白在诗中写道：${B}床前明月光，疑是地上霜。${B}举头望明月，低头思故乡。`)
    expect(text(lines)).toEqual(['李白在诗中写道：', '床前明月光，疑是地上霜。', '举头望明月，低头思故乡。'])
    expect(lines.map((line) => line.xPt)).toEqual([INDENT, INDENT, INDENT])
    for (const line of lines) {
      expect(line.kind).toBe('final')
      expect(line.ratio).toBe(0)
      expect(line.placed[0]!.xPt).toBeLessThan(EPS)
    }
  })

  test('a long part before a break still fills its own turned lines to the measure', () => {
    const long = PARAGRAPHS.news.slice(0, 40)
    const lines = setText(`${long}${B}短句。`)
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines.slice(0, -2)) expect(rightEdge(line)).toBeCloseTo(MEASURE, 6)
    expect(text(lines).at(-1)).toBe('短句。')
  })

  test('a long part after a break starts at the first-line indent and turns at the indent of turned lines', () => {
    const long = PARAGRAPHS.news.slice(0, 40)
    const lines = setText(`短句。${B}${long}`)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.map((line) => line.xPt)).toEqual([INDENT, INDENT, ...lines.slice(2).map(() => 0)])
  })

  test('where turned lines hang further in than the first (a Q&A turn after its label), a part after a break starts there', () => {
    const lines = setText(`记者：问题一。${B}问题二。`, {firstIndentPt: 0, restIndentPt: 3 * SIZE})
    expect(lines.map((line) => line.xPt)).toEqual([0, 3 * SIZE])
  })

  test('two breaks in a row leave an empty line; a break at the end, or spaces around one, add nothing', () => {
    expect(text(setText(`第一行${B}${B}第三行`))).toEqual(['第一行', '', '第三行'])
    expect(text(setText(`第一行${B}`))).toEqual(['第一行'])
    expect(text(setText(`one ${B} two`))).toEqual(['one', 'two'])
  })

  test('a written line of verse too long for the measure turns at its caesura, each half where the line starts', () => {
    // 14 characters a line, 2 in: 千里莺啼绿映红，水村山郭酒旗风。 (16) cannot stand on one line.
    const lines = setText(`千里莺啼绿映红，水村山郭酒旗风。${B}南朝四百八十寺，多少楼台烟雨中。`)
    expect(text(lines)).toEqual(['千里莺啼绿映红，', '水村山郭酒旗风。', '南朝四百八十寺，', '多少楼台烟雨中。'])
    expect(lines.map((line) => line.xPt)).toEqual([INDENT, INDENT, INDENT, INDENT])
    // A looseness asked of it (widow repair) does not re-break verse.
    for (const looseness of [-1, 1] as const) expect(text(setText(`千里莺啼绿映红，水村山郭酒旗风。${B}南朝四百八十寺，多少楼台烟雨中。`, {looseness}))).toEqual(text(lines))
    // A quoted line of verse is verse too: its quotes stay with the clauses they open and close.
    expect(text(setText(`诗云${B}“千里莺啼绿映红，水村山郭酒旗风。”`))).toEqual(['诗云', '“千里莺啼绿映红，', '水村山郭酒旗风。”'])
    // Clauses that fit together stay together: 五言 pairs stand on one line.
    expect(text(setText(`好雨知时节，当春乃发生。${B}随风潜入夜，润物细无声。`))).toEqual(['好雨知时节，当春乃发生。', '随风潜入夜，润物细无声。'])
  })

  test('prose between hard breaks keeps its ordinary breaks: a long clause, Latin text or a single clause is not verse', () => {
    const prose = '地址：江西省南昌市红谷滩区丰和中大道一千二百三十四号'
    expect(setText(`联系方式${B}${prose}`)).toEqual([...setText('联系方式', {firstIndentPt: INDENT}), ...setText(prose)])
    const latin = '千里莺啼绿映红，水村山郭AB旗风。'
    expect(text(setText(`诗${B}${latin}`)).slice(1)).toEqual(text(setText(latin)))
  })

  test('each part is set as a paragraph of its own would be: centred parts stay centred', () => {
    const options = {align: 'center' as const, firstIndentPt: 0}
    const lines = setText(`国办发${B}〔2018〕123号`, options)
    expect(lines).toEqual([...setText('国办发', options), ...setText('〔2018〕123号', options)])
  })

  test('looseness goes to the longest part only', () => {
    const long = PARAGRAPHS.news
    const tighter = setText(long, {looseness: -1})
    expect(tighter.length).toBe(setText(long).length - 1)
    expect(setText(`${long}${B}短句。`, {looseness: -1})).toEqual([...tighter, ...setText('短句。')])
  })
})
