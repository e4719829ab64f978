import {VFile} from 'vfile'
import {findArticles} from '../build/find-articles.js'
import {report} from '../diagnostics/report.js'
import {EXIT, printBug, printDiagnostics} from './index.js'

/** What building one input gave: its diagnostics, whether it worked, and a line to print. */
export interface EachResult {
  file: VFile
  ok: boolean
  /** Printed on stdout when `ok`. */
  done: string
}

/**
 * Run `buildOne` over every article found in `inputs`, one at a time: a bug
 * in one article is reported in one line and the others still build; then
 * print all diagnostics like a compiler and return the exit code (0 all
 * built, 1 some failed, 2 usage, 3 internal error).
 */
export async function runEach(inputs: readonly string[], options: Record<string, unknown>, what: string, buildOne: (input: string) => Promise<EachResult>): Promise<number> {
  let articles: string[]
  try {
    articles = findArticles(inputs)
  } catch (error) {
    process.stderr.write(`paiban: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  if (articles.length === 0) {
    process.stderr.write(`paiban: no .md articles found in ${inputs.join(', ')}\n`)
    return EXIT.failed
  }
  let failed = 0
  let bug = false
  const files: VFile[] = []
  for (const input of articles) {
    try {
      const result = await buildOne(input)
      files.push(result.file)
      if (result.ok) process.stdout.write(`${result.done}\n`)
      else failed++
    } catch (error) {
      // A bug in paiban, not in the article: say so, keep going with the others.
      printBug(error, `${what} ${input}`, Boolean(options.verbose))
      const file = new VFile({path: input})
      report(file, 'error', 'internal-error', `internal error: ${(error as Error).message}`)
      files.push(file)
      failed++
      bug = true
    }
  }
  printDiagnostics(files, {quiet: Boolean(options.quiet), verbose: Boolean(options.verbose)})
  if (failed > 0) process.stderr.write(`paiban: ${failed} of ${articles.length} article${articles.length === 1 ? '' : 's'} failed\n`)
  return bug ? EXIT.bug : failed > 0 ? EXIT.failed : EXIT.ok
}
