import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import {createRequire} from 'node:module'
import * as fontkit from 'fontkit'

/**
 * Font roles (字体角色): 宋 `song` for body, 黑 `hei` for headlines, labels and
 * heads, 楷 `kai` and 仿宋 `fangsong` for quotations and secondary titles.
 * Each role has a regular and a bold face; `fallback` fonts are tried per
 * character when a role's font lacks a glyph (rare ideographs, symbols).
 */
export type FontRole = 'song' | 'hei' | 'kai' | 'fangsong'

/** One font file as paiban knows it. */
export interface FontSource {
  /** Font key used across the pipeline, e.g. `song`, `hei-bold`. */
  key: string
  file: string
}

const require = createRequire(import.meta.url)

/** The npm default for each font key: Noto Serif SC (宋) and Noto Sans SC (黑), OFL. */
const NPM_DEFAULTS: Record<string, string> = {
  song: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'song-bold': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  hei: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
  'hei-bold': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'
}

/** Where roles without a user font borrow from (no 楷/仿宋 ship with npm defaults). */
const ROLE_STAND_IN: Record<string, string> = {
  kai: 'song',
  'kai-bold': 'song-bold',
  fangsong: 'song',
  'fangsong-bold': 'song-bold'
}

/** Well-known places of rare-ideograph fonts (Debian `fonts-hanazono`: HanaMin A/B cover CJK Ext A–F). */
const KNOWN_FALLBACKS = ['/usr/share/fonts/truetype/hanazono/HanaMinA.ttf', '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf']

const FONT_EXTENSIONS = ['.ttf', '.otf']

/** Where the fonts of a build come from. */
export interface FontBookOptions {
  /** Folder with user fonts by role (`song.ttf`, `hei-bold.otf`, `kai.ttf`, `fallback-*.ttf`). */
  fontsDir?: string
  /** Look for Debian's HanaMin fonts for rare ideographs (default: true). */
  systemFallbacks?: boolean
}

/** A resolved, parsed set of fonts. Fontkit objects never leave `src/shape`. */
export interface FontBook {
  /** Font keys in a stable order, fallbacks last. */
  readonly keys: readonly string[]
  /** Fallback font keys tried per character, in order. */
  readonly fallbacks: readonly string[]
  /** SHA-256 over every font file's bytes, for incremental builds. */
  readonly hash: string
  /** Files behind each key. */
  readonly sources: readonly FontSource[]
}

interface LoadedFont {
  font: fontkit.Font
  file: string
}

const loaded = new Map<string, LoadedFont>()
const books = new Map<string, FontBook>()
const fontByKey = new Map<string, LoadedFont>()

/**
 * Resolve the font roles for a fonts folder and parse each file once per
 * process (cached by path), as a worker wants.
 */
export function openFontBook(options: FontBookOptions = {}): FontBook {
  const cacheKey = `${options.fontsDir ?? ''}|${options.systemFallbacks ?? true}`
  const cached = books.get(cacheKey)
  if (cached) return cached
  const sources: FontSource[] = []
  const user = options.fontsDir ? listUserFonts(options.fontsDir) : new Map<string, string>()
  for (const key of ['song', 'song-bold', 'hei', 'hei-bold', 'kai', 'kai-bold', 'fangsong', 'fangsong-bold']) {
    const file = user.get(key) ?? (NPM_DEFAULTS[key] ? require.resolve(NPM_DEFAULTS[key]) : undefined)
    if (file) sources.push({key, file})
  }
  const fallbacks: string[] = []
  for (const [key, file] of [...user].filter(([key]) => key.startsWith('fallback')).sort()) {
    sources.push({key, file})
    fallbacks.push(key)
  }
  if (options.systemFallbacks ?? true) {
    KNOWN_FALLBACKS.forEach((file, index) => {
      if (fs.existsSync(file)) {
        const key = `fallback-system-${index + 1}`
        sources.push({key, file})
        fallbacks.push(key)
      }
    })
  }
  const hash = crypto.createHash('sha256')
  // Fonts are parsed lazily, on first use of a key: a build that never needs HanaMin never reads it.
  for (const source of sources) hash.update(source.key).update(fileDigest(source.file))
  const keys = sources.map((source) => source.key)
  const book: FontBook = {keys, fallbacks, hash: hash.digest('hex'), sources}
  books.set(cacheKey, book)
  bookCacheKey.set(book, cacheKey)
  return book
}

