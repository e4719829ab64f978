/**
 * The deck's phrase gaps and headline fitting (fake 1-em font): a space
 * between Chinese text parts phrases (an em, and where the headline breaks
 * first), a space next to Latin text is a word space; a headline that turns
 * as set is never taken for one that fits.
 */
import {describe, expect, test} from 'vitest'
import {loadTemplate} from '../../../src/config/template.js'
import {resolveGrid} from '../../../src/config/resolve-template.js'
import {headlinePhrases, layoutDeck, phraseGaps} from '../../../src/page/deck.js'
import type {TextItem} from '../../../src/compose/types.js'
import {fakeAtoms} from '../../helpers/fake-atoms.js'
import {createLineMemo} from '../../../src/compose/line-memo.js'

const template = loadTemplate('newspaper')
const grid = resolveGrid(template)
const shape = (value: string, style: {sizePt: number}) => fakeAtoms(value, style.sizePt)
const lines = (deck: ReturnType<typeof layoutDeck>, role: string) =>
  deck.items.filter((item): item is TextItem & {role: string} => item.type === 'text' && (item as {role?: string}).role === role)
/** A set line's phrases: its text cut at its spaces (folded into the atom before each); these titles have no word spaces. */
const phrasesOf = (line: TextItem): string[] =>
  line.placed
    .map(({atom}) => atom.text + ((atom.spaceAfterPt ?? 0) >= atom.sizePt * 0.2 ? '|' : ''))
    .join('')
    .split('|')
    .filter(Boolean)

describe('headlinePhrases', () => {
  test.each([
    ['发扬苏区干部好作风 以蝶变式发展促和谐护民安', ['发扬苏区干部好作风', '以蝶变式发展促和谐护民安']],
    ['“双减” 一年间', ['“双减”', '一年间']],
    ['ChatGPT 火了之后 大模型走进县城', ['ChatGPT 火了之后', '大模型走进县城']],
    ['The New York Times 报道', ['The New York Times 报道']],
    ['增长 45.6% 创新高', ['增长 45.6% 创新高']],
    ['5G 网络覆盖全县\u3000AI 赋能基层治理', ['5G 网络覆盖全县', 'AI 赋能基层治理']],
    ['  前后  空格  ', ['前后', '空格']]
  ])('%s → %j', (title, phrases) => {
    expect(headlinePhrases(title)).toEqual(phrases)
  })
})

describe('phraseGaps', () => {
  test.each([
    ['专访 OpenAI 首席科学家', '专访 OpenAI 首席科学家'],
    ['以高质量公安工作 擦亮名片', '以高质量公安工作\u3000擦亮名片'],
    ['来源：新法治报\u3000\u30002023年4月18日', '来源：新法治报\u3000\u30002023年4月18日'],
    ['作者：记者 张三', '作者：记者\u3000张三']
  ])('%s → %j', (text, set) => {
    expect(phraseGaps(text)).toBe(set)
  })

  test('a subtitle keeps its word spaces next to Latin text', () => {
    const deck = layoutDeck({title: '标题', subtitle: '专访 OpenAI 首席科学家', lang: 'zh-Hans'}, template, grid, 600, shape)
    const texts = lines(deck, 'subtitle').flatMap((line) => line.placed.map(({atom}) => atom.text))
    expect(texts).toContain('OpenAI')
    expect(texts).not.toContain('\u3000')
  })
})

describe('fitting the headline', () => {
  test('a headline whose natural width fits but which turns as set (the Han–Latin spacing the sum leaves out) is set smaller on one line', () => {
    const title = '一二三四五六七八 九十ABCDEFG 一二三'
    const deck = layoutDeck({title, lang: 'zh-Hans'}, template, grid, 510, shape)
    const headline = lines(deck, 'headline')
    expect(headline).toHaveLength(1)
    expect(phrasesOf(headline[0]!)).toEqual(['一二三四五六七八', '九十ABCDEFG', '一二三'])
    expect(headline[0]!.placed[0]!.atom.sizePt).toBeLessThan(template.deck.headline.size)
  })

  test('a headline broken at its phrases has whole phrases on every line', () => {
    const title = '国务院办公厅关于推进 政务新媒体健康有序发展 的意见和建议书'
    const deck = layoutDeck({title, lang: 'zh-Hans'}, template, grid, 400, shape)
    const set = lines(deck, 'headline').map(phrasesOf)
    expect(set.length).toBeGreaterThan(1)
    for (const phrases of set) for (const phrase of phrases) expect(headlinePhrases(title)).toContain(phrase)
  })
})

