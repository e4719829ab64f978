import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {createRequire} from 'node:module'
import {spawnSync} from 'node:child_process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {rebuildArchive, ArchiveError} from '../../src/archive/rebuild-archive.js'
import type {ArchiveReport} from '../../src/archive/archive-report.js'
import {compiledPackage} from '../helpers/compiled-package.js'

/**
 * `paiban archive` end to end: the real CLI (compiled dist/, worker threads)
 * on a small nested archive with one broken article. The tests run in order
 * and each starts from the state the previous one left. The last test runs
 * the API from src, whose pool still loads the compiled worker in dist/.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(import.meta.url)
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0

let work: string
let archive: string
let out: string

const ARTICLES = {
  '2023/04/xingguo-police-interview.md': 'xingguo-police-interview.md',
  '2019/holiday-schedule-2019.md': 'holiday-schedule-2019.md',
  '2019/12/luxun-leifeng-pagoda.md': 'luxun-leifeng-pagoda.md',
  'npc-suggestion-7240-reply.md': 'npc-suggestion-7240-reply.md'
}

let pkg: string

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-e2e-archive-'))
  // The CLI and the pool's worker run compiled code: a snapshot of the package, compiled from the current src.
  pkg = compiledPackage(work)
  archive = path.join(work, 'archive')
  out = path.join(work, 'out')
  for (const [target, sample] of Object.entries(ARTICLES)) {
    fs.mkdirSync(path.dirname(path.join(archive, target)), {recursive: true})
    fs.copyFileSync(path.join(root, 'content', sample), path.join(archive, target))
  }
  fs.mkdirSync(path.join(archive, '2020'))
  fs.writeFileSync(path.join(archive, '2020', 'broken.md'), '')
})

afterAll(() => {
  if (work) fs.rmSync(work, {recursive: true, force: true})
})

/** Run `paiban archive` in a child process; its exit code, output and JSON report. */
function archiveCli(outDir: string, ...extra: string[]): {status: number | null; stdout: string; stderr: string; report: ArchiveReport} {
  const child = spawnSync(process.execPath, [path.join(pkg, 'bin/paiban.js'), 'archive', archive, '--out', outDir, '--jobs', '2', ...extra], {cwd: root, encoding: 'utf8'})
  const reportFile = path.join(outDir, 'paiban-report.json')
  const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ArchiveReport) : ({} as ArchiveReport)
  return {status: child.status, stdout: child.stdout, stderr: child.stderr, report}
}

const pdf = (outDir: string, relative: string): string => path.join(outDir, relative)
const entry = (report: ArchiveReport, source: string) => report.articles.find((article) => article.source === path.join(archive, source))
const statuses = (report: ArchiveReport) => Object.fromEntries(report.articles.map((article) => [path.relative(archive, article.source), article.status]))
const allPdfs = (dir: string): string[] => (fs.readdirSync(dir, {recursive: true}) as string[]).filter((name) => name.endsWith('.pdf')).sort()

