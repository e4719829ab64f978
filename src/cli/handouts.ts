import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {Command} from 'cac'
import {buildHandouts, type BuildHandoutsOptions} from '../handouts/build-handouts.js'
import {parseSectionList} from '../handouts/parse-section-list.js'
import {findArticles} from '../build/find-articles.js'
import {listTemplates} from '../config/template.js'
import {report} from '../diagnostics/report.js'
import {EXIT, printBug, printDiagnostics} from './index.js'

/**
 * Add the options of `paiban handouts` to its command: those of `build`
 * (but `--out` defaults to `output/handouts`, so a combined file never
 * overwrites a `build` of the same article) and the handout ones.
 */
export function handoutsOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'Output folder: handouts in <out>/<basename>/, the combined file at <out>/<basename>.pdf', {default: path.join('output', 'handouts')})
    .option('--template <name>', `Template name (${listTemplates().join(', ')}) or path to a template .json (default: handout)`)
    .option('--sections <list>', 'Only these sections, by number: 1,3 or 2-4 (0 is the lead with --lead-own)')
    .option('--combined', 'Also write one file with a cover, contents and bookmarks: <out>/<basename>.pdf')
    .option('--lead-own', 'Give the text before the first ## its own handout, 00-导语.pdf (default: template handout.leadOwnHandout)')
    .option('--fonts <dir>', 'Folder of user fonts by role: song.ttf, hei.ttf, hei-bold.ttf, kai.ttf, fangsong.ttf, fallback-*.ttf', {default: 'fonts'})
    .option('--no-normalize', 'Keep half-width , : ; ? ! ( ) between Chinese characters as written')
    .option('--strict', 'Treat warnings as errors: no handouts for an article with warnings')
    .option('--quiet', 'Print only warnings and errors, not infos')
    .option('--verbose', 'Print stacks of internal errors')
    .example('paiban handouts content/xingguo-police-interview.md --combined')
    .example('paiban handouts content --sections 1,3 --out handouts')
}

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
