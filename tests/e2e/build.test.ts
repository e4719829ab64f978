import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test, beforeAll} from 'vitest'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {buildArticle} from '../../src/index.js'

const seed = 'content/xingguo-police-interview.md'

/** Extract each page's text in content-stream order with pdfjs. */
async function pdfText(bytes: Uint8Array): Promise<{pages: number; text: string; info: Record<string, unknown>}> {
  const pdf = await getDocument({data: bytes.slice(), useSystemFonts: false, isEvalSupported: false}).promise
  let text = ''
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i)
    const content = await page.getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
  }
  const meta = await pdf.getMetadata()
  return {pages: pdf.numPages, text, info: meta.info as Record<string, unknown>}
}

const squeeze = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '')

describe('build the seed article end to end', () => {
  let out: string
  let bytes: Uint8Array
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-e2e-'))
    const result = await buildArticle(seed, {outDir: out})
    expect(result.ok).toBe(true)
    bytes = new Uint8Array(fs.readFileSync(result.output!))
  })

  test('makes one newspaper page with the metadata from the front matter', async () => {
    const {pages, info} = await pdfText(bytes)
    expect(pages).toBe(1)
    expect(info.Title).toBe('发扬苏区干部好作风 以蝶变式发展促和谐护民安')
    expect(info.Author).toBe('熊玮')
  })

  test('puts every body paragraph on the page, in reading order, with full-width punctuation', async () => {
    const {text} = await pdfText(bytes)
    const flat = squeeze(text)
    const source = fs.readFileSync(seed, 'utf8').split('\n---\n')[1]!
    const paragraphs = source.split(/\n\n+/).map((block) => squeeze(block.replace(/^#+\s*|\*\*/gm, ''))).filter(Boolean)
    let cursor = 0
    for (const paragraph of paragraphs) {
      // Columns are read top to bottom, left to right: each paragraph's opening follows the previous one.
      const head = paragraph.slice(0, 12)
      const at = flat.indexOf(head, cursor)
      expect(at, `paragraph starting ${head}`).toBeGreaterThanOrEqual(0)
      cursor = at
    }
    expect(text).toContain('，')
    expect(text).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/)
  })

  test('gives byte-identical output for the same input', async () => {
    const again = await buildArticle(seed, {outDir: out, outName: 'again'})
    expect(Buffer.compare(Buffer.from(bytes), fs.readFileSync(again.output!))).toBe(0)
  })

  test('embeds subset CID fonts with ToUnicode maps', () => {
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/)
    expect(raw).toMatch(/\/ToUnicode \d+ 0 R/)
    expect(raw).toMatch(/\/CIDToGIDMap \/Identity/)
  })
})

describe('every sample article builds', () => {
  const articles = fs.readdirSync('content').filter((name) => name.endsWith('.md') && name !== 'README.md')
  test.each(articles)('%s', async (name) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-all-'))
    const result = await buildArticle(path.join('content', name), {outDir: out})
    expect(result.ok, result.file.messages.map(String).join('\n')).toBe(true)
    expect(result.pages).toBeGreaterThanOrEqual(1)
    expect(fs.readFileSync(result.output!).subarray(0, 5).toString()).toBe('%PDF-')
  })
})

describe('Latin word spaces', () => {
  test('are written as space glyphs, so copied text and line-end word breaks keep them', async () => {
    const source = '---\ntitle: 空格\n---\n\n易卜生的剧本就是Die Frau vom Meer，中国有人译作《海上夫人》的，还有Ein Puppenheim一名。\n'
    const {renderArticle} = await import('../../src/build/render-article.js')
    const result = await renderArticle(source, 'spaces.md', {compress: false})
    const {text} = await pdfText(result.pdf!)
    expect(text).toMatch(/Die\s+Frau vom\s+Meer/)
    expect(text).toMatch(/Ein\s+Puppenheim/)
    const raw = Buffer.from(result.pdf!).toString('latin1')
    // The ToUnicode map carries U+0020 for the space glyph.
    expect(raw).toMatch(/<0020>/)
  })
})

