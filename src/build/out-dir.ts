import fs from 'node:fs'
import path from 'node:path'

/**
 * Why `dir` cannot be an output folder, or `undefined` if it can: it, or the
 * nearest of its parents that exists, must be a folder (a file there fails
 * every write with ENOTDIR or EEXIST).
 */
export function outDirProblem(dir: string): string | undefined {
  const target = path.resolve(dir)
  for (let at = target; ; at = path.dirname(at)) {
    const stat = statOrNothing(at)
    if (stat) return stat.isDirectory() ? undefined : at === target ? `not a folder: ${dir}` : `not a folder: ${at} (in ${dir})`
    if (path.dirname(at) === at) return undefined
  }
}

/** The path's stat, or `undefined` where there is nothing (or a file stands in the way, ENOTDIR). */
function statOrNothing(at: string): fs.Stats | undefined {
  try {
    return fs.statSync(at, {throwIfNoEntry: false})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
}
