import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {ARCHIVE_V8_FLAGS} from '../../src/cli/relaunch.js'

/**
 * `paiban archive` runs in a child node started with the V8 flags it wants
 * (src/cli/relaunch.ts). A `kill -9` of the process the user started must
 * take the child with it: no process left writing, no PDF half-written, and
 * the next run finishes what is missing.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const hasPgrep = spawnSync('pgrep', ['--version']).status === 0
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0
const COPIES = 40
let work: string
let archive: string
let out: string

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/compile.mjs')])
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-e2e-relaunch-'))
  archive = path.join(work, 'archive')
  out = path.join(work, 'out')
  const seed = fs.readFileSync(path.join(root, 'content', 'xingguo-police-interview.md'), 'utf8')
  fs.mkdirSync(archive)
  for (let i = 0; i < COPIES; i++) fs.writeFileSync(path.join(archive, `copy-${String(i).padStart(2, '0')}.md`), seed.replace(/^date:.*$/m, `date: 2020-01-${String((i % 28) + 1).padStart(2, '0')}`))
})

afterAll(() => {
  if (work) fs.rmSync(work, {recursive: true, force: true})
})

const pdfs = (): string[] => (fs.existsSync(out) ? fs.readdirSync(out).filter((name) => name.endsWith('.pdf')) : [])

test.skipIf(!hasPgrep)('kill -9 of the launching process stops the relaunched child; the rerun finishes the rest', async () => {
  const parent = spawn(process.execPath, [path.join(root, 'bin/paiban.js'), 'archive', archive, '--out', out, '--jobs', '2'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
  // Wait until the child has started building (its plan line), then kill the parent outright.
  await new Promise<void>((resolve, reject) => {
    let text = ''
    parent.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (/to build/.test(text)) resolve()
    })
    parent.on('exit', () => reject(new Error(`archive ended before it was killed: ${text}`)))
  })
  // The relaunched child carries the flag and this run's output folder on its command line.
  const running = (): boolean => spawnSync('pgrep', ['-f', `single-threaded-gc.*${out}`]).status === 0
  expect(running()).toBe(true)
  parent.kill('SIGKILL')
  await new Promise((resolve) => setTimeout(resolve, 1500))
  expect(running()).toBe(false)
  const written = pdfs()
  expect(written.length).toBeLessThan(COPIES)
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(pdfs()).toEqual(written)
  if (hasQpdf) for (const name of written) expect(spawnSync('qpdf', ['--check', path.join(out, name)]).status).toBe(0)
  const rerun = spawnSync(process.execPath, [path.join(root, 'bin/paiban.js'), 'archive', archive, '--out', out, '--jobs', '2'], {cwd: root, encoding: 'utf8'})
  expect(rerun.status).toBe(0)
  expect(pdfs().length).toBe(COPIES)
  expect(rerun.stderr).toMatch(new RegExp(`${COPIES - written.length} to build`))
}, 60_000)

test('PAIBAN_RELAUNCH=0 runs the archive in the process started', () => {
  const quiet = path.join(work, 'out-in-process')
  const child = spawnSync(process.execPath, [path.join(root, 'bin/paiban.js'), 'archive', archive, '--out', quiet, '--jobs', '1'], {cwd: root, encoding: 'utf8', env: {...process.env, PAIBAN_RELAUNCH: '0'}})
  expect(child.status).toBe(0)
  expect(fs.readdirSync(quiet).filter((name) => name.endsWith('.pdf')).length).toBe(COPIES)
}, 120_000)

test("the launcher's #! line gives node the archive's V8 flags", () => {
  const shebang = fs.readFileSync(path.join(root, 'bin/paiban.js'), 'utf8').split('\n')[0]!
  expect(shebang).toBe(`#!/usr/bin/env -S node ${ARCHIVE_V8_FLAGS.join(' ')}`)
})

test.skipIf(!hasPgrep)('run as an executable (as npx and npm do), the archive runs in the process started, with the flags', async () => {
  const direct = path.join(work, 'out-direct')
  const launched = spawn(path.join(root, 'bin/paiban.js'), ['archive', archive, '--out', direct, '--jobs', '2'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
  let text = ''
  await new Promise<void>((resolve, reject) => {
    launched.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (/to build/.test(text)) resolve()
    })
    launched.on('exit', () => reject(new Error(`archive ended before it was looked at: ${text}`)))
  })
  // One process carries the flag and this run's output folder: the one started, not a child of it.
  const found = spawnSync('pgrep', ['-f', `single-threaded-gc.*${direct}`], {encoding: 'utf8'}).stdout.trim().split('\n')
  expect(found).toEqual([String(launched.pid)])
  const code = await new Promise<number | null>((resolve) => launched.on('exit', resolve))
  expect(code).toBe(0)
  expect(fs.readdirSync(direct).filter((name) => name.endsWith('.pdf')).length).toBe(COPIES)
}, 120_000)
