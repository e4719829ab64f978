import {cac} from 'cac'
import type {VFile} from 'vfile'
import {handoutsOptions} from './handouts-options.js'
import {listTemplates} from '../config/template.js'
import {DEFAULT_FONTS_DIR} from './check-options.js'

/** Exit codes (documented in README and `--help`). */
export const EXIT = {ok: 0, failed: 1, usage: 2, bug: 3} as const

/**
 * Print diagnostics like a compiler (vfile-reporter), quiet files skipped.
 * The reporter is loaded only when there is something to print: it is some
 * 60 ms of every command's start otherwise.
 */
export async function printDiagnostics(files: VFile[], options: {quiet?: boolean; verbose?: boolean} = {}): Promise<void> {
  if (options.quiet) for (const file of files) file.messages = file.messages.filter((message) => message.fatal !== undefined)
  const shown = files.filter((file) => file.messages.length > 0)
  if (shown.length === 0) return
  const {reporter} = await import('vfile-reporter')
  const text = reporter(shown, {verbose: options.verbose ?? false})
  if (text) process.stderr.write(`${text}\n`)
}

/** Report a programmer error: a one-line summary and where to report it; the stack only with --verbose. */
export function printBug(error: unknown, context: string, verbose: boolean): void {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`paiban: internal error while ${context}: ${message}\n  This is a bug in paiban, not in your article. Please report it with the article attached (run with --verbose for the stack).\n`)
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
}

/**
 * Run the CLI with `argv` (without node and script) and return the exit code.
 * The CLI only turns arguments into options and calls the programmatic API.
 */
export async function main(argv: string[]): Promise<number> {
  const cli = cac('paiban')
  let pending: Promise<number> | undefined
  const common = (command: ReturnType<typeof cli.command>) =>
    command
      .option('--out <dir>', 'Output folder', {default: 'output'})
      .option('--template <name>', `Template name (${listTemplates().join(', ')}) or path to a template .json (default: front matter \`template\`, else newspaper)`)
      .option('--fonts <dir>', 'Folder of user fonts by role: song.ttf, hei.ttf, hei-bold.ttf, kai.ttf, fangsong.ttf, fallback-*.ttf', {default: DEFAULT_FONTS_DIR})
      .option('--no-normalize', 'Keep punctuation as typed (half-width , : ; ? ! ( ), straight quotes, --, ... between Chinese characters)')
      .option('--strict', 'Treat warnings as errors: no PDF for an article with warnings')
      .option('--quiet', 'Print only warnings and errors, not infos')
      .option('--verbose', 'Print stacks of internal errors')
  common(cli.command('build <...inputs>', 'Typeset articles (.md or .markdown files, or folders searched recursively with links followed; subfolders mirrored) into <out>/<basename>.pdf'))
    .option('--debug', 'Draw the grid, column frames and baselines over each page')
    .example('paiban build content --out output')
    .example('paiban build content/xingguo-police-interview.md --template a4')
    .action((inputs: string[], options: Record<string, unknown>) => {
      pending = import('./build.js').then((command) => command.buildCommand(inputs, options))
    })
  handoutsOptions(cli.command('handouts <...inputs>', 'Typeset one A4 training handout per ## section into <out>/<basename>/NN-<title>.pdf')).action((inputs: string[], options: Record<string, unknown>) => {
    pending = import('./handouts.js').then((command) => command.handoutsCommand(inputs, options))
  })
  common(cli.command('archive <dir>', 'Rebuild every article below <dir> into <out>, mirroring its folders; only what changed since the last run'))
    .option('--jobs <n>', 'Worker threads (default: one per core)')
    .option('--force', 'Rebuild every article, ignoring the manifest')
    .option('--handouts', 'Also build each article\'s handouts into <out>/<folders>/<name>/')
    .option('--report <file>', 'Where to write the JSON report (default: <out>/paiban-report.json)')
    .example('paiban archive archive/ --out output/archive --jobs 4')
    .action((dir: string, options: Record<string, unknown>) => {
      pending = import('./archive.js').then((command) => command.archiveCommand(dir, options))
    })
  cli.help((sections) => {
    sections.push({title: 'Exit codes', body: '  0 every input built\n  1 some input failed (the others were still built)\n  2 usage error\n  3 internal error (a bug in paiban)'})
    return sections
  })
  cli.version('0.1.0')
  try {
    cli.parse(['node', 'paiban', ...argv], {run: false})
    if (cli.options.help || cli.options.version) return EXIT.ok
    if (!cli.matchedCommand) {
      process.stderr.write(argv.length === 0 ? 'paiban: no command given\n' : `paiban: unknown command \`${argv[0]}\`\n`)
      cli.outputHelp()
      return EXIT.usage
    }
    await cli.runMatchedCommand()
  } catch (error) {
    process.stderr.write(`paiban: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  try {
    return pending ? await pending : EXIT.ok
  } catch (error) {
    printBug(error, 'running the command', argv.includes('--verbose'))
    return EXIT.bug
  }
}
