import fs from 'node:fs'
import {writeTemporary} from './write-atomic.js'

/** A file written under a temporary name, waiting to be made durable and renamed over `target`. */
export interface StagedFile {
  temporary: string
  target: string
}

/**
 * The first half of `writeAtomic`, for a thread that must not wait on the
 * disk: write `bytes` to a temporary file next to `target`, without fsync,
 * and say where. `commitStaged` (elsewhere, later) makes it durable and
 * renames it into place; until then `target` is untouched, and a killed run
 * leaves only the temporary file, which the next run removes.
 */
export function writeStaged(target: string, bytes: Uint8Array): StagedFile {
  return {temporary: writeTemporary(target, bytes, false), target}
}

/**
 * The second half: fsync each staged file, then rename it over its target,
 * in order, through libuv's thread pool (the calling thread waits on no
 * disk). As with `writeAtomic`, a target only ever holds a whole file that
 * is on the disk. On the first failure the temporary files not yet renamed
 * are removed and a `CommitError` naming its target is thrown; files
 * renamed before it stay.
 */
export async function commitStaged(files: readonly StagedFile[]): Promise<void> {
  let next = 0
  try {
    for (; next < files.length; next++) {
      const {temporary, target} = files[next]!
      const handle = await fs.promises.open(temporary, 'r')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.promises.rename(temporary, target)
    }
  } catch (error) {
    for (const {temporary} of files.slice(next)) fs.rmSync(temporary, {force: true})
    throw new CommitError(files[next]!.target, error as NodeJS.ErrnoException)
  }
}

/** A staged file that could not be committed: its target, and why (`code`, as `ENOSPC`, when the system gave one). */
export class CommitError extends Error {
  readonly code: string | undefined
  constructor(
    readonly target: string,
    cause: NodeJS.ErrnoException
  ) {
    super(`Cannot write ${target}: ${cause.code ?? cause.message}`, {cause})
    this.code = cause.code
  }
}
