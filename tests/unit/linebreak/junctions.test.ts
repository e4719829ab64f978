/**
 * Junctions between atoms: punctuation compression (标点挤压), Han–Latin
 * spacing, word spaces, and the break penalty. Widths come from the fake 1-em
 * font (tests/helpers/fake-atoms.ts).
 */
import {describe, expect, test} from 'vitest'
import {atomWidth, buildJunctions, PENALTY} from '../../../src/linebreak/junctions.js'
import {absorbSpaces} from '../../../src/paragraph/typeset-paragraph.js'
import type {PunctuationStyle} from '../../../src/text/punctuation.js'
import type {KinsokuLevel} from '../../../src/text/kinsoku.js'
import {CJK_LATIN, SIZE, junctionOptions, shapedAtoms} from './builders.js'

/**
 * Width in em that `marks` take when set between 中 and 文: from the end of
 * 中's ink to the start of 文's ink (atom ink + every junction).
 */
function widthBetweenHan(marks: string, punctuation: PunctuationStyle = 'quanjiao'): number {
  const atoms = shapedAtoms(`中${marks}文`)
  const junctions = buildJunctions(atoms, junctionOptions({punctuation}))
  let width = 0
  for (let i = 1; i < atoms.length - 1; i++) width += atomWidth(atoms[i]!)
  for (const junction of junctions) width += junction.widthPt
  return width / SIZE
}

/** The junctions of `text` after word spaces are folded in, as typesetParagraph does. */
function junctions(text: string, overrides: {punctuation?: PunctuationStyle; kinsoku?: KinsokuLevel} = {}) {
  const atoms = absorbSpaces(shapedAtoms(text))
  return {atoms, junctions: buildJunctions(atoms, junctionOptions(overrides))}
}

/** The one junction of a two-atom text. */
function only(text: string, overrides: {punctuation?: PunctuationStyle; kinsoku?: KinsokuLevel} = {}) {
  const result = junctions(text, overrides).junctions
  expect(result).toHaveLength(1)
  return result[0]!
}

const CLOSING_OR_POINT = [...'。，、：；！？”’」』）》】']
const ANY_BRACKET_OR_POINT = [...'“‘「『（《【”’」』）》】。，、：；！？']
const OPENING = [...'“‘「『（《【']

/** Every adjacent pair clreq compresses to 1.5 em: anything after a closing mark or 点号, and opening after opening. */
const ADJACENT_PAIRS = [
  ...CLOSING_OR_POINT.flatMap((first) => ANY_BRACKET_OR_POINT.map((second) => first + second)),
  ...OPENING.flatMap((first) => OPENING.map((second) => first + second))
]

describe('adjacent punctuation, quanjiao', () => {
  test.each([...'。，、：；！？“”‘’「」『』（）《》【】'])('%s alone takes 1 em between Han', (mark) => {
    expect(widthBetweenHan(mark)).toBeCloseTo(1, 9)
  })

  test.each(['。”', '，“', '）（', '」「', '”，', '、《', '》，', '”。', '。。', '？！', '“「', '（《', '：“', '）、'])('%s takes exactly 1.5 em', (pair) => {
    expect(widthBetweenHan(pair)).toBeCloseTo(1.5, 9)
  })

  test.each(ADJACENT_PAIRS)('exhaustive: %s takes 1.5 em', (pair) => {
    expect(widthBetweenHan(pair)).toBeCloseTo(1.5, 9)
  })

  test.each(['“”', '（）', '《》', '「」'])('%s (empty brackets: blanks on the outer sides only) keeps 2 em', (pair) => {
    expect(widthBetweenHan(pair)).toBeCloseTo(2, 9)
  })

  test.each([
    ['。”', 0, Infinity], // ” must not start a line
    ['，“', 0.5, 0], // ， may end a line, “ may start one
    ['）（', 0.5, 0],
    ['」「', 0.5, 0],
    ['”，', 0, Infinity],
    ['、《', 0.5, 0],
    ['“「', 0, Infinity] // “ must not end a line
  ])('junction inside %s: %f em, penalty %s', (pair, widthEm, penalty) => {
    const junction = only(pair)
    expect(junction.widthPt / SIZE).toBeCloseTo(widthEm, 9)
    expect(junction.penalty).toBe(penalty)
  })

  test('three marks in a row take 2 em (each further mark adds ½ em)', () => {
    expect(widthBetweenHan('。”」')).toBeCloseTo(2, 9)
    expect(widthBetweenHan('”）。')).toBeCloseTo(2, 9)
  })
})

