import path from 'node:path'
import {buildArticle} from '../build/build-article.js'
import {toBuildOptions} from './build-options.js'
import {runEach} from './run-each.js'
import {EXIT} from './index.js'
import {createBuildMemo} from '../build/build-memo.js'
import {sayFontsDir, sayOutDir, sayTemplate} from './check-options.js'

/** `paiban build`: build each article, print diagnostics, return the exit code. */
export async function buildCommand(inputs: string[], options: Record<string, unknown>): Promise<number> {
  const build = toBuildOptions(options)
  if (!sayOutDir(build.outDir ?? 'output') || !sayFontsDir(options.fonts) || !sayTemplate(build.template)) return EXIT.usage
  // Articles built in one run share lines, font programs and pictures they have in common.
  const memo = createBuildMemo()
  return runEach(inputs, options, 'building', async (input, folder, root) => {
    const result = await buildArticle(input, {...build, memo, contentRoot: root, outDir: path.join(build.outDir ?? 'output', folder)})
    return {file: result.file, ok: result.ok, done: `${input} → ${result.output} (${result.pages} page${result.pages === 1 ? '' : 's'})`}
  })
}
