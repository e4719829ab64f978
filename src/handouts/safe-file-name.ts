/** Options of `safeFileName`. */
export interface SafeFileNameOptions {
  /** Longest name in UTF-8 bytes; cut at a character (grapheme) boundary (default: 80). */
  maxBytes?: number
  /** Name used when nothing printable is left (default: `未命名`). */
  fallback?: string
}

/**
 * Characters Windows forbids in names (and `/`, which POSIX forbids),
 * replaced by their full-width forms so the name still reads the same in
 * Chinese: `问题:如何认定?` → `问题：如何认定？`.
 */
const FULL_WIDTH: Record<string, string> = {'\\': '＼', '/': '／', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜'}

/** C0/C1 controls and invisible format characters: zero-width space, bidi marks and overrides, word joiner, BOM (ZWJ/ZWNJ stay: they join emoji and scripts). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** Names Windows reserves whatever the extension (CON, NUL, COM1 …). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i

const graphemes = new Intl.Segmenter('zh', {granularity: 'grapheme'})
const encoder = new TextEncoder()

/**
 * Make a title safe as a file name on every common file system (NTFS, FAT,
 * APFS, ext4): NFC, no controls or invisible characters, the nine reserved
 * ASCII characters turned full-width, whitespace runs folded to one space,
 * no leading or trailing dots and spaces, no reserved device name, and at
 * most `maxBytes` UTF-8 bytes without cutting a character. Chinese is kept.
 */
export function safeFileName(title: string, options: SafeFileNameOptions = {}): string {
  const maxBytes = options.maxBytes ?? 80
  let name = title
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/[\\/:*?"<>|]/g, (char) => FULL_WIDTH[char]!)
  name = trimEnds(name)
  name = trimEnds(cutToBytes(name, maxBytes))
  if (name === '') return options.fallback ?? '未命名'
  return RESERVED.test(name) ? `${name}_` : name
}

/** Drop leading and trailing spaces and dots (Windows drops trailing ones; a leading dot hides a file). */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/gu, '')
}

/** The longest prefix of whole graphemes that fits in `maxBytes` UTF-8 bytes. */
function cutToBytes(name: string, maxBytes: number): string {
  if (encoder.encode(name).length <= maxBytes) return name
  let out = ''
  let bytes = 0
  for (const {segment} of graphemes.segment(name)) {
    const size = encoder.encode(segment).length
    if (bytes + size > maxBytes) break
    out += segment
    bytes += size
  }
  return out
}
