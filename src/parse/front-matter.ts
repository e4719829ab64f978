import {parseDocument, isMap, isScalar, type Node as YamlNode} from 'yaml'
import type {VFile} from 'vfile'
import type {ArticleMeta, Point, Position} from '../article/types.js'
import {report} from '../diagnostics/report.js'
import {didYouMean} from '../diagnostics/did-you-mean.js'

/** Front-matter keys paiban understands, with what each must hold. */
const KNOWN_KEYS: Record<string, 'string' | 'date' | 'number' | 'list'> = {
  title: 'string',
  kicker: 'string',
  subtitle: 'string',
  source: 'string',
  date: 'date',
  author: 'string',
  editor: 'string',
  hotline: 'string',
  lang: 'string',
  template: 'string',
  publication: 'string',
  section: 'string',
  page: 'number',
  keywords: 'list',
  license: 'string'
}

/** Text keys that may also be written as a list of names (`author: [张三, 李四]`). */
const NAME_LISTS = new Set(['author', 'editor'])

/** Languages the line engine has rules for. */
const LANGS = new Set(['zh-Hans', 'zh-Hant', 'zh-CN', 'zh-TW', 'zh-HK', 'zh'])

/**
 * Read and validate YAML front matter into `ArticleMeta`.
 *
 * `value` is the raw YAML text; `position` its place in the file (the YAML's
 * own line numbers are offset by it). Problems are diagnostics on `file`;
 * the title may be empty here and is filled from a heading later.
 */
export function readFrontMatter(value: string | undefined, position: Position | undefined, file: VFile, places?: Map<string, Point>): ArticleMeta {
  const meta: ArticleMeta = {title: '', lang: 'zh-Hans'}
  if (value === undefined) {
    report(file, 'warning', 'front-matter-missing', 'No YAML front matter: the article has no title, date or source', {line: 1, column: 1}, 'start the file with --- title: … ---')
    return meta
  }
  const lineOffset = position ? position.start.line : 0
  const document = parseDocument(value, {prettyErrors: true, uniqueKeys: true})
  const at = (node: YamlNode | null | undefined): {line: number; column: number} => {
    const offset = node?.range?.[0] ?? 0
    const before = value.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - before.lastIndexOf('\n')
    return {line: line + lineOffset, column}
  }
  for (const error of document.errors) {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1]
    // The YAML's own lines count from the line after the opening ---.
    // The YAML parser's "at line 2, column 1:" counts inside the front matter; the diagnostic carries the file's own.
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    report(file, 'error', 'front-matter-yaml', `Invalid YAML in front matter: ${reason}`, {line: line + lineOffset, column}, 'fix the YAML syntax; quote values that contain a colon')
  }
  if (document.errors.length > 0) return meta
  const root = document.contents
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    report(file, 'warning', 'front-matter-empty', 'Front matter is empty', position?.start, 'add at least `title:`')
    return meta
  }
  if (!isMap(root)) {
    report(file, 'error', 'front-matter-shape', 'Front matter must be a mapping of `key: value` lines', at(root))
    return meta
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode
    const key = isScalar(keyNode) ? String(keyNode.value) : ''
    const valueNode = pair.value as YamlNode | null
    const expected = KNOWN_KEYS[key]
    if (!expected) {
      const guess = didYouMean(key, Object.keys(KNOWN_KEYS))
      report(file, 'warning', 'front-matter-unknown-key', `Unknown front-matter key \`${key}\``, at(keyNode), guess ? `did you mean \`${guess}\`?` : 'it is ignored')
      continue
    }
    const raw = isScalar(valueNode) ? valueNode.value : valueNode ? valueNode.toJSON() : null
    if (raw === null || raw === undefined || raw === '') continue
    const place = at(valueNode ?? keyNode)
    places?.set(key, place)
    switch (expected) {
      case 'string': {
        if (typeof raw === 'string') (meta as unknown as Record<string, unknown>)[key] = raw.trim()
        else if (NAME_LISTS.has(key) && Array.isArray(raw) && raw.length > 0 && raw.every((name) => typeof name === 'string' || typeof name === 'number')) {
          // Several authors or editors as a YAML list: set as Chinese lists names, with 、 between them.
          ;(meta as unknown as Record<string, unknown>)[key] = raw.map((name) => String(name).trim()).filter(Boolean).join('、')
        } else if (typeof raw === 'number' || typeof raw === 'boolean') {
          report(file, 'warning', 'front-matter-type', `\`${key}\` should be text, got ${typeof raw} ${String(raw)}`, place, 'quote the value')
          ;(meta as unknown as Record<string, unknown>)[key] = String(raw)
        } else report(file, 'error', 'front-matter-type', `\`${key}\` should be text`, place, 'write one line of text')
        break
      }
      case 'date': {
        // Read the date as written: a timestamp with an offset (2024-03-05T01:00+08:00) keeps its own day.
        const written = valueNode?.range ? value.slice(valueNode.range[0], valueNode.range[1]).replace(/^!!timestamp\s*/, '').trim() : ''
        const iso = toIsoDate(raw instanceof Date ? (/^\d{4}-\d{1,2}-\d{1,2}/.exec(written)?.[0] ?? raw) : raw)
        if (iso) meta.date = iso
        else report(file, 'error', 'front-matter-date', `\`date\` is not a date: ${JSON.stringify(raw)}`, place, 'write YYYY-MM-DD (2024年3月5日 and 2024/3/5 are read too)')
        break
      }
      case 'number': {
        const number = typeof raw === 'number' ? raw : Number(raw)
        if (Number.isInteger(number) && number > 0) meta.page = number
        else report(file, 'error', 'front-matter-type', `\`${key}\` should be a positive whole number`, place)
        break
      }
      case 'list': {
        if (Array.isArray(raw)) meta.keywords = raw.map(String)
        else if (typeof raw === 'string') meta.keywords = raw.split(/[,，、]\s*/).filter(Boolean)
        break
      }
    }
  }
  if (!LANGS.has(meta.lang)) {
    report(file, 'warning', 'front-matter-lang', `Unknown lang \`${meta.lang}\`; using zh-Hans rules`, position?.start, 'use zh-Hans or zh-Hant')
  }
  meta.lang = /Hant|TW|HK/.test(meta.lang) ? 'zh-Hant' : 'zh-Hans'
  return meta
}

/** Turn a YAML date (Date object or string) into YYYY-MM-DD, or undefined. */
export function toIsoDate(raw: unknown): string | undefined {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 10)
  if (typeof raw === 'string') {
    // YYYY-MM-DD, and the other unambiguous forms a newsroom writes: 2024年3月5日, 2024/3/5, 2024.3.5
    // (full-width digits too), and a date-time, whose date is taken as written (2024-03-05T10:00+08:00).
    const match = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}\S*)?|年(\d{1,2})月(\d{1,2})日|\/(\d{1,2})\/(\d{1,2})|\.(\d{1,2})\.(\d{1,2}))$/u.exec(raw.normalize('NFKC').trim())
    if (!match) return undefined
    // Each form captures its month and day in its own pair of groups.
    const month = Number(match[2] ?? match[4] ?? match[6] ?? match[8])
    const day = Number(match[3] ?? match[5] ?? match[7] ?? match[9])
    const date = new Date(Date.UTC(Number(match[1]), month - 1, day))
    if (date.getUTCMonth() !== month - 1) return undefined
    return date.toISOString().slice(0, 10)
  }
  return undefined
}
