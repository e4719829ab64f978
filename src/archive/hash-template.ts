import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import {TEMPLATES_DIR} from '../config/template.js'

/**
 * Hash the bytes a template name stands for: its JSON file and the bundled
 * `newspaper.json` every template is merged over. Resolves names and paths
 * as `loadTemplate` does (a path is relative to the working folder). An
 * unknown template hashes to a marker, so creating it later makes the
 * articles that name it stale.
 */
export function hashTemplate(nameOrPath: string): string {
  const file = /[\\/]|\.json$/.test(nameOrPath) ? path.resolve(nameOrPath) : path.join(TEMPLATES_DIR, `${nameOrPath}.json`)
  const hash = crypto.createHash('sha256')
  for (const part of [path.join(TEMPLATES_DIR, 'newspaper.json'), file]) {
    hash.update(part).update('\0')
    try {
      hash.update(fs.readFileSync(part))
    } catch {
      hash.update('missing')
    }
    hash.update('\0')
  }
  return hash.digest('hex')
}