describe('punctuation styles', () => {
  test.each([
    // mark(s), quanjiao, kaiming, banjiao, centred (em)
    ['。', 1, 1, 0.5, 1],
    ['？', 1, 1, 0.5, 1],
    ['！', 1, 1, 0.5, 1],
    ['，', 1, 0.5, 0.5, 1],
    ['、', 1, 0.5, 0.5, 1],
    ['：', 1, 0.5, 0.5, 1],
    ['；', 1, 0.5, 0.5, 1],
    ['“', 1, 0.5, 0.5, 1],
    ['”', 1, 0.5, 0.5, 1],
    ['（', 1, 0.5, 0.5, 1],
    ['》', 1, 0.5, 0.5, 1],
    ['·', 1, 0.5, 0.5, 1],
    ['，“', 1.5, 1, 1, 2],
    ['）（', 1.5, 1, 1, 2],
    ['”，', 1.5, 1, 1, 2],
    ['”。', 1.5, 1.5, 1, 2],
    ['。。', 1.5, 1.5, 1, 2],
    ['？！', 1.5, 1.5, 1, 2]
  ])('%s: quanjiao %f, kaiming %f, banjiao %f, centred %f em', (marks, quanjiao, kaiming, banjiao, centred) => {
    expect(widthBetweenHan(marks, 'quanjiao')).toBeCloseTo(quanjiao, 9)
    expect(widthBetweenHan(marks, 'kaiming')).toBeCloseTo(kaiming, 9)
    expect(widthBetweenHan(marks, 'banjiao')).toBeCloseTo(banjiao, 9)
    expect(widthBetweenHan(marks, 'centred')).toBeCloseTo(centred, 9)
  })

  test('centred punctuation never shrinks', () => {
    const {junctions: all} = junctions('中，“中”。中', {punctuation: 'centred'})
    for (const junction of all) expect(junction.shrinkPt).toEqual([0, 0, 0])
  })

  test.each([
    // text, junction index, shrink per level in em
    ['，中', 0, [0.5, 0, 0]], // pauses shrink first
    ['”中', 0, [0.5, 0, 0]],
    ['中“', 0, [0.5, 0, 0]],
    ['。中', 0, [0, 0, 0.5]], // 。？！ shrink last (clreq reduction priority 7)
    ['！中', 0, [0, 0, 0.5]],
    ['中中', 0, [0, 0, 0]]
  ] as const)('%s junction %i shrinks %j em per level', (text, index, shrinkEm) => {
    const junction = junctions(text).junctions[index]!
    expect(junction.shrinkPt.map((pt) => pt / SIZE)).toEqual(shrinkEm.map((em) => expect.closeTo(em, 9)))
  })
})