describe('paiban archive', () => {
  test('a cold run builds every good article mirrored, records the broken one, and exits 1', () => {
    const {status, stderr, report} = archiveCli(out)
    expect(status).toBe(1)
    expect(report.summary).toMatchObject({articles: 5, built: 4, skipped: 0, removed: 0, failed: 1})
    expect(allPdfs(out)).toEqual(['2019/12/luxun-leifeng-pagoda.pdf', '2019/holiday-schedule-2019.pdf', '2023/04/xingguo-police-interview.pdf', 'npc-suggestion-7240-reply.pdf'].map((name) => name.split('/').join(path.sep)))
    for (const name of allPdfs(out)) {
      const bytes = fs.readFileSync(pdf(out, name))
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
      expect(bytes.subarray(-6).toString()).toContain('%%EOF')
      if (hasQpdf) expect(spawnSync('qpdf', ['--check', pdf(out, name)]).status).toBe(0)
    }
    // The report lists every article with status, pages, output and diagnostics.
    expect(report.articles).toHaveLength(5)
    for (const article of report.articles) expect(Object.keys(article)).toEqual(expect.arrayContaining(['source', 'output', 'status', 'pages', 'diagnostics']))
    expect(entry(report, '2023/04/xingguo-police-interview.md')).toMatchObject({status: 'built', pages: 1, output: pdf(out, '2023/04/xingguo-police-interview.pdf')})
    const broken = entry(report, '2020/broken.md')!
    expect(broken).toMatchObject({status: 'failed', pages: 0})
    expect(broken.diagnostics).toEqual([{file: path.join(archive, '2020/broken.md'), line: 1, column: 1, severity: 'error', ruleId: 'empty-file', message: expect.stringContaining('empty')}])
    expect(report.memory.workers.length).toBe(2)
    expect(stderr).toContain('empty-file')
  })

  test('a second run skips everything without starting a worker', () => {
    const before = fs.statSync(pdf(out, '2023/04/xingguo-police-interview.pdf')).mtimeMs
    const {status, stdout, report} = archiveCli(out)
    expect(status).toBe(1)
    expect(report.summary).toMatchObject({built: 0, skipped: 4, failed: 1})
    expect(entry(report, '2020/broken.md')).toMatchObject({status: 'failed', cached: true})
    expect(report.memory.workers).toEqual([])
    expect(report.timings.buildMs).toBe(0)
    expect(fs.statSync(pdf(out, '2023/04/xingguo-police-interview.pdf')).mtimeMs).toBe(before)
    expect(stdout).toMatch(/built 0, skipped 4, removed 0, failed 1/)
  })

  test('editing one article rebuilds only it', () => {
    fs.appendFileSync(path.join(archive, '2019/12/luxun-leifeng-pagoda.md'), '\n\n（补记一段。）\n')
    const {report} = archiveCli(out)
    expect(statuses(report)).toEqual({
      '2019/12/luxun-leifeng-pagoda.md': 'built',
      '2019/holiday-schedule-2019.md': 'skipped',
      '2020/broken.md': 'failed',
      '2023/04/xingguo-police-interview.md': 'skipped',
      'npc-suggestion-7240-reply.md': 'skipped'
    })
  })

  test('touching one article (its time, not its text) rebuilds only it, as make would', () => {
    const file = path.join(archive, '2019/holiday-schedule-2019.md')
    const bytes = fs.readFileSync(file)
    const later = new Date(fs.statSync(file).mtimeMs + 60_000)
    fs.utimesSync(file, later, later)
    const {report} = archiveCli(out)
    expect(fs.readFileSync(file)).toEqual(bytes)
    expect(statuses(report)).toEqual({
      '2019/12/luxun-leifeng-pagoda.md': 'skipped',
      '2019/holiday-schedule-2019.md': 'built',
      '2020/broken.md': 'failed',
      '2023/04/xingguo-police-interview.md': 'skipped',
      'npc-suggestion-7240-reply.md': 'skipped'
    })
    expect(entry(report, '2020/broken.md')).toMatchObject({cached: true})
  })

  test('a deleted PDF, a lost manifest row and a leftover temporary file are repaired', () => {
    fs.rmSync(pdf(out, '2019/holiday-schedule-2019.pdf'))
    const Database = require('better-sqlite3') as new (file: string) => {prepare(sql: string): {run(...values: unknown[]): unknown}; close(): void}
    const db = new Database(path.join(out, '.paiban-manifest.sqlite'))
    db.prepare('DELETE FROM outputs WHERE output = ?').run('npc-suggestion-7240-reply.pdf')
    db.close()
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    const leftover = path.join(out, '2023', `.xingguo-police-interview.pdf.${dead}.a1b2.tmp`)
    fs.writeFileSync(leftover, '%PDF-1.7 half written')
    const {report} = archiveCli(out)
    expect(report.summary).toMatchObject({built: 2, skipped: 2, failed: 1})
    expect(entry(report, '2019/holiday-schedule-2019.md')?.status).toBe('built')
    expect(entry(report, 'npc-suggestion-7240-reply.md')?.status).toBe('built')
    expect(report.cleaned).toEqual([leftover])
    expect(fs.existsSync(leftover)).toBe(false)
  })

  test('deleting an article removes its PDF (and the folder it leaves empty)', () => {
    fs.rmSync(path.join(archive, '2019/12/luxun-leifeng-pagoda.md'))
    const {stderr, report} = archiveCli(out)
    expect(report.summary).toMatchObject({articles: 4, built: 0, skipped: 3, removed: 1, failed: 1})
    expect(entry(report, '2019/12/luxun-leifeng-pagoda.md')).toMatchObject({status: 'removed', output: pdf(out, '2019/12/luxun-leifeng-pagoda.pdf')})
    expect(fs.existsSync(pdf(out, '2019/12'))).toBe(false)
    expect(stderr).toContain('removed')
  })

  test('two clean runs give byte-identical PDFs', () => {
    const first = path.join(work, 'clean-1')
    const second = path.join(work, 'clean-2')
    archiveCli(first)
    archiveCli(second)
    const names = allPdfs(first)
    expect(names).toHaveLength(3)
    expect(allPdfs(second)).toEqual(names)
    for (const name of names) {
      expect(fs.readFileSync(pdf(second, name)).equals(fs.readFileSync(pdf(first, name)))).toBe(true)
      // And the incremental output folder holds the same bytes.
      expect(fs.readFileSync(pdf(out, name)).equals(fs.readFileSync(pdf(first, name)))).toBe(true)
    }
  })

  test('the workers run the bundled worker, which makes the same bytes as `paiban build` from the modules', async () => {
    const {workerFile, workerBundle} = (await import(pathToFileURL(path.join(pkg, 'dist/archive/worker-bundle.js')).href)) as typeof import('../../src/archive/worker-bundle.js')
    expect(workerFile()).toBe(workerBundle())
    const single = path.join(work, 'single')
    const child = spawnSync(process.execPath, [path.join(pkg, 'bin/paiban.js'), 'build', path.join(archive, '2023/04/xingguo-police-interview.md'), '--out', single], {cwd: root, encoding: 'utf8'})
    expect(child.status).toBe(0)
    expect(fs.readFileSync(path.join(single, 'xingguo-police-interview.pdf')).equals(fs.readFileSync(pdf(out, '2023/04/xingguo-police-interview.pdf')))).toBe(true)
  })

  test('--handouts builds the handouts of each article beside its PDF; a run without removes them', () => {
    const withHandouts = path.join(work, 'handouts')
    const first = archiveCli(withHandouts, '--handouts')
    expect(first.report.summary).toMatchObject({articles: 4, built: 3, failed: 1})
    const interview = path.join('2023', '04', 'xingguo-police-interview')
    const handouts = allPdfs(path.join(withHandouts, interview))
    // One handout per `##` section of the interview, numbered in order.
    expect(handouts).toHaveLength(4)
    expect(handouts[0]).toMatch(/^01-.+\.pdf$/)
    for (const name of handouts) expect(fs.readFileSync(path.join(withHandouts, interview, name)).subarray(0, 5).toString()).toBe('%PDF-')
    // The article's own PDF is still the newspaper page, as without --handouts.
    expect(fs.readFileSync(pdf(withHandouts, `${interview}.pdf`)).equals(fs.readFileSync(pdf(out, `${interview}.pdf`)))).toBe(true)
    expect(archiveCli(withHandouts, '--handouts').report.summary).toMatchObject({built: 0, skipped: 3})
    // Without --handouts the articles are stale (other settings) and their handouts go.
    expect(archiveCli(withHandouts).report.summary).toMatchObject({built: 3})
    expect(fs.existsSync(path.join(withHandouts, interview))).toBe(false)
    expect(allPdfs(withHandouts)).toEqual(allPdfs(out))
  })

  test('usage errors exit 2', () => {
    expect(archiveCli(path.join(work, 'bad'), '--jobs', '0').status).toBe(2)
    const other = spawnSync(process.execPath, [path.join(pkg, 'bin/paiban.js'), 'archive', path.join(work, 'no-such-folder'), '--out', out], {cwd: root, encoding: 'utf8'})
    expect(other.status).toBe(2)
  })
})