describe('lines the editor broke (a YAML block scalar)', () => {
  const text = (line: TextItem): string => line.placed.map(({atom}) => atom.text).join('')

  test('a headline that would fit one line is set on the lines as written, each centred', () => {
    const deck = layoutDeck({title: '发扬苏区干部好作风\n以蝶变式发展促和谐护民安\n', lang: 'zh-Hans'}, template, grid, 900, shape)
    const headline = lines(deck, 'headline')
    expect(headline.map(text)).toEqual(['发扬苏区干部好作风', '以蝶变式发展促和谐护民安'])
    // Set at the template size: each line fits as it is.
    expect(headline[0]!.placed[0]!.atom.sizePt).toBe(template.deck.headline.size)
    // The same title on one line (a space) fits the measure on one line.
    expect(lines(layoutDeck({title: '发扬苏区干部好作风 以蝶变式发展促和谐护民安', lang: 'zh-Hans'}, template, grid, 900, shape), 'headline')).toHaveLength(1)
  })

  test('kicker and subtitle break where written; the subtitle’s dash leads its first line only', () => {
    const deck = layoutDeck({title: '标题', kicker: '聚焦\n基层治理', subtitle: '三个乡镇\n五个村', lang: 'zh-Hans'}, template, grid, 900, shape)
    expect(lines(deck, 'kicker').map(text)).toEqual(['聚焦', '基层治理'])
    expect(lines(deck, 'subtitle').map(text)).toEqual(['——三个乡镇', '五个村'])
  })

  test('a written line too long for the deck even at its least size: the deck breaks it, the written break a phrase break', () => {
    expect(headlinePhrases('发扬苏区干部好作风\n以蝶变式发展促和谐护民安')).toEqual(['发扬苏区干部好作风', '以蝶变式发展促和谐护民安'])
    const long = '很长的标题'.repeat(12)
    const deck = layoutDeck({title: `${long}\n短行`, lang: 'zh-Hans'}, template, grid, 600, shape)
    expect(lines(deck, 'headline').map(text).join('')).toBe(`${long}短行`)
  })
})

describe('the deck and the line memo', () => {
  const meta = {title: '发扬苏区干部好作风 以蝶变式发展促和谐护民安', kicker: '以高质量公安工作擦亮“模范兴国”名片', subtitle: '新法治报专访兴国县副县长', source: '新法治报', date: '2023-04-18', lang: 'zh-Hans' as const}

  test('a deck set from kept lines is the deck set afresh, and its lines are shaped once', () => {
    const memo = createLineMemo()
    let shaped = 0
    const counting = (value: string, style: {sizePt: number}) => {
      shaped++
      return fakeAtoms(value, style.sizePt)
    }
    const fresh = layoutDeck(meta, template, grid, 600, shape)
    // Set once, lines are only noted; set twice, they are kept; the third time they are found.
    layoutDeck(meta, template, grid, 600, counting, undefined, undefined, memo)
    layoutDeck(meta, template, grid, 600, counting, undefined, undefined, memo)
    const before = shaped
    const third = layoutDeck(meta, template, grid, 600, counting, undefined, undefined, memo)
    expect(third).toEqual(fresh)
    // Only the headline's natural widths are measured again (at the template size, and at the size it fits).
    expect(shaped - before).toBe(2)
    const other = layoutDeck({...meta, date: '2023-04-11'}, template, grid, 600, counting, undefined, undefined, memo)
    expect(lines(other, 'meta')[0]!.placed.map(({atom}) => atom.text).join('')).toContain('2023年4月11日')
  })

  test('a line with a character no font has is shaped every time, so it is reported every time', () => {
    const memo = createLineMemo()
    let missing = 0
    const marking = (value: string, style: {sizePt: number}) =>
      fakeAtoms(value, style.sizePt).map((atom) => {
        if (!atom.text.includes('缺')) return atom
        missing++
        return {...atom, missing: true}
      })
    for (let run = 0; run < 3; run++) layoutDeck({...meta, kicker: '引题有缺字'}, template, grid, 600, marking, undefined, undefined, memo)
    expect(missing).toBe(3)
  })
})
