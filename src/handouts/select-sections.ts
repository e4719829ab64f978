import type {VFile} from 'vfile'
import {report} from '../diagnostics/report.js'
import type {Section} from './types.js'

/**
 * Keep the sections whose order is in `wanted` (all when it is undefined).
 * A number the article lacks is a warning naming the numbers it has; an
 * empty choice is an error, so nothing is written by mistake.
 */
export function selectSections<T extends Pick<Section, 'order'>>(sections: readonly T[], wanted: readonly number[] | undefined, file: VFile): T[] {
  if (!wanted) return [...sections]
  const have = sections.map((section) => section.order)
  const missing = wanted.filter((n) => !have.includes(n))
  if (missing.length > 0) {
    report(file, 'warning', 'unknown-section', `--sections asks for ${missing.join(', ')}, which the article does not have (it has ${have.join(', ')})`, {line: 1, column: 1}, '0 is the lead, with --lead-own')
  }
  const chosen = sections.filter((section) => wanted.includes(section.order))
  if (chosen.length === 0) report(file, 'error', 'no-section-selected', 'No section selected: no handout to write', {line: 1, column: 1}, `choose from ${have.join(', ')}`)
  return chosen
}
