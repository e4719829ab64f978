import {copyGlyf} from './copy-glyf.js'
import {writeSfnt, type SfntTable} from './write-sfnt.js'

/** A table directory entry: where a table's bytes sit in the font file. */
export interface SfntTableRecord {
  offset: number
  length: number
}

/**
 * What the subsetter reads from a fontkit `TTFFont`: the raw file bytes and
 * the parsed table directory. Nothing else of fontkit is used, so no table is
 * decoded. A fontkit font opened from a `.ttf` (or a font of a `.ttc`) has
 * exactly these properties at run time.
 */
export interface TrueTypeSource {
  /** fontkit's format name; only `'TTF'` (uncompressed sfnt) can be read raw. */
  type?: string
  stream: {buffer: Uint8Array}
  directory: {tables: Readonly<Record<string, SfntTableRecord | undefined>>}
  /** Set on a variable-font instance (`font.getVariation(...)`), whose outlines are not the raw ones. */
  variationCoords?: unknown
}

// Field offsets (OpenType spec: head, hhea, maxp, post).
const HEAD_INDEX_TO_LOC_FORMAT = 50
const HHEA_NUMBER_OF_HMETRICS = 34
const MAXP_NUM_GLYPHS = 4
const POST_HEADER_SIZE = 32
const POST_VERSION_3 = 0x00030000

/**
 * Subset a TrueType (glyf) font for embedding as a CIDFontType2 with
 * `CIDToGIDMap /Identity`: new glyph id `i` draws old glyph `glyphIds[i]`
 * (`glyphIds[0]` should be 0, `.notdef`), and components of composite glyphs
 * follow the listed glyphs. This is the font program fontkit's
 * `TTFSubset.encode()` writes for pdfkit, built by copying raw bytes instead
 * of decoding and re-encoding tables.
 *
 * Tables written: head (long loca, real checkSumAdjustment), hhea, maxp,
 * hmtx (one full metric per glyph), loca, glyf, cvt/fpgm/prep when present
 * (hinting programs refer to no glyph ids), and post 3.0 (no glyph names).
 * These are the tables ISO 32000-1 §9.9 needs for a TrueType font program in
 * a CIDFont; cmap, name and OS/2 are left out, as fontkit leaves them out.
 */
export function subsetTrueType(font: TrueTypeSource, glyphIds: readonly number[]): Uint8Array {
  if (font.type !== undefined && font.type !== 'TTF') throw new TypeError(`Cannot subset a ${font.type} font from its raw bytes`)
  if (font.variationCoords != null) throw new TypeError('Cannot subset a variable-font instance from its raw bytes')
  const bytes = font.stream.buffer
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tables = font.directory.tables
  const required = (tag: string): SfntTableRecord => {
    const record = tables[tag]
    if (!record) throw new TypeError(`Font has no '${tag}' table`)
    return record
  }
  const raw = (record: SfntTableRecord): Uint8Array => bytes.subarray(record.offset, record.offset + record.length)
  const head = required('head')
  const hhea = required('hhea')
  const maxp = required('maxp')
  const hmtx = required('hmtx')
  const glyfRecord = required('glyf')

  // Copy outlines; `glyphs` is the final glyph order, components included.
  const {glyphs, glyf, loca} = copyGlyf({
    bytes,
    glyfOffset: glyfRecord.offset,
    glyfLength: glyfRecord.length,
    locaOffset: required('loca').offset,
    longLoca: view.getInt16(head.offset + HEAD_INDEX_TO_LOC_FORMAT) === 1,
    numGlyphs: view.getUint16(maxp.offset + MAXP_NUM_GLYPHS)
  }, glyphIds)
  const numGlyphs = glyphs.length

  // Horizontal metrics: a full (advance, lsb) pair for every new glyph.
  const numberOfHMetrics = view.getUint16(hhea.offset + HHEA_NUMBER_OF_HMETRICS)
  if (numberOfHMetrics === 0) throw new TypeError('Font has no horizontal metrics')
  const hmtxOut = new Uint8Array(4 * numGlyphs)
  const hmtxView = new DataView(hmtxOut.buffer)
  glyphs.forEach((gid, i) => {
    const long = Math.min(gid, numberOfHMetrics - 1)
    const lsbAt = gid < numberOfHMetrics ? hmtx.offset + 4 * gid + 2 : hmtx.offset + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics)
    hmtxView.setUint16(4 * i, view.getUint16(hmtx.offset + 4 * long))
    hmtxView.setInt16(4 * i + 2, view.getInt16(lsbAt))
  })

  // Header tables: copies with the counts and loca format patched.
  const headOut = patched(raw(head), (v) => v.setInt16(HEAD_INDEX_TO_LOC_FORMAT, 1))
  const hheaOut = patched(raw(hhea), (v) => v.setUint16(HHEA_NUMBER_OF_HMETRICS, numGlyphs))
  const maxpOut = patched(raw(maxp), (v) => v.setUint16(MAXP_NUM_GLYPHS, numGlyphs))

  // In the order the OpenType spec recommends for TrueType fonts.
  const out: SfntTable[] = [
    {tag: 'head', data: headOut},
    {tag: 'hhea', data: hheaOut},
    {tag: 'maxp', data: maxpOut},
    {tag: 'hmtx', data: hmtxOut}
  ]
  for (const tag of ['fpgm', 'prep', 'cvt ']) {
    const record = tables[tag]
    if (record) out.push({tag, data: raw(record)})
  }
  out.push({tag: 'loca', data: loca}, {tag: 'glyf', data: glyf})
  const post = tables['post']
  if (post && post.length >= POST_HEADER_SIZE) {
    out.push({tag: 'post', data: patched(raw(post).subarray(0, POST_HEADER_SIZE), (v) => v.setUint32(0, POST_VERSION_3))})
  }
  return writeSfnt(out)
}

/** Copy `data` and let `patch` edit the copy (never the font's own bytes: `Buffer#slice` would not copy). */
function patched(data: Uint8Array, patch: (view: DataView) => void): Uint8Array {
  const copy = new Uint8Array(data)
  patch(new DataView(copy.buffer))
  return copy
}
