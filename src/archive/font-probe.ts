import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import {isFontFileName, type FontSource} from '../shape/font-sources.js'
import {fileStamp} from '../memo/file-stamp.js'

/**
 * Fingerprint the font files of a build without parsing them: the fonts
 * folder's font files and the files the last font book was made of (name,
 * size, mtime). While it matches the fingerprint stored with a
 * `FontBook.hash`, that hash still holds, so a no-op run needs no fonts.
 * It cannot see a system fallback font installed since (see the report).
 */
export function fontProbe(fontsDir: string | undefined, sources: readonly FontSource[]): string {
  const hash = crypto.createHash('sha256').update(`fonts:${fontsDir ? path.resolve(fontsDir) : ''}\0`)
  const names = fontsDir && fs.existsSync(fontsDir) ? fs.readdirSync(fontsDir).filter(isFontFileName).sort() : []
  for (const name of names) hash.update(`dir:${name}:${stamp(path.join(fontsDir!, name))}\0`)
  for (const source of sources) hash.update(`src:${source.key}:${source.file}:${stamp(source.file)}\0`)
  return hash.digest('hex')
}

function stamp(file: string): string {
  return fileStamp(file)?.text ?? 'missing'
}
