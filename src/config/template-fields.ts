import {didYouMean} from '../diagnostics/did-you-mean.js'

/**
 * The fields a template may hold (`Template`, and `ResolvedHandout` for its
 * `handout` block): `true` for a value, an object for a group of fields.
 * `heads` holds one head style per Markdown heading depth (2–6).
 */
type Fields = {readonly [key: string]: true | Fields}

const TEXT_STYLE: Fields = {font: true, size: true}
const HEAD_STYLE: Fields = {font: true, size: true, lines: true, align: true, tint: true}

const TEMPLATE_FIELDS: Fields = {
  name: true,
  description: true,
  kind: true,
  page: {width: true, height: true, marginTop: true, marginBottom: true},
  body: {font: true, size: true, pitch: true, charsPerLine: true, linesPerColumn: true, columns: true, gutterChars: true, indentChars: true},
  kinsoku: true,
  punctuation: true,
  cjkLatin: {natural: true, min: true, max: true},
  emphasis: true,
  strong: true,
  deck: {kicker: TEXT_STYLE, headline: {...TEXT_STYLE, minSize: true}, subtitle: TEXT_STYLE, note: TEXT_STYLE, meta: TEXT_STYLE, span: true},
  heads: {2: HEAD_STYLE, 3: HEAD_STYLE, 4: HEAD_STYLE, 5: HEAD_STYLE, 6: HEAD_STYLE},
  qa: {label: true, question: true, hanging: true},
  furniture: {publication: true, section: true, show: true, size: true, font: true},
  figures: {dpi: true, grayscale: true, autoSpan: {landscape: true, panorama: true}},
  handout: {
    label: true,
    notesLines: true,
    notesTitle: true,
    leadOwnHandout: true,
    leadTitle: true,
    contentsTitle: true,
    title: {font: true, size: true, lines: true, align: true},
    labelStyle: TEXT_STYLE,
    band: TEXT_STYLE,
    running: TEXT_STYLE,
    footer: TEXT_STYLE,
    source: TEXT_STYLE,
    minSize: true
  }
}

/** Every field's path (`body.columns`), to point a field written in the wrong group to its place. */
const ALL_PATHS: readonly string[] = paths(TEMPLATE_FIELDS, '')

/**
 * The fields of a template's JSON that no stage reads, each as a message
 * naming its path and, where one is near, the field that was meant
 * (`columns` → `body.columns`, `body.colums` → `body.columns`). A key that
 * starts with `$` or `_` is the writer's own note (`$schema`, `_comment`)
 * and is let be. A misspelt field would otherwise be dropped without a
 * word, and the page set with the default.
 */
export function unknownTemplateFields(json: unknown): string[] {
  const problems: string[] = []
  const walk = (value: unknown, fields: Fields, prefix: string): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('$') || key.startsWith('_')) continue
      const path = `${prefix}${key}`
      const known = fields[key]
      if (known === undefined) problems.push(`unknown field \`${path}\`${hint(key, fields, prefix)}`)
      else if (known !== true) walk(child, known, `${path}.`)
    }
  }
  walk(json, TEMPLATE_FIELDS, '')
  return problems
}

/** ` (did you mean …?)` for a misspelt sibling, or for a field of that name in another group. */
function hint(key: string, siblings: Fields, prefix: string): string {
  const sibling = didYouMean(key, Object.keys(siblings))
  if (sibling !== undefined) return ` (did you mean \`${prefix}${sibling}\`?)`
  const elsewhere = ALL_PATHS.filter((path) => path.split('.').pop()!.toLowerCase() === key.toLowerCase())
  return elsewhere.length > 0 ? ` (did you mean ${elsewhere.map((path) => `\`${path}\``).join(' or ')}?)` : ''
}

function paths(fields: Fields, prefix: string): string[] {
  return Object.entries(fields).flatMap(([key, child]) => (child === true ? [`${prefix}${key}`] : [`${prefix}${key}`, ...paths(child, `${prefix}${key}.`)]))
}
