import fs from 'node:fs'
import {pathToFileURL} from 'node:url'
import {Piscina} from 'piscina'
import type {WorkerTask} from './archive-worker.js'
import type {SharedFontFiles} from '../shape/font-files.js'
import {workerFile, workerModule} from './worker-bundle.js'

/**
 * The compiled worker, always taken from `dist/`, whether this module runs
 * compiled (the CLI) or from `src/` under vitest: worker threads cannot load
 * TypeScript, and one rule for both keeps them from drifting apart. Tests
 * that start a pool compile first (`node scripts/compile.mjs`), which also
 * bundles the worker into one file (`workerFile` picks the bundle when it is
 * current).
 */
export const WORKER_FILE = workerModule()

/** A pool of archive workers. */
export interface WorkerPool {
  run<R>(task: WorkerTask): Promise<R>
  readonly threads: number
  destroy(): Promise<void>
}

/** What every worker of a pool starts with (piscina's `workerData`). */
export interface WorkerStart {
  /** Font files the workers read once between them (`shareFontFiles`); absent: each reads its own. */
  fontFiles?: SharedFontFiles
}

/**
 * Start `threads` worker threads that run `archiveWorker`. Threads start at
 * once and live until `destroy`, so each parses the fonts only once.
 */
export function createWorkerPool(threads: number, start: WorkerStart = {}): WorkerPool {
  if (!fs.existsSync(WORKER_FILE)) throw new Error(`the compiled archive worker is missing at ${WORKER_FILE}: run \`npm run compile\``)
  const pool = new Piscina({
    filename: pathToFileURL(workerFile()).href,
    name: 'archiveWorker',
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // Four tasks at a time: a worker has its next articles at hand when it finishes one, and seldom waits for
    // the main thread (committing files, writing manifest rows) to send more. A worker that has gone idle takes
    // every task queued for it at once, and those run side by side, interleaved at their awaits: up to four
    // articles in progress (peak heap some 100 MB a worker). Against two: 1,000 seed copies 8.5 % less wall time
    // (7.65 against 8.36 s, five interleaved pairs), 1,000 distinct articles 6 %, with less CPU; eight was no
    // better.
    concurrentTasksPerWorker: 4,
    // A young generation of 48 MB (16 MB semi-spaces): an article allocates a few MB of short-lived objects,
    // and with a smaller nursery much of an article in progress was promoted and collected again. 96 MB
    // was no faster (1,000 seed copies and 1,000 distinct articles, interleaved runs) and held some 35–45 MB
    // more RSS per worker.
    resourceLimits: {maxYoungGenerationSizeMb: 48},
    workerData: start
  })
  return {
    threads,
    run: (task) => pool.run(task),
    destroy: () => pool.destroy()
  }
}
