import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The compiled package's `dist/`, whether this module runs compiled or from `src/` (vitest). */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

/** The compiled archive worker in `dist`, one module per source file (`tsc`). */
export function workerModule(dist = DIST): string {
  return path.join(dist, 'archive', 'archive-worker.js')
}

/**
 * The same worker bundled into one file with the Markdown parser it imports
 * (`scripts/compile.mjs`, after `tsc`). A worker thread loads it in about
 * 170 ms instead of 270 (Node resolves and links some 300 modules
 * otherwise), and its code, hoisted into one scope, runs a few per cent
 * faster: 3 % less wall time over 1,000 seed copies (22 interleaved runs).
 */
export function workerBundle(dist = DIST): string {
  return path.join(dist, 'archive', 'archive-worker.bundle.js')
}

/** The bundle's first line names the compiled files it was made from. */
const STAMP = '// paiban worker bundle of dist '

/**
 * A hash of every compiled module in `dist` but the bundle: what the bundle
 * is made from. A bundle stamped with another hash is stale (`tsc` ran
 * again since) and is not used. About 120 files: a few ms.
 */
export function distHash(dist = DIST): string {
  const hash = crypto.createHash('sha256')
  const bundle = path.relative(dist, workerBundle(dist))
  const files = (fs.readdirSync(dist, {recursive: true}) as string[]).filter((name) => name.endsWith('.js') && name !== bundle).sort()
  for (const name of files) hash.update(`${name.split(path.sep).join('/')}\0`).update(fs.readFileSync(path.join(dist, name))).update('\0')
  return hash.digest('hex')
}

/** The first line of a bundle made from `dist` as it is now. */
export function bundleStamp(dist = DIST): string {
  return `${STAMP}${distHash(dist)}`
}

/**
 * The file a worker thread loads: the bundle when it was made from the
 * compiled modules now in `dist`, else the modules themselves (a bundle
 * missing, or stale after a `tsc` alone). Both run the same code.
 */
export function workerFile(dist = DIST): string {
  let first: string
  try {
    const handle = fs.openSync(workerBundle(dist), 'r')
    try {
      const buffer = Buffer.alloc(STAMP.length + 64)
      first = buffer.toString('utf8', 0, fs.readSync(handle, buffer, 0, buffer.length, 0))
    } finally {
      fs.closeSync(handle)
    }
  } catch {
    return workerModule(dist)
  }
  return first.startsWith(STAMP) && first === bundleStamp(dist) ? workerBundle(dist) : workerModule(dist)
}
