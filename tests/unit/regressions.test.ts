/**
 * Regressions (issue 3 and issue 7): bugs found in the line engine and the
 * article converter, each pinned by its minimal input. All fixed; the
 * comments above each test say what was wrong.
 */
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {breakLines} from '../../src/linebreak/break-lines.js'
import {atomWidth, buildJunctions} from '../../src/linebreak/junctions.js'
import {absorbSpaces, lineText, typesetParagraph} from '../../src/paragraph/typeset-paragraph.js'
import {isNoStart} from '../../src/text/kinsoku.js'
import {splitUrl} from '../../src/text/segment.js'
import {openFontBook} from '../../src/shape/font-book.js'
import {shapeText} from '../../src/shape/shape-text.js'
import {parseMarkdown} from '../../src/parse/parse-markdown.js'
import {toArticle} from '../../src/article/to-article.js'
import {fakeAtoms} from '../helpers/fake-atoms.js'
import {MEASURE, SIZE, junctionOptions, paragraphOptions, rightEdge, setText, shapedAtoms} from './linebreak/builders.js'

const HAN = '兴国是全国著名的将军县是苏区精神和苏区干部好作风的重要发祥地兴国县位于江西省中南部地处赣州市北部'

/** Penalty of the junction after the atom whose text is `after`. */
function penaltyAfter(text: string, after: string): number {
  const atoms = absorbSpaces(shapedAtoms(text))
  const junctions = buildJunctions(atoms, junctionOptions())
  const index = atoms.findIndex((atom) => atom.text === after)
  expect(index).toBeGreaterThanOrEqual(0)
  return junctions[index]!.penalty
}

function convert(markdown: string) {
  const file = new VFile({path: 'bug.md', value: markdown})
  return {article: toArticle(parseMarkdown(markdown), file), file}
}

