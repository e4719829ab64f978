import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'
import {createBuildMemo} from '../../src/build/build-memo.js'

/**
 * A build memo (lines of paragraphs and deck lines, deflated font programs
 * and ToUnicode CMaps) is kept across the articles one worker builds. Whatever was built before, an article must
 * come out byte for byte as a fresh build makes it, and say the same things.
 */
const SAMPLES = ['xingguo-police-interview', 'holiday-schedule-2019', 'labor-overtime-typical-cases', 'xingguo-county-wikipedia', 'luxun-leifeng-pagoda'].map((name) => `content/${name}.md`)
const read = (file: string): string => fs.readFileSync(file, 'utf8')
const dated = (source: string, date: string): string => source.replace(/^date:.*$/m, `date: ${date}`)

describe('build memo', () => {
  test('articles built after others, in any order and on two templates, are byte-identical to fresh builds', async () => {
    const fresh = new Map<string, Uint8Array>()
    for (const file of SAMPLES) for (const template of ['newspaper', 'a4']) fresh.set(`${file}|${template}`, (await renderArticle(read(file), file, {template})).pdf!)
    const memo = createBuildMemo()
    // A paragraph is kept when set a second time: the third pass finds them.
    for (const order of [SAMPLES, [...SAMPLES].reverse(), SAMPLES]) {
      for (const file of order) {
        for (const template of ['a4', 'newspaper']) {
          const {pdf} = await renderArticle(read(file), file, {template, memo})
          expect(Buffer.from(pdf!).equals(Buffer.from(fresh.get(`${file}|${template}`)!)), `${file} on ${template}`).toBe(true)
        }
      }
    }
    // The later passes found the paragraphs and font programs made before.
    const {lines, fontPrograms} = memo.stats()
    // Lines are kept from the second setting; font programs from the first (an article uses the same glyphs on both templates).
    expect(lines.hits * 3).toBe(lines.lookups)
    expect(fontPrograms.hits * 3).toBeGreaterThanOrEqual(fontPrograms.lookups * 2)
  }, 60_000)

  test('a copy with another date (same weekday, same digits) reuses every line but the meta line, and the font program', async () => {
    const file = SAMPLES[0]!
    const memo = createBuildMemo()
    // Set once, the paragraphs are only noted; set twice, they are kept.
    await renderArticle(dated(read(file), '2023-04-18'), file, {memo})
    const first = await renderArticle(dated(read(file), '2023-04-18'), file, {memo})
    const before = memo.stats()
    const second = await renderArticle(dated(read(file), '2023-04-11'), file, {memo})
    const after = memo.stats()
    // Every paragraph and deck line is found but the meta line, which holds the new date.
    expect(after.lines.lookups - before.lines.lookups - (after.lines.hits - before.lines.hits)).toBe(1)
    expect(after.lines.hits - before.lines.hits).toBeGreaterThan(20)
    expect(after.fontPrograms.hits - before.fontPrograms.hits).toBe(after.fontPrograms.lookups - before.fontPrograms.lookups)
    // Each embedded font's program and its ToUnicode CMap are looked up, and found.
    const fonts = Buffer.from(first.pdf!).toString('latin1').match(/\/FontFile2 /g)?.length ?? 0
    expect(fonts).toBeGreaterThanOrEqual(3)
    expect(after.fontPrograms.lookups - before.fontPrograms.lookups).toBe(2 * fonts)
    const fresh = await renderArticle(dated(read(file), '2023-04-11'), file)
    expect(Buffer.from(second.pdf!).equals(Buffer.from(fresh.pdf!))).toBe(true)
    expect(Buffer.from(second.pdf!).equals(Buffer.from(first.pdf!))).toBe(false)
  })

  test('a paragraph with a character no font has is shaped again, so every build reports it', async () => {
    const source = '---\ntitle: 缺字\n---\n\n正文里有一个无字可用的字符\u{10FFFD}，在此。\n'
    const memo = createBuildMemo()
    for (let run = 0; run < 2; run++) {
      const {file, pdf} = await renderArticle(source, 'missing.md', {memo})
      expect(pdf).toBeDefined()
      expect(file.messages.filter((message) => message.ruleId === 'missing-glyph').map((message) => message.line)).toEqual([5])
    }
  })
})
