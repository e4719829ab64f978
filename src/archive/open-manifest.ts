import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import type {Diagnostic} from './types.js'

/** What the manifest remembers about one output. */
export interface ManifestRecord {
  /** The PDF's path relative to the output folder, POSIX style (the key). */
  output: string
  /** The article's path relative to the archive folder, POSIX style. */
  source: string
  /** Hash of everything the output depends on. */
  key: string
  /** `built`: the PDF is in place. `failed`: the same inputs failed and will fail again. */
  status: 'built' | 'failed'
  pages: number
  /** Size of the PDF in bytes (null when failed): a cheap check that it is still ours. */
  size: number | null
  /** Further files made from the article (handouts), relative to the output folder. */
  extras: string[]
  diagnostics: Diagnostic[]
}

/** The incremental-build record of one output folder. */
export interface Manifest {
  readonly file: string
  /** Every record, by output path. */
  records(): Map<string, ManifestRecord>
  /** Record one output; call only once its PDF has been renamed into place. */
  put(record: ManifestRecord): void
  remove(output: string): void
  meta(name: string): string | undefined
  setMeta(name: string, value: string): void
  close(): void
}

/** A row as SQLite returns it: lists still JSON text. */
interface Row extends Omit<ManifestRecord, 'extras' | 'diagnostics'> {
  extras: string
  diagnostics: string
}

/** The part of better-sqlite3 we use (the package ships no types and we add no @types). */
interface Statement {
  run(...params: unknown[]): unknown
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}
interface Database {
  pragma(source: string): unknown
  exec(source: string): unknown
  prepare(source: string): Statement
  close(): unknown
}
type DatabaseConstructor = new (file: string) => Database

const require = createRequire(import.meta.url)

/** Bump when the table layout changes; an older manifest is then started afresh. */
const SCHEMA_VERSION = '1'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (
  output TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  key TEXT NOT NULL,
  status TEXT NOT NULL,
  pages INTEGER NOT NULL,
  size INTEGER,
  extras TEXT NOT NULL,
  diagnostics TEXT NOT NULL
);`

/**
 * Open (or create) the manifest at `file`: SQLite in WAL mode, one
 * autocommitted row per output, so a crash loses at most the rows of PDFs
 * that are then rebuilt. A file that is not a readable manifest is moved
 * aside (`*.corrupt`) and a new one started: the next run rebuilds everything.
 */
export function openManifest(file: string): Manifest {
  fs.mkdirSync(path.dirname(file), {recursive: true})
  let db: Database
  try {
    db = connect(file)
  } catch (error) {
    if (!isCorrupt(error)) throw error
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}.corrupt${suffix}`, {force: true})
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, `${file}.corrupt${suffix}`)
    db = connect(file)
  }
  const put = db.prepare('INSERT OR REPLACE INTO outputs (output, source, key, status, pages, size, extras, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const remove = db.prepare('DELETE FROM outputs WHERE output = ?')
  const getMeta = db.prepare('SELECT value FROM meta WHERE name = ?')
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)')
  return {
    file,
    records() {
      const rows = db.prepare('SELECT output, source, key, status, pages, size, extras, diagnostics FROM outputs').all() as Row[]
      return new Map(rows.map((row) => [row.output, {...row, extras: JSON.parse(row.extras) as string[], diagnostics: JSON.parse(row.diagnostics) as Diagnostic[]}]))
    },
    put(record) {
      put.run(record.output, record.source, record.key, record.status, record.pages, record.size, JSON.stringify(record.extras), JSON.stringify(record.diagnostics))
    },
    remove(output) {
      remove.run(output)
    },
    meta(name) {
      return (getMeta.get(name) as {value: string} | undefined)?.value
    },
    setMeta(name, value) {
      setMeta.run(name, value)
    },
    close() {
      db.close()
    }
  }
}

/** SQLite's answers for a file that is not a database or is damaged. */
function isCorrupt(error: unknown): boolean {
  const code = (error as {code?: unknown}).code
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
}

function connect(file: string): Database {
  const Database = require('better-sqlite3') as DatabaseConstructor
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    // WAL + NORMAL survives a killed process; a power cut may lose the last rows, which only costs rebuilds.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    db.exec(SCHEMA)
    const version = db.prepare("SELECT value FROM meta WHERE name = 'schema'").get() as {value: string} | undefined
    if (version && version.value !== SCHEMA_VERSION) db.exec('DELETE FROM outputs; DELETE FROM meta;')
    db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('schema', ?)").run(SCHEMA_VERSION)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