describe('characters no font has', () => {
  test('two of them inside one word both reach the text layer (each on its own carrier glyph)', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const result = await renderArticle('---\ntitle: 缺字\n---\n\n正文 x\u20E3\u20E4y 完。\n', 'missing.md')
    expect(result.file.messages.filter((message) => message.ruleId === 'missing-glyph').length).toBe(2)
    const {text} = await pdfText(result.pdf!)
    expect(text).toContain('\u20E3')
    expect(text).toContain('\u20E4')
  })
})

describe('a run with no break opportunity', () => {
  test('is broken inside to fit the measure, with a warning that quotes where and names the line', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const run = 'A'.repeat(300)
    const source = `---\ntitle: 长串\ndate: 2024-05-06\n---\n\n第一段。\n\n前面的字${run}后面的字。\n`
    const result = await renderArticle(source, 'long-run.md')
    expect(result.pdf).toBeDefined()
    const warnings = result.file.messages.filter((message) => message.ruleId === 'forced-break')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.fatal).toBe(false)
    expect(warnings[0]!.line).toBe(8)
    expect(warnings[0]!.reason).toContain(`“${'A'.repeat(12)}”`)
    // Ordinary text needs no such break.
    const plain = await renderArticle(fs.readFileSync(seed, 'utf8'), seed)
    expect(plain.file.messages.filter((message) => message.ruleId === 'forced-break')).toEqual([])
  })
})

describe('an unknown template named in the front matter', () => {
  test('is an error at its `template:` line, and no PDF is made', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const result = await renderArticle('---\ntitle: 模板\ndate: 2024-05-06\ntemplate: nosuch\n---\n\n正文。\n', 'unknown-template.md')
    expect(result.pdf).toBeUndefined()
    const errors = result.file.messages.filter((message) => message.ruleId === 'template')
    expect(errors.map((message) => [message.line, message.column, message.fatal])).toEqual([[4, 11, true]])
    expect(errors[0]!.reason).toContain('nosuch')
  })
})

describe('an article without a date', () => {
  test('is a warning at the front matter, and the page is still made', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const result = await renderArticle('---\ntitle: 无日期\nsource: 本报\n---\n\n正文。\n', 'undated.md')
    expect(result.pdf).toBeDefined()
    expect(result.file.messages.map((message) => [message.ruleId, message.line, message.fatal])).toEqual([['no-date', 1, false]])
  })

  test('is not warned twice when the file has no front matter at all, nor for a dated one', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const bare = await renderArticle('# 标题\n\n正文。\n', 'bare.md')
    const rules = bare.file.messages.map((message) => message.ruleId)
    expect(rules).toContain('front-matter-missing')
    expect(rules).not.toContain('no-date')
    const dated = await renderArticle('---\ntitle: 有日期\ndate: 2024-05-06\n---\n\n正文。\n', 'dated.md')
    expect(dated.file.messages).toEqual([])
  })
})

describe('front matter that cannot be read', () => {
  test('is one error at its line, not also warnings for the title and date it lost', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const broken = await renderArticle('---\ntitle: [主题\ndate: 2024-05-06\n---\n\n正文。\n', 'broken.md')
    expect(broken.file.messages.map((message) => [message.ruleId, message.line, message.fatal])).toEqual([['front-matter-yaml', 3, true]])
    // The parser's own "at line 2, column 1" counts from the front matter's first line; only the file's line is given.
    expect(broken.file.messages[0]!.reason).not.toMatch(/at line \d/)
    const list = await renderArticle('---\n- 主题\n---\n\n正文。\n', 'list.md')
    expect(list.file.messages.map((message) => [message.ruleId, message.line, message.fatal])).toEqual([['front-matter-shape', 2, true]])
  })

  test('still takes its title from a # heading, and a body problem is still reported', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const result = await renderArticle('---\ntitle: [主题\n---\n\n# 标题\n\n![图](missing.png)\n', 'heading.md')
    const rules = result.file.messages.map((message) => message.ruleId)
    expect(rules).toContain('front-matter-yaml')
    expect(rules).not.toContain('no-title')
    expect(rules.length).toBeGreaterThan(1)
  })
})

