import type {ArchiveEntry, ArchiveResult} from './types.js'

/** The JSON report of one archive run (`--report`). */
export interface ArchiveReport {
  paiban: string
  dir: string
  outDir: string
  fontHash?: string
  summary: ArchiveResult['summary']
  timings: ArchiveResult['timings']
  memory: ArchiveResult['memory']
  /** Leftover temporary files removed before the run. */
  cleaned: string[]
  /** Every article (and every removed output), sorted by source path. */
  articles: ArchiveEntry[]
}

/**
 * Turn an archive result into the report written as JSON: every article
 * with its status, pages, output path and diagnostics, plus the summary,
 * timings and memory figures. Pure; the CLI writes it.
 */
export function archiveReport(result: ArchiveResult): ArchiveReport {
  return {
    paiban: result.version,
    dir: result.dir,
    outDir: result.outDir,
    ...(result.fontHash ? {fontHash: result.fontHash} : {}),
    summary: result.summary,
    timings: {
      planMs: Math.round(result.timings.planMs),
      buildMs: Math.round(result.timings.buildMs),
      totalMs: Math.round(result.timings.totalMs),
      articlesPerSecond: Math.round(result.timings.articlesPerSecond * 100) / 100
    },
    memory: result.memory,
    cleaned: result.cleaned,
    articles: result.entries.map((entry) => ({...entry}))
  }
}
