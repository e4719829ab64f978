/**
 * Markdown → Article: interview turns, punctuation normalisation, lead
 * paragraphs, lists, tables, figures, and front-matter diagnostics with the
 * right source lines.
 */
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../../src/parse/parse-markdown.js'
import {toArticle, plainText} from '../../../src/article/to-article.js'
import {toIsoDate} from '../../../src/parse/front-matter.js'
import {splitIdeographicIndents} from '../../../src/parse/ideographic-indents.js'
import {normalizeSource} from '../../../src/parse/parse-markdown.js'
import type {Article, Block} from '../../../src/article/types.js'

const FRONT = '---\ntitle: 测试\n---\n\n'

function convert(markdown: string, options?: {normalizePunctuation?: boolean}): {article: Article; file: VFile} {
  const file = new VFile({path: 'article.md', value: markdown})
  const article = toArticle(parseMarkdown(markdown), file, options)
  return {article, file}
}

/** The text of a block's inline children. */
const textOf = (block: Block): string => ('children' in block && Array.isArray(block.children) ? (block.children as {value?: string}[]).map((run) => run.value ?? '').join('') : '')

/** `ruleId@line:column` of each message, in order. */
const messages = (file: VFile): string[] => file.messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`)

const messageFor = (file: VFile, ruleId: string) => file.messages.find((message) => message.ruleId === ruleId)

describe('interview turns (qaTurn)', () => {
  const interview = `${FRONT}导语。\n\n**记者:**问你好吗?\n\n**刘震民:**很好,谢谢!\n\n记者：第二个问题\n\n刘震民：回答。\n\n**本报记者：**第三问\n`

  test('bold `**记者:**` asks, bold `**刘震民:**` answers; bare `记者：` works in an interview', () => {
    const {article} = convert(interview)
    const turns = article.children.filter((block) => block.type === 'qaTurn')
    expect(turns.map((turn) => turn.type === 'qaTurn' && `${turn.role}:${turn.speaker}`)).toEqual(['question:记者', 'answer:刘震民', 'question:记者', 'answer:刘震民', 'question:本报记者'])
  })

  test('the speaker label is the first run, marked speaker + strong, with a full-width colon', () => {
    const {article} = convert(interview)
    const turns = article.children.filter((block) => block.type === 'qaTurn')
    for (const turn of turns) {
      if (turn.type !== 'qaTurn') continue
      const [label] = turn.children
      expect(label!.value).toBe(`${turn.speaker}：`)
      expect(label!.style.speaker).toBe(true)
      expect(label!.style.strong).toBe(true)
    }
    expect(textOf(turns[0]!)).toBe('记者：问你好吗？')
    expect(textOf(turns[2]!)).toBe('记者：第二个问题')
  })

  test('bare `记者：` in an article that is not an interview stays a paragraph', () => {
    const {article} = convert(`${FRONT}他说：我们会继续努力。\n\n刘震民：回答。\n`)
    expect(article.children.map((block) => block.type)).toEqual(['paragraph', 'paragraph'])
  })

  test('turns keep their source position', () => {
    const {article} = convert(interview)
    const first = article.children.find((block) => block.type === 'qaTurn')!
    expect(first.position?.start.line).toBe(7)
  })
})

describe('punctuation normalisation', () => {
  test.each([
    ['中文,中文', '中文，中文'],
    ['中文:中文', '中文：中文'],
    ['中文;中文', '中文；中文'],
    ['中文?中文', '中文？中文'],
    ['中文!中文', '中文！中文'],
    ['中文(注释)中文', '中文（注释）中文'],
    ['真的吗?', '真的吗？'],
    ['好!', '好！'],
    ['比分2:1。', '比分2:1。'], // inside a number
    ['下午3:30开会', '下午3:30开会'],
    ['支持IPv6,很好', '支持IPv6,很好'], // after a Latin word
    ['Hello, world', 'Hello, world'],
    ['f(x)', 'f(x)'],
    ['中文，中文', '中文，中文'], // already full width
    // Marks English sets too (– — … “ ” ·) do not make text Chinese: an English sentence keeps its own.
    ['the Action Plan (2022–2025), which asks. 详见附件', 'the Action Plan (2022–2025), which asks. 详见附件'],
    ['The plan (draft—2025): ok', 'The plan (draft—2025): ok'],
    ['He said (“yes…”), then left', 'He said (“yes…”), then left'],
    // … and they are looked past to the text that tells: a comma after a Chinese quotation or 省略号 is Chinese.
    ['他称之为“数字乡村”, 然后', '他称之为“数字乡村”， 然后'],
    ['写道“好”:', '写道“好”：'],
    ['还有……,总之', '还有……，总之'],
    ['他说,“好”', '他说，“好”']
  ])('%s → %s', (input, expected) => {
    const {article} = convert(`${FRONT}${input}\n`)
    expect(textOf(article.children[0]!)).toBe(expected)
  })

  test('URLs stay untouched', () => {
    const {article} = convert(`${FRONT}网址 http://x.cn 可以访问\n`)
    const runs = (article.children[0] as {children: {value: string; style: {href?: string}}[]}).children
    const link = runs.find((run) => run.style.href)
    expect(link?.value).toBe('http://x.cn')
    expect(link?.style.href).toBe('http://x.cn')
  })

  test('the count is reported once as an info message', () => {
    const {file} = convert(`${FRONT}很好,谢谢!\n\n问题是(什么)吗?\n`)
    const message = messageFor(file, 'punctuation-normalised')
    expect(message).toBeDefined()
    expect(message!.fatal).toBeUndefined()
    expect(message!.reason).toMatch(/^Changed 5 /)
    expect(file.messages.filter((m) => m.ruleId === 'punctuation-normalised')).toHaveLength(1)
  })

  test('no message when nothing changed, and nothing changes when turned off', () => {
    expect(messageFor(convert(`${FRONT}中文，中文\n`).file, 'punctuation-normalised')).toBeUndefined()
    const {article, file} = convert(`${FRONT}中文,中文\n`, {normalizePunctuation: false})
    expect(textOf(article.children[0]!)).toBe('中文,中文')
    expect(messageFor(file, 'punctuation-normalised')).toBeUndefined()
  })

  test('marks across inline boundaries see their Chinese neighbours (`**记者:**问`)', () => {
    const {article} = convert(`${FRONT}**重要:**内容\n`)
    expect(textOf(article.children[0]!)).toBe('重要：内容')
  })

  test('inline code keeps its half-width marks', () => {
    const {article} = convert(`${FRONT}命令\`a,b\`中文\n`)
    expect(textOf(article.children[0]!)).toBe('命令a,b中文')
  })
})

