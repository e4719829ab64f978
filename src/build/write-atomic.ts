import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Write bytes to `target` atomically: a temporary file in the same folder,
 * fsync, then rename over the target. A crash leaves either the old file or
 * the new one, never a half-written PDF.
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(target), {recursive: true})
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
  const handle = await fs.open(temporary, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temporary, target)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}
