import fs from 'node:fs'
import {fileStamp} from '../memo/file-stamp.js'

/**
 * Font files that the threads of one process read once and share, instead of
 * each worker holding its own copy (a CJK face is some 15 MB, and an article
 * uses three or four faces): `shareFontFiles` sizes one `SharedArrayBuffer`
 * per file in the thread that starts the workers, and hands the table to
 * them; `useSharedFontFiles` registers it in a worker; `readFontFile` fills a
 * file's buffer on its first use in any thread, while the others wait for it,
 * unless `prefetchFontFiles` read it in ahead of them.
 *
 * A buffer's pages are touched only when the file is read in, so a face that
 * is not prefetched and that no article uses costs no memory. Each file
 * carries the size and time it had when shared: a file changed since is read
 * privately, as without sharing.
 */
export interface SharedFontFiles {
  files: readonly SharedFontFile[]
  /** One Int32 state per file: unread, being read, ready or failed. */
  states: SharedArrayBuffer
}

/** One shared font file: its path, `size:mtime` stamp and the buffer its bytes go into. */
export interface SharedFontFile {
  file: string
  stamp: string
  bytes: SharedArrayBuffer
}

/** A shared file's state (`SharedFontFiles.states`). */
const UNREAD = 0
const READING = 1
const READY = 2
const FAILED = 3

/** Size the shared buffers for `files` (unreadable files are left out: each thread reports them itself). */
export function shareFontFiles(files: Iterable<string>): SharedFontFiles {
  const shared: SharedFontFile[] = []
  for (const file of new Set(files)) {
    const stamp = fileStamp(file)
    if (stamp) shared.push({file, stamp: stamp.text, bytes: new SharedArrayBuffer(stamp.size)})
  }
  return {files: shared, states: new SharedArrayBuffer(4 * shared.length)}
}

/** How long a thread waits for another to read a file in before it reads its own copy. */
const MAX_WAIT_MS = 10_000

/** Shared files by path, in this thread. */
let registry = new Map<string, {shared: SharedFontFiles; index: number}>()

/** Read font files through `shared` in this thread from now on (`undefined`: read each file privately). */
export function useSharedFontFiles(shared: SharedFontFiles | undefined): void {
  registry = new Map(shared?.files.map((entry, index) => [entry.file, {shared, index}]))
}

/**
 * A font file's bytes: the shared copy when the file is shared and unchanged
 * (read in by whichever thread asks first), else a private read.
 */
export function readFontFile(file: string): Buffer {
  const entry = registry.get(file)
  const bytes = entry ? sharedBytes(entry.shared, entry.index) : undefined
  return bytes ? Buffer.from(bytes) : fs.readFileSync(file)
}

function sharedBytes(shared: SharedFontFiles, index: number): SharedArrayBuffer | undefined {
  const {file, stamp, bytes} = shared.files[index]!
  if (fileStamp(file)?.text !== stamp) return undefined
  const states = new Int32Array(shared.states)
  const giveUpAt = Date.now() + MAX_WAIT_MS
  for (;;) {
    const state = Atomics.compareExchange(states, index, UNREAD, READING)
    if (state === READY) return bytes
    if (state === FAILED) return undefined
    if (state === READING) {
      // Another thread is reading the file in (a few milliseconds); a thread that died doing so never wakes us.
      const left = giveUpAt - Date.now()
      if (left <= 0) return undefined
      Atomics.wait(states, index, READING, left)
      continue
    }
    // This thread claimed the file: read it in, then wake the threads waiting for it.
    return readIn(shared, index) ? bytes : undefined
  }
}

/**
 * Read shared files in from this thread before any worker asks for them: a
 * pool's workers spend their first few hundred milliseconds starting
 * (importing the typesetter) while the thread that started them has little
 * to do, and the files are then ready when their first article needs them,
 * instead of one worker reading some 50 MB on its first article while the
 * other waits. Files are read one after another in the order given (put
 * the faces most articles use first); a file a worker has already taken is
 * skipped, and a worker that asks for a file being read here waits for it,
 * as for another worker. A file that cannot be read is marked failed, and
 * each thread then reads its own copy. (Reading through libuv's pool
 * instead, so as not to hold this thread up, made the first article land
 * no sooner.)
 */
export function prefetchFontFiles(shared: SharedFontFiles, files: Iterable<string>): void {
  const states = new Int32Array(shared.states)
  for (const file of new Set(files)) {
    const index = shared.files.findIndex((entry) => entry.file === file)
    if (index >= 0 && Atomics.compareExchange(states, index, UNREAD, READING) === UNREAD) readIn(shared, index)
  }
}

/** Read file `index`, which this thread has claimed, into its shared buffer, and tell the threads waiting how it went. */
function readIn(shared: SharedFontFiles, index: number): boolean {
  const {file, stamp, bytes} = shared.files[index]!
  const filled = fill(file, stamp, bytes)
  const states = new Int32Array(shared.states)
  Atomics.store(states, index, filled ? READY : FAILED)
  Atomics.notify(states, index)
  return filled
}

/** Read `file` into `bytes` whole; false when it changed since it was stamped or cannot be read. */
function fill(file: string, stamp: string, bytes: SharedArrayBuffer): boolean {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, 'r')
    if (fileStamp(file)?.text !== stamp) return false
    const view = new Uint8Array(bytes)
    let at = 0
    while (at < view.length) {
      const read = fs.readSync(fd, view, at, view.length - at, at)
      if (read === 0) return false
      at += read
    }
    return true
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