describe('line engine', () => {
  // break-lines.ts breakOptimal: when the line s..e is too long for the rest
  // measure, the hanging-indent shortcut only jumps to s = 0 when s > 1; when
  // the first too-long start is s = 1 the loop breaks and the first line
  // never gets exactly (rest characters + 2).
  test('regression: hanging indent: a first line 2 characters wider than the rest is never filled', () => {
    const atoms = fakeAtoms(HAN.slice(0, 42))
    const breaks = breakLines(atoms, buildJunctions(atoms, junctionOptions()), {measurePt: MEASURE, firstIndentPt: 2 * SIZE, restIndentPt: 4 * SIZE, emPt: SIZE})
    // 12 + 10 + 10 + 10, all exact. Actual: [11, 10, 10, 9, 2], line 1 stretched (ratio 0.4).
    expect(breaks.map((b) => b.end - b.start + 1)).toEqual([12, 10, 10, 10])
  })

  // typeset-paragraph.ts splitOversized compares a syllable's width with the
  // limit but not syllable + the hyphen it draws at a line end, and the
  // relaxed pass lets a single overfull atom stand: "type-" is 25 pt wide in
  // a 20-pt measure.
  test('regression: a hyphenated syllable plus its hyphen overflows a narrow measure', () => {
    const lines = setText('typesetting', {measurePt: 20, firstIndentPt: 0})
    // Actual: type- (25 pt, emergency) | set- | ting
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(20 + 1e-6)
  })

  // break-lines.ts breakGreedy measures lines without the hyphen a break at a
  // hyphenation point draws.
  test('regression: greedy ignores the width of the hyphen it draws', () => {
    const lines = setText('typesetting', {measurePt: 35, firstIndentPt: 0, strategy: 'greedy'})
    // Actual: typeset- (40 pt) | ting
    for (const line of lines) expect(rightEdge(line)).toBeLessThanOrEqual(35 + 1e-6)
  })

  // break-lines.ts breakOptimal: the hanging-indent shortcut (s = 1; continue)
  // runs before the "a single atom still has to go somewhere" case, so with
  // rest indent > first indent an atom too wide for the rest measure never
  // gets a line of its own; both optimal passes fail and the paragraph falls
  // back to greedy (normal kinds, no 孤字 rule, hyphen overflow above).
  test('regression: hanging indent: an overfull single atom sends the paragraph to the greedy fallback', () => {
    const hanging = setText('中文字典书', {measurePt: 30, firstIndentPt: 0, restIndentPt: 25})
    // Without the hanging indent the same lines are marked emergency; here: 中文字 normal | 典 normal | 书.
    expect(hanging.slice(1, -1).map((line) => line.kind)).toEqual(['emergency'])
  })

  // segment.ts splitUrl: '/' is a break point even right after another '/',
  // so a line can end in "https:/" and the next start with "/".
  test('regression: splitUrl breaks between the two slashes of "//"', () => {
    const pieces = splitUrl('https://x.cn/a')
    // Actual: ['https:/', '/x.', 'cn/', 'a'].
    expect(pieces[0]).toBe('https://')
    const lines = setText(`详见https://www.example.com/${'abcdefghij/'.repeat(10)}。`)
    expect(lines.some((line, i) => i > 0 && lineText(line).startsWith('/'))).toBe(false)
  })

  // junctions.ts: STYLE_KEEPS.kaiming keeps 。's blank, then the adjacent-
  // punctuation rule removes ½ em again, so 。” loses 。's full width (”。
  // correctly stays 1.5 em).
  test('regression: kaiming: 。” should take 1.5 em (。 full width, ” half), takes 1 em', () => {
    const atoms = shapedAtoms('中。”文')
    const junctions = buildJunctions(atoms, junctionOptions({punctuation: 'kaiming'}))
    const width = atomWidth(atoms[1]!) + atomWidth(atoms[2]!) + junctions.reduce((sum, junction) => sum + junction.widthPt, 0)
    expect(width / SIZE).toBeCloseTo(1.5, 9)
  })

  // shape-text.ts hyphenateAtom runs on each URL piece; the last piece of a
  // URL is a plain letter run and gets Liang hyphenation points, so a URL can
  // end a line with a drawn hyphen that is not part of the address.
  test('regression: the last piece of a URL is hyphenated', () => {
    const atoms = shapeText('见www.example.com/documentation', {font: 'song', sizePt: SIZE}, openFontBook())
    // Actual: … com/[url] doc[hyphen] u[hyphen] men[hyphen] ta[hyphen] tion
    expect(atoms.filter((atom) => atom.glueNext === 'hyphen').map((atom) => atom.text)).toEqual([])
  })

  // justify-line.ts: a line made only of URL pieces / Latin syllables has no
  // junction that may stretch (spread false, no stretch, no letter-spacing),
  // so it stays short of the measure. (The first line, 详见https:/, is set
  // with a 6-em gap between 详 and 见: the only gap that may spread.)
  test('regression: lines of a long URL are not justified to the measure', () => {
    const lines = setText(`详见https://www.example.com/${'abcdefghij/'.repeat(34)}index.htm。`)
    const short = lines.slice(0, -1).filter((line) => Math.abs(rightEdge(line) - MEASURE) > 1e-6)
    // Actual: 15 lines end at 110 pt of 140.
    expect(short.map(lineText)).toEqual([])
  })

  // greedy (strategy 'greedy', and every paragraph over 20 000 atoms):
  // breaks inside a split word (penalty 5000) are reported as 'normal', while
  // the optimal breaker reports them as 'emergency'.
  test('regression: greedy marks in-word emergency breaks as normal', () => {
    const lines = typesetParagraph(fakeAtoms('x'.repeat(300)), paragraphOptions({strategy: 'greedy'}))
    expect(lines.slice(0, -1).map((line) => line.kind)).toEqual(Array(lines.length - 1).fill('emergency'))
  })

  test('regression: greedy leaves a 孤字 (one-character last line)', () => {
    const lines = setText(HAN.slice(0, 27), {strategy: 'greedy'})
    // Actual: 兴国是全国著名的将军县是 | 苏区精神和苏区干部好作风的重 | 要
    expect([...lineText(lines.at(-1)!)].length).toBeGreaterThanOrEqual(2)
  })

  // measureLine/justifyLine keep atoms[0].blankBeforePt on the first line
  // whatever the style; in banjiao (every mark ½ em) and kaiming the blank
  // inside the text is 0, so only the paragraph's first bracket is 1 em.
  test('regression: banjiao: an opening bracket at the paragraph start keeps its ½-em blank', () => {
    const [line] = setText('“中文”', {punctuation: 'banjiao', firstIndentPt: 0})
    expect(line!.placed[0]!.xPt).toBe(0)
  })

  // kinsoku.ts / junctions.ts: numbers and their affixes.
  test('regression: a multi-digit number in full-width digits can be split across lines', () => {
    expect(penaltyAfter('２０２２年', '０')).toBe(Infinity)
  })

  test('regression: a currency prefix can be separated from its number (jlreq cl-12)', () => {
    expect(penaltyAfter('价格￥100元', '￥')).toBe(Infinity)
  })

  test('regression: a lone 一字线 connector between numbers may start a line (GB 5.1.6)', () => {
    // 1949—2019年: '—' is a range connector here, not half of a 破折号.
    expect(penaltyAfter('1949—2019年', '1949')).toBe(Infinity)
  })

  test('regression: the hyphen-minus connector is not a no-start mark (TYPOGRAPHY.md §1.2 basic list)', () => {
    expect(isNoStart('-', 'basic')).toBe(true)
  })

  // segment.ts: NBSP is a Latin "word" of its own between Han; WORD JOINER
  // is dropped before layout, so neither prevents a break.
  test('regression: NBSP between Han characters does not join them', () => {
    expect(penaltyAfter('中\u00A0文', '中')).toBe(Infinity)
  })

  test('regression: WORD JOINER (U+2060) between Han characters does not prevent a break', () => {
    expect(penaltyAfter('中\u2060文', '中')).toBe(Infinity)
  })

  // typeset-paragraph.ts lineText: a ZWSP becomes spaceAfterPt 0.001, and
  // lineText prints any truthy spaceAfterPt as ' ', so goldens show a space.
  test('regression: lineText prints a space for a zero-width space', () => {
    const atoms = [...fakeAtoms('中'), {...fakeAtoms(' ')[0]!, text: '', advancePt: 0}, ...fakeAtoms('文')]
    const [line] = typesetParagraph(atoms, paragraphOptions({firstIndentPt: 0}))
    expect(lineText(line!)).toBe('中文')
  })
})