describe('article files that are not UTF-8', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-encoding-'))
  const body = '---\ntitle: 编码\ndate: 2024-05-06\n---\n\n兴国县公安局推进“枫桥经验”。\n'

  test('GBK text is set as the text it is, with a warning', async () => {
    // GB 18030 bytes by lookup (Node's TextEncoder writes UTF-8 only).
    const decoder = new TextDecoder('gb18030', {fatal: true})
    const table = new Map<string, number[]>()
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        try {
          table.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail])
        } catch {
          // not a character
        }
      }
    }
    const file = path.join(dir, 'gbk.md')
    fs.writeFileSync(file, Uint8Array.from([...body].flatMap((char) => (char.codePointAt(0)! < 0x80 ? [char.codePointAt(0)!] : table.get(char)!))))
    const result = await buildArticle(file, {outDir: dir})
    expect(result.ok).toBe(true)
    expect(result.file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['encoding', false]])
    const {text} = await pdfText(new Uint8Array(fs.readFileSync(result.output!)))
    expect(squeeze(text)).toContain(squeeze('兴国县公安局推进“枫桥经验”。'))
  })

  test('a binary file is an error naming the place, and no PDF is written', async () => {
    const file = path.join(dir, 'picture.md')
    fs.writeFileSync(file, Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d))
    const result = await buildArticle(file, {outDir: dir})
    expect(result.ok).toBe(false)
    expect(result.file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([['not-text', true, 3, 1]])
    expect(fs.existsSync(path.join(dir, 'picture.pdf'))).toBe(false)
  })

  test('a damaged byte in UTF-8 is a warning at its line and column', async () => {
    const file = path.join(dir, 'damaged.md')
    const bytes = Buffer.from(body)
    bytes[bytes.indexOf(Buffer.from('局'))] = 0xff
    fs.writeFileSync(file, bytes)
    const result = await buildArticle(file, {outDir: dir})
    expect(result.ok).toBe(true)
    expect(result.file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([['invalid-utf8', false, 6, 6]])
  })
})

/** Build `source` and list where each character no font has was reported: code point, line, column. */
async function missingGlyphPlaces(source: string, name: string): Promise<[string | undefined, number | undefined, number | undefined][]> {
  const {renderArticle} = await import('../../src/build/render-article.js')
  const result = await renderArticle(source, name)
  expect(result.pdf).toBeDefined()
  return result.file.messages.filter((message) => message.ruleId === 'missing-glyph').map((message) => [/\(U\+([0-9A-F]+)\)/.exec(message.reason)?.[1], message.line ?? undefined, message.column ?? undefined])
}

// U+E000 and U+E001 (private use): no font of the book draws them.
describe('a character no font has', () => {
  test('in the front matter: reported where it stands in its field, quoted or folded, not at the top of the file', async () => {
    const source = '---\nkicker: 引题\ntitle: >\n  很长的标题\n  第二行\uE000字\nsource: "来源\uE001"\ndate: 2024-05-06\n---\n\n正文\uE000。\n'
    expect(await missingGlyphPlaces(source, 'deck-missing.md')).toEqual([
      ['E000', 5, 6],
      ['E001', 6, 12],
      ['E000', 10, 3]
    ])
  })

  test('in the body: reported at its own line and column on a later line of a hard-wrapped paragraph, and in a 题注 lifted into the deck', async () => {
    // The 题注 has no brackets in the source: the deck adds one in front, which must not shift the column.
    const source = '---\ntitle: 某某法\ndate: 2024-05-06\n---\n\n2017年9月1日第十二届全国人民代表大会常务委员会第二十九次会议通过\uE000\n\n第一条　为了维护\n  国歌\uE001的尊严。\n\n第二条　国歌是《义勇军进行曲》。\n'
    expect(await missingGlyphPlaces(source, 'body-missing.md')).toEqual([
      ['E000', 6, 36],
      ['E001', 9, 5]
    ])
  })
})

describe('a headline too long for the deck', () => {
  test('is a warning at the `title:` value', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const title = '兴国县公安局以高质量公安工作擦亮模范兴国名片'.repeat(6)
    const result = await renderArticle(`---\nkicker: 引题\ntitle: ${title}\ndate: 2024-05-06\n---\n\n正文。\n`, 'long-title.md')
    const warnings = result.file.messages.filter((message) => message.ruleId === 'headline-too-long')
    expect(warnings.map((message) => [message.line, message.column])).toEqual([[3, 8]])
  })
})

