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
 * The calls are synchronous: a caller with nothing else to do (`paiban
 * build`, one article after another) saves the trips through libuv's thread
 * pool. A caller with other work uses `writeAtomicAsync`.
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  fs.mkdirSync(path.dirname(target), {recursive: true})
  const temporary = temporaryFor(target)
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

/**
 * `writeAtomic` with asynchronous calls, for a thread that has other work
 * while the disk syncs: an archive worker sets its next article meanwhile,
 * so no core waits on `fsync`.
 */
export async function writeAtomicAsync(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = temporaryFor(target)
  // The folder is made only when missing: most writes go where others went before.
  const handle = await fs.promises.open(temporary, 'w').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
    await fs.promises.mkdir(path.dirname(target), {recursive: true})
    return fs.promises.open(temporary, 'w')
  })
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.promises.rename(temporary, target)
  } catch (error) {
    await fs.promises.rm(temporary, {force: true})
    throw error
  }
}