describe('Han–Latin spacing', () => {
  const natural = CJK_LATIN.natural * SIZE
  test.each(['中A', 'A中', '中2022', '2022年', '年Node.js', 'iPhone发'])('%s: ¼ em, shrinks to min, stretches to max, no even spacing', (text) => {
    const junction = only(text)
    expect(junction.widthPt).toBeCloseTo(natural, 9)
    expect(junction.widthPt - junction.shrinkPt[1]).toBeCloseTo(CJK_LATIN.min * SIZE, 9)
    expect(junction.widthPt + junction.stretchPt[1]).toBeCloseTo(CJK_LATIN.max * SIZE, 9)
    expect(junction.shrinkPt[0]).toBe(0)
    expect(junction.shrinkPt[2]).toBe(0)
    expect(junction.stretchPt[0]).toBe(0)
    expect(junction.spread).toBe(false)
  })

  test('the natural/min/max come from the options', () => {
    const atoms = shapedAtoms('中A')
    const [junction] = buildJunctions(atoms, junctionOptions({cjkLatinEm: {natural: 0.2, min: 0.1, max: 0.5}}))
    expect(junction!.widthPt).toBeCloseTo(2, 9)
    expect(junction!.shrinkPt[1]).toBeCloseTo(1, 9)
    expect(junction!.stretchPt[1]).toBeCloseTo(3, 9)
  })

  test.each([
    // text, width left in em (the punctuation's own blank only)
    ['，A', 0.5],
    ['A，', 0],
    ['“A', 0],
    ['A”', 0],
    ['（A', 0],
    ['A）', 0],
    ['A。', 0],
    ['—A', 0],
    ['A😀', 0]
  ])('no Han–Latin space in %s (junction %f em)', (text, widthEm) => {
    const junction = only(text)
    expect(junction.widthPt / SIZE).toBeCloseTo(widthEm, 9)
    expect(junction.shrinkPt[1]).toBe(0)
    expect(junction.stretchPt).toEqual([0, 0])
  })

  test('no Han–Latin space at a footnote call: 几点[1] keeps its mark against the character', () => {
    const atoms = shapedAtoms('点[1]：').map((atom) => (atom.text === '[1]' ? {...atom, superscript: true} : atom))
    const [junction] = buildJunctions(atoms, junctionOptions())
    expect(junction!.widthPt).toBe(0)
    expect(junction!.stretchPt).toEqual([0, 0])
    // The same mark on the line (not a call) is spaced as Latin text is.
    const [plain] = buildJunctions(shapedAtoms('点[1]：'), junctionOptions())
    expect(plain!.widthPt).toBeCloseTo(natural, 9)
  })

  test('a word space between Han and Latin replaces the ¼ em', () => {
    const junction = only('中 A')
    expect(junction.widthPt).toBeCloseTo(0.25 * SIZE, 9)
    expect(junction.stretchPt[1]).toBe(0)
  })
})

describe('word spaces', () => {
  test('a ¼-em word space shrinks to ⅕ em and stretches to ½ em, never spreads', () => {
    const junction = only('Hello world')
    expect(junction.widthPt).toBeCloseTo(2.5, 9)
    expect(junction.shrinkPt[0]).toBeCloseTo(0.5, 9)
    expect(junction.stretchPt[0]).toBeCloseTo(2.5, 9)
    expect(junction.spread).toBe(false)
    expect(junction.penalty).toBe(0)
  })

  test('an ideographic space (U+3000, 1 em) gives up at most half its width, last, and widens first, to twice its width, in a loose line', () => {
    // The fake font sets every space ¼ em: give the space U+3000's width, as a real font does.
    const atoms = shapedAtoms('条\u3000为').map((atom) => (atom.first === 'space' ? {...atom, text: '\u3000', advancePt: SIZE} : atom))
    const [junction] = buildJunctions(absorbSpaces(atoms), junctionOptions({}))
    expect(junction!.widthPt).toBeCloseTo(SIZE, 9)
    expect(junction!.shrinkPt).toEqual([0, 0, SIZE / 2])
    expect(junction!.stretchPt).toEqual([SIZE, 0])
    expect(junction!.spread).toBe(false)
    expect(junction!.penalty).toBe(0)
  })

  test('a space typed beside full-width punctuation is not set: the mark\'s blank half parts it from the Latin text', () => {
    // `https://… 。` (a space ends an autolink), `（ see` and `see ）`: the junction is the marks' blanks alone.
    const cases: [string, string, string][] = [
      ['html 。', 'html', '。'],
      ['（ see', '（', 'see'],
      ['see ）', 'see', '）']
    ]
    for (const [text, left, right] of cases) {
      const {atoms, junctions: all} = junctions(text)
      expect(atoms.map((atom) => atom.text)).toEqual([left, right])
      expect(all[0]!.widthPt).toBeCloseTo(atoms[0]!.blankAfterPt + atoms[1]!.blankBeforePt, 9)
      expect(all[0]!.stretchPt).toEqual([0, 0])
    }
    // Between two Latin words the space stays.
    expect(only('see you').widthPt).toBeCloseTo(2.5, 9)
  })
})

