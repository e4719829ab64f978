import fs from 'node:fs'
import {buildArticle, type BuildOptions} from '../build/build-article.js'
import {runEach} from './run-each.js'
import {EXIT} from './index.js'
import {loadTemplate, TemplateError} from '../config/template.js'
import {createBuildMemo} from '../build/build-memo.js'

/** Turn parsed CLI options into build options shared by the commands. */
export function toBuildOptions(options: Record<string, unknown>): BuildOptions {
  const build: BuildOptions = {outDir: String(options.out ?? 'output')}
  if (typeof options.template === 'string') build.template = options.template
  if (typeof options.fonts === 'string' && fs.existsSync(options.fonts)) build.fontsDir = options.fonts
  if (options.normalize === false) build.normalizePunctuation = false
  if (options.strict) build.strict = true
  if (options.debug) build.debug = true
  return build
}

/** `paiban build`: build each article, print diagnostics, return the exit code. */
export async function buildCommand(inputs: string[], options: Record<string, unknown>): Promise<number> {
  const build = toBuildOptions(options)
  if (build.template) {
    // A template named on the command line that does not exist is a usage error, before any article is read.
    try {
      loadTemplate(build.template)
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      process.stderr.write(`paiban: ${error.message}\n`)
      return EXIT.usage
    }
  }
  // Articles built in one run share lines and font programs they have in common.
  const memo = createBuildMemo()
  return runEach(inputs, options, 'building', async (input) => {
    const result = await buildArticle(input, {...build, memo})
    return {file: result.file, ok: result.ok, done: `${input} → ${result.output} (${result.pages} page${result.pages === 1 ? '' : 's'})`}
  })
}
