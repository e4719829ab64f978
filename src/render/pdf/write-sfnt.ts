/** One table of an sfnt font program: its four-letter tag and its bytes. */
export interface SfntTable {
  tag: string
  data: Uint8Array
}

/** `0xB1B0AFBA − sum(font)` goes into `head.checkSumAdjustment` (OpenType spec, `head` table). */
const CHECKSUM_MAGIC = 0xb1b0afba
/** Offset of `checkSumAdjustment` inside the `head` table. */
const HEAD_CHECKSUM_ADJUSTMENT = 8
const HEADER_SIZE = 12
const RECORD_SIZE = 16

/**
 * Write an sfnt (TrueType) font program from its tables.
 *
 * Table data is laid out in the order given (pass them in the order the
 * OpenType spec recommends for TrueType: head, hhea, maxp, hmtx, fpgm, prep,
 * cvt, loca, glyf, post), each padded with zeros to 4 bytes. The table
 * directory is sorted by tag, as the spec requires for binary search, and
 * carries real checksums; `head.checkSumAdjustment` is filled in last. The
 * `head` table's bytes at offset 8 are overwritten in the output only.
 */
export function writeSfnt(tables: readonly SfntTable[]): Uint8Array {
  const numTables = tables.length
  const entrySelector = numTables > 0 ? Math.floor(Math.log2(numTables)) : 0
  const searchRange = 2 ** entrySelector * RECORD_SIZE
  const directorySize = HEADER_SIZE + numTables * RECORD_SIZE

  // Lay out the data: every table starts on a 4-byte boundary.
  const offsets: number[] = []
  let size = directorySize
  for (const table of tables) {
    offsets.push(size)
    size += pad4(table.data.length)
  }

  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0x00010000) // sfntVersion: TrueType outlines
  view.setUint16(4, numTables)
  view.setUint16(6, searchRange)
  view.setUint16(8, entrySelector)
  view.setUint16(10, numTables * RECORD_SIZE - searchRange)

  // Copy the data, zeroing head.checkSumAdjustment before its checksum is taken.
  let headOffset = -1
  tables.forEach((table, i) => {
    const offset = offsets[i]!
    out.set(table.data, offset)
    if (table.tag === 'head') {
      headOffset = offset
      view.setUint32(offset + HEAD_CHECKSUM_ADJUSTMENT, 0)
    }
  })

  // Table records, sorted by tag (byte order; tags are ASCII).
  const order = tables.map((_, i) => i).sort((a, b) => compareTags(tables[a]!.tag, tables[b]!.tag))
  let fontSum = 0
  order.forEach((index, slot) => {
    const table = tables[index]!
    const offset = offsets[index]!
    const record = HEADER_SIZE + slot * RECORD_SIZE
    const sum = checksum(view, offset, pad4(table.data.length))
    for (let k = 0; k < 4; k++) out[record + k] = table.tag.charCodeAt(k) & 0xff
    view.setUint32(record + 4, sum)
    view.setUint32(record + 8, offset)
    view.setUint32(record + 12, table.data.length)
    fontSum = (fontSum + sum) >>> 0
  })

  // The whole-font sum is the directory's sum plus every (padded) table's sum.
  if (headOffset >= 0) {
    fontSum = (fontSum + checksum(view, 0, directorySize)) >>> 0
    view.setUint32(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (CHECKSUM_MAGIC - fontSum) >>> 0)
  }
  return out
}

/** Sum big-endian uint32 words modulo 2³² (`length` is a multiple of 4). */
function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0
  const end = offset + length
  for (let p = offset; p < end; p += 4) sum = (sum + view.getUint32(p)) >>> 0
  return sum
}

function pad4(length: number): number {
  return (length + 3) & ~3
}

function compareTags(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
