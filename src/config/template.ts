import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fileStamp} from '../memo/file-stamp.js'
import {unknownTemplateFields} from './template-fields.js'
import type {KinsokuLevel} from '../text/kinsoku.js'
import type {PunctuationStyle} from '../text/punctuation.js'

/** A text style in a template: font key and size in pt. */
export interface TextStyle {
  font: string
  size: number
}

/** A section head's style. */
export interface HeadStyle extends TextStyle {
  lines: number
  align: 'center' | 'left'
  /** Percent black (K) of a tint behind the head's lines; absent or 0: none. */
  tint?: number
}

/**
 * A page template as written in `templates/*.json` (lengths in mm for the
 * page, in pt for type, in characters for the grid). Documented in README.
 */
export interface Template {
  name: string
  description?: string
  /** `newspaper` pages (deck, columns, furniture) or `handout` pages. */
  kind: 'newspaper' | 'handout'
  page: {width: number; height: number; marginTop: number; marginBottom: number}
  body: {
    font: string
    /** Body size in pt: 五号 10.5, 小五 9, 小四 12. */
    size: number
    /** Baseline-to-baseline distance in pt (line gap 50–100 % of the size, clreq §2.3). */
    pitch: number
    charsPerLine: number
    /** Lines per column; omitted: as many as the page holds. */
    linesPerColumn?: number
    columns: number
    gutterChars: number
    indentChars: number
  }
  kinsoku: KinsokuLevel
  punctuation: PunctuationStyle
  /** Han–Latin spacing in em. */
  cjkLatin: {natural: number; min: number; max: number}
  /** `dots` (着重号) or `kai` (楷体) for `*emphasis*`. */
  emphasis: 'dots' | 'kai'
  /** Font key for `**strong**`. */
  strong: string
  deck: {
    kicker: TextStyle
    headline: TextStyle & {minSize: number}
    subtitle: TextStyle
    /** A statute's 题注, in brackets under the headline (楷). */
    note: TextStyle
    meta: TextStyle
    /** Columns the deck spans (0 = all). */
    span: number
  }
  /**
   * Section heads by depth (2 = `##`, 3 = `###`): the grid lines each takes
   * (占行), alignment, and an optional tint (底纹, % black) behind the head's
   * lines, which sets a one-line head off without leaving the grid.
   */
  heads: Record<string, HeadStyle>
  qa: {label: string; question?: string; hanging: boolean}
  furniture: {publication?: string; section?: string; show: boolean; size: number; font: string}
  /**
   * Pictures: print resolution, newsprint grayscale, and the columns a picture
   * without a span in its title takes by shape: `landscape` (width ≥ 1.2 ×
   * height) and `panorama` (width ≥ 2.2 × height); upright pictures take one.
   */
  figures: {dpi: number; grayscale: boolean; autoSpan: {landscape: number; panorama: number}}
  handout?: {label: string; notesLines: number; leadOwnHandout: boolean}
}

/** Where the bundled templates live. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates')
/** The newspaper template, which every other template is read over. */
const BASE_FILE = path.join(TEMPLATES_DIR, 'newspaper.json')

/** A template problem, reported by the caller as a diagnostic. */
export class TemplateError extends Error {}

/**
 * Load a template by name (from `templates/`) or by path to a JSON file,
 * merged over the `newspaper` defaults and validated.
 */
export function loadTemplate(nameOrPath: string): Template {
  const file = /[\\/]|\.json$/.test(nameOrPath) ? path.resolve(nameOrPath) : path.join(TEMPLATES_DIR, `${nameOrPath}.json`)
  const own = fileStamp(file)
  if (!own) {
    const known = listTemplates().join(', ')
    throw new TemplateError(`unknown template \`${nameOrPath}\` (known: ${known}; or give a path to a .json file)`)
  }
  const derived = path.basename(file) !== 'newspaper.json'
  const stamp = `${own.text}${derived ? `|${fileStamp(BASE_FILE)?.text ?? 'missing'}` : ''}`
  const cached = loaded.get(file)
  if (cached?.stamp === stamp) return cached.template
  let user: Partial<Template>
  try {
    user = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Template>
  } catch (error) {
    throw new TemplateError(`template ${file} is not valid JSON: ${(error as Error).message}`)
  }
  const unknown = unknownTemplateFields(user)
  if (unknown.length > 0) throw new TemplateError(`template ${file}: ${unknown.join('; ')}`)
  const base = derived ? readBase() : {}
  const template = merge(base, user) as Template
  validateTemplate(template, file)
  deepFreeze(template)
  loaded.set(file, {stamp, template})
  return template
}