describe('article', () => {
  // parse/front-matter.ts: parseDocument(..., {prettyErrors: false}) leaves
  // error.linePos undefined, so every YAML error falls back to [1, 1] and is
  // reported at the first YAML line. error.pos (an offset) is set.
  test('regression: YAML errors are always reported at the first front-matter line', () => {
    const {file} = convert('---\ntitle: 主题\nkicker: 引题\nkicker: 副题\n---\n\n正文。\n')
    const message = file.messages.find((m) => m.ruleId === 'front-matter-yaml')!
    // The duplicate key is on line 4. Actual: line 2.
    expect(message.line).toBe(4)
  })

  // front-matter.ts toIsoDate: a Date object is read in UTC, so a timestamp
  // written with a +08:00 offset early in the morning lands on the day before.
  test('regression: a YAML timestamp with a +08:00 offset is shifted to the previous UTC day', () => {
    const {article} = convert('---\ntitle: 主题\ndate: !!timestamp 2024-03-05T01:00:00+08:00\n---\n')
    // Actual: '2024-03-04'.
    expect(article.meta.date).toBe('2024-03-05')
  })

  // to-article.ts speakerTurn: the bold-label branch does not look at
  // context.interview, so any bold run-in label becomes an answer turn.
  test('regression: a bold run-in label outside an interview becomes a qaTurn', () => {
    const {article} = convert('---\ntitle: 通知\n---\n\n**注:**本文数据来自统计局。\n')
    // Actual: {type: 'qaTurn', role: 'answer', speaker: '注'}.
    expect(article.children[0]!.type).toBe('paragraph')
  })

  // BARE_SPEAKER accepts any 1–6 Han characters before a colon in an interview.
  test('regression: in an interview, narrative "他表示：" becomes a speaker turn', () => {
    const {article} = convert('---\ntitle: 专访\n---\n\n记者：你好。\n\n他表示：我们会继续努力。\n')
    // Actual: {type: 'qaTurn', role: 'answer', speaker: '他表示'}.
    expect(article.children[1]!.type).toBe('paragraph')
  })

  // normalize-punctuation.ts reads neighbours from the unconverted chars, so a
  // mark after a mark it just converted still sees Latin context.
  test.each([
    ['问题是(什么)?', '问题是（什么）？'],
    ['真的吗?!', '真的吗？！']
  ])('regression: normalisation: %s → %s', (input, expected) => {
    const {article} = convert(`---\ntitle: t\n---\n\n${input}\n`)
    const block = article.children[0]!
    expect(block.type === 'paragraph' && block.children.map((run) => run.value).join('')).toBe(expected)
  })

  test('regression: normalisation: the parentheses of f(x) become full width before Chinese', () => {
    const {article} = convert('---\ntitle: t\n---\n\nf(x)和g(x)的区别\n')
    const block = article.children[0]!
    // Actual: f（x）和g（x）的区别
    expect(block.type === 'paragraph' && block.children.map((run) => run.value).join('')).toBe('f(x)和g(x)的区别')
  })

  // parse-markdown.ts: GFM autolink literals run to the next white space, and
  // Chinese text has none, so the link swallows the rest of the sentence.
  test('regression: a bare URL in Chinese text swallows the following Chinese as part of the link', () => {
    const {article} = convert('---\ntitle: t\n---\n\n见http://x.cn,支持\n')
    const block = article.children[0]!
    const link = block.type === 'paragraph' ? block.children.find((run) => run.style.href) : undefined
    // Actual href: 'http://x.cn,支持'.
    expect(link?.style.href).toBe('http://x.cn')
  })
})

describe('shaping', () => {
  test('a keycap after a document with invisible characters keeps its mark, and shapes as it does fresh (fuzz seed 12)', () => {
    const book = openFontBook({})
    const glyphsOf = (text: string) => shapeText(text, {font: 'song', sizePt: 10.5}, book).map((atom) => ({text: atom.text, glyphs: atom.glyphs.map((glyph) => [glyph.id, glyph.text]), missing: atom.missing ?? false}))
    const fresh = glyphsOf('aa1\uFE0F\u20E3')
    // fontkit keeps one .notdef object, with the characters it was first made for; invisible ones make it hidden.
    glyphsOf('x\uFEFFy \u2060z w\u200Dv \uFEFF60%')
    const after = glyphsOf('ab1\uFE0F\u20E3')
    expect(after[0]!.glyphs.map(([, text]) => text).join('')).toBe('ab1\u20E3')
    expect(after[0]!.missing).toBe(true)
    expect(after[0]!.glyphs.slice(2)).toEqual(fresh[0]!.glyphs.slice(2))
  })
})
