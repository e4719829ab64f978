import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {findArticles} from '../build/find-articles.js'
import {outDirProblem} from '../build/out-dir.js'
import type {FontSource} from '../shape/font-book.js'
import {listFontSources} from '../shape/font-sources.js'
import {prefetchFontFiles, shareFontFiles} from '../shape/font-files.js'
import {loadTemplate} from '../config/template.js'
import {prefetchFaces} from './prefetch-faces.js'
import type {FontsOutcome} from './archive-worker.js'
import {buildStale, type BuildContext} from './build-stale.js'
import {cleanTemporaries} from './clean-temporaries.js'
import {fontProbe} from './font-probe.js'
import {hashTemplate} from './hash-template.js'
import {openManifest, type Manifest, type ManifestRecord} from './open-manifest.js'
import {engineHash} from './engine-hash.js'
import {paibanVersion} from './paiban-version.js'
import {planArchive} from './plan-archive.js'
import {removeOutput} from './remove-output.js'
import {summarizeArchive} from './summarize-archive.js'
import {createWorkerPool, type WorkerPool} from './create-worker-pool.js'
import type {ArchiveEntry, ArchivePlan, ArchiveProgress, ArchiveResult, WorkerMemory} from './types.js'

/** The manifest's file name inside the output folder. */
export const MANIFEST_NAME = '.paiban-manifest.sqlite'

/** Options of `rebuildArchive`. */
export interface ArchiveOptions {
  /** Output folder; the archive's folders are mirrored below it (default: `output`). */
  outDir?: string
  /** Worker threads (default: `os.availableParallelism()`). */
  jobs?: number
  /** Template for every article (default: each article's front matter `template`, else `newspaper`). */
  template?: string
  /** Folder of user fonts by role (default: none). */
  fontsDir?: string
  /** Turn half-width punctuation between Chinese characters full-width (default: true). */
  normalizePunctuation?: boolean
  /** Fail articles with warnings (default: false). */
  strict?: boolean
  /** Also build each article's handouts into `<out>/<folders>/<name>/` (`buildHandouts`; default: false). */
  handouts?: boolean
  /** Ignore the manifest and rebuild every article (default: false). Outputs of vanished articles are still removed. */
  force?: boolean
  /** Called once, after planning and before any article is built. */
  onPlan?: (plan: ArchivePlan) => void
  /** Called after each built or failed article. */
  onProgress?: (progress: ArchiveProgress) => void
}

/** A problem with the request itself (not a folder, an output folder of another archive). */
export class ArchiveError extends Error {}

/**
 * Rebuild every article below `dir` into PDFs mirrored under `outDir`, on a
 * pool of worker threads, skipping articles whose inputs have not changed
 * since the manifest recorded them. Content failures are entries with
 * diagnostics; the batch goes on. Each manifest row is written only after
 * its PDF has been renamed into place, so a killed run resumes where it was.
 * When nothing is stale, no worker starts and no font is read.
 */
export async function rebuildArchive(dir: string, options: ArchiveOptions = {}): Promise<ArchiveResult> {
  const started = performance.now()
  const outDir = options.outDir ?? 'output'
  const jobs = Math.max(1, options.jobs ?? os.availableParallelism())
  const version = paibanVersion()
  const settings = JSON.stringify({
    template: options.template ?? null,
    normalizePunctuation: options.normalizePunctuation ?? true,
    strict: options.strict ?? false,
    handouts: options.handouts ? hashTemplate('handout') : false
  })
  if (!fs.statSync(dir, {throwIfNoEntry: false})?.isDirectory()) throw new ArchiveError(`not a folder: ${dir}`)
  const outProblem = outDirProblem(outDir)
  if (outProblem) throw new ArchiveError(`output ${outProblem}`)
  // Find the articles and clear temporary files a killed run left behind.
  const articles = findArticles([dir])
  const cleaned = cleanTemporaries(outDir)
  const manifest = openManifest(path.join(outDir, MANIFEST_NAME))
  let pool: WorkerPool | undefined
  let poolStartedAt = 0
  let mainRssBeforePool = process.memoryUsage().rss
  const startPool = (threads: number): WorkerPool => {
    mainRssBeforePool = process.memoryUsage().rss
    poolStartedAt = performance.now()
    const {sources} = listFontSources(fonts(options))
    const fontFiles = shareFontFiles(sources.map((source) => source.file))
    const pool = createWorkerPool(threads, {fontFiles})
    // The faces the run's templates use are read in while the workers start; others (fallbacks included)
    // when a worker first needs one.
    prefetchFontFiles(fontFiles, facesAhead(sources, options))
    return pool
  }
  try {
    claimOutDir(manifest, dir, outDir, options.force ?? false)
    // Reuse the recorded font hash while the font files are unchanged; else a worker opens the fonts.
    let fontHash = recordedFontHash(manifest, options.fontsDir)
    const records = manifest.records()
    let fontsProbe: Promise<string> | undefined
    if (fontHash === undefined && articles.length > 0) {
      pool = startPool(Math.min(jobs, articles.length))
      fontsProbe = pool.run<FontsOutcome>({type: 'fonts', ...fonts(options)}).then((outcome) => recordFonts(manifest, options.fontsDir, outcome))
      // Its failure is raised where it is awaited, not as an unhandled rejection meanwhile.
      fontsProbe.catch(() => undefined)
      // With no rows to compare (a first run, or --force) every article is stale whatever the fonts:
      // plan and build at once, while the probe runs alongside (each row is keyed by its worker's fonts).
      if (records.size > 0 && !(options.force ?? false)) fontHash = await fontsProbe
    }
    // Compare every article's inputs with the manifest.
    const plan = planArchive({dir, outDir, articles, records, engine: engineHash(), settings, force: options.force ?? false, ...(fontHash ? {fontHash} : {}), ...(options.template ? {template: options.template} : {})})
    // Remove the outputs of articles that are gone.
    const removed = plan.vanished.flatMap((record) => vanish(manifest, dir, outDir, record))
    const planMs = performance.now() - started
    const settledCount = (status: string): number => plan.settled.filter((entry) => entry.status === status).length
    options.onPlan?.({articles: articles.length, stale: plan.stale.length, skipped: settledCount('skipped'), failed: settledCount('failed'), removed: removed.length, cleaned: cleaned.length})
    // Build what is stale; each manifest row lands after its PDF.
    let built: {entries: ArchiveEntry[]; workers: WorkerMemory[]} = {entries: [], workers: []}
    if (plan.stale.length > 0) {
      pool ??= startPool(Math.min(jobs, plan.stale.length))
      const result = await buildStale(pool, plan.stale, {dir, outDir, manifest, records, shared: sharedTask(options), startedAt: poolStartedAt, ...(options.onProgress ? {onProgress: options.onProgress} : {})})
      fontHash ??= await fontsProbe
      // Fonts changed under the run: forget the recorded hash so the next run asks again.
      if ([...result.fontHashes].some((hash) => hash !== fontHash)) manifest.setMeta('fontProbe', '')
      built = result
    }
    fontHash ??= await fontsProbe
    const buildMs = plan.stale.length > 0 ? performance.now() - poolStartedAt : 0
    // One list of every article and removed output, sorted by source.
    const entries = [...plan.settled, ...built.entries, ...removed].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
    return {
      dir,
      outDir,
      version,
      ...(fontHash ? {fontHash} : {}),
      entries,
      summary: summarizeArchive(entries, articles.length),
      cleaned,
      timings: {planMs, buildMs, totalMs: performance.now() - started, articlesPerSecond: buildMs > 0 ? plan.stale.length / (buildMs / 1000) : 0},
      memory: {threads: pool?.threads ?? 0, workers: built.workers, processMaxRss: process.resourceUsage().maxRSS * 1024, mainRssBeforePool}
    }
  } finally {
    await pool?.destroy()
    manifest.close()
  }
}

