import path from 'node:path'
import type {Command} from 'cac'
import {listTemplates} from '../config/template.js'
import {DEFAULT_FONTS_DIR} from './check-options.js'

/**
 * Add the options of `paiban handouts` to its command: those of `build`
 * (but `--out` defaults to `output/handouts`, so a combined file never
 * overwrites a `build` of the same article) and the handout ones.
 */
export function handoutsOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'Output folder: handouts in <out>/<basename>/, the combined file at <out>/<basename>.pdf', {default: path.join('output', 'handouts')})
    .option('--template <name>', `Template name (${listTemplates().join(', ')}) or path to a template .json (default: handout)`)
    .option('--sections <list>', 'Only these sections, by number: 1,3 or 2-4 (0 is the lead with --lead-own)')
    .option('--combined', 'Also write one file with a cover, contents and bookmarks: <out>/<basename>.pdf')
    .option('--lead-own', 'Give the text before the first ## its own handout, 00-导语.pdf (default: template handout.leadOwnHandout)')
    .option('--fonts <dir>', 'Folder of user fonts by role: song.ttf, hei.ttf, hei-bold.ttf, kai.ttf, fangsong.ttf, fallback-*.ttf', {default: DEFAULT_FONTS_DIR})
    .option('--no-normalize', 'Keep half-width , : ; ? ! ( ) between Chinese characters as written')
    .option('--strict', 'Treat warnings as errors: no handouts for an article with warnings')
    .option('--quiet', 'Print only warnings and errors, not infos')
    .option('--verbose', 'Print stacks of internal errors')
    .example('paiban handouts content/xingguo-police-interview.md --combined')
    .example('paiban handouts content --sections 1,3 --out handouts')
}
