import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {buildHandouts, type BuildHandoutsOptions} from '../handouts/build-handouts.js'
import {parseSectionList} from '../handouts/parse-section-list.js'
import {findArticles} from '../build/find-articles.js'
import {report} from '../diagnostics/report.js'
import {EXIT, printBug, printDiagnostics} from './index.js'


/** Turn parsed CLI options into handout build options; throws an Error for a bad `--sections`. */
export function toHandoutsOptions(options: Record<string, unknown>): BuildHandoutsOptions {
  const build: BuildHandoutsOptions = {outDir: String(options.out ?? path.join('output', 'handouts'))}
  if (typeof options.template === 'string') build.template = options.template
  if (typeof options.fonts === 'string' && fs.existsSync(options.fonts)) build.fontsDir = options.fonts
  if (options.normalize === false) build.normalizePunctuation = false
  if (options.strict) build.strict = true
  if (options.combined) build.combined = true
  if (options.leadOwn) build.leadOwn = true
  const sections = options.sections
  if (sections !== undefined) {
    if (typeof sections === 'boolean') throw new Error('--sections needs a list, e.g. --sections 1,3')
    build.sections = (Array.isArray(sections) ? sections : [sections]).flatMap((value) => parseSectionList(value as string | number))
  }
  return build
}

/** `paiban handouts`: build each article's handouts, print diagnostics, return the exit code. */
export async function handoutsCommand(inputs: string[], options: Record<string, unknown>): Promise<number> {
  let articles: string[]
  let build: BuildHandoutsOptions
  try {
    build = toHandoutsOptions(options)
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
      const result = await buildHandouts(input, build)
      files.push(result.file)
      if (!result.ok) failed++
      else process.stdout.write(`${input} → ${path.join(build.outDir!, path.basename(input, path.extname(input)))}${path.sep} (${result.handouts} handout${result.handouts === 1 ? '' : 's'}${build.combined ? ' + combined' : ''}, ${result.pages} pages)\n`)
    } catch (error) {
      // A bug in paiban, not in the article: say so, keep going with the others.
      printBug(error, `building handouts of ${input}`, Boolean(options.verbose))
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
