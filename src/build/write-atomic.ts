import fs from 'node:fs'
import path from 'node:path'

/** A temporary name next to `target`, unique to this process and call (`.name.pdf.<pid>.<random>.tmp`). */
function temporaryFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
}

/**
 * Write bytes to `target` atomically: a temporary file in the same folder,
 * fsync, then rename over the target. A crash leaves either the old file or
 * the new one, never a half-written PDF.
 *
 * The calls are synchronous: cheaper than five trips through libuv's
 * thread pool. (The archive workers split this in two instead, so they
 * never wait on the disk: `write-staged.ts`.)
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = writeTemporary(target, bytes, true)
  try {
    fs.renameSync(temporary, target)
  } catch (error) {
    fs.rmSync(temporary, {force: true})
    throw error
  }
}

/**
 * Write `bytes` to a new temporary file next to `target` (fsynced when
 * `durable`) and return its name: `writeAtomic`'s first half, and all of
 * `writeStaged`.
 */
export function writeTemporary(target: string, bytes: Uint8Array, durable: boolean): string {
  const temporary = temporaryFor(target)
  const handle = openCreating(temporary)
  try {
    fs.writeFileSync(handle, bytes)
    if (durable) fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
  return temporary
}

/** Open `file` for writing, making its folder only when it is missing: most writes go where others went before. */
function openCreating(file: string): number {
  try {
    return fs.openSync(file, 'w')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    fs.mkdirSync(path.dirname(file), {recursive: true})
    return fs.openSync(file, 'w')
  }
}
