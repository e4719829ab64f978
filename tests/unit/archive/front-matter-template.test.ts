import {describe, expect, test} from 'vitest'
import {frontMatterTemplate} from '../../../src/archive/front-matter-template.js'

describe('frontMatterTemplate', () => {
  test.each([
    ['plain', '---\ntitle: 题\ntemplate: a4\n---\n正文', 'a4'],
    ['quoted with a comment', "---\ntemplate: 'broadsheet' # 大报\n---\n", 'broadsheet'],
    ['a path', '---\ntemplate: "../tpl/my.json"\n---\n', '../tpl/my.json'],
    ['none given', '---\ntitle: 题\n---\n正文', undefined],
    ['no front matter', 'template: a4\n', undefined],
    ['only at top level', '---\nmeta:\n  template: a4\n---\n', undefined],
    ['a byte order mark first', '\uFEFF---\r\ntemplate: a4\r\n---\r\n', 'a4']
  ])('%s', (_name, source, expected) => {
    expect(frontMatterTemplate(source)).toBe(expected)
  })
})
