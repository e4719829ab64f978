/**
 * Soft line breaks of the source (CSS Text 3 §4.1.2): removed next to wide
 * characters, a word space between others; a run spanning lines is cut per
 * line so that messages name the line and column of a later line.
 */
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {resolveSoftBreaks, softBreakBecomes} from '../../../src/article/soft-breaks.js'
import {parseMarkdown} from '../../../src/parse/parse-markdown.js'
import {toArticle} from '../../../src/article/to-article.js'
import type {Block, Inline, Signoff} from '../../../src/article/types.js'
import {LINE_BREAK} from '../../../src/text/segment.js'

const run = (value: string, line?: number, column = 1, style = {}): Inline => ({type: 'text', value, style, ...(line ? {position: {start: {line, column}, end: {line: line + value.split('\n').length - 1, column: 99}}} : {})})
const noSource = (): undefined => undefined

describe('softBreakBecomes', () => {
  test.each([
    ['文', '字', ''],
    ['：', '“', ''],
    ['”', '他', ''],
    ['文', 'E', ''],
    ['1', '年', ''],
    ['n', '中', ''],
    ['。', 'A', ''],
    ['ア', 'イ', ''],
    ['Ａ', 'b', ''],
    ['n', 'f', ' '],
    ['.', 'T', ' '],
    ['d', '“', ' '],
    ['한', '국', ' '],
    ['n', '\u200B', ''],
    ['\u200B', 'f', '']
  ])('%s⏎%s becomes %j', (before, after, becomes) => {
    expect(softBreakBecomes(before, after)).toBe(becomes)
  })
})

describe('resolveSoftBreaks', () => {
  test('runs without line ends are handed back as they are', () => {
    const runs = [run('文字', 3)]
    expect(resolveSoftBreaks(runs, noSource)).toBe(runs)
  })

  test('Latin words on two lines keep their space; Han text on two lines joins', () => {
    const values = (runs: Inline[]) => resolveSoftBreaks(runs, noSource).map((r) => r.value).join('')
    expect(values([run('The quick brown\nfox jumps')])).toBe('The quick brown fox jumps')
    expect(values([run('第一行文字\n第二行文字')])).toBe('第一行文字第二行文字')
    expect(values([run('中文\nEnglish\n中文')])).toBe('中文English中文')
  })

  test('the characters on either side are looked for across runs (a line end before or after bold text)', () => {
    const strong = {strong: true}
    const out = resolveSoftBreaks([run('The quick brown\n'), run('fox', undefined, 1, strong), run('\njumps'), run('\n文字', undefined, 1, strong)], noSource)
    expect(out.map((r) => r.value)).toEqual(['The quick brown ', 'fox', ' jumps', '文字'])
    expect(out[1]!.style).toEqual(strong)
  })

  test('a run on several lines is cut into one run per line, each at its line and column', () => {
    const source = ['---', 'title: 测试', '---', '', '第一行', '  第二行有个字', '> 第三行', '\\*第四行', '&amp;第五行']
    const out = resolveSoftBreaks([run('第一行\n第二行有个字\n第三行\n*第四行\n&第五行', 5)], (line) => source[line - 1])
    expect(out.map((r) => [r.value, r.position!.start.line, r.position!.start.column])).toEqual([
      ['第一行', 5, 1],
      ['第二行有个字', 6, 3],
      ['第三行', 7, 3],
      // The escaped character stands where its backslash ends.
      ['*第四行', 8, 2],
      // An entity makes the text differ from the line: the first character past the indent.
      ['&第五行', 9, 1]
    ])
    expect(out[4]!.position!.end).toEqual({line: 9, column: 99})
  })
})

describe('through toArticle', () => {
  const convert = (markdown: string) => {
    const file = new VFile({path: 'a.md', value: markdown})
    return toArticle(parseMarkdown(markdown), file)
  }
  const textOf = (block: Block): string => ('children' in block && Array.isArray(block.children) ? (block.children as Inline[]).map((r) => r.value).join('') : '')

  test('a hard-wrapped paragraph of mixed text reads as written on one line', () => {
    const article = convert('---\ntitle: 测试\n---\n\nThe quick brown\nfox jumps over 中文\n文字，\n“引号”和 English\nwords。\n')
    expect(textOf(article.children[0]!)).toBe('The quick brown fox jumps over 中文文字，“引号”和 English words。')
  })

  test.each([
    ['a soft', '\n'],
    ['a hard', '\\\n']
  ])('a 落款 written as name and date on two lines of one paragraph (%s break) is still split at the date', (_kind, lineEnd) => {
    const article = convert(`---\ntitle: 通知\n---\n\n各地区要妥善安排好值班工作。\n\n国务院办公厅${lineEnd}2018年12月4日\n`)
    const signoff = article.children.find((block): block is Signoff => block.type === 'signoff')
    expect(signoff?.name?.map((r) => r.value).join('')).toBe('国务院办公厅')
    expect(signoff?.date.map((r) => r.value).join('')).toBe('2018年12月4日')
  })

  test('a hard break (a line ending in a backslash or two spaces, or a <br>) is a LINE_BREAK run of its own', () => {
    for (const lineEnd of ['\\\n', '  \n', '<br>', '<BR/>', '<br />']) {
      const article = convert(`---\ntitle: 诗\n---\n\n床前明月光，${lineEnd}疑是地上霜。\n`)
      expect((article.children[0] as {children: Inline[]}).children.map((r) => r.value)).toEqual(['床前明月光，', LINE_BREAK, '疑是地上霜。'])
    }
  })
})
