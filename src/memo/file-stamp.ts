import fs from 'node:fs'

/**
 * A file's size and modification time as `size:mtime` (ms, rounded): what
 * caches, the font probe and shared font files compare to tell a changed
 * file without reading it.
 */
export function statStamp(stat: fs.Stats): string {
  return `${stat.size}:${Math.round(stat.mtimeMs)}`
}

/** `statStamp` of a file, with its size; undefined when the file cannot be stat'ed. */
export function fileStamp(file: string): {text: string; size: number} | undefined {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return undefined
  }
  return {text: statStamp(stat), size: stat.size}
}