describe('a statute and an official document set as they are printed', () => {
  /** Text items of the first page with their font names and left edges. */
  async function items(file: string): Promise<{str: string; font: string; x: number}[]> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-e2e-doc-'))
    const result = await buildArticle(file, {outDir: out})
    expect(result.ok).toBe(true)
    const pdf = await getDocument({data: new Uint8Array(fs.readFileSync(result.output!)), useSystemFonts: false, isEvalSupported: false}).promise
    const content = await (await pdf.getPage(1)).getTextContent()
    return content.items.flatMap((item) => ('str' in item && item.str ? [{str: item.str, font: item.fontName, x: item.transform[4] as number}] : []))
  }

  test('a law: each 条标 in the label face, not the body face', async () => {
    const all = await items('content/national-anthem-law.md')
    const label = all.find((item) => item.str.startsWith('第一条'))!
    const body = all.find((item) => item.str.includes('为了维护'))!
    expect(label.str).toBe('第一条')
    expect(label.font).not.toBe(body.font)
    expect(all.filter((item) => /^第[一二三四五六七八九十]+条$/.test(item.str) && item.font === label.font)).toHaveLength(16)
  })

  test('a notice: 主送机关 flush with the column, the text under it indented, the 落款 at the right', async () => {
    const all = await items('content/holiday-schedule-2019.md')
    const salutation = all.find((item) => item.str.startsWith('各省'))!
    const text = all.find((item) => item.str.startsWith('经'))!
    const name = all.find((item) => item.str === '国务院办公厅')!
    const column = all.find((item) => item.str.startsWith('节假日期间'))!
    // 10.5 pt body: the text two characters in from the salutation's edge.
    expect(text.x - salutation.x).toBeCloseTo(21, 0)
    // The name stands right of the indent of its column's paragraphs.
    expect(name.x - column.x).toBeGreaterThan(21)
  })
})

describe('line ends inside a paragraph of the source', () => {
  test('a hard break ends the line there, the next line starting two characters in as the first did; a soft one between Latin words is a space', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-e2e-breaks-'))
    const file = path.join(dir, 'breaks.md')
    fs.writeFileSync(file, '---\ntitle: 换行\ndate: 2024-01-02\n---\n\n李白写道：\\\n床前明月光，\n疑是地上霜。这是一首思念故乡的诗。\n\nThe quick brown\nfox。\n')
    const result = await buildArticle(file, {outDir: dir, template: 'a4'})
    expect(result.ok).toBe(true)
    const pdf = await getDocument({data: new Uint8Array(fs.readFileSync(result.output!)), useSystemFonts: false, isEvalSupported: false}).promise
    const content = await (await pdf.getPage(1)).getTextContent()
    const lines = new Map<number, {x: number; str: string}>()
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue
      const y = Math.round(item.transform[5] as number)
      const x = item.transform[4] as number
      const line = lines.get(y)
      if (!line) lines.set(y, {x, str: item.str})
      else line.str += item.str
    }
    const body = [...lines.values()].filter((line) => /李白|床前|故乡|The/.test(line.str))
    expect(body.map((line) => line.str.replace(/\s+$/, ''))).toEqual(['李白写道：', '床前明月光，疑是地上霜。这是一', '首思念故乡的诗。', 'The quick brown fox。'])
    // a4's 9 pt body: the first line and the line after the break both two characters (18 pt) in, the turned line at the column edge.
    expect(body[1]!.x).toBeCloseTo(body[0]!.x, 1)
    expect(body[0]!.x - body[2]!.x).toBeCloseTo(18, 0)
  })
})

describe('a deck too tall, set at the head of the body', () => {
  test('a forced break in its meta line is reported at the front matter, not at no place', async () => {
    const {renderArticle} = await import('../../src/build/render-article.js')
    const title = `长标题${'A'.repeat(1500)}`
    const result = await renderArticle(`---\ntitle: ${title}\nsource: 测试${'Z'.repeat(300)}\n---\n\n正文。\n`, 'tall-deck.md')
    expect(result.file.messages.some((message) => message.ruleId === 'deck-too-tall')).toBe(true)
    const forced = result.file.messages.filter((message) => message.ruleId === 'forced-break')
    expect(forced).toHaveLength(1)
    expect(forced[0]!.place).toMatchObject({start: {line: 1, column: 1}, end: {line: 4, column: 4}})
  })
})