describe('break penalties', () => {
  test.each([
    ['中文', 0],
    ['2022年', PENALTY.numberUnit], // number + measure word: discouraged, taken only instead of a very loose line
    ['6类', PENALTY.numberUnit],
    ['39项', PENALTY.numberUnit],
    ['年2022', 0],
    ['2022 年', PENALTY.numberUnit], // 盘古之白 spacing: the number still keeps its measure word
    ['3㎏', Infinity], // unit symbols never part from their number (jlreq cl-25)
    ['２０', Infinity], // a full-width number stays whole
    ['3∶', Infinity], // the ratio sign (比号) never starts a line, as a colon
    ['∶4', PENALTY.emergency], // and a ratio parts after it only when nothing else fits (5.3∶41.3∶53.4)
    ['中∶', Infinity],
    ['中。', Infinity],
    ['“中', Infinity],
    ['中”', Infinity],
    ['——', Infinity],
    ['……', Infinity],
    ['中😀', 0],
    ['😀中', 0]
  ])('%s: penalty %s', (text, penalty) => {
    expect(only(text).penalty).toBe(penalty)
  })

  test('a range of numbers (8～10, 1—2) parts after its connector only as a number parts from its measure word', () => {
    for (const text of ['8～10', '1—2']) {
      const {atoms, junctions: all} = junctions(text)
      const connector = atoms.findIndex((atom) => atom.text === '～' || atom.text === '—')
      expect(all[connector - 1]!.penalty).toBe(Infinity)
      expect(all[connector]!.penalty).toBe(PENALTY.numberUnit)
    }
    // Between words it stays a free break: 北京～上海.
    const {atoms, junctions: all} = junctions('北京～上海')
    expect(all[atoms.findIndex((atom) => atom.text === '～')]!.penalty).toBe(0)
  })

  test.each(['basic', 'GB', 'strict', 'newspaper'] as const)('——/…… stay unbreakable and unspread at the %s level', (kinsoku) => {
    for (const text of ['——', '……', '⋯⋯']) {
      const junction = only(text, {kinsoku})
      expect(junction.penalty).toBe(Infinity)
      expect(junction.spread).toBe(false)
    }
  })

  test('Han–Han junctions are free breaks that may take even spacing', () => {
    const junction = only('中文')
    expect(junction).toMatchObject({widthPt: 0, penalty: 0, spread: true})
  })

  test('two Latin atoms with no space between only break as an emergency', () => {
    const atoms = [...shapedAtoms('abc'), ...shapedAtoms('def')]
    const [junction] = buildJunctions(atoms, junctionOptions())
    expect(junction!.penalty).toBe(PENALTY.emergency)
    expect(junction!.spread).toBe(false)
  })

  test('URL pieces break at a small cost and may take even spacing (so a line of URL pieces is justified)', () => {
    const {atoms, junctions: all} = junctions('https://www.gov.cn/zhengce/index.htm')
    expect(atoms.length).toBeGreaterThan(3)
    expect(all).toHaveLength(atoms.length - 1)
    for (const junction of all) {
      expect(junction.penalty).toBe(PENALTY.url)
      expect(junction.spread).toBe(true)
      expect(junction.widthPt).toBe(0)
    }
  })

  test('hyphenation points break at the hyphen penalty and carry the hyphen to draw', () => {
    const {atoms, junctions: all} = junctions('internationalization')
    expect(atoms.map((atom) => atom.text).join('')).toBe('internationalization')
    expect(atoms.length).toBeGreaterThan(3)
    for (const junction of all) {
      expect(junction.penalty).toBe(PENALTY.hyphen)
      expect(junction.spread).toBe(false)
      expect(junction.widthPt).toBe(0)
      expect(junction.hyphen?.text).toBe('-')
      expect(junction.hyphen?.advancePt).toBeCloseTo(0.5 * SIZE, 9)
    }
  })

  test('a word breaks after its own hyphen at the hyphen penalty, unspread, with no hyphen added (Arena-|Hard)', () => {
    const {atoms, junctions: all} = junctions('Arena-Hard')
    expect(atoms.map((atom) => atom.text)).toEqual(['Arena-', 'Hard'])
    expect(all[0]).toMatchObject({penalty: PENALTY.hyphen, spread: false, widthPt: 0, hyphen: undefined})
    // Numbers keep their hyphens: 0791-88888888 breaks only as an emergency.
    for (const junction of junctions('0791-88888888').junctions) expect(junction.penalty).toBeGreaterThanOrEqual(PENALTY.emergency)
  })

  test('short words, words with digits and URL pieces with break characters take no hyphen', () => {
    for (const text of ['Hello', 'IPv6abcdefgh', 'Node.js', 'www.gov.cn/zhengce/']) {
      for (const junction of junctions(text).junctions) expect(junction.hyphen).toBeUndefined()
    }
  })

  test('a URL piece boundary wins over the GB solidus rule (URLs follow Western rules)', () => {
    const {atoms, junctions: all} = junctions('www.gov.cn/zhengce')
    const slash = atoms.findIndex((atom) => atom.lastChar === '/')
    expect(slash).toBeGreaterThanOrEqual(0)
    expect(all[slash]!.penalty).toBe(PENALTY.url)
  })

  test('the kinsoku level changes the penalty of ？ at line start', () => {
    expect(only('中？', {kinsoku: 'GB'}).penalty).toBe(Infinity)
    expect(only('中？', {kinsoku: 'newspaper'}).penalty).toBe(0)
    // A lone — is a 一字线 connector: never at a line start (GB/T 15834 §5.1.6) at any level.
    expect(only('中—', {kinsoku: 'GB'}).penalty).toBe(Infinity)
    expect(only('中—', {kinsoku: 'strict'}).penalty).toBe(Infinity)
  })

  test('one junction per neighbouring pair', () => {
    const {atoms, junctions: all} = junctions('中文，English 2022年“引号”。')
    expect(all).toHaveLength(atoms.length - 1)
    expect(buildJunctions([], junctionOptions())).toEqual([])
    expect(buildJunctions(shapedAtoms('中'), junctionOptions())).toEqual([])
  })
})

