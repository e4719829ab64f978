/** Where a font's `glyf` and `loca` tables sit in its file. */
export interface GlyfSource {
  /** The whole font file. */
  bytes: Uint8Array
  glyfOffset: number
  glyfLength: number
  locaOffset: number
  /** `head.indexToLocFormat === 1`: loca holds uint32 offsets, else uint16 offsets / 2. */
  longLoca: boolean
  /** `maxp.numGlyphs` of the source font. */
  numGlyphs: number
}

/** The subset's glyph outlines: new glyph id `i` is old glyph id `glyphs[i]`. */
export interface CopiedGlyf {
  glyphs: number[]
  /** The new `glyf` table: each glyph's bytes, padded to 4 bytes. */
  glyf: Uint8Array
  /** The new `loca` table, long format (`glyphs.length + 1` uint32 offsets). */
  loca: Uint8Array
}

// Composite glyph flags (OpenType spec, glyf table, "Composite glyph description").
const ARG_1_AND_2_ARE_WORDS = 0x0001
const WE_HAVE_A_SCALE = 0x0008
const MORE_COMPONENTS = 0x0020
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
const WE_HAVE_A_TWO_BY_TWO = 0x0080
/** A glyph header is numberOfContours + bounding box: 5 int16. */
const GLYPH_HEADER_SIZE = 10

/**
 * Copy the raw `glyf` bytes of `glyphIds`, in order, into a new `glyf` and
 * long `loca`, the way fontkit's `TTFSubset.encode` does: the listed glyphs
 * keep their positions (new id `i` is `glyphIds[i]`), the components of
 * composite glyphs that are not listed are appended after them in the order
 * they are met (breadth first), and every component reference is rewritten to
 * its new id. Outlines and instructions are copied byte for byte.
 *
 * Control flow: pass 1 walks the growing glyph list to find every glyph's
 * bytes and the total size; pass 2 allocates once, copies, and patches the
 * component ids in the copy.
 */
export function copyGlyf(source: GlyfSource, glyphIds: readonly number[]): CopiedGlyf {
  const {bytes, numGlyphs} = source
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const newId = new Int32Array(numGlyphs).fill(-1)
  const glyphs: number[] = []
  const include = (gid: number, listed: boolean): void => {
    if (!Number.isInteger(gid) || gid < 0 || gid >= numGlyphs) throw new RangeError(`Glyph id ${gid} is outside 0..${numGlyphs - 1}`)
    if (newId[gid]! < 0) newId[gid] = glyphs.length
    else if (!listed) return
    glyphs.push(gid)
  }
  for (const gid of glyphIds) include(gid, true)

  // Pass 1: locate every glyph, adding the components of composites as they are met.
  const starts: number[] = []
  const lengths: number[] = []
  let size = 0
  for (let i = 0; i < glyphs.length; i++) {
    const gid = glyphs[i]!
    const start = source.glyfOffset + locaEntry(view, source, gid)
    const end = source.glyfOffset + locaEntry(view, source, gid + 1)
    if (end < start || end > source.glyfOffset + source.glyfLength) throw new RangeError(`Glyph ${gid} has a broken loca entry`)
    starts.push(start)
    lengths.push(end - start)
    size += pad4(end - start)
    if (isComposite(view, start, end)) forEachComponent(view, start, end, (at) => include(view.getUint16(at), false))
  }

  // Pass 2: copy into one buffer, rewriting component ids in the copy.
  const glyf = new Uint8Array(size)
  const glyfView = new DataView(glyf.buffer)
  const loca = new Uint8Array(4 * (glyphs.length + 1))
  const locaView = new DataView(loca.buffer)
  let offset = 0
  for (let i = 0; i < glyphs.length; i++) {
    const start = starts[i]!
    const length = lengths[i]!
    locaView.setUint32(4 * i, offset)
    glyf.set(bytes.subarray(start, start + length), offset)
    if (isComposite(glyfView, offset, offset + length)) {
      forEachComponent(glyfView, offset, offset + length, (at) => glyfView.setUint16(at, newId[glyfView.getUint16(at)]!))
    }
    offset += pad4(length)
  }
  locaView.setUint32(4 * glyphs.length, offset)
  return {glyphs, glyf, loca}
}

/** Offset of glyph `gid` inside `glyf`, from the short or long `loca`. */
function locaEntry(view: DataView, source: GlyfSource, gid: number): number {
  return source.longLoca ? view.getUint32(source.locaOffset + 4 * gid) : 2 * view.getUint16(source.locaOffset + 2 * gid)
}

/** A composite glyph has `numberOfContours < 0`; an empty glyph has no bytes. */
function isComposite(view: DataView, start: number, end: number): boolean {
  return end - start >= GLYPH_HEADER_SIZE && view.getInt16(start) < 0
}

/** Call `visit` with the byte offset of each component's `glyphIndex`. */
function forEachComponent(view: DataView, start: number, end: number, visit: (at: number) => void): void {
  let at = start + GLYPH_HEADER_SIZE
  for (;;) {
    if (at + 4 > end) throw new RangeError('Composite glyph runs past its end')
    const flags = view.getUint16(at)
    visit(at + 2)
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2)
    if (flags & WE_HAVE_A_SCALE) at += 2
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8
    if (!(flags & MORE_COMPONENTS)) return
  }
}

function pad4(length: number): number {
  return (length + 3) & ~3
}
