/**
 * Keys of the font-program memo, as strings of UTF-16 code units: cheaper to
 * make than text (joining 600 glyph ids with commas, or each CID's text
 * after its length, took some 60 µs a font) and as exact, since every value
 * is one code unit.
 */

/** Code units per `String.fromCharCode` call: well under the engine's limit on arguments. */
const CHUNK = 8192

function unitsToString(units: Uint16Array): string {
  let text = ''
  for (let at = 0; at < units.length; at += CHUNK) text += String.fromCharCode.apply(null, units.subarray(at, at + CHUNK) as unknown as number[])
  return text
}

/**
 * A glyph list, one code unit per glyph id below U+FFFF (TrueType glyph ids
 * are 16-bit); any other id as U+FFFF and its two halves, so that no two
 * lists make one key.
 */
export function glyphListKey(glyphs: readonly number[]): string {
  let size = glyphs.length
  for (const id of glyphs) if (id >= 0xffff) size += 2
  const units = new Uint16Array(size)
  let n = 0
  for (const id of glyphs) {
    if (id >= 0xffff) {
      units[n++] = 0xffff
      units[n++] = id >>> 16
      units[n++] = id & 0xffff
    } else {
      units[n++] = id
    }
  }
  return unitsToString(units)
}

/**
 * The text of each CID in order, each after its length in code units, so
 * that no two lists make one key (`["ab", "c"]` and `["a", "bc"]` differ).
 */
export function cidTextKey(unicode: readonly string[]): string {
  let size = 0
  for (const text of unicode) size += 1 + text.length
  const units = new Uint16Array(size)
  let n = 0
  for (const text of unicode) {
    units[n++] = text.length
    for (let unit = 0; unit < text.length; unit++) units[n++] = text.charCodeAt(unit)
  }
  return unitsToString(units)
}
