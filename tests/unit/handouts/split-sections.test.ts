import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../../src/parse/parse-markdown.js'
import {toArticle} from '../../../src/article/to-article.js'
import type {Block} from '../../../src/article/types.js'
import {splitSections} from '../../../src/handouts/split-sections.js'

/** Parse a small article (front matter added) into the article model. */
function article(body: string) {
  const source = `---\ntitle: 测试主题\n---\n\n${body}`
  return toArticle(parseMarkdown(source), new VFile({value: source}))
}

/** The text of a block, for asserting which blocks a section holds. */
function text(block: Block): string {
  if (block.type === 'sectionHead') return `${'#'.repeat(block.depth)}${block.children.map((run) => run.value).join('')}`
  return 'children' in block && Array.isArray(block.children) ? block.children.map((run) => ('value' in run ? run.value : '')).join('') : block.type
}

const interview = ['导语一。', '导语二。', '## 第一节', '正文一。', '### 小节甲', '小节正文。', '## 第二节', '正文二。', '## 第三节', '正文三。'].join('\n\n')

describe('splitSections', () => {
  test('cuts at every ## and keeps each body up to the next one', () => {
    const sections = splitSections(article(interview))
    expect(sections.map((section) => [section.order, section.title, section.type])).toEqual([
      [1, '第一节', 'section'],
      [2, '第二节', 'section'],
      [3, '第三节', 'section']
    ])
    expect(sections[1]!.blocks.map(text)).toEqual(['正文二。'])
    expect(sections[2]!.blocks.map(text)).toEqual(['正文三。'])
  })

  test('keeps ### subsections inside their section', () => {
    const [first] = splitSections(article(interview))
    expect(first!.blocks.map(text)).toEqual(['导语一。', '导语二。', '正文一。', '###小节甲', '小节正文。'])
  })

  test('folds the lead into the first section by default', () => {
    const [first] = splitSections(article(interview))
    expect(first!.blocks.slice(0, 2).map(text)).toEqual(['导语一。', '导语二。'])
  })

  test('gives the lead its own section, order 0, with leadOwn', () => {
    const sections = splitSections(article(interview), {leadOwn: true, leadTitle: '导语'})
    expect(sections.map((section) => [section.order, section.title, section.type])).toEqual([
      [0, '导语', 'lead'],
      [1, '第一节', 'section'],
      [2, '第二节', 'section'],
      [3, '第三节', 'section']
    ])
    expect(sections[0]!.blocks.map(text)).toEqual(['导语一。', '导语二。'])
    expect(sections[1]!.blocks.map(text)).toEqual(['正文一。', '###小节甲', '小节正文。'])
  })

  test('makes no lead section when nothing comes before the first ##', () => {
    const sections = splitSections(article('## 只有一节\n\n正文。'), {leadOwn: true})
    expect(sections.map((section) => section.order)).toEqual([1])
  })

  test('treats a ### before the first ## as part of the lead', () => {
    const sections = splitSections(article('### 引子\n\n导语。\n\n## 第一节\n\n正文。'), {leadOwn: true})
    expect(sections[0]!.blocks.map(text)).toEqual(['###引子', '导语。'])
    expect(sections[1]!.blocks.map(text)).toEqual(['正文。'])
  })

  test('turns an article without ## into one whole section titled with its 主题', () => {
    const sections = splitSections(article('第一段。\n\n### 小节\n\n第二段。'))
    expect(sections).toHaveLength(1)
    expect(sections[0]!.type).toBe('whole')
    expect(sections[0]!.title).toBe('测试主题')
    expect(sections[0]!.blocks.map(text)).toEqual(['第一段。', '###小节', '第二段。'])
  })

  test('keeps a section with no body, and its source line', () => {
    const sections = splitSections(article('## 空节\n\n## 有文\n\n正文。'))
    expect(sections[0]!.blocks).toEqual([])
    expect(sections[0]!.position?.start.line).toBe(5)
    expect(sections[1]!.position?.start.line).toBe(7)
  })

  test('never changes the article', () => {
    const input = article(interview)
    const before = JSON.stringify(input)
    splitSections(input, {leadOwn: true})
    splitSections(input)
    expect(JSON.stringify(input)).toBe(before)
  })
})