describe('rebuildArchive (API, from src under vitest)', () => {
  test('runs on the compiled worker and reports progress', async () => {
    const dir = path.join(work, 'api')
    fs.mkdirSync(dir)
    fs.copyFileSync(path.join(root, 'content', 'npc-suggestion-7240-reply.md'), path.join(dir, 'a.md'))
    const progress: number[] = []
    // More jobs than articles: no thread is started for nothing (each holds some 150 MB).
    const result = await rebuildArchive(dir, {outDir: path.join(work, 'api-out'), jobs: 6, onProgress: (step) => progress.push(step.done)})
    expect(result.summary).toMatchObject({articles: 1, built: 1, failed: 0})
    expect(result.memory.threads).toBe(1)
    expect(progress).toEqual([1])
    await expect(rebuildArchive(path.join(dir, 'a.md'))).rejects.toBeInstanceOf(ArchiveError)
    // An output folder where a file stands is a problem with the request.
    await expect(rebuildArchive(dir, {outDir: path.join(dir, 'a.md')})).rejects.toThrow('output not a folder')
  })

  test('a PDF that cannot be written fails its article (retried next run), the others are built', async () => {
    const dir = path.join(work, 'api-write')
    const outDir = path.join(work, 'api-write-out')
    fs.mkdirSync(dir)
    for (const name of ['a', 'b']) fs.copyFileSync(path.join(root, 'content', 'npc-suggestion-7240-reply.md'), path.join(dir, `${name}.md`))
    // A folder where a.pdf must go: the rename into place fails, whoever runs the test.
    fs.mkdirSync(path.join(outDir, 'a.pdf'), {recursive: true})
    const result = await rebuildArchive(dir, {outDir, jobs: 1})
    const a = result.entries.find((entry) => entry.source.endsWith('a.md'))
    expect(a).toMatchObject({status: 'failed'})
    expect(a?.diagnostics).toEqual([expect.objectContaining({ruleId: 'write-failed', severity: 'error', file: path.join(dir, 'a.md')})])
    expect(result.entries.find((entry) => entry.source.endsWith('b.md'))?.status).toBe('built')
    expect(fs.readdirSync(outDir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    fs.rmSync(path.join(outDir, 'a.pdf'), {recursive: true})
    const again = await rebuildArchive(dir, {outDir, jobs: 1})
    expect(again.summary).toMatchObject({built: 1, skipped: 1, failed: 0})
  })
})
