import fs from 'node:fs'
import path from 'node:path'
import {ROLE_KEYS, strayFontFiles} from '../shape/font-sources.js'
import {didYouMean} from '../diagnostics/did-you-mean.js'
import {loadTemplate, TemplateError} from '../config/template.js'
import {outDirProblem} from '../build/out-dir.js'

// Checks of the command line's options, said once before any article is read:
// a usage error (the command returns exit 2) or a warning, on stderr.

/** The `--fonts` folder when none is named. */
export const DEFAULT_FONTS_DIR = 'fonts'

/**
 * What is wrong with the `--fonts` folder, said before any article is read:
 * an error for a folder named on the command line that is not there (the
 * default `fonts/` may be missing: the npm fonts are used), and a warning
 * for each font file in it that no role takes, which would otherwise be
 * left out without a word.
 */
export function checkFontsDir(value: unknown): {error?: string; warnings: string[]} {
  if (typeof value !== 'string') return {warnings: []}
  if (!fs.existsSync(value)) return value === DEFAULT_FONTS_DIR ? {warnings: []} : {error: `--fonts ${value}: no such folder`, warnings: []}
  if (!fs.statSync(value).isDirectory()) return {error: `--fonts ${value}: not a folder`, warnings: []}
  const names = ROLE_KEYS.map((key) => `${key}.ttf`).join(', ')
  const warnings = strayFontFiles(value).map((file) => {
    const base = path.basename(file, path.extname(file))
    const guess = didYouMean(base, ROLE_KEYS)
    const hint = guess ? `did you mean ${guess}${path.extname(file)}? ` : ''
    return `${file} is named after no font role and is not used (${hint}name it ${names} or fallback-*.ttf; see fonts/README.md)`
  })
  return {warnings}
}

/** Print `checkFontsDir`'s error or warnings on stderr; false when the command cannot go on (a usage error). */
export function sayFontsDir(value: unknown): boolean {
  const {error, warnings} = checkFontsDir(value)
  if (error) {
    process.stderr.write(`paiban: ${error}\n`)
    return false
  }
  for (const warning of warnings) process.stderr.write(`paiban: warning: ${warning}\n`)
  return true
}

/**
 * Load the template named on the command line, if one is, before any article
 * is read: one that does not exist or does not validate is a usage error,
 * said once, rather than the same failure for every article. Prints the
 * message on stderr; false when the command cannot go on.
 */
export function sayTemplate(name: string | undefined): boolean {
  if (name === undefined) return true
  try {
    loadTemplate(name)
    return true
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    process.stderr.write(`paiban: ${error.message}\n`)
    return false
  }
}

/**
 * The output folder (`--out`) must be a folder or not exist yet (nor sit
 * inside a file): a file there would fail every article, or the whole run,
 * in the system's words.
 */
export function sayOutDir(value: string): boolean {
  const problem = outDirProblem(value)
  if (problem === undefined) return true
  process.stderr.write(`paiban: --out: ${problem}\n`)
  return false
}

/**
 * The report file (`--report`) must not be a folder, and its folder must be
 * a folder or not exist yet: else the run would end without its report.
 */
export function sayReportFile(value: unknown): boolean {
  if (typeof value !== 'string') return true
  const problem = outDirProblem(path.dirname(path.resolve(value))) ?? (fs.statSync(value, {throwIfNoEntry: false})?.isDirectory() ? `${value} is a folder; name a file (e.g. ${path.join(value, 'paiban-report.json')})` : undefined)
  if (problem === undefined) return true
  process.stderr.write(`paiban: --report: ${problem}\n`)
  return false
}
