/**
 * Plain data of an archive rebuild: what the planner, the workers, the
 * manifest and the report exchange. No class instances cross these lines.
 */

/** Severity of a diagnostic, as `report()` records it. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info'

/** One content problem of one article, as JSON. */
export interface Diagnostic {
  /** The article's path. */
  file: string
  line: number
  column: number
  severity: DiagnosticSeverity
  ruleId: string
  message: string
}

/** What happened to one article in a run. */
export type ArchiveStatus = 'built' | 'skipped' | 'failed' | 'removed'

/** One row of the archive report. */
export interface ArchiveEntry {
  /** The article's path (below the archive folder), or the vanished source of a removed output. */
  source: string
  /** The PDF's path (below the output folder). */
  output: string
  status: ArchiveStatus
  /** For `failed`: the failure was recorded earlier for the same inputs and not retried. */
  cached?: boolean
  pages: number
  diagnostics: Diagnostic[]
  /** Time the worker spent on this article, in ms (built and freshly failed only). */
  ms?: number
}

/** Counts of a run. */
export interface ArchiveSummary {
  articles: number
  built: number
  skipped: number
  removed: number
  failed: number
  warnings: number
  errors: number
}

/** Peak memory one worker thread reported, in bytes. */
export interface WorkerMemory {
  threadId: number
  tasks: number
  /** V8 heap of this worker's isolate. */
  heapUsed: number
  /** Memory outside the heap owned by this isolate (font buffers, PDF chunks). */
  external: number
  /** Resident set of the whole process at that moment (threads share it). */
  rss: number
  /** This worker's memo so far: paragraphs, font programs and pictures found already made, of those looked up. */
  memo?: {lines: {hits: number; lookups: number}; fontPrograms: {hits: number; lookups: number}; images: {hits: number; lookups: number}}
}

/** Progress of the build phase, sent after each article. */
export interface ArchiveProgress {
  done: number
  total: number
  built: number
  failed: number
  elapsedMs: number
}

/** What the planner decided, sent once before any worker starts. */
export interface ArchivePlan {
  articles: number
  stale: number
  skipped: number
  /** Failures recorded earlier for the same inputs, not retried. */
  failed: number
  removed: number
  cleaned: number
}

/** The outcome of `rebuildArchive`. */
export interface ArchiveResult {
  dir: string
  outDir: string
  version: string
  fontHash?: string
  entries: ArchiveEntry[]
  summary: ArchiveSummary
  /** Leftover temporary files removed before the run. */
  cleaned: string[]
  timings: {planMs: number; buildMs: number; totalMs: number; articlesPerSecond: number}
  /** `threads`: worker threads started (at most one per stale article; 0 when nothing was built). */
  memory: {threads: number; workers: WorkerMemory[]; processMaxRss: number; mainRssBeforePool: number}
}
