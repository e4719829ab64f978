import fs from 'node:fs'
import path from 'node:path'

/**
 * Write bytes to `target` atomically: a temporary file in the same folder,
 * fsync, then rename over the target. A crash leaves either the old file or
 * the new one, never a half-written PDF.
 *
 * The calls are synchronous on purpose: each asynchronous file call is a trip
 * through libuv's small thread pool, which archive worker threads share, and
 * those trips (not the disk) cost a build several milliseconds. The promise
 * keeps callers free to change that.
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  fs.mkdirSync(path.dirname(target), {recursive: true})
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
  const handle = fs.openSync(temporary, 'w')
  try {
    fs.writeFileSync(handle, bytes)
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
  try {
    fs.renameSync(temporary, target)
  } catch (error) {
    fs.rmSync(temporary, {force: true})
    throw error
  }
}