describe('code (`…` and code blocks), set as written', () => {
  /** The junctions of `text` with every atom marked as code, or only those of `code` in `before + code + after`. */
  function coded(before: string, code: string, after = '', punctuation: PunctuationStyle = 'banjiao') {
    const atoms = absorbSpaces([...shapedAtoms(before), ...shapedAtoms(code).map((atom) => ({...atom, code: true})), ...shapedAtoms(after)])
    return {atoms, junctions: buildJunctions(atoms, junctionOptions({punctuation}))}
  }

  test('takes no Han–Latin gap, stretch or letter-spacing inside, and keeps its marks whole in any punctuation style', () => {
    const {atoms, junctions: all} = coded('', 'print(你好，世界)')
    const at = (text: string) => all[atoms.findIndex((atom) => atom.text === text)]!
    // print( | 你: no ¼ em; nothing flexes.
    expect(at('print(')).toMatchObject({widthPt: 0, shrinkPt: [0, 0, 0], stretchPt: [0, 0], spread: false})
    // 好 | ，| 世: the comma keeps its blank half (banjiao would halve it in text) and does not shrink.
    const comma = atoms.find((atom) => atom.text === '，')!
    expect(at('好').widthPt + at('，').widthPt).toBeCloseTo(comma.blankBeforePt + comma.blankAfterPt, 9)
    expect(at('，')).toMatchObject({shrinkPt: [0, 0, 0], spread: false})
    // The same text as prose: ¼ em and a flexible gap, and the comma's blank halved.
    const prose = junctions('print(你好，世界)', {punctuation: 'banjiao'})
    expect(prose.junctions[0]!.widthPt).toBeCloseTo(CJK_LATIN.natural * SIZE, 9)
    expect(prose.junctions[0]!.stretchPt[1]).toBeGreaterThan(0)
  })

  test('keeps its word spaces at their width, and still breaks there', () => {
    const {atoms, junctions: all} = coded('', 'npm run build')
    const space = all[atoms.findIndex((atom) => atom.text === 'npm')]!
    expect(space.widthPt).toBeCloseTo(atoms[0]!.spaceAfterPt!, 9)
    expect(space).toMatchObject({shrinkPt: [0, 0, 0], stretchPt: [0, 0], spread: false, penalty: 0})
  })

  test('is parted from the text around it as any Western word is: the Han–Latin gap', () => {
    const {atoms, junctions: all} = coded('运行', 'npm', '即可')
    expect(atoms.map((atom) => atom.text)).toEqual(['运', '行', 'npm', '即', '可'])
    expect(all[1]!.widthPt).toBeCloseTo(CJK_LATIN.natural * SIZE, 9)
    expect(all[2]!.widthPt).toBeCloseTo(CJK_LATIN.natural * SIZE, 9)
  })
})
