/**
 * The column span of a figure from its Markdown image title: `"2栏"`,
 * `"span=3"`, `"通栏"`; anything else is a warning at the image's position.
 */
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {parseFigureSpan} from '../../../src/article/parse-figure-span.js'
import {parseMarkdown} from '../../../src/parse/parse-markdown.js'
import {toArticle} from '../../../src/article/to-article.js'

describe('parseFigureSpan', () => {
  test.each([
    ['2栏', 2],
    ['3 栏', 3],
    ['２栏', 2],
    ['跨2栏', 2],
    ['两栏', 2],
    ['双栏', 2],
    ['三栏', 3],
    ['单栏', 1],
    ['1栏', 1],
    ['span=3', 3],
    ['SPAN = 4', 4],
    ['span:2', 2],
    ['ｓｐａｎ＝２', 2],
    ['通栏', 'all'],
    ['全栏', 'all'],
    ['span=all', 'all'],
    ['', 'auto'],
    [null, 'auto'],
    [undefined, 'auto'],
    ['自动', 'auto'],
    ['span=auto', 'auto']
  ] as const)('%s → %s', (title, span) => {
    expect(parseFigureSpan(title)).toBe(span)
  })

  test.each(['0栏', 'span=0', 'span=', '新华社记者 摄', '2', 'span=2.5', '半栏', '2栏 右'])('%s is not a span', (title) => {
    expect(parseFigureSpan(title)).toBeUndefined()
  })
})

describe('figures in the article', () => {
  const convert = (markdown: string) => {
    const file = new VFile({path: 'article.md', value: markdown})
    return {article: toArticle(parseMarkdown(markdown), file), file}
  }
  const FRONT = '---\ntitle: 测试\n---\n\n'

  test('the image title sets the span; no title leaves it automatic', () => {
    const {article, file} = convert(`${FRONT}![甲](a.png "2栏")\n\n![乙](b.png "通栏")\n\n![丙](c.png "span=3")\n\n![丁](d.png)\n`)
    expect(article.children.map((block) => block.type === 'figure' && block.span)).toEqual([2, 'all', 3, undefined])
    expect(file.messages).toHaveLength(0)
  })

  test('an unknown title is a warning at the image, and the span stays automatic', () => {
    const {article, file} = convert(`${FRONT}正文。\n\n![说明](a.png "新华社记者 摄")\n`)
    const figure = article.children[1]
    expect(figure?.type === 'figure' && figure.span).toBeUndefined()
    const warning = file.messages.find((message) => message.ruleId === 'figure-span')
    expect(warning?.fatal).toBe(false)
    expect([warning?.line, warning?.column]).toEqual([7, 1])
    expect(warning?.reason).toContain('新华社记者 摄')
  })
})
