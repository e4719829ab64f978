import {VFile} from 'vfile'
import path from 'node:path'
import {findArticlesIn, type FoundArticle} from '../build/find-articles.js'
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
 *
 * `buildOne` gets the folder below its input folder an article was found in
 * (outputs mirror it, as an archive's do), and the folder its pictures must
 * lie in (the input folder; for a file named itself, its own folder). Two articles that would still
 * write the same output (`a/x.md` and `b/x.md` named as files) are not both
 * built: the second is an `output-collision` error, so nothing is lost.
 */
export async function runEach(inputs: readonly string[], options: Record<string, unknown>, what: string, buildOne: (input: string, folder: string, root: string) => Promise<EachResult>): Promise<number> {
  let articles: FoundArticle[]
  try {
    articles = findArticlesIn(inputs)
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
  const outputs = new Map<string, string>()
  for (const {input, folder, root} of articles) {
    const output = path.join(folder, path.basename(input, path.extname(input)))
    const first = outputs.get(output)
    if (first !== undefined) {
      const file = new VFile({path: input})
      report(file, 'error', 'output-collision', `Not built: its output ${output} would replace that of ${first}`, {line: 1, column: 1}, 'rename one of the two files, or build them into different --out folders')
      files.push(file)
      failed++
      continue
    }
    outputs.set(output, input)
    try {
      const result = await buildOne(input, folder, root)
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
  await printDiagnostics(files, {quiet: Boolean(options.quiet), verbose: Boolean(options.verbose)})
  if (failed > 0) process.stderr.write(`paiban: ${failed} of ${articles.length} article${articles.length === 1 ? '' : 's'} failed\n`)
  return bug ? EXIT.bug : failed > 0 ? EXIT.failed : EXIT.ok
}
