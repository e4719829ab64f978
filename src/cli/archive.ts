import path from 'node:path'
import type {VFile} from 'vfile'
import {rebuildArchive, ArchiveError, type ArchiveOptions} from '../archive/rebuild-archive.js'
import {archiveReport} from '../archive/archive-report.js'
import {progressBar, type ProgressBar} from '../archive/progress-bar.js'
import type {ArchiveEntry, ArchiveResult, Diagnostic} from '../archive/types.js'
import {writeAtomic} from '../build/write-atomic.js'
import {toBuildOptions} from './build-options.js'
import {EXIT, printBug, printDiagnostics} from './index.js'
import {sayFontsDir, sayOutDir, sayReportFile, sayTemplate} from './check-options.js'

/** Most articles whose diagnostics are printed; the report has them all. */
const MAX_PRINTED = 50

/** `paiban archive`: rebuild an archive folder incrementally, print progress and a summary, write the report. */
export async function archiveCommand(dir: string, options: Record<string, unknown>): Promise<number> {
  const build = toBuildOptions(options)
  if (!sayOutDir(build.outDir ?? 'output') || !sayReportFile(options.report) || !sayFontsDir(options.fonts) || !sayTemplate(build.template)) return EXIT.usage
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    process.stderr.write(`paiban: --jobs must be a whole number ≥ 1, not ${String(options.jobs)}\n`)
    return EXIT.usage
  }
  const handouts = Boolean(options.handouts)
  const stderr = process.stderr
  let bar: ProgressBar | undefined
  const archive: ArchiveOptions = {
    outDir: build.outDir ?? 'output',
    force: Boolean(options.force),
    onPlan(plan) {
      const parts = [`${plan.articles} article${plan.articles === 1 ? '' : 's'}`, `${plan.skipped} unchanged`, `${plan.stale} to build`]
      if (plan.failed > 0) parts.push(`${plan.failed} known failure${plan.failed === 1 ? '' : 's'}`)
      if (plan.removed > 0) parts.push(`${plan.removed} output${plan.removed === 1 ? '' : 's'} removed`)
      if (plan.cleaned > 0) parts.push(`${plan.cleaned} leftover temporary file${plan.cleaned === 1 ? '' : 's'} cleaned`)
      stderr.write(`paiban: ${parts.join(', ')}\n`)
      if (plan.stale > 0) bar = progressBar({stream: stderr})
    },
    onProgress: (progress) => bar?.update(progress)
  }
  if (jobs !== undefined) archive.jobs = jobs
  if (build.template) archive.template = build.template
  if (build.fontsDir) archive.fontsDir = build.fontsDir
  if (build.normalizePunctuation === false) archive.normalizePunctuation = false
  if (build.strict) archive.strict = true
  if (handouts) archive.handouts = true
  let result: ArchiveResult
  try {
    result = await rebuildArchive(dir, archive)
  } catch (error) {
    if (error instanceof ArchiveError) {
      process.stderr.write(`paiban: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  } finally {
    bar?.done()
  }
  await printEntries(result.entries, Boolean(options.verbose), Boolean(options.quiet))
  const reportFile = typeof options.report === 'string' ? options.report : path.join(result.outDir, 'paiban-report.json')
  let reported = true
  try {
    await writeAtomic(reportFile, new TextEncoder().encode(`${JSON.stringify(archiveReport(result), null, 2)}\n`))
  } catch (error) {
    // The disk's refusal (full, read-only, no permission), not paiban's fault: said as such, and the run fails.
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined) printBug(error, `writing the report ${reportFile}`, Boolean(options.verbose))
    else process.stderr.write(`paiban: cannot write the report ${reportFile}: ${code}\n`)
    reported = false
  }
  process.stdout.write(`${summaryLine(result)}\n${reported ? `  report: ${reportFile}\n` : ''}`)
  const bug = result.entries.some((entry) => entry.diagnostics.some((diagnostic) => diagnostic.ruleId === 'internal-error'))
  return bug ? EXIT.bug : result.summary.failed > 0 || !reported ? EXIT.failed : EXIT.ok
}

/** `paiban archive: built 10, skipped 990, removed 0, failed 1, warnings 3 in 2.10 s (11 typeset at 5.2 articles/s)`. */
export function summaryLine(result: ArchiveResult): string {
  const {built, skipped, removed, failed, warnings} = result.summary
  const fresh = result.entries.filter((entry) => entry.ms !== undefined).length
  const seconds = (result.timings.totalMs / 1000).toFixed(2)
  const rate = fresh > 0 ? ` (${fresh} typeset at ${result.timings.articlesPerSecond.toFixed(1)} articles/s)` : ''
  return `paiban archive: built ${built}, skipped ${skipped}, removed ${removed}, failed ${failed}, warnings ${warnings} in ${seconds} s${rate}`
}

/** Print errors and warnings of this run's articles (infos with --verbose), removals, and failures recorded earlier. */
async function printEntries(entries: readonly ArchiveEntry[], verbose: boolean, quiet: boolean): Promise<void> {
  const shown = entries.filter((entry) => entry.status === 'failed' || (entry.status === 'built' && entry.diagnostics.some((diagnostic) => verbose || diagnostic.severity !== 'info')))
  if (shown.length > 0) {
    // vfile (and its reporter) only when there is something to print: a clean run's start is some 60 ms shorter.
    const {VFile} = await import('vfile')
    await printDiagnostics(shown.slice(0, MAX_PRINTED).map((entry) => toFile(VFile, entry, verbose)), {quiet, verbose})
  }
  if (shown.length > MAX_PRINTED) process.stderr.write(`paiban: … and ${shown.length - MAX_PRINTED} more articles with diagnostics in the report\n`)
  for (const entry of entries) if (entry.status === 'removed') process.stderr.write(`paiban: removed ${entry.output} (${entry.source} is gone)\n`)
}

function toFile(FileClass: typeof import('vfile').VFile, entry: ArchiveEntry, verbose: boolean): VFile {
  const file = new FileClass({path: entry.source})
  const diagnostics: Diagnostic[] = entry.diagnostics.filter((diagnostic) => verbose || diagnostic.severity !== 'info')
  for (const diagnostic of diagnostics) {
    const message = file.message(diagnostic.message, {place: {line: diagnostic.line, column: diagnostic.column}, ruleId: diagnostic.ruleId, source: 'paiban'})
    message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined
  }
  if (entry.cached) file.info('unchanged since this failure was recorded; not retried (use --force to retry)', {place: {line: 1, column: 1}, ruleId: 'failure-recorded', source: 'paiban'})
  return file
}
