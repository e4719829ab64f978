import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import ts from 'typescript'
import {afterAll, beforeEach, describe, expect, test, vi} from 'vitest'
import {prefetchFontFiles, readFontFile, shareFontFiles, useSharedFontFiles} from '../../../src/shape/font-files.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-font-files-'))
const bytes = Uint8Array.from({length: 100_003}, (_, i) => (i * 7919) % 251)
let file = ''
let counter = 0

beforeEach(() => {
  file = path.join(dir, `face-${counter++}.ttf`)
  fs.writeFileSync(file, bytes)
  useSharedFontFiles(undefined)
})
afterAll(() => {
  useSharedFontFiles(undefined)
  fs.rmSync(dir, {recursive: true, force: true})
})

/** Write other bytes into `file` with a later time, as an edit would: its stamp no longer matches. */
function changeFile(file: string): Uint8Array {
  const changed = bytes.map((byte) => byte ^ 0xff)
  fs.writeFileSync(file, changed)
  const later = new Date(Date.now() + 60_000)
  fs.utimesSync(file, later, later)
  return changed
}

describe('readFontFile', () => {
  test('a shared file is read into its shared buffer once, and handed out from there', () => {
    const shared = shareFontFiles([file, file])
    expect(shared.files).toHaveLength(1)
    expect(new Int32Array(shared.states)[0]).toBe(0)
    useSharedFontFiles(shared)
    const first = readFontFile(file)
    expect(first.buffer).toBe(shared.files[0]!.bytes)
    expect(new Uint8Array(first)).toEqual(bytes)
    expect(new Int32Array(shared.states)[0]).toBe(2)
    expect(readFontFile(file).buffer).toBe(shared.files[0]!.bytes)
  })

  test('a file not shared is read privately', () => {
    useSharedFontFiles(shareFontFiles([]))
    const read = readFontFile(file)
    expect(read.buffer).not.toBeInstanceOf(SharedArrayBuffer)
    expect(new Uint8Array(read)).toEqual(bytes)
  })

  test('a file changed since it was shared is read privately, and its shared buffer left alone', () => {
    const shared = shareFontFiles([file])
    const changed = changeFile(file)
    useSharedFontFiles(shared)
    const read = readFontFile(file)
    expect(read.buffer).not.toBe(shared.files[0]!.bytes)
    expect(new Uint8Array(read)).toEqual(changed)
    expect(new Int32Array(shared.states)[0]).toBe(0)
  })

  test('a shared file removed since fails as a private read does', () => {
    const shared = shareFontFiles([file])
    fs.rmSync(file)
    useSharedFontFiles(shared)
    expect(() => readFontFile(file)).toThrow(/ENOENT/)
  })

  test('a file another thread never finished reading in is read privately after a wait', () => {
    const shared = shareFontFiles([file])
    // As if a thread claimed the file and died: the state stays "being read".
    Atomics.store(new Int32Array(shared.states), 0, 1)
    useSharedFontFiles(shared)
    vi.useFakeTimers({toFake: ['Date']})
    try {
      vi.setSystemTime(Date.now())
      const wait = vi.spyOn(Atomics, 'wait').mockImplementation(() => {
        vi.setSystemTime(Date.now() + 20_000)
        return 'timed-out'
      })
      const read = readFontFile(file)
      expect(wait).toHaveBeenCalledTimes(1)
      expect(read.buffer).not.toBe(shared.files[0]!.bytes)
      expect(new Uint8Array(read)).toEqual(bytes)
    } finally {
      vi.restoreAllMocks()
      vi.useRealTimers()
    }
  })

  test('threads asking at once share one copy', async () => {
    // Worker threads cannot load TypeScript: run the module (and what it imports) compiled to JavaScript.
    const out = path.join(dir, 'compiled')
    for (const module of ['shape/font-files', 'memo/file-stamp']) {
      const source = fs.readFileSync(new URL(`../../../src/${module}.ts`, import.meta.url), 'utf8')
      fs.mkdirSync(path.dirname(path.join(out, module)), {recursive: true})
      fs.writeFileSync(path.join(out, `${module}.js`), ts.transpileModule(source, {compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022}}).outputText)
    }
    fs.writeFileSync(path.join(out, 'package.json'), '{"type": "module"}')
    const compiled = path.join(out, 'shape/font-files.js')
    const shared = shareFontFiles([file])
    const go = new Int32Array(new SharedArrayBuffer(4))
    const script = `
      import {workerData, parentPort} from 'node:worker_threads'
      const {readFontFile, useSharedFontFiles} = await import(${JSON.stringify(new URL(`file://${compiled}`).href)})
      useSharedFontFiles(workerData.shared)
      Atomics.wait(workerData.go, 0, 0)
      const read = readFontFile(workerData.file)
      parentPort.postMessage({shared: read.buffer === workerData.shared.files[0].bytes, sum: read.reduce((a, b) => a + b, 0)})
    `
    const workers = [0, 1, 2].map(() => new Worker(new URL(`data:text/javascript,${encodeURIComponent(script)}`), {workerData: {shared, go, file}}))
    const results = workers.map((worker) => new Promise<{shared: boolean; sum: number}>((resolve, reject) => worker.once('message', resolve).once('error', reject)))
    // Let all three start reading together.
    await new Promise((resolve) => setTimeout(resolve, 200))
    Atomics.store(go, 0, 1)
    Atomics.notify(go, 0)
    const sum = bytes.reduce((a, b) => a + b, 0)
    expect(await Promise.all(results)).toEqual([0, 1, 2].map(() => ({shared: true, sum})))
    expect(new Uint8Array(shared.files[0]!.bytes)).toEqual(bytes)
    expect(new Int32Array(shared.states)[0]).toBe(2)
    await Promise.all(workers.map((worker) => worker.terminate()))
  })
})

describe('prefetchFontFiles', () => {
  test('reads the files given into their shared buffers ahead of any thread, in order, and skips the others', () => {
    const other = path.join(dir, `face-${counter++}.ttf`)
    fs.writeFileSync(other, bytes.map((byte) => byte ^ 0x55))
    const shared = shareFontFiles([file, other])
    prefetchFontFiles(shared, [file, path.join(dir, 'not-shared.ttf')])
    const states = new Int32Array(shared.states)
    expect([...states]).toEqual([2, 0])
    expect(new Uint8Array(shared.files[0]!.bytes)).toEqual(bytes)
    // A thread asking now gets the shared copy without reading the file again.
    useSharedFontFiles(shared)
    const read = vi.spyOn(fs, 'readSync')
    try {
      const first = readFontFile(file)
      expect(first.buffer).toBe(shared.files[0]!.bytes)
      expect(read).not.toHaveBeenCalled()
    } finally {
      read.mockRestore()
    }
  })

  test('leaves alone a file a thread has already taken', () => {
    const shared = shareFontFiles([file])
    useSharedFontFiles(shared)
    readFontFile(file)
    const open = vi.spyOn(fs, 'openSync')
    try {
      prefetchFontFiles(shared, [file])
      expect(open).not.toHaveBeenCalled()
    } finally {
      open.mockRestore()
    }
    expect(new Int32Array(shared.states)[0]).toBe(2)
  })

  test('marks a file changed since it was shared as failed, so each thread reads its own copy', () => {
    const shared = shareFontFiles([file])
    const changed = changeFile(file)
    prefetchFontFiles(shared, [file])
    expect(new Int32Array(shared.states)[0]).toBe(3)
    useSharedFontFiles(shared)
    expect(new Uint8Array(readFontFile(file))).toEqual(changed)
  })

  test('marks a file removed since as failed, and does not throw', () => {
    const shared = shareFontFiles([file])
    fs.rmSync(file)
    expect(() => prefetchFontFiles(shared, [file])).not.toThrow()
    expect(new Int32Array(shared.states)[0]).toBe(3)
  })
})
