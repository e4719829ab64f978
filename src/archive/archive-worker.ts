import path from 'node:path'
// The pool's `workerData`, which piscina hands to each thread as it is: importing it from piscina would load
// the pool's whole library in every worker (some 30–50 ms of its start) for one property.
import {threadId, workerData} from 'node:worker_threads'
import {buildArticle, type WriteFile} from '../build/build-article.js'
import {writeStaged, type StagedFile} from '../build/write-staged.js'
import {openFontBook, type FontSource} from '../shape/font-book.js'
import {useSharedFontFiles} from '../shape/font-files.js'
import type {WorkerStart} from './create-worker-pool.js'
import {toDiagnostics} from './to-diagnostics.js'
import {createBuildMemo, type BuildMemo} from '../build/build-memo.js'
import type {Diagnostic, WorkerMemory} from './types.js'

/** Build one article into `outDir/outName.pdf`. */
export interface BuildTask {
  type: 'build'
  input: string
  outDir: string
  outName: string
  contentRoot: string
  template?: string
  fontsDir?: string
  normalizePunctuation?: boolean
  strict?: boolean
  /** Also build the article's handouts into `outDir/outName/` with `buildHandouts` (default: false). */
  handouts?: boolean
}

/** Open the font book and say what it is made of. */
export interface FontsTask {
  type: 'fonts'
  fontsDir?: string
}

/** A task for an archive worker. */
export type WorkerTask = BuildTask | FontsTask

/** What a worker sends back for a build task: plain data only. */
export interface BuildOutcome {
  type: 'build'
  ok: boolean
  pages: number
  /** The PDF made: staged, renamed into place by `commitStaged` in the main thread. */
  output?: string
  size?: number
  /** Further files made (handouts), absolute. */
  extras: string[]
  /** Every file this task wrote under a temporary name, in order, for the main thread to commit. */
  staged: StagedFile[]
  diagnostics: Diagnostic[]
  /** False when the failure depends on the machine (I/O, a bug), not on the inputs. */
  cacheable: boolean
  fontHash: string
  ms: number
  memory: WorkerMemory
}

/** What a worker sends back for a fonts task. */
export interface FontsOutcome {
  type: 'fonts'
  hash: string
  sources: FontSource[]
}

/** Failures that say nothing about the inputs: try again next run. */
const TRANSIENT_RULES = new Set(['read-failed', 'write-failed', 'internal-error'])

// Font files are read once by whichever worker needs one first, and shared.
useSharedFontFiles((workerData as WorkerStart | undefined)?.fontFiles)

let tasks = 0
/** Lines and font programs this worker has made, for the articles after (output bytes do not depend on it). */
const memo = createBuildMemo()

/**
 * Run one archive task in a worker thread (the piscina entry point, by name).
 * Fonts are parsed once per worker: `openFontBook` caches them per thread;
 * paragraphs' lines and font programs are kept for the next articles.
 */
export async function archiveWorker(task: WorkerTask): Promise<BuildOutcome | FontsOutcome> {
  const fonts = openFontBook(task.fontsDir ? {fontsDir: task.fontsDir} : {})
  if (task.type === 'fonts') return {type: 'fonts', hash: fonts.hash, sources: fonts.sources.map((source) => ({...source}))}
  const started = performance.now()
  tasks++
  const {type: _type, input, handouts, ...options} = task
  // Files are only staged here (written under a temporary name with synchronous calls, no fsync): the main
  // thread makes them durable and renames them into place, so this thread never waits on the disk.
  const staged: StagedFile[] = []
  const write = (target: string, bytes: Uint8Array): void => void staged.push(writeStaged(target, bytes))
  const result = await buildArticle(input, {...options, memo, write})
  const diagnostics = toDiagnostics(result.file)
  const extras = result.ok && handouts ? await buildHandoutsOf(input, {...options, memo, write}, diagnostics) : undefined
  const outcome: BuildOutcome = {
    type: 'build',
    ok: result.ok && (extras?.ok ?? true),
    pages: result.pages,
    extras: extras?.outputs.map((file) => path.resolve(file)) ?? [],
    staged,
    diagnostics,
    cacheable: !diagnostics.some((diagnostic) => TRANSIENT_RULES.has(diagnostic.ruleId)),
    fontHash: fonts.hash,
    ms: performance.now() - started,
    memory: memory()
  }
  if (result.output) {
    outcome.output = path.resolve(result.output)
    outcome.size = result.size!
  }
  return outcome
}

/**
 * Build the handouts of an article (on their own template) next to its PDF; their messages join the article's,
 * marked. The handouts code is loaded on the first article that asks for it.
 */
async function buildHandoutsOf(input: string, options: Omit<BuildTask, 'type' | 'input' | 'handouts'> & {memo: BuildMemo; write: WriteFile}, diagnostics: Diagnostic[]): Promise<{ok: boolean; outputs: string[]}> {
  const {buildHandouts} = await import('../handouts/build-handouts.js')
  const {outName: _outName, template: _template, ...handoutOptions} = options
  const result = await buildHandouts(input, handoutOptions)
  for (const diagnostic of toDiagnostics(result.file)) if (diagnostic.severity !== 'info') diagnostics.push({...diagnostic, message: `handouts: ${diagnostic.message}`})
  return {ok: result.ok, outputs: result.outputs}
}

/**
 * This worker's memory after a task. Reading it costs about as much as a
 * tenth of an article (the resident set comes from /proc), so it is read
 * after the first tasks and then after every 16th; the report keeps the peak
 * of what was read.
 */
function memory(): WorkerMemory {
  if (tasks <= 4 || tasks % 16 === 0 || !lastUsage) lastUsage = process.memoryUsage()
  return {threadId, tasks, heapUsed: lastUsage.heapUsed, external: lastUsage.external, rss: lastUsage.rss, memo: memo.stats()}
}

let lastUsage: NodeJS.MemoryUsage | undefined