describe('blocks', () => {
  test('paragraphs before the first ## are lead, the rest body', () => {
    const {article} = convert(`${FRONT}导语一。\n\n导语二。\n\n## 小标题\n\n正文一。\n\n### 三级\n\n正文二。\n`)
    expect(article.children.map((block) => (block.type === 'paragraph' ? block.role : block.type))).toEqual(['lead', 'lead', 'sectionHead', 'body', 'sectionHead', 'body'])
    const heads = article.children.filter((block) => block.type === 'sectionHead')
    expect(heads.map((head) => head.type === 'sectionHead' && head.depth)).toEqual([2, 3])
  })

  test('struck text opens and closes next to Chinese punctuation, as bold does (CJK-friendly ~~)', () => {
    const {article} = convert(`${FRONT}他说~~“删去”~~了，又删了~~。。。~~。\n`)
    const block = article.children[0]!
    if (block.type !== 'paragraph') throw new Error('paragraph')
    expect(block.children.map((run) => [run.value, run.style.strike ?? false])).toEqual([
      ['他说', false], ['“删去”', true], ['了，又删了', false], ['。。。', true], ['。', false]
    ])
  })

  test('a # heading with no front-matter title becomes the title, with a warning', () => {
    const {article, file} = convert('---\ndate: 2024-03-05\n---\n\n# 主标题\n\n正文。\n')
    expect(article.meta.title).toBe('主标题')
    expect(article.children.map((block) => block.type)).toEqual(['paragraph'])
    expect(messages(file)).toContain('title-from-heading@5:1')
  })

  test('a ## heading stays a section head when the title is missing or blank (never set twice)', () => {
    const {article, file} = convert('---\ntitle: " "\n---\n\n## 第一节\n\n正文。\n')
    expect(article.meta.title.trim()).toBe('')
    expect(article.children.map((block) => block.type)).toEqual(['sectionHead', 'paragraph'])
    expect(messages(file).some((message) => message.startsWith('title-from-heading'))).toBe(false)
  })

  test('nested lists keep their depth and markers', () => {
    const {article} = convert(`${FRONT}- 一\n  - 二\n    - 三\n- 四\n\n3. 甲\n4. 乙\n`)
    const [bullets, ordered] = article.children
    expect(bullets?.type).toBe('list')
    expect(ordered?.type).toBe('list')
    if (bullets?.type !== 'list' || ordered?.type !== 'list') return
    expect(bullets.items.map((item) => [item.depth, item.marker, plainTextOf(item.children)])).toEqual([
      [0, '•', '一'],
      [1, '◦', '二'],
      [2, '◦', '三'],
      [0, '•', '四']
    ])
    expect(ordered.ordered).toBe(true)
    expect(ordered.start).toBe(3)
    expect(ordered.items.map((item) => item.marker)).toEqual(['3.', '4.'])
  })

  test('a table becomes rows of cells, header first', () => {
    const {article} = convert(`${FRONT}| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n| 乙 | 2 |\n`)
    const [table] = article.children
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.rows.map((row) => row.map(plainTextOf))).toEqual([
      ['项目', '数量'],
      ['甲', '1'],
      ['乙', '2']
    ])
    expect(table.position?.start.line).toBe(5)
    // No column sets an alignment: none recorded.
    expect(table.align).toBeUndefined()
  })

  test("a table keeps its columns' alignments from the delimiter row", () => {
    const {article} = convert(`${FRONT}| 乡镇 | 户数 | 说明 |\n| :-- | --: | :-: |\n| 甲 | 1,200 | 好 |\n`)
    const [table] = article.children
    if (table?.type !== 'table') throw new Error('not a table')
    expect(table.align).toEqual(['left', 'right', 'center'])
  })

  test('an image alone becomes a figure captioned by its alt text', () => {
    const {article} = convert(`${FRONT}![兴国县城一角](images/city.jpg)\n`)
    expect(article.children).toHaveLength(1)
    const [figure] = article.children
    expect(figure?.type).toBe('figure')
    if (figure?.type !== 'figure') return
    expect(figure.src).toBe('images/city.jpg')
    expect(plainTextOf(figure.caption)).toBe('兴国县城一角')
    expect(figure.position?.start.line).toBe(5)
  })

  test('an image without alt text gets an empty caption', () => {
    const [figure] = convert(`${FRONT}![](a.png)\n`).article.children
    expect(figure?.type === 'figure' && figure.caption).toEqual([])
  })

  test('block quotes, code, footnotes, and comments', () => {
    const {article} = convert(`${FRONT}> 引文一\n>\n> 引文二\n\n\`\`\`\ncode\n\`\`\`\n\n正文[^1]。\n\n[^1]: 注释。\n\n<!-- 备注 -->\n`)
    expect(article.children.map((block) => block.type)).toEqual(['quote', 'code', 'paragraph', 'footnote'])
    const quote = article.children[0]!
    expect(quote.type === 'quote' && quote.children.map(plainTextOf)).toEqual(['引文一', '引文二'])
    expect(textOf(article.children[2]!)).toBe('正文[1]。')
  })
})

