import fs from 'node:fs'
import {VFile} from 'vfile'
import {report} from '../diagnostics/report.js'
import {decodeArticle, type DecodeNote} from './decode-article.js'

/**
 * Read an article's Markdown (UTF-8, or what `decodeArticle` can tell apart).
 * A file that cannot be read, or is not text, is not an exception but an
 * error diagnostic on a file of its own; `notes` say how a file that is not
 * UTF-8 was read, for the caller to put on the article's file
 * (`reportNotes`).
 */
export async function readArticle(input: string): Promise<{source: string; notes: DecodeNote[]} | {file: VFile}> {
  let bytes: Buffer
  try {
    // Synchronous, as writeAtomic: cheaper than a trip through the thread pool for a small file.
    bytes = fs.readFileSync(input)
  } catch (error) {
    const file = new VFile({path: input})
    report(file, 'error', 'read-failed', `Cannot read the article: ${whyUnreadable(input, error as NodeJS.ErrnoException)}`)
    return {file}
  }
  const decoded = decodeArticle(bytes)
  if (decoded.text !== undefined) return {source: decoded.text, notes: decoded.notes}
  const file = new VFile({path: input})
  reportNotes(file, decoded.notes)
  return {file}
}

/** Why a file could not be read, in words, with the system's code (a dangling link names its target). */
function whyUnreadable(input: string, error: NodeJS.ErrnoException): string {
  const code = error.code
  if (code === 'ENOENT') {
    const target = linkTarget(input)
    return target === undefined ? 'there is no such file (ENOENT)' : `it is a symbolic link to ${target}, which does not exist (ENOENT)`
  }
  const reason = code ? UNREADABLE[code] : undefined
  return reason ? `${reason} (${code})` : (code ?? error.message)
}

/** Reasons for the read errors an archive meets. */
const UNREADABLE: Record<string, string> = {
  ELOOP: 'it is a loop of symbolic links',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EIO: 'the disk reported an input/output error'
}

function linkTarget(input: string): string | undefined {
  try {
    return fs.readlinkSync(input)
  } catch {
    return undefined
  }
}

/** Put what reading the file found on the article's file. */
export function reportNotes(file: VFile, notes: readonly DecodeNote[]): void {
  for (const note of notes) report(file, note.severity, note.ruleId, note.reason, note.place, note.hint)
}
