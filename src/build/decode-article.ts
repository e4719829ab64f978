import {isUtf8} from 'node:buffer'

/** Something to say about how an article's bytes were read. */
export interface DecodeNote {
  severity: 'error' | 'warning'
  ruleId: 'not-text' | 'encoding' | 'invalid-utf8'
  reason: string
  place: {line: number; column: number}
  hint: string
}

/** An article's text, or why there is none, and what to say about it. */
export type Decoded = {text: string; notes: DecodeNote[]} | {text?: undefined; notes: DecodeNote[]}

/**
 * Turn an article file's bytes into text. Articles are UTF-8; a newsroom
 * still meets files saved by older tools, and none of them is set silently
 * wrong:
 * - UTF-16 with a byte-order mark (Windows "Unicode") is read as such;
 * - a file that is not UTF-8 but is GB 18030 (which covers GBK and GB 2312)
 *   Chinese text is read as GB 18030, with a warning;
 * - a file with a few bytes that are not UTF-8 (a damaged file) is read with
 *   U+FFFD in their place, with a warning naming where they are;
 * - a file holding NUL bytes, or mostly not text, is no article (an error).
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be')
  const nul = bytes.indexOf(0)
  if (nul >= 0) return notText(bytes, nul, 'holds a NUL byte')
  if (isUtf8(bytes)) return {text: utf8.decode(bytes), notes: []}
  const invalid = invalidUtf8(bytes)
  const gb = gb18030(bytes)
  if (gb !== undefined && invalid.bytes >= MIN_FOREIGN_SHARE * nonAscii(bytes)) {
    return {text: gb, notes: [{severity: 'warning', ruleId: 'encoding', reason: 'The file is not UTF-8; it was read as GB 18030 (GBK, GB 2312)', place: {line: 1, column: 1}, hint: 'save it as UTF-8'}]}
  }
  if (invalid.bytes > MAX_DAMAGED_SHARE * bytes.length) return notText(bytes, invalid.offsets[0]!, 'is mostly not UTF-8 text')
  const places = invalid.offsets.map((offset) => placeOf(bytes, offset))
  // The warning stands at the first place; the others are listed.
  const others = places.slice(1, SHOWN_PLACES).map((place) => `${place.line}:${place.column}`)
  const more = places.length > SHOWN_PLACES ? ` and ${places.length - SHOWN_PLACES} more` : ''
  const reason = places.length === 1 ? 'Bytes here are not UTF-8; they are set as U+FFFD �' : `${places.length} runs of bytes are not UTF-8 (here, at ${others.join(', ')}${more}); each is set as U+FFFD �`
  return {text: utf8.decode(bytes), notes: [{severity: 'warning', ruleId: 'invalid-utf8', reason, place: places[0]!, hint: 'the file is damaged or mixes encodings: fix those bytes'}]}
}

/** GB 18030 text has almost no byte run that is valid UTF-8: at least this share of its non-ASCII bytes is not. */
const MIN_FOREIGN_SHARE = 0.5
/** Beyond this share of bytes that are not UTF-8, the file is not taken for damaged text. */
const MAX_DAMAGED_SHARE = 0.1
/** Places of invalid bytes named in the warning. */
const SHOWN_PLACES = 5

/** Invalid bytes become U+FFFD; a BOM is kept, as `fs.readFileSync(file, 'utf8')` keeps it (parsing drops it). */
const utf8 = new TextDecoder('utf-8', {ignoreBOM: true})

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return {text: new TextDecoder(encoding, {fatal: true}).decode(bytes), notes: []}
  } catch {
    return notText(bytes, 0, `starts as ${encoding.toUpperCase()} but is not`)
  }
}

/** The file as GB 18030, or undefined when it is not; GB 18030 text is mostly Han characters and fullwidth punctuation. */
function gb18030(bytes: Uint8Array): string | undefined {
  let text: string
  try {
    text = new TextDecoder('gb18030', {fatal: true}).decode(bytes)
  } catch {
    return undefined
  }
  let wide = 0
  let cjk = 0
  for (const char of text) {
    const cp = char.codePointAt(0)!
    if (cp < 0x80) continue
    wide++
    if ((cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2000 && cp <= 0x206f) || cp >= 0x20000) cjk++
  }
  return cjk >= 0.8 * wide ? text : undefined
}

function notText(bytes: Uint8Array, offset: number, what: string): Decoded {
  const place = placeOf(bytes, offset)
  return {notes: [{severity: 'error', ruleId: 'not-text', reason: `The file is not text: it ${what}`, place, hint: 'is it a Word document, a PDF or an image named .md? Save the article as UTF-8 text'}]}
}

/** Start offsets of the runs of bytes that are not UTF-8 (RFC 3629), and how many bytes they hold. */
function invalidUtf8(bytes: Uint8Array): {offsets: number[]; bytes: number} {
  const offsets: number[] = []
  let count = 0
  let inRun = false
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i)
    if (length > 0) {
      i += length
      inRun = false
      continue
    }
    if (!inRun) offsets.push(i)
    inRun = true
    count++
    i++
  }
  return {offsets, bytes: count}
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 (Unicode Table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!
  if (b0 < 0x80) return 1
  const tail = (at: number, low = 0x80, high = 0xbf): boolean => at < bytes.length && bytes[at]! >= low && bytes[at]! <= high
  if (b0 >= 0xc2 && b0 <= 0xdf) return tail(i + 1) ? 2 : 0
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80
    const high = b0 === 0xed ? 0x9f : 0xbf
    return tail(i + 1, low, high) && tail(i + 2) ? 3 : 0
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80
    const high = b0 === 0xf4 ? 0x8f : 0xbf
    return tail(i + 1, low, high) && tail(i + 2) && tail(i + 3) ? 4 : 0
  }
  return 0
}

function nonAscii(bytes: Uint8Array): number {
  let count = 0
  for (const byte of bytes) if (byte >= 0x80) count++
  return count
}

/** Line and column (in characters, counting each UTF-8 lead byte) of a byte offset, 1-based. */
function placeOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  let line = 1
  let column = 1
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i]!
    if (byte === 0x0a) {
      line++
      column = 1
    } else if (byte < 0x80 || byte >= 0xc0) column++
  }
  return {line, column}
}
