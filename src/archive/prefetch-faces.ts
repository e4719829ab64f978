import type {Template} from '../config/template.js'
import {resolveRole, ROLE_KEYS, type FontSource} from '../shape/font-sources.js'

/**
 * Roles the typesetter sets in whatever the template says: 宋 for the text
 * layer of missing characters, 黑 for captions and continuation lines, 楷 for
 * editors' notes.
 */
const ALWAYS = ['song', 'hei', 'kai']

/**
 * The role faces worth reading in while the workers start: those the run's
 * templates name anywhere (body, deck, heads, labels, strong, furniture),
 * and those the typesetter uses on its own, each resolved as the font book
 * will (楷 → 宋 without a 楷 font). Other faces are read when an article
 * first needs one: the default 宋 bold (15 MB of the default 51) is named by
 * no built-in template and stands in only for 楷 and 仿宋 bold.
 */
export function prefetchFaces(sources: readonly FontSource[], templates: readonly Template[]): string[] {
  const keys = sources.map((source) => source.key)
  const named = new Set(ALWAYS)
  for (const template of templates) collectRoles(template, named)
  const resolved = new Set([...named].map((key) => resolveRole(keys, key)))
  return sources.filter((source) => resolved.has(source.key)).map((source) => source.file)
}

const ROLES = new Set(ROLE_KEYS)

function collectRoles(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (ROLES.has(value)) into.add(value)
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectRoles(item, into)
  }
}
