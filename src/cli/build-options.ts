import fs from 'node:fs'
import type {BuildOptions} from '../build/build-article.js'

/**
 * Turn parsed CLI options into build options shared by the commands. Its own
 * module, importing no typesetting code: `paiban archive`'s main thread only
 * plans and records, and loading the typesetter there (some 300 ms) would
 * hold back the workers' start.
 */
export function toBuildOptions(options: Record<string, unknown>): BuildOptions {
  const build: BuildOptions = {outDir: String(options.out ?? 'output')}
  if (typeof options.template === 'string') build.template = options.template
  if (typeof options.fonts === 'string' && fs.existsSync(options.fonts)) build.fontsDir = options.fonts
  if (options.normalize === false) build.normalizePunctuation = false
  if (options.strict) build.strict = true
  if (options.debug) build.debug = true
  return build
}
