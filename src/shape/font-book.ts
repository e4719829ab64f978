import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import * as fontkit from 'fontkit'
import {listFontSources, resolveRole, type FontBookOptions, type FontSource} from './font-sources.js'
import {readFontFile} from './font-files.js'
import {statStamp} from '../memo/file-stamp.js'

export type {FontBookOptions, FontSource} from './font-sources.js'

/**
 * Font roles (字体角色): 宋 `song` for body, 黑 `hei` for headlines, labels and
 * heads, 楷 `kai` and 仿宋 `fangsong` for quotations and secondary titles.
 * Each role has a regular and a bold face; `fallback` fonts are tried per
 * character when a role's font lacks a glyph (rare ideographs, symbols).
 */
export type FontRole = 'song' | 'hei' | 'kai' | 'fangsong'

/** A resolved, parsed set of fonts. Fontkit objects never leave `src/shape`. */
export interface FontBook {
  /** Font keys in a stable order, fallbacks last. */
  readonly keys: readonly string[]
  /** Fallback font keys tried per character, in order. */
  readonly fallbacks: readonly string[]
  /** SHA-256 over every key and its file's name, size and time, for incremental builds. */
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
  const {sources, fallbacks} = listFontSources(options)
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
    // Size and mtime stand in for the bytes of a 15 MB font; a replaced file changes both.
    digest = `${path.basename(file)}:${statStamp(fs.statSync(file))}`
    digests.set(file, digest)
  }
  return digest
}

function loadFont(file: string): LoadedFont {
  let entry = loaded.get(file)
  if (!entry) {
    const font = fontkit.create(readFontFile(file)) as fontkit.Font
    entry = {font, file}
    loaded.set(file, entry)
  }
  return entry
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
  return resolveRole(book.keys, key)
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
