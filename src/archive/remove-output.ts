import fs from 'node:fs'
import path from 'node:path'

/**
 * Delete `outDir/relative` and the folders below `outDir` it leaves empty.
 * Refuses paths outside `outDir`. Returns whether the file was there.
 */
export function removeOutput(outDir: string, relative: string): boolean {
  const root = path.resolve(outDir)
  const file = path.resolve(root, relative)
  if (!file.startsWith(root + path.sep)) return false
  const existed = fs.existsSync(file)
  fs.rmSync(file, {force: true})
  for (let folder = path.dirname(file); folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
    try {
      fs.rmdirSync(folder)
    } catch {
      break
    }
  }
  return existed
}
