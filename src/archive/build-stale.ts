import path from 'node:path'
import {CommitError, commitStaged} from '../build/write-staged.js'
import {articleKey} from './article-key.js'
import type {BuildOutcome, BuildTask} from './archive-worker.js'
import type {Manifest, ManifestRecord} from './open-manifest.js'
import type {StaleArticle} from './plan-archive.js'
import {removeOutput} from './remove-output.js'
import type {WorkerPool} from './create-worker-pool.js'
import type {ArchiveEntry, ArchiveProgress, WorkerMemory} from './types.js'

/** What every build task of a run shares. */
export interface BuildContext {
  dir: string
  outDir: string
  manifest: Manifest
  /** The manifest's records before this run (for handouts an article no longer has). */
  records: ReadonlyMap<string, ManifestRecord>
  /** Task fields shared by every article: template, fonts, punctuation, strict, handouts. */
  shared: Omit<BuildTask, 'type' | 'input' | 'outDir' | 'outName' | 'contentRoot'>
  /** When the pool was started, for rate and ETA (ms, `performance.now`). */
  startedAt: number
  onProgress?: (progress: ArchiveProgress) => void
}

/** What building the stale articles gave. */
export interface BuildStaleResult {
  entries: ArchiveEntry[]
  /** Peak memory per worker thread. */
  workers: WorkerMemory[]
  /** Font hashes the workers used (one, unless fonts changed mid-run). */
  fontHashes: Set<string>
}

/**
 * Build every stale article on the pool, all queued at once. As each
 * result lands, commit its files (`commitStaged`: fsync, rename into place),
 * then write its manifest row and report progress. A worker that dies
 * fails only its article.
 */
export async function buildStale(pool: WorkerPool, stale: readonly StaleArticle[], context: BuildContext): Promise<BuildStaleResult> {
  const result: BuildStaleResult = {entries: [], workers: [], fontHashes: new Set()}
  const memory = new Map<number, WorkerMemory>()
  const progress: ArchiveProgress = {done: 0, total: stale.length, built: 0, failed: 0, elapsedMs: 0}
  await Promise.all(
    stale.map(async (article) => {
      const outcome = await runBuild(pool, article, context)
      result.entries.push(record(article, outcome, context))
      if (outcome.fontHash) result.fontHashes.add(outcome.fontHash)
      if (outcome.memory.threadId >= 0) memory.set(outcome.memory.threadId, peak(memory.get(outcome.memory.threadId), outcome.memory))
      progress.done++
      if (outcome.ok) progress.built++
      else progress.failed++
      progress.elapsedMs = performance.now() - context.startedAt
      context.onProgress?.({...progress})
    })
  )
  result.workers = [...memory.values()].sort((a, b) => a.threadId - b.threadId)
  return result
}

async function runBuild(pool: WorkerPool, article: StaleArticle, context: BuildContext): Promise<BuildOutcome> {
  const parsed = path.posix.parse(article.output)
  const task: BuildTask = {...context.shared, type: 'build', input: article.input, outDir: path.join(context.outDir, parsed.dir), outName: parsed.name, contentRoot: context.dir}
  try {
    return await commit(await pool.run<BuildOutcome>(task), article)
  } catch (error) {
    // The worker died or paiban threw: a bug, not the article's fault; retried next run.
    const message = `internal error: ${(error as Error).message}`
    return {type: 'build', ok: false, pages: 0, extras: [], staged: [], cacheable: false, fontHash: '', ms: 0, memory: {threadId: -1, tasks: 0, heapUsed: 0, external: 0, rss: 0}, diagnostics: [{file: article.input, line: 1, column: 1, severity: 'error', ruleId: 'internal-error', message}]}
  }
}

/**
 * Make the files a worker staged durable and rename them into place (fsync
 * through libuv's pool: neither this thread nor the worker waits on the
 * disk). A file that cannot land fails its article, to be retried next run.
 */
async function commit(outcome: BuildOutcome, article: StaleArticle): Promise<BuildOutcome> {
  try {
    await commitStaged(outcome.staged)
    return outcome
  } catch (error) {
    const message = error instanceof CommitError ? error.message : `Cannot write ${article.output}: ${(error as Error).message}`
    return {...outcome, ok: false, cacheable: false, diagnostics: [...outcome.diagnostics, {file: article.input, line: 1, column: 1, severity: 'error', ruleId: 'write-failed', message}]}
  }
}

/**
 * Write the manifest row of a finished build and make its report entry.
 * A failure that depends on the machine (I/O, a bug) leaves the old row, so
 * it is retried. Handouts the article no longer has are removed.
 */
function record(article: StaleArticle, outcome: BuildOutcome, context: BuildContext): ArchiveEntry {
  const {manifest, outDir} = context
  const extras = outcome.extras.map((file) => path.relative(path.resolve(outDir), file).split(path.sep).join('/'))
  const base = {output: article.output, source: article.source, key: articleKey(article.inputs, outcome.fontHash), pages: outcome.pages, extras, diagnostics: outcome.diagnostics}
  if (outcome.ok) manifest.put({...base, status: 'built', size: outcome.size ?? null})
  else if (outcome.cacheable) manifest.put({...base, status: 'failed', size: null})
  if (outcome.ok) for (const extra of context.records.get(article.output)?.extras ?? []) if (!extras.includes(extra)) removeOutput(outDir, extra)
  return {source: article.input, output: path.join(outDir, article.output), status: outcome.ok ? 'built' : 'failed', pages: outcome.pages, diagnostics: outcome.diagnostics, ms: Math.round(outcome.ms)}
}

function peak(before: WorkerMemory | undefined, now: WorkerMemory): WorkerMemory {
  if (!before) return now
  return {threadId: now.threadId, tasks: Math.max(before.tasks, now.tasks), heapUsed: Math.max(before.heapUsed, now.heapUsed), external: Math.max(before.external, now.external), rss: Math.max(before.rss, now.rss), ...(now.memo ? {memo: now.memo} : {})}
}
