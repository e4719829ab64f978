import fs from 'node:fs'
import {VFile} from 'vfile'
import {report} from '../diagnostics/report.js'

/**
 * Read an article's Markdown as UTF-8. A file that cannot be read is not an
 * exception but an error diagnostic on a file of its own.
 */
export async function readArticle(input: string): Promise<{source: string} | {file: VFile}> {
  try {
    // Synchronous, as writeAtomic: cheaper than a trip through the thread pool for a small file.
    return {source: fs.readFileSync(input, 'utf8')}
  } catch (error) {
    const file = new VFile({path: input})
    report(file, 'error', 'read-failed', `Cannot read the article: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    return {file}
  }
}
