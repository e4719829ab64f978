import fs from 'node:fs'
import path from 'node:path'
import {articleKey, type KeyInputs} from './article-key.js'
import {frontMatterTemplate} from './front-matter-template.js'
import {hashArticle} from './hash-article.js'
import {hashTemplate} from './hash-template.js'
import {outputPath} from './output-path.js'
import type {ManifestRecord} from './open-manifest.js'
import type {ArchiveEntry} from './types.js'

/** What the planner needs to know. */
export interface PlanContext {
  /** The archive folder, as given. */
  dir: string
  outDir: string
  /** Article paths below `dir`, sorted (from `findArticles`). */
  articles: readonly string[]
  /** The manifest's records by output path. */
  records: ReadonlyMap<string, ManifestRecord>
  /** The current `FontBook.hash`; unknown means every article is stale. */
  fontHash?: string
  /** `engineHash()`: the code that makes the PDFs. */
  engine: string
  /** `--template`: overrides every article's own (default: front matter, else `newspaper`). */
  template?: string
  /** Stable JSON of the options that change bytes or verdicts. */
  settings: string
  /** Rebuild everything (default: false). */
  force?: boolean
}

/** An article that has to be built. */
export interface StaleArticle {
  input: string
  /** Relative to `dir`, POSIX style. */
  source: string
  /** Relative to `outDir`, POSIX style. */
  output: string
  inputs: KeyInputs
}

/** The planner's verdict. */
export interface ArchivePlanResult {
  stale: StaleArticle[]
  /** Articles not rebuilt: `skipped`, known `failed` (`cached`), or `failed` for an output name clash. */
  settled: ArchiveEntry[]
  /** Records whose article is gone. */
  vanished: ManifestRecord[]
}

/**
 * Decide which articles to build: hash each article's inputs, compare with
 * the manifest, and check that a recorded PDF is still there with its size.
 * Reads files but writes nothing; no fonts and no workers.
 */
export function planArchive(context: PlanContext): ArchivePlanResult {
  const plan: ArchivePlanResult = {stale: [], settled: [], vanished: []}
  const templates = new Map<string, string>()
  // Each picture's hash, once per run however many articles show it.
  const images = new Map<string, string>()
  const sources = new Set<string>()
  const claimed = new Map<string, string>()
  for (const input of context.articles) {
    const source = path.relative(context.dir, input).split(path.sep).join('/')
    const output = outputPath(context.dir, input)
    sources.add(source)
    // Two articles that differ only in extension case would write one PDF: the second fails.
    const owner = claimed.get(output)
    if (owner !== undefined) {
      plan.settled.push(clash(input, path.join(context.outDir, output), owner))
      continue
    }
    claimed.set(output, source)
    const inputs = keyInputs(input, context, templates, images)
    const record = context.records.get(output)
    if (!context.force && context.fontHash !== undefined && record && record.source === source && record.key === articleKey(inputs, context.fontHash)) {
      const target = path.join(context.outDir, output)
      if (record.status === 'failed') {
        plan.settled.push({source: input, output: target, status: 'failed', cached: true, pages: record.pages, diagnostics: record.diagnostics})
        continue
      }
      if (fs.statSync(target, {throwIfNoEntry: false})?.size === record.size && record.extras.every((extra) => fs.existsSync(path.join(context.outDir, extra)))) {
        plan.settled.push({source: input, output: target, status: 'skipped', pages: record.pages, diagnostics: record.diagnostics})
        continue
      }
    }
    plan.stale.push({input, source, output, inputs})
  }
  for (const record of context.records.values()) if (!sources.has(record.source)) plan.vanished.push(record)
  return plan
}

function keyInputs(input: string, context: PlanContext, templates: Map<string, string>, images: Map<string, string>): KeyInputs {
  let bytes: Buffer
  let touched: string
  try {
    touched = String(fs.statSync(input).mtimeMs)
    bytes = fs.readFileSync(input)
  } catch (error) {
    // The worker will report why; an unreadable file is never fresh.
    return {article: `unreadable:${(error as NodeJS.ErrnoException).code}`, touched: '', template: '', engine: context.engine, settings: context.settings}
  }
  // Decode only the files that may name a template (decoding is the slow part of a no-op run).
  const own = context.template === undefined && bytes.indexOf('template:') !== -1 ? frontMatterTemplate(bytes.toString('utf8')) : undefined
  const name = context.template ?? own ?? 'newspaper'
  let template = templates.get(name)
  if (template === undefined) templates.set(name, (template = hashTemplate(name)))
  return {article: hashArticle(input, bytes, images, context.dir), touched, template, engine: context.engine, settings: context.settings}
}

function clash(input: string, output: string, owner: string): ArchiveEntry {
  return {
    source: input,
    output,
    status: 'failed',
    pages: 0,
    diagnostics: [{file: input, line: 1, column: 1, severity: 'error', ruleId: 'output-clash', message: `Another article (${owner}) already writes ${output}; rename one of them`}]
  }
}
