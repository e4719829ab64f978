import fs from 'node:fs'
import {VFile} from 'vfile'
import {buildArticle, type BuildOptions} from '../build/build-article.js'
import {findArticles} from '../build/find-articles.js'
import {EXIT, printBug, printDiagnostics} from './index.js'
import {report} from '../diagnostics/report.js'

/** Turn parsed CLI options into build options shared by the commands. */
export function toBuildOptions(options: Record<string, unknown>): BuildOptions {
  const build: BuildOptions = {outDir: String(options.out ?? 'output')}
  if (typeof options.template === 'string') build.template = options.template
  if (typeof options.fonts === 'string' && fs.existsSync(options.fonts)) build.fontsDir = options.fonts
  if (options.normalize === false) build.normalizePunctuation = false
  if (options.strict) build.strict = true
  if (options.debug) build.debug = true
  return build
}

/** `paiban build`: build each article, print diagnostics, return the exit code. */
export async function buildCommand(inputs: string[], options: Record<string, unknown>): Promise<number> {
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
  const build = toBuildOptions(options)
  let failed = 0
  let bug = false
  const files: VFile[] = []
  for (const input of articles) {
    try {
      const result = await buildArticle(input, build)
      files.push(result.file)
      if (result.ok) process.stdout.write(`${input} → ${result.output} (${result.pages} page${result.pages === 1 ? '' : 's'})\n`)
      else failed++
    } catch (error) {
      // A bug in paiban, not in the article: say so, keep going with the others.
      printBug(error, `building ${input}`, Boolean(options.verbose))
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
