import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {articleKey} from '../../../src/archive/article-key.js'
import {planArchive, type PlanContext} from '../../../src/archive/plan-archive.js'
import type {ManifestRecord} from '../../../src/archive/open-manifest.js'

let root: string
let dir: string
let outDir: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-plan-'))
  dir = path.join(root, 'archive')
  outDir = path.join(root, 'out')
  write('2023/a.md', '---\ntitle: 甲\n---\n正文')
  write('2023/b.md', '---\ntitle: 乙\ntemplate: a4\n---\n正文')
  write('c.md', '')
})
afterEach(() => fs.rmSync(root, {recursive: true, force: true}))

function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true})
  fs.writeFileSync(path.join(dir, relative), text)
}

const articles = (): string[] => ['2023/a.md', '2023/b.md', 'c.md'].map((name) => path.join(dir, name))
const context = (records: Map<string, ManifestRecord>, overrides: Partial<PlanContext> = {}): PlanContext => ({dir, outDir, articles: articles(), records, fontHash: 'fonts', engine: 'paiban@1.0.0', settings: '{}', ...overrides})

/** Pretend every stale article of `plan` was built: PDFs in place, rows keyed as the planner keys them. */
function buildAll(records: Map<string, ManifestRecord>, overrides: Partial<PlanContext> = {}): void {
  for (const article of planArchive(context(records, overrides)).stale) {
    const failed = article.source === 'c.md'
    if (!failed) {
      fs.mkdirSync(path.dirname(path.join(outDir, article.output)), {recursive: true})
      fs.writeFileSync(path.join(outDir, article.output), '%PDF-1.7')
    }
    records.set(article.output, {output: article.output, source: article.source, key: articleKey(article.inputs, 'fonts'), status: failed ? 'failed' : 'built', pages: 1, size: failed ? null : 8, extras: [], diagnostics: []})
  }
}

describe('planArchive', () => {
  test('everything is stale without a manifest, with outputs mirrored', () => {
    const plan = planArchive(context(new Map()))
    expect(plan.stale.map((article) => [article.source, article.output])).toEqual([
      ['2023/a.md', '2023/a.pdf'],
      ['2023/b.md', '2023/b.pdf'],
      ['c.md', 'c.pdf']
    ])
    expect(plan.settled).toEqual([])
  })

  test('an unchanged archive is all settled: PDFs skipped, known failures kept', () => {
    const records = new Map<string, ManifestRecord>()
    buildAll(records)
    const plan = planArchive(context(records))
    expect(plan.stale).toEqual([])
    expect(plan.settled.map((entry) => [path.basename(entry.source), entry.status, entry.cached ?? false])).toEqual([
      ['a.md', 'skipped', false],
      ['b.md', 'skipped', false],
      ['c.md', 'failed', true]
    ])
  })

  test('a changed article, a missing or altered PDF, new fonts, a new engine or --force make articles stale', () => {
    const records = new Map<string, ManifestRecord>()
    buildAll(records)
    write('2023/a.md', '---\ntitle: 甲\n---\n正文改了')
    expect(planArchive(context(records)).stale.map((article) => article.source)).toEqual(['2023/a.md'])
    buildAll(records)
    fs.rmSync(path.join(outDir, '2023/b.pdf'))
    expect(planArchive(context(records)).stale.map((article) => article.source)).toEqual(['2023/b.md'])
    buildAll(records)
    fs.appendFileSync(path.join(outDir, '2023/a.pdf'), 'junk')
    expect(planArchive(context(records)).stale.map((article) => article.source)).toEqual(['2023/a.md'])
    buildAll(records)
    expect(planArchive(context(records, {fontHash: 'other fonts'})).stale).toHaveLength(3)
    expect(planArchive(context(records, {engine: 'paiban@1.0.1'})).stale).toHaveLength(3)
    expect(planArchive(context(records, {force: true})).stale).toHaveLength(3)
    const {fontHash: _unknown, ...withoutFonts} = context(records)
    expect(planArchive(withoutFonts).stale).toHaveLength(3)
  })

  test('the key follows the template an article is set with: its own (front matter) or the override', () => {
    const records = new Map<string, ManifestRecord>()
    buildAll(records, {template: 'a4'})
    expect(planArchive(context(records, {template: 'a4'})).stale).toEqual([])
    // Without the override, b.md still asks for a4 itself; a.md and c.md go back to newspaper.
    expect(planArchive(context(records)).stale.map((article) => article.source)).toEqual(['2023/a.md', 'c.md'])
  })

  test('records whose article is gone are vanished; clashing output names fail', () => {
    const records = new Map<string, ManifestRecord>()
    buildAll(records)
    write('2023/a.MD', 'same output name')
    const plan = planArchive(context(records, {articles: [path.join(dir, '2023/a.MD'), path.join(dir, '2023/a.md'), path.join(dir, 'c.md')]}))
    expect(plan.vanished.map((record) => record.source)).toEqual(['2023/b.md'])
    const clash = plan.settled.find((entry) => entry.diagnostics[0]?.ruleId === 'output-clash')
    expect(clash?.source).toBe(path.join(dir, '2023/a.md'))
    expect(clash?.status).toBe('failed')
  })
})
