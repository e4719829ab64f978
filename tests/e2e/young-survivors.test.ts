import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compiledPackage, ROOT as root} from '../helpers/compiled-package.js'

/**
 * What writing a PDF leaves behind for V8's young-generation collector.
 * A closure made for one document and stored on pdfkit's objects (a hook
 * such as `_write` or a stream's `finalize`) kept the whole document alive
 * through every scavenge until the next full collection: some 70 KB a
 * document of the flagship's pages copied and promoted, and in an archive
 * rebuild about a tenth of a worker's time. This writes the same laid-out
 * document again and again in a child node (`--expose-gc`, young generation
 * fixed at 16 MB so that no scavenge falls inside a document) and measures
 * what survives a scavenge run just after each one.
 */
let work: string
let pkg: string

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-young-'))
  pkg = compiledPackage(work, ['dist', 'templates', 'package.json'])
})

afterAll(() => {
  if (work) fs.rmSync(work, {recursive: true, force: true})
})

const SCRIPT = `
import fs from 'node:fs'
import v8 from 'node:v8'
import {VFile} from 'vfile'
const pkg = process.argv[2], input = process.argv[3]
const {parseMarkdown} = await import(pkg + '/dist/parse/parse-markdown.js')
const {toArticle} = await import(pkg + '/dist/article/to-article.js')
const {layoutArticle} = await import(pkg + '/dist/build/render-article.js')
const {loadTemplate} = await import(pkg + '/dist/config/template.js')
const {renderPdf} = await import(pkg + '/dist/render/pdf/render-pdf.js')
const {openFontBook} = await import(pkg + '/dist/shape/font-book.js')
const {createBuildMemo} = await import(pkg + '/dist/build/build-memo.js')
const source = fs.readFileSync(input, 'utf8')
const file = new VFile({path: input, value: source})
const article = toArticle(parseMarkdown(source), file, {normalizePunctuation: true})
const document = await layoutArticle(article, loadTemplate('newspaper'), file, {}, pkg)
const book = openFontBook({})
const programs = createBuildMemo().fontPrograms(book)
const write = () => renderPdf(document, book, {compress: true, fontPrograms: programs})
const newSpaceUsed = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_used_size
for (let i = 0; i < 30; i++) await write()
const survivors = []
for (let i = 0; i < 12; i++) {
  gc({type: 'minor'})
  gc({type: 'minor'})
  const before = newSpaceUsed()
  await write()
  await new Promise((resolve) => setTimeout(resolve, 1))
  gc({type: 'minor'})
  survivors.push(newSpaceUsed() - before)
}
survivors.sort((a, b) => a - b)
process.stdout.write(JSON.stringify({median: survivors[survivors.length >> 1], survivors}))
`

describe('writing a PDF', () => {
  it('leaves nothing of the document for a scavenge after it to copy', () => {
    // Inside the package, so that its dependencies resolve.
    const script = path.join(pkg, 'survivors.mjs')
    fs.writeFileSync(script, SCRIPT)
    const child = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=16', '--max-semi-space-size=16', script, pkg, path.join(root, 'content/xingguo-police-interview.md')], {cwd: pkg, encoding: 'utf8'})
    expect(child.stderr).toBe('')
    const {median, survivors} = JSON.parse(child.stdout) as {median: number; survivors: number[]}
    // Before: some 70,000 bytes a document. What is left is a few objects of the render's own bookkeeping.
    expect(median, `bytes surviving a scavenge after each document: ${survivors.join(', ')}`).toBeLessThan(16_000)
  })
})
