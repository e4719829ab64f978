/**
 * parseMarkdown skips remark-cjk-friendly for text without `*` or `_`, and
 * GFM for text without anything GFM acts on: the trees must be the ones the
 * full processor gives, for any text. The property runs on a fixed seed, so
 * that a run of the tests is the same each time; `PARSE_SEED` and
 * `PARSE_RUNS` try others.
 */
import {describe, expect, test} from 'vitest'
import fc from 'fast-check'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly'
import type {Root} from 'mdast'
import {parseMarkdown, normalizeSource} from '../../../src/parse/parse-markdown.js'
import {reparseIndentedCode} from '../../../src/parse/indented-code.js'
import {splitIdeographicIndents} from '../../../src/parse/ideographic-indents.js'

// Strikethrough takes two tildes only (one writes a range in Chinese copy: 10~15℃).
const TILDES = {singleTilde: false}
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, TILDES).use(remarkCjkFriendlyGfmStrikethrough, TILDES).use(remarkCjkFriendly)
const fragments = unified().use(remarkParse).use(remarkGfm, TILDES).use(remarkCjkFriendlyGfmStrikethrough, TILDES).use(remarkCjkFriendly)

/** The full processor, with the passes parseMarkdown makes after it (indented text, ideographic indents). */
const full = {
  parse(source: string): Root {
    return splitIdeographicIndents(reparseIndentedCode(processor.parse(source) as Root, source, (fragment) => fragments.parse(fragment) as Root), source)
  }
}
const pieces = ['\u3000\u3000', '    ', '\t', '记者', '：', '问', '。', '，', '“', '”', '（', '）', '# ', '## ', '\n', '\n\n', '- ', '1. ', '> ', '|', ' | ', '---', '`', '[', ']', '(', ')', 'http://a.cn', '~~', ' ', 'ab', '2023年', '！', '？', '<', '>', '\\', '[^1]', '[^1]: 注', '*', '**', '_', '~', 'a@b.cn', 'mailto:a@b.cn', 'WWW.a.cn', 'www.b.cn', 'HTTPS://c.cn/d', '[ ] ', '[x] ', '[X] ', '- [ ] 待办', '| a | b |\n| - | - |\n', 'www', '.']

/** What a parse gives: its tree, or the message it failed with. */
function attempt(parse: () => unknown): {tree: unknown} | {error: string} {
  try {
    return {tree: parse()}
  } catch (error) {
    return {error: (error as Error).message}
  }
}

describe('parseMarkdown', () => {
  test('a text both parsers fail on in their development builds fails the same way (the seed fast-check found)', () => {
    const text = '*\n[ ] 记者'
    expect(attempt(() => parseMarkdown(text))).toEqual(attempt(() => full.parse(normalizeSource(text))))
  })

  test('an escape inside a literal autolink still calls for GFM (`www\\.`, the seed fast-check found)', () => {
    for (const text of ['# www\\.', 'www\\.b.cn', 'a\\@b.cn']) expect(attempt(() => parseMarkdown(text))).toEqual(attempt(() => full.parse(normalizeSource(text))))
  })

  test('the tree is the one the full processor (GFM and remark-cjk-friendly) gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
        const text = parts.join('')
        // The same tree, or the same failure: under vitest the parsers' development builds run their
        // assertions, and mdast-util-gfm-task-list-item's fails on `*\n[ ] 记者` in both (the production
        // build, which the CLI runs, parses it).
        const ours = attempt(() => parseMarkdown(text))
        expect(ours).toEqual(attempt(() => full.parse(normalizeSource(text))))
        // The passes after the parser never fail where the parser itself does not.
        if (!('error' in attempt(() => processor.parse(normalizeSource(text))))) expect(ours).not.toHaveProperty('error')
      }),
      {numRuns: Number(process.env.PARSE_RUNS ?? 2000), seed: Number(process.env.PARSE_SEED ?? 20261129)}
    )
  })

  test('with ** it resolves CJK-friendly bold: **记者：**问 is strong', () => {
    const tree = parseMarkdown('**记者：**问题。\n')
    const paragraph = tree.children[0] as {children: {type: string}[]}
    expect(paragraph.children[0]!.type).toBe('strong')
  })

  test('one tilde is a range, kept as typed; two strike through', () => {
    const text = (source: string) => JSON.stringify(parseMarkdown(source).children[0], (key, value) => (key === 'position' ? undefined : value))
    expect(text('气温10~15℃，风力3~4级。\n')).toBe(JSON.stringify({type: 'paragraph', children: [{type: 'text', value: '气温10~15℃，风力3~4级。'}]}))
    const struck = parseMarkdown('删除~~这几个字~~了。\n').children[0] as {children: {type: string}[]}
    expect(struck.children.map((child) => child.type)).toEqual(['text', 'delete', 'text'])
  })
})