describe('front matter', () => {
  test('a clean front matter fills meta and reports nothing', () => {
    const {article, file} = convert('---\ntitle: 主题\nkicker: 引题\ndate: 2024-03-05\npage: 3\nkeywords: 兴国、公安,平安\n---\n\n正文。\n')
    expect(article.meta).toMatchObject({title: '主题', kicker: '引题', date: '2024-03-05', page: 3, keywords: ['兴国', '公安', '平安'], lang: 'zh-Hans'})
    expect(file.messages).toHaveLength(0)
  })

  test('several authors or editors may be written as a list: set with 、 between the names', () => {
    const {article, file} = convert('---\ntitle: 主题\nauthor: [张三, 李四]\neditor:\n  - 王五\n  - 赵六\n---\n\n正文。\n')
    expect(article.meta).toMatchObject({author: '张三、李四', editor: '王五、赵六'})
    expect(file.messages).toHaveLength(0)
    // Any other text key still wants one line of text.
    expect(messages(convert('---\ntitle: [甲, 乙]\n---\n\n正文。\n').file)).toEqual(['front-matter-type@2:8'])
  })

  test('missing front matter is a warning at 1:1', () => {
    const {file} = convert('正文。\n')
    expect(messages(file)).toEqual(['front-matter-missing@1:1'])
  })

  test('a number title is a warning at the value, and kept as text', () => {
    const {article, file} = convert('---\ndate: 2024-03-05\ntitle: 123\n---\n\n正文。\n')
    expect(article.meta.title).toBe('123')
    const message = messageFor(file, 'front-matter-type')!
    expect(`${message.line}:${message.column}`).toBe('3:8')
    expect(message.fatal).toBe(false)
  })

  test.each([
    ['2024-02-30', 'not a real day'],
    ['2024-13-01', 'no month 13'],
    ['03/05/2024', 'not ISO'],
    ['20240305', 'a number']
  ])('date %s (%s) is an error at its line', (value) => {
    const {article, file} = convert(`---\ntitle: 主题\nsource: 新法治报\ndate: ${value}\n---\n\n正文。\n`)
    expect(article.meta.date).toBeUndefined()
    const message = messageFor(file, 'front-matter-date')!
    expect(message.line).toBe(4)
    expect(message.column).toBe(7)
    expect(message.fatal).toBe(true)
  })

  test.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['"2024-03-05"', '2024-03-05'],
    ['!!timestamp 2024-03-05', '2024-03-05'] // YAML gives a Date object here, not a string
  ])('date %s is read as %s', (value, expected) => {
    const {article, file} = convert(`---\ntitle: 主题\ndate: ${value}\n---\n`)
    expect(article.meta.date).toBe(expected)
    expect(file.messages).toHaveLength(0)
  })

  test('a date-time string is read as its date, as the same value as a YAML timestamp is; a date that is no date is an error at its line', () => {
    const asString = convert('---\ntitle: 主题\n\ndate: 2024-03-05T10:00:00Z\n---\n')
    expect(asString.article.meta.date).toBe('2024-03-05')
    expect(asString.file.messages).toHaveLength(0)
    const chinese = convert('---\ntitle: 主题\n\ndate: 2024年3月5日\n---\n')
    expect(chinese.article.meta.date).toBe('2024-03-05')
    const wrong = convert('---\ntitle: 主题\n\ndate: 2024-13-05\n---\n')
    expect(wrong.article.meta.date).toBeUndefined()
    expect(messages(wrong.file)).toEqual(['front-matter-date@4:7'])
    const asDate = convert('---\ntitle: 主题\n\ndate: !!timestamp 2024-03-05T10:00:00Z\n---\n')
    expect(asDate.article.meta.date).toBe('2024-03-05')
    expect(asDate.file.messages).toHaveLength(0)
  })

  test.each([
    ['titel', 'title'],
    ['auther', 'author'],
    ['Date', 'date'],
    ['sorce', 'source'],
    ['xyzzy', undefined]
  ])('unknown key %s suggests %s, at the key', (key, guess) => {
    const {file} = convert(`---\ntitle: 主题\n\n${key}: 值\n---\n`)
    const message = messageFor(file, 'front-matter-unknown-key')!
    expect(`${message.line}:${message.column}`).toBe('4:1')
    expect(message.reason).toContain(`\`${key}\``)
    if (guess) expect(message.reason).toContain(`did you mean \`${guess}\`?`)
    else expect(message.reason).not.toContain('did you mean')
  })

  test('invalid YAML is an error and leaves the meta empty', () => {
    const {article, file} = convert('---\ntitle: [主题\n---\n\n正文。\n')
    const message = messageFor(file, 'front-matter-yaml')!
    expect(message.fatal).toBe(true)
    expect(message.line).toBe(2) // the first YAML line is line 2 of the file
    expect(article.meta.title).toBe('')
  })

  test('a page that is not a positive whole number is an error', () => {
    const {article, file} = convert('---\ntitle: 主题\npage: 0\n---\n')
    expect(article.meta.page).toBeUndefined()
    expect(messages(file)).toEqual(['front-matter-type@3:7'])
  })

  test('lang: zh-TW selects zh-Hant; an unknown lang warns', () => {
    expect(convert('---\ntitle: 主题\nlang: zh-TW\n---\n').article.meta.lang).toBe('zh-Hant')
    const {article, file} = convert('---\ntitle: 主题\nlang: en\n---\n')
    expect(article.meta.lang).toBe('zh-Hans')
    expect(messages(file)).toEqual(['front-matter-lang@1:1'])
  })

  test('a front matter that is a list, not a mapping, is an error', () => {
    const {file} = convert('---\n- a\n- b\n---\n')
    expect(messages(file)).toEqual(['front-matter-shape@2:1'])
  })

  test('CRLF line ends and a BOM do not shift line numbers', () => {
    const {file} = convert('\uFEFF---\r\ntitle: 主题\r\ntitel: x\r\n---\r\n')
    expect(messages(file)).toEqual(['front-matter-unknown-key@3:1'])
  })
})

