import fs from 'node:fs'
import path from 'node:path'
import {buildHandouts, type BuildHandoutsOptions} from '../handouts/build-handouts.js'
import {createBuildMemo} from '../build/build-memo.js'
import {parseSectionList} from '../handouts/parse-section-list.js'
import {EXIT} from './index.js'
import {runEach} from './run-each.js'
import {sayFontsDir, sayOutDir, sayTemplate} from './check-options.js'

/** Turn parsed CLI options into handout build options; throws an Error for a bad `--sections`. */
export function toHandoutsOptions(options: Record<string, unknown>): BuildHandoutsOptions {
  const build: BuildHandoutsOptions = {outDir: String(options.out ?? path.join('output', 'handouts'))}
  if (typeof options.template === 'string') build.template = options.template
  if (typeof options.fonts === 'string' && fs.existsSync(options.fonts)) build.fontsDir = options.fonts
  if (options.normalize === false) build.normalizePunctuation = false
  if (options.strict) build.strict = true
  if (options.combined) build.combined = true
  if (options.leadOwn) build.leadOwn = true
  const sections = options.sections
  if (sections !== undefined) {
    if (typeof sections === 'boolean') throw new Error('--sections needs a list, e.g. --sections 1,3')
    build.sections = (Array.isArray(sections) ? sections : [sections]).flatMap((value) => parseSectionList(value as string | number))
  }
  return build
}

/** `paiban handouts`: build each article's handouts, print diagnostics, return the exit code. */
export async function handoutsCommand(inputs: string[], options: Record<string, unknown>): Promise<number> {
  let build: BuildHandoutsOptions
  try {
    build = toHandoutsOptions(options)
  } catch (error) {
    process.stderr.write(`paiban: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  if (!sayOutDir(build.outDir!) || !sayFontsDir(options.fonts) || !sayTemplate(build.template)) return EXIT.usage
  // Articles of one run share the pictures they have in common.
  const memo = createBuildMemo()
  return runEach(inputs, options, 'building handouts of', async (input, below, root) => {
    const outDir = path.join(build.outDir!, below)
    const result = await buildHandouts(input, {...build, memo, contentRoot: root, outDir})
    const folder = `${path.join(outDir, path.basename(input, path.extname(input)))}${path.sep}`
    return {file: result.file, ok: result.ok, done: `${input} → ${folder} (${result.handouts} handout${result.handouts === 1 ? '' : 's'}${build.combined ? ' + combined' : ''}, ${result.pages} pages)`}
  })
}
