import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {paibanVersion} from './paiban-version.js'

/** The package root, one folder above `src/` and `dist/` alike. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** Compiled folders that never change a PDF's bytes. */
const NOT_ENGINE = new Set(['cli', 'archive'])

let cached: string | undefined

/**
 * Identify the code that makes the PDFs: paiban's version, the compiled
 * engine in `dist/` (what the workers run) and the lock file (pdfkit,
 * fontkit, sharp versions). A release bumps the version; between releases a
 * recompiled engine still makes the archive stale, so a developer never
 * keeps PDFs from older code. About 80 small files: a few ms.
 */
export function engineHash(): string {
  if (cached) return cached
  const hash = crypto.createHash('sha256').update(`paiban@${paibanVersion()}\0`)
  const dist = path.join(ROOT, 'dist')
  const files = fs.existsSync(dist) ? (fs.readdirSync(dist, {recursive: true}) as string[]).filter((name) => name.endsWith('.js') && !NOT_ENGINE.has(name.split(path.sep)[0]!)).sort() : []
  for (const name of files) hash.update(`${name.split(path.sep).join('/')}\0`).update(fs.readFileSync(path.join(dist, name))).update('\0')
  const lock = path.join(ROOT, 'package-lock.json')
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock))
  cached = hash.digest('hex')
  return cached
}