describe('toIsoDate', () => {
  test.each([
    ['a UTC Date (what YAML 1.1 timestamps give)', new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    ['a Date at the end of a UTC day', new Date('2024-03-05T23:59:59Z'), '2024-03-05'],
    ['a string', '2024-03-05', '2024-03-05'],
    ['a string with one-digit month and day', '2024-3-5', '2024-03-05'],
    ['a string with spaces', ' 2024-03-05 ', '2024-03-05'],
    ['a leap day', '2024-02-29', '2024-02-29'],
    ['a non-leap 29 Feb', '2023-02-29', undefined],
    ['31 April', '2024-04-31', undefined],
    ['an invalid Date', new Date('nope'), undefined],
    ['a number', 20240305, undefined],
    ['a date-time string: its date as written', '2024-03-05T10:00:00', '2024-03-05'],
    ['a date-time with an offset: its date as written', '2024-03-05T01:00:00+08:00', '2024-03-05'],
    ['年月日', '2024年3月5日', '2024-03-05'],
    ['年月日 in full-width digits', '２０２４年３月５日', '2024-03-05'],
    ['slashes', '2024/03/05', '2024-03-05'],
    ['dots', '2024.3.5', '2024-03-05'],
    ['30 February in 年月日', '2024年2月30日', undefined],
    ['an English date', 'March 5, 2024', undefined],
    ['mixed separators', '2024-03/05', undefined],
    ['null', null, undefined]
  ])('%s → %s', (_name, raw, expected) => {
    expect(toIsoDate(raw)).toBe(expected)
  })
})

function plainTextOf(runs: readonly {value: string}[]): string {
  return runs.map((run) => run.value).join('')
}

test('plainText flattens phrasing content', () => {
  const tree = parseMarkdown('**粗体**和*斜体*与`代码`')
  const paragraph = tree.children[0]
  expect(paragraph?.type).toBe('paragraph')
  if (paragraph?.type === 'paragraph') expect(plainText(paragraph.children)).toBe('粗体和斜体与代码')
})

describe('text indented by four spaces or a tab (code to Markdown)', () => {
  test('is set as paragraphs, parted at its blank lines, each at its own place, with an info message', () => {
    const {article, file} = convert(`${FRONT}    第一段缩进了，\n      第二行也缩进。\n\n\t第二段用制表符。\n\n正文。\n`)
    expect(article.children.map((block) => [block.type, textOf(block), block.position?.start.line, block.position?.start.column])).toEqual([
      ['paragraph', '第一段缩进了，第二行也缩进。', 5, 5],
      ['paragraph', '第二段用制表符。', 8, 2],
      ['paragraph', '正文。', 10, 1]
    ])
    expect(messages(file)).toContain('indented-paragraph@5:1')
  })

  test('is read as Markdown: bold, emphasis, escapes and hard breaks in it work as anywhere', () => {
    const {article, file} = convert(`${FRONT}\t**记者：**你好，*这是*重点\\
\t下一行 \\*星号\\*
\n    **刘震民：**回答。
`)
    expect(article.children.map((block) => block.type === 'qaTurn' ? `${block.role}:${block.speaker}` : block.type)).toEqual(['question:记者', 'answer:刘震民'])
    const first = article.children[0]!
    if (first.type !== 'qaTurn') throw new Error('turn')
    expect(first.children.map((run) => [run.value, run.style.emphasis ?? false])).toEqual([
      ['记者：', false], ['你好，', false], ['这是', true], ['重点', false], ['\u2028', false], ['下一行 *星号*', false]
    ])
    expect(messages(file).filter((message) => message.startsWith('indented-paragraph'))).toEqual(['indented-paragraph@5:1'])
  })

  test('each run keeps its place in the file, past the indent of its own line', () => {
    const {article} = convert(`${FRONT}\t第一行文字\n      第二行*强调*\n`)
    const block = article.children[0]!
    if (block.type !== 'paragraph') throw new Error('paragraph')
    expect(block.position?.start).toMatchObject({line: 5, column: 2})
    expect(block.children.map((run) => [run.value, run.position?.start.line, run.position?.start.column])).toEqual([
      ['第一行文字', 5, 2], ['第二行', 6, 7], ['强调', 6, 11]
    ])
  })

  test('a paragraph whose first line alone is indented stays one paragraph, a hard break at that line’s end included', () => {
    const {article} = convert(`${FRONT}    第一段第一行，\n第一段第二行。\n\n\t首行\\\n次行\n\n正文。\n`)
    expect(article.children.map((block) => [block.type, textOf(block), block.position?.start.line])).toEqual([
      ['paragraph', '第一段第一行，第一段第二行。', 5],
      ['paragraph', '首行\u2028次行', 8],
      ['paragraph', '正文。', 11]
    ])
  })

  test('inside a list item or a quote too, hard breaks and all; a paragraph right under a block that ends a list item joins it', () => {
    const listed = convert(`${FRONT}- ,\n\n\t\t的\\\n的\n\n1. 第一项\n\n        缩进的**续文**\n\n2. 第二项\n`)
    expect(listed.article.children.map((block) => (block.type === 'list' ? block.items.map((item) => item.children.map((run) => run.value).join('|')) : block.type))).toEqual([[',|的|\u2028|的'], ['第一项|缩进的|续文', '第二项']])
    const strong = listed.article.children[1]!
    if (strong.type !== 'list') throw new Error('list')
    expect(strong.items[0]!.children.find((run) => run.value === '续文')?.style.strong).toBe(true)
    // Each run at its place: past the list item's indent, and past a tab the indent took part of.
    const first = listed.article.children[0]!
    if (first.type !== 'list') throw new Error('list')
    expect(first.items[0]!.children.map((run) => [run.value, run.position?.start.line, run.position?.start.column])).toEqual([
      [',', 5, 3], ['的', 7, 3], ['\u2028', 7, 4], ['的', 8, 1]
    ])
    const quoted = convert(`${FRONT}> 引文。\n>\n>     缩进的*引文*\n\n正文。\n`)
    const quote = quoted.article.children[0]!
    if (quote.type !== 'quote') throw new Error('quote')
    expect(quote.children.map((runs) => runs.map((run) => [run.value, run.style.emphasis ?? false]))).toEqual([[['引文。', false]], [['缩进的', false], ['引文', true]]])
    expect(quoted.article.children.map((block) => block.type)).toEqual(['quote', 'paragraph'])
    // A NUL in it (U+FFFD to the parser) does not keep it from being found and read again.
    const nul = convert(`${FRONT}- 项\n\n      \u0000[链接](https://example.com/l)\n`)
    const nulList = nul.article.children[0]!
    if (nulList.type !== 'list') throw new Error('list')
    expect(nulList.items[0]!.children.map((run) => run.value).join('')).toBe('项\uFFFD链接')
    // Each such block is named where it stands, as at the top level.
    expect(messages(listed.file).filter((message) => message.startsWith('indented-paragraph'))).toEqual(['indented-paragraph@7:2', 'indented-paragraph@12:4'])
    expect(messages(quoted.file).filter((message) => message.startsWith('indented-paragraph'))).toEqual(['indented-paragraph@7:3'])
  })

  test('a line of dashes in it is no front matter', () => {
    const {article} = convert(`${FRONT}    ---\n    title: 不是\n    ---\n\n正文。\n`)
    expect(article.meta.title).toBe('测试')
    expect(article.children.map((block) => block.type)).toEqual(['sectionBreak', 'sectionHead', 'paragraph'])
  })

  test('a fenced block stays code, and nothing is said', () => {
    const {article, file} = convert(`${FRONT}\`\`\`\nconst a = 1\n\`\`\`\n`)
    expect(article.children.map((block) => block.type)).toEqual(['code'])
    expect(messages(file)).not.toContain('indented-paragraph@5:1')
  })
})

describe('paragraphs indented with ideographic spaces (text pasted from Word, the web or WeChat)', () => {
  test('a line that starts with 　　 starts a paragraph; the indent is dropped and each paragraph starts past it', () => {
    const {article} = convert(`${FRONT}　　第一段文字。\n　　第二段，\n续行　不是段首。\n\n　　第三段。\n`)
    expect(article.children.map((block) => [block.type, textOf(block), block.position?.start.line, block.position?.start.column])).toEqual([
      ['paragraph', '第一段文字。', 5, 3],
      ['paragraph', '第二段，续行　不是段首。', 6, 3],
      ['paragraph', '第三段。', 9, 3]
    ])
    const second = article.children[1]!
    if (second.type !== 'paragraph') throw new Error('paragraph')
    expect(second.children.map((run) => [run.value, run.position?.start.line, run.position?.start.column])).toEqual([['第二段，', 6, 3], ['续行　不是段首。', 7, 1]])
  })

  test('speaker labels after the indent are labels', () => {
    const {article} = convert(`${FRONT}　　**记者：**问题一？\n　　**刘震民：**回答一。\n`)
    expect(article.children.map((block) => block.type === 'qaTurn' ? `${block.role}:${block.speaker}` : block.type)).toEqual(['question:记者', 'answer:刘震民'])
  })

  test('a tree with no such indent is given back as it is', () => {
    const source = normalizeSource(`${FRONT}第一条　本法所称数据。\n\n- 列表　项\n`)
    const tree = parseMarkdown(source)
    expect(splitIdeographicIndents(tree, source)).toBe(tree)
  })

  test('inside a quote too, and a line of spaces alone or text without the indent is left as it is', () => {
    const {article} = convert(`${FRONT}> 　　引文一。\n> 　　引文二。\n\n正文　中间的空格。\n`)
    const quote = article.children[0]!
    expect(quote.type === 'quote' && quote.children.map((runs) => runs.map((run) => run.value).join(''))).toEqual(['引文一。', '引文二。'])
    expect(textOf(article.children[1]!)).toBe('正文　中间的空格。')
  })
})

describe('quotes, dashes and ellipses typed with ASCII keys (GB/T 15834—2011 §4.1, §4.9, §4.11)', () => {
  const normalised = (text: string): string => {
    const {article} = convert(`${FRONT}${text}\n`)
    return textOf(article.children[0]!)
  }
  test.each([
    ['他说"我们一定会赢"，然后走了', '他说“我们一定会赢”，然后走了'],
    ['"双减"政策落地一年', '“双减”政策落地一年'],
    ['他说"OK"。', '他说“OK”。'],
    ['然后走了...大家都在等待', '然后走了…\u2060…大家都在等待'],
    ['然后走了......大家', '然后走了…\u2060\u2060\u2060\u2060…大家'],
    ['大家都在等待--等待结果', '大家都在等待——等待结果'],
    // Latin text, a range, a rule of three dashes and an odd quote stay as typed.
    ['He said "hello" and left...', 'He said "hello" and left...'],
    ['2021--2022年', '2021--2022年'],
    ['等待---结果', '等待---结果'],
    ['他说"好，然后"再见"。', '他说"好，然后"再见"。']
  ])('%s → %s', (input, expected) => {
    expect(normalised(input)).toBe(expected)
  })

  test("each change keeps a text node's length, so source positions stay right", async () => {
    const {normalizePunctuation} = await import('../../../src/article/normalize-punctuation.js')
    const tree = parseMarkdown(`${FRONT}他说"好"...然后--走了,**强调"引"号**\n`)
    const texts = (node: {type: string; value?: string; children?: unknown[]}): string[] =>
      node.type === 'text' ? [node.value!] : ((node.children ?? []) as (typeof node)[]).flatMap(texts)
    const before = texts(tree)
    expect(normalizePunctuation(tree)).toBe(7)
    const after = texts(tree)
    expect(after.join('')).toBe('他说“好”…\u2060…然后——走了，强调“引”号')
    expect(after.map((text) => text.length)).toEqual(before.map((text) => text.length))
  })
})

describe('an interview labelled 问/答 (or Q/A)', () => {
  test.each([
    ['bold', '**问：**您怎么看？\n\n**答：**很重要。\n\n**问：**还有呢？\n'],
    ['bare', '问：您怎么看？\n\n答：很重要。\n\n问:还有呢？\n'],
    ['Q/A', '**Q:**您怎么看？\n\n**A:**很重要。\n\n**Q:**还有呢？\n']
  ])('%s labels make question and answer turns', (_kind, body) => {
    const {article} = convert(`${FRONT}导语。\n\n${body}`)
    expect(article.children.map((block) => (block.type === 'qaTurn' ? block.role : block.type))).toEqual(['paragraph', 'question', 'answer', 'question'])
  })

  test('a lone 问： paragraph, with no 答, is no interview', () => {
    const {article} = convert(`${FRONT}问：这是什么？这是一篇普通文章里的设问。\n\n正文。\n`)
    expect(article.children.map((block) => block.type)).toEqual(['paragraph', 'paragraph'])
  })
})

describe('a 小标题 written as a paragraph of bold text alone', () => {
  test('is a section head, with an info at its line; the text after it is body, not lead', () => {
    const {article, file} = convert(`${FRONT}导语。\n\n**一、坚持党的领导**\n\n正文。\n`)
    expect(article.children.map((block) => [block.type, block.type === 'sectionHead' ? block.depth : block.type === 'paragraph' ? block.role : '', textOf(block)])).toEqual([
      ['paragraph', 'lead', '导语。'],
      ['sectionHead', 2, '一、坚持党的领导'],
      ['paragraph', 'body', '正文。']
    ])
    expect(messages(file)).toEqual(['bold-paragraph-head@7:1'])
  })

  test('is a sub-head where the article has ## heads of its own', () => {
    const {article} = convert(`${FRONT}## 第一部分\n\n**（一）加强制度建设**\n\n正文。\n`)
    expect(article.children.map((block) => (block.type === 'sectionHead' ? block.depth : block.type))).toEqual([2, 3, 'paragraph'])
  })

  test.each([
    ['a bold sentence', '**这是一句加粗的完整句子。**'],
    ['a speaker label alone', '**记者：**'],
    ['bold text with more after it', '**重要**的事情说三遍'],
    ['a bold line too long for a head', `**${'很长的加粗文字'.repeat(5)}**`],
    ['one bold character', '**注**']
  ])('%s stays a paragraph', (_kind, line) => {
    const {article} = convert(`${FRONT}导语。\n\n${line}\n\n正文。\n`)
    expect(article.children.map((block) => block.type)).not.toContain('sectionHead')
  })
})

describe('inline HTML', () => {
  test('<br> breaks the line, an <img> is a figure after the paragraph with a warning at its place, other tags go and their text stays', () => {
    const {article, file} = convert(`${FRONT}第一行<br>第二行<img src="x.jpg" alt="说明">和<span style="color:red">红字</span>。\n`)
    expect(textOf(article.children[0]!)).toBe('第一行\u2028第二行和红字。')
    const figure = article.children[1]!
    expect(figure.type === 'figure' && [figure.src, figure.caption.map((run) => run.value).join('')]).toEqual(['x.jpg', '说明'])
    expect(messages(file)).toEqual(['html-image@5:11'])
  })
})

describe('inline HTML formatting (pasted from a web page or a CMS)', () => {
  test('<strong>, <em>, <del>, <sup> and <code> style their text to the end tag; the rest is unstyled', () => {
    const {article} = convert(`${FRONT}占地<b>约</b>1200m<sup>2</sup>，<em>超过</em>两亿元，原定<del>五月</del>六月，用<code>npm</code>，<span>完</span>工。\n`)
    const runs = (article.children[0] as unknown as {children: {value: string; style: Record<string, boolean>}[]}).children
    const styled = runs.filter((run) => Object.keys(run.style).length > 0).map((run) => [run.value, Object.keys(run.style).join(',')])
    expect(styled).toEqual([['约', 'strong'], ['2', 'noteRef'], ['超过', 'emphasis'], ['五月', 'strike'], ['npm', 'code']])
    expect(textOf(article.children[0]!)).toBe('占地约1200m2，超过两亿元，原定五月六月，用npm，完工。')
  })

  test('an interview pasted with <strong>记者：</strong> labels is read as one', () => {
    const {article} = convert(`${FRONT}<strong>记者：</strong>面积多大？\n\n<b>受访者：</b>约1200平方米。\n`)
    expect(article.children.map((block) => (block.type === 'qaTurn' ? `${block.role}:${block.speaker}` : block.type))).toEqual(['question:记者', 'answer:受访者'])
  })
})

describe('HTML blocks (pasted from a web page or a CMS)', () => {
  test('each block element is a paragraph, <br> a line break, references decoded, the indent of &nbsp; dropped', () => {
    const html = '<div><p>&nbsp;&nbsp;第一段&amp;文字，&ldquo;引号&rdquo;&#20013;&#x6587;。</p><p>第二段<br/>换行</p>\n<ul><li>条目</li></ul></div>'
    const {article, file} = convert(`${FRONT}${html}\n`)
    expect(article.children.map((block) => [block.type, textOf(block)])).toEqual([
      ['paragraph', '第一段&文字，“引号”中文。'],
      ['paragraph', '第二段\u2028换行'],
      ['paragraph', '条目']
    ])
    expect(messages(file)).toEqual(['html-as-text@5:1'])
  })

  test('an <img> is a figure with its alt text as the caption, in its place among the text', () => {
    const {article} = convert(`${FRONT}<p>图前</p><img src="photo.jpg" alt="村民在办事">\n<p>图后</p>\n`)
    expect(article.children.map((block) => block.type)).toEqual(['paragraph', 'figure', 'paragraph'])
    const figure = article.children[1]!
    expect(figure.type === 'figure' && figure.src).toBe('photo.jpg')
    expect(figure.type === 'figure' && figure.caption.map((run) => run.value).join('')).toBe('村民在办事')
  })

  test('formatting inside a block works as inline HTML does: an interview pasted as <p><strong>记者：</strong>…</p>', () => {
    const html = '<p><strong>记者：</strong>面积多大？</p>\n<p><b>受访者：</b>约1200m<sup>2</sup>。</p>'
    const {article} = convert(`${FRONT}${html}\n`)
    expect(article.children.map((block) => (block.type === 'qaTurn' ? `${block.role}:${block.speaker}` : block.type))).toEqual(['question:记者', 'answer:受访者'])
    const answer = article.children[1] as unknown as {children: {value: string; style: Record<string, boolean>}[]}
    expect(answer.children.find((run) => run.value === '2')?.style.noteRef).toBe(true)
  })

  test('an <h2> is a section head, as ## is', () => {
    const {article, file} = convert(`${FRONT}<h2>一网通办</h2><p>正文。</p>\n`)
    expect(article.children.map((block) => [block.type, textOf(block)])).toEqual([
      ['sectionHead', '一网通办'],
      ['paragraph', '正文。']
    ])
    expect(messages(file)).toEqual(['html-as-text@5:1'])
  })

  test('comments, scripts and styles are no text; an unknown reference stays as written', () => {
    const {article, file} = convert(`${FRONT}<div><!-- 注释 --><script>var a = 1</script><style>p {}</style>&nosuch; 正文</div>\n`)
    expect(article.children.map(textOf)).toEqual(['&nosuch; 正文'])
    const empty = convert(`${FRONT}<div><script>x()</script></div>\n\n正文。\n`)
    expect(empty.article.children.map(textOf)).toEqual(['正文。'])
    expect(messages(empty.file)).toEqual([])
    expect(messages(file)).toEqual(['html-as-text@5:1'])
  })
})

test('in a Traditional Chinese article straight quotes become 「 」', () => {
  const {article} = convert('---\ntitle: 標題\nlang: zh-Hant\n---\n\n他說"我們一定會贏"，然後走了。\n')
  expect(textOf(article.children[0]!)).toBe('他說「我們一定會贏」，然後走了。')
})
