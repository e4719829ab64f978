import path from 'node:path'
import type {VFile} from 'vfile'
import {readArticle, reportNotes} from '../build/read-article.js'
import {writeAtomic} from '../build/write-atomic.js'
import type {WriteFile} from '../build/build-article.js'
import {countMessages, report} from '../diagnostics/report.js'
import {renderHandouts, type HandoutsOptions} from './render-handouts.js'

/** Options of `buildHandouts`. */
export interface BuildHandoutsOptions extends HandoutsOptions {
  /** Output folder; handouts go to `<outDir>/<basename>/`, the combined file to `<outDir>/<basename>.pdf` (default: `output/handouts`). */
  outDir?: string
  /** Treat warnings as errors: nothing is written when any warning is raised (default: false). */
  strict?: boolean
  /** How each file is written (default: `writeAtomic`). */
  write?: WriteFile
}

/** What building one article's handouts did. */
export interface BuildHandoutsResult {
  input: string
  /** Files written, handouts in section order, the combined file last. */
  outputs: string[]
  ok: boolean
  /** Handouts written (the combined file not counted). */
  handouts: number
  /** Pages over every file written. */
  pages: number
  file: VFile
}

/**
 * Build one article's training handouts: read it, typeset one PDF per `##`
 * section (and the combined file), and write each atomically into
 * `<outDir>/<basename>/NN-<title>.pdf`. Never throws for content problems:
 * they are messages on `result.file`, and nothing is written when an error
 * (or, with `strict`, a warning) was raised.
 */
export async function buildHandouts(input: string, options: BuildHandoutsOptions = {}): Promise<BuildHandoutsResult> {
  const read = await readArticle(input)
  if ('file' in read) return {input, outputs: [], ok: false, handouts: 0, pages: 0, file: read.file}
  const result = await renderHandouts(read.source, input, {contentRoot: path.dirname(input), ...options})
  reportNotes(result.file, read.notes)
  const counts = countMessages(result.file)
  const failed = result.handouts.length === 0 || counts.errors > 0 || (options.strict === true && counts.warnings > 0)
  const empty = {input, outputs: [], handouts: 0, pages: 0, file: result.file}
  if (failed) return {...empty, ok: false}
  // Write every file; the first write failure stops the article.
  const outDir = options.outDir ?? path.join('output', 'handouts')
  const base = path.basename(input, path.extname(input))
  const files = result.handouts.map((handout) => ({target: path.join(outDir, base, handout.name), pdf: handout.pdf, pages: handout.document.pages.length}))
  if (result.combined) files.push({target: path.join(outDir, `${base}.pdf`), pdf: result.combined.pdf, pages: result.combined.document.pages.length})
  const outputs: string[] = []
  for (const {target, pdf} of files) {
    try {
      await (options.write ?? writeAtomic)(target, pdf)
      outputs.push(target)
    } catch (error) {
      report(result.file, 'error', 'write-failed', `Cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, undefined, 'check that the output folder is writable')
      return {...empty, outputs, ok: false}
    }
  }
  return {input, outputs, ok: true, handouts: result.handouts.length, pages: files.reduce((sum, file) => sum + file.pages, 0), file: result.file}
}
