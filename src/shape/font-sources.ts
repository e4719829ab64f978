import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'

/** One font file as paiban knows it. */
export interface FontSource {
  /** Font key used across the pipeline, e.g. `song`, `hei-bold`. */
  key: string
  file: string
}

/** Where the fonts of a build come from. */
export interface FontBookOptions {
  /** Folder with user fonts by role (`song.ttf`, `hei-bold.otf`, `kai.ttf`, `fallback-*.ttf`). */
  fontsDir?: string
  /** Look for Debian's HanaMin fonts for rare ideographs (default: true). */
  systemFallbacks?: boolean
}

const require = createRequire(import.meta.url)

/** Role keys in book order: regular and bold of 宋, 黑, 楷, 仿宋. */
export const ROLE_KEYS: readonly string[] = ['song', 'song-bold', 'hei', 'hei-bold', 'kai', 'kai-bold', 'fangsong', 'fangsong-bold']

/** Where roles without a user font borrow from (no 楷/仿宋 ship with npm defaults). */
const ROLE_STAND_IN: Record<string, string> = {
  kai: 'song',
  'kai-bold': 'song-bold',
  fangsong: 'song',
  'fangsong-bold': 'song-bold'
}

/**
 * The key that really has a font among `keys` (楷 → 宋 when no 楷 font is
 * installed); `resolveKey` of a font book, here so that it needs no font
 * opened.
 */
export function resolveRole(keys: readonly string[], key: string): string {
  if (keys.includes(key)) return key
  const standIn = ROLE_STAND_IN[key]
  if (standIn && keys.includes(standIn)) return standIn
  return keys.includes(`${key.split('-')[0]}`) ? key.split('-')[0]! : 'song'
}

/** The npm default for each font key: Noto Serif SC (宋) and Noto Sans SC (黑), OFL. */
const NPM_DEFAULTS: Record<string, string> = {
  song: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'song-bold': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  hei: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
  'hei-bold': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'
}

/** Well-known places of rare-ideograph fonts (Debian `fonts-hanazono`: HanaMin A/B cover CJK Ext A–F). */
const KNOWN_FALLBACKS = ['/usr/share/fonts/truetype/hanazono/HanaMinA.ttf', '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf']

const FONT_EXTENSIONS = ['.ttf', '.otf']

/** A file name the fonts folder is read for (`.ttf`, `.otf`, in any case). */
export function isFontFileName(name: string): boolean {
  return FONT_EXTENSIONS.includes(path.extname(name).toLowerCase())
}

/**
 * The font files of a build, without opening any: a user font for a role
 * wins over the npm default; then the user's `fallback-*` fonts and the
 * system's rare-ideograph fonts, which `fallbacks` lists in the order they are
 * tried.
 */
export function listFontSources(options: FontBookOptions = {}): {sources: FontSource[]; fallbacks: string[]} {
  const sources: FontSource[] = []
  const user = options.fontsDir ? listUserFonts(options.fontsDir) : new Map<string, string>()
  for (const key of ROLE_KEYS) {
    const file = user.get(key) ?? (NPM_DEFAULTS[key] ? require.resolve(NPM_DEFAULTS[key]) : undefined)
    if (file) sources.push({key, file})
  }
  const fallbacks: string[] = []
  for (const [key, file] of [...user].filter(([key]) => isFallbackKey(key)).sort()) {
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
  return {sources, fallbacks}
}

/**
 * Font files in `dir` that no role takes: named after no role key and not
 * `fallback-*`. The build never opens them (`SourceHanSerifSC-Regular.otf`
 * dropped into `fonts/` as it came), so the caller says so.
 */
export function strayFontFiles(dir: string): string[] {
  return [...listUserFonts(dir)].filter(([key]) => !ROLE_KEYS.includes(key) && !isFallbackKey(key)).map(([, file]) => file)
}

/** A user font the book takes after the roles' own (`fallback-1.ttf`). */
function isFallbackKey(key: string): boolean {
  return key.startsWith('fallback')
}

/** Read `fonts/` for files named after a role key (`song.ttf`, `hei-bold.otf`, `fallback-1.ttf`). */
function listUserFonts(dir: string): Map<string, string> {
  const fonts = new Map<string, string>()
  if (!fs.existsSync(dir)) return fonts
  for (const name of fs.readdirSync(dir).sort()) {
    if (!isFontFileName(name)) continue
    fonts.set(path.basename(name, path.extname(name)).toLowerCase(), path.join(dir, name))
  }
  return fonts
}
