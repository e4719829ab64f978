import fs from 'node:fs'

let cached: string | undefined

/**
 * Read paiban's version from its package.json (one folder above `src/` and
 * `dist/` alike). Part of every output's dependency hash: a new release
 * rebuilds the archive.
 */
export function paibanVersion(): string {
  cached ??= (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
  return cached
}
