import path from 'node:path'
import type {VFile} from 'vfile'
import {renderArticle, type RenderOptions} from './render-article.js'
import {readArticle, reportNotes} from './read-article.js'
import {writeAtomic} from './write-atomic.js'
import {countMessages, report} from '../diagnostics/report.js'

/** Options of `buildArticle`. */
export interface BuildOptions extends RenderOptions {
  /** Output folder (default: `output`). */
  outDir?: string
  /** Treat warnings as errors: no PDF is written when any warning is raised (default: false). */
  strict?: boolean
  /** Output file name without extension (default: the article's base name). */
  outName?: string
  /** How the PDF is written (default: `writeAtomic`); the archive workers stage it (`writeStaged`). */
  write?: WriteFile
}

/** Write `bytes` to `target`, whole or not at all. */
export type WriteFile = (target: string, bytes: Uint8Array) => void | Promise<void>

/** What building one article did. */
export interface BuildResult {
  input: string
  /** The PDF written, if any, and its size in bytes. */
  output?: string
  size?: number
  ok: boolean
  pages: number
  file: VFile
}

/**
 * Build one article file into `outDir/<basename>.pdf`. Reads the file,
 * typesets it, and writes atomically. Never throws for content problems:
 * they are messages on `result.file`, and `ok` is false when no PDF could be
 * made (or, with `strict`, when any warning was raised).
 */
export async function buildArticle(input: string, options: BuildOptions = {}): Promise<BuildResult> {
  const read = await readArticle(input)
  if ('file' in read) return {input, ok: false, pages: 0, file: read.file}
  const result = await renderArticle(read.source, input, {contentRoot: path.dirname(input), ...options})
  reportNotes(result.file, read.notes)
  const counts = countMessages(result.file)
  const failed = !result.pdf || counts.errors > 0 || (options.strict === true && counts.warnings > 0)
  if (failed) return {input, ok: false, pages: result.pages, file: result.file}
  const output = path.join(options.outDir ?? 'output', `${options.outName ?? path.basename(input, path.extname(input))}.pdf`)
  try {
    await (options.write ?? writeAtomic)(output, result.pdf!)
  } catch (error) {
    report(result.file, 'error', 'write-failed', `Cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, undefined, 'check that the output folder is writable')
    return {input, ok: false, pages: result.pages, file: result.file}
  }
  return {input, output, size: result.pdf!.length, ok: true, pages: result.pages, file: result.file}
}
