/**
 * The pool loads the bundled worker only when it was made from the compiled
 * modules now in dist/: a missing, stale or foreign bundle falls back to the
 * modules, so a `tsc` alone never leaves workers running older code.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {bundleStamp, workerBundle, workerFile, workerModule} from '../../../src/archive/worker-bundle.js'

/** A small dist/ with a worker module, a module it imports, and optionally a bundle stamped for it. */
function fakeDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-dist-'))
  fs.mkdirSync(path.join(dist, 'archive'))
  fs.mkdirSync(path.join(dist, 'text'))
  fs.writeFileSync(workerModule(dist), "import '../text/segment.js'\n")
  fs.writeFileSync(path.join(dist, 'text', 'segment.js'), 'export const a = 1\n')
  return dist
}

describe('workerFile', () => {
  test('the bundle, when its stamp names the compiled modules as they are', () => {
    const dist = fakeDist()
    fs.writeFileSync(workerBundle(dist), `${bundleStamp(dist)}\nconsole.log(1)\n`)
    expect(workerFile(dist)).toBe(workerBundle(dist))
    // The bundle itself is not part of what it was made from.
    fs.appendFileSync(workerBundle(dist), '// more\n')
    expect(workerFile(dist)).toBe(workerBundle(dist))
  })

  test('the modules, when a module changed since (tsc ran alone), when a module was added, or when there is no bundle', () => {
    const dist = fakeDist()
    expect(workerFile(dist)).toBe(workerModule(dist))
    fs.writeFileSync(workerBundle(dist), `${bundleStamp(dist)}\n`)
    fs.writeFileSync(path.join(dist, 'text', 'segment.js'), 'export const a = 2\n')
    expect(workerFile(dist)).toBe(workerModule(dist))
    fs.writeFileSync(workerBundle(dist), `${bundleStamp(dist)}\n`)
    expect(workerFile(dist)).toBe(workerBundle(dist))
    fs.writeFileSync(path.join(dist, 'text', 'new.js'), '\n')
    expect(workerFile(dist)).toBe(workerModule(dist))
  })

  test('the modules, when the bundle has no stamp or a truncated one', () => {
    const dist = fakeDist()
    fs.writeFileSync(workerBundle(dist), 'console.log(1)\n')
    expect(workerFile(dist)).toBe(workerModule(dist))
    fs.writeFileSync(workerBundle(dist), bundleStamp(dist).slice(0, -3))
    expect(workerFile(dist)).toBe(workerModule(dist))
  })
})