const bookCacheKey = new WeakMap<FontBook, string>()
const digests = new Map<string, string>()

function fileDigest(file: string): string {
  let digest = digests.get(file)
  if (!digest) {
    const stat = fs.statSync(file)
    // Size and mtime stand in for the bytes of a 15 MB font; a replaced file changes both.
    digest = `${path.basename(file)}:${stat.size}:${Math.round(stat.mtimeMs)}`
    digests.set(file, digest)
  }
  return digest
}

function loadFont(file: string): LoadedFont {
  let entry = loaded.get(file)
  if (!entry) {
    const font = fontkit.create(fs.readFileSync(file)) as fontkit.Font
    entry = {font, file}
    loaded.set(file, entry)
  }
  return entry
}

/** Read `fonts/` for files named after a role key (`song.ttf`, `hei-bold.otf`, `fallback-1.ttf`). */
function listUserFonts(dir: string): Map<string, string> {
  const fonts = new Map<string, string>()
  if (!fs.existsSync(dir)) return fonts
  for (const name of fs.readdirSync(dir).sort()) {
    const extension = path.extname(name).toLowerCase()
    if (!FONT_EXTENSIONS.includes(extension)) continue
    fonts.set(path.basename(name, path.extname(name)).toLowerCase(), path.join(dir, name))
  }
  return fonts
}

/**
 * Get the fontkit font behind a key; roles without a font of their own use
 * their stand-in (楷 → 宋). Only `src/shape` and `src/render/pdf` call this.
 */
export function fontFor(book: FontBook, key: string): fontkit.Font {
  return loadedFor(book, key).font
}

/** The file behind a key (after stand-ins). */
export function fileFor(book: FontBook, key: string): string {
  return loadedFor(book, key).file
}

/** Resolve a key to the key that really has a font (楷 → 宋 when no 楷 font is installed). */
export function resolveKey(book: FontBook, key: string): string {
  if (book.keys.includes(key)) return key
  const standIn = ROLE_STAND_IN[key]
  if (standIn && book.keys.includes(standIn)) return standIn
  return book.keys.includes(`${key.split('-')[0]}`) ? key.split('-')[0]! : 'song'
}

function loadedFor(book: FontBook, key: string): LoadedFont {
  const resolved = resolveKey(book, key)
  const cacheKey = `${bookCacheKey.get(book)}#${resolved}`
  let entry = fontByKey.get(cacheKey)
  if (!entry) {
    const source = book.sources.find((candidate) => candidate.key === resolved)
    if (!source) throw new Error(`font key ${key} is not in the font book`)
    entry = loadFont(source.file)
    fontByKey.set(cacheKey, entry)
  }
  return entry
}

const unencoded = new Map<string, number[]>()

/**
 * Glyph ids of a font that no character maps to (vertical and half-width
 * alternates), highest first. The renderer borrows them, drawn invisibly,
 * to carry characters that no font has in the PDF text layer.
 */
export function unencodedGlyphIds(book: FontBook, key: string): number[] {
  const file = fileFor(book, key)
  let ids = unencoded.get(file)
  if (!ids) {
    const font = fontFor(book, key)
    const encoded = new Set<number>()
    for (const cp of font.characterSet) encoded.add(font.glyphForCodePoint(cp).id)
    ids = []
    for (let id = font.numGlyphs - 1; id > 0 && ids.length < 256; id--) if (!encoded.has(id)) ids.push(id)
    unencoded.set(file, ids)
  }
  return ids
}