/** The role faces to read in ahead: those of the run's template (and the handouts'), else every role's. */
function facesAhead(sources: readonly FontSource[], options: ArchiveOptions): string[] {
  try {
    const templates = [loadTemplate(options.template ?? 'newspaper'), ...(options.handouts ? [loadTemplate('handout')] : [])]
    return prefetchFaces(sources, templates)
  } catch {
    // An unknown or broken template fails its articles, each with its message; read every role's face meanwhile.
    return sources.filter((source) => !source.key.startsWith('fallback')).map((source) => source.file)
  }
}

function fonts(options: ArchiveOptions): {fontsDir?: string} {
  return options.fontsDir ? {fontsDir: options.fontsDir} : {}
}

/** The build-task fields every article shares. */
function sharedTask(options: ArchiveOptions): BuildContext['shared'] {
  const shared: BuildContext['shared'] = {...fonts(options)}
  if (options.template) shared.template = options.template
  if (options.normalizePunctuation === false) shared.normalizePunctuation = false
  if (options.strict) shared.strict = true
  if (options.handouts) shared.handouts = true
  return shared
}

/** An output folder serves one archive: refuse another's unless forced. */
function claimOutDir(manifest: Manifest, dir: string, outDir: string, force: boolean): void {
  const here = path.resolve(dir)
  const owner = manifest.meta('sourceDir')
  if (owner && owner !== here && !force) throw new ArchiveError(`${outDir} holds the archive of ${owner}, not of ${here}: choose another --out, or pass --force to take it over (its other PDFs are then removed)`)
  manifest.setMeta('sourceDir', here)
}

/** The recorded `FontBook.hash`, if the font files still match the probe taken with it. */
function recordedFontHash(manifest: Manifest, fontsDir: string | undefined): string | undefined {
  const hash = manifest.meta('fontHash')
  const probe = manifest.meta('fontProbe')
  const sources = JSON.parse(manifest.meta('fontSources') ?? '[]') as FontSource[]
  return hash && probe && probe === fontProbe(fontsDir, sources) ? hash : undefined
}

function recordFonts(manifest: Manifest, fontsDir: string | undefined, outcome: FontsOutcome): string {
  manifest.setMeta('fontHash', outcome.hash)
  manifest.setMeta('fontSources', JSON.stringify(outcome.sources))
  manifest.setMeta('fontProbe', fontProbe(fontsDir, outcome.sources))
  return outcome.hash
}

/** Delete the PDF (and handouts) of a vanished article, then its row; a report entry if there was a PDF. */
function vanish(manifest: Manifest, dir: string, outDir: string, record: ManifestRecord): ArchiveEntry[] {
  const existed = removeOutput(outDir, record.output)
  for (const extra of record.extras) removeOutput(outDir, extra)
  manifest.remove(record.output)
  if (!existed && record.status !== 'built') return []
  return [{source: path.join(dir, record.source), output: path.join(outDir, record.output), status: 'removed', pages: record.pages, diagnostics: []}]
}
