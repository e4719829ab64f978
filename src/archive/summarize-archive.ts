import type {ArchiveEntry, ArchiveSummary} from './types.js'

/**
 * Count a run's entries by status, and the warnings and errors they carry
 * (skipped articles included: the counts describe the archive, not the run).
 */
export function summarizeArchive(entries: readonly ArchiveEntry[], articles: number): ArchiveSummary {
  const summary: ArchiveSummary = {articles, built: 0, skipped: 0, removed: 0, failed: 0, warnings: 0, errors: 0}
  for (const entry of entries) {
    summary[entry.status]++
    for (const diagnostic of entry.diagnostics) {
      if (diagnostic.severity === 'warning') summary.warnings++
      else if (diagnostic.severity === 'error') summary.errors++
    }
  }
  return summary
}