/**
 * Templates read, by file, with the size and time of the files they were made
 * from: an archive asks for one template per article, and reading and checking
 * it each time cost more than a paragraph. A changed file is read again. The
 * template is frozen, as it is shared.
 */
const loaded = new Map<string, {stamp: string; template: Template}>()

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}

/** Names of the bundled templates. */
export function listTemplates(): string[] {
  return fs
    .readdirSync(TEMPLATES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .sort()
}

function readBase(): Partial<Template> {
  return JSON.parse(fs.readFileSync(BASE_FILE, 'utf8')) as Partial<Template>
}

function merge(base: unknown, over: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over === undefined ? base : over
  if (typeof over !== 'object' || over === null || Array.isArray(over)) return over === undefined ? base : over
  const out: Record<string, unknown> = {...(base as Record<string, unknown>)}
  for (const [key, value] of Object.entries(over as Record<string, unknown>)) out[key] = merge(out[key], value)
  return out
}

/** Check every field a layout stage reads; throw a TemplateError naming the first bad one. */
export function validateTemplate(template: Template, file: string): void {
  const fail = (field: string, what: string): never => {
    throw new TemplateError(`template ${file}: \`${field}\` ${what}`)
  }
  const positive = (value: unknown, field: string): void => {
    if (typeof value !== 'number' || !(value > 0)) fail(field, 'must be a positive number')
  }
  const whole = (value: unknown, field: string): void => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(field, 'must be a whole number ≥ 1')
  }
  if (template.kind !== 'newspaper' && template.kind !== 'handout') fail('kind', 'must be "newspaper" or "handout"')
  positive(template.page?.width, 'page.width')
  positive(template.page?.height, 'page.height')
  positive(template.body?.size, 'body.size')
  positive(template.body?.pitch, 'body.pitch')
  whole(template.body?.charsPerLine, 'body.charsPerLine')
  whole(template.body?.columns, 'body.columns')
  if (template.body.linesPerColumn !== undefined) whole(template.body.linesPerColumn, 'body.linesPerColumn')
  if (template.body.pitch < template.body.size * 1.2) fail('body.pitch', 'must leave a line gap of at least 20 % of body.size')
  if (!['basic', 'GB', 'strict', 'newspaper'].includes(template.kinsoku)) fail('kinsoku', 'must be basic, GB, strict or newspaper')
  if (!['quanjiao', 'kaiming', 'banjiao', 'centred'].includes(template.punctuation)) fail('punctuation', 'must be quanjiao, kaiming, banjiao or centred')
  if (!['dots', 'kai'].includes(template.emphasis)) fail('emphasis', 'must be dots or kai')
  positive(template.deck?.headline?.size, 'deck.headline.size')
  positive(template.deck?.note?.size, 'deck.note.size')
  for (const [depth, head] of Object.entries(template.heads ?? {})) {
    positive(head?.size, `heads.${depth}.size`)
    whole(head?.lines, `heads.${depth}.lines`)
    if (head.tint !== undefined && (typeof head.tint !== 'number' || !(head.tint >= 0 && head.tint <= 100))) fail(`heads.${depth}.tint`, 'must be a percentage from 0 to 100')
  }
  whole(template.figures?.autoSpan?.landscape, 'figures.autoSpan.landscape')
  whole(template.figures?.autoSpan?.panorama, 'figures.autoSpan.panorama')
  const widthPt = mm(template.page.width)
  const gridPt = template.body.size * (template.body.charsPerLine * template.body.columns + template.body.gutterChars * (template.body.columns - 1))
  if (gridPt > widthPt) fail('body', `type area (${gridPt.toFixed(1)} pt) is wider than the page (${widthPt.toFixed(1)} pt)`)
}

/** Millimetres to PDF points. */
export function mm(value: number): number {
  return (value * 72) / 25.4
}
