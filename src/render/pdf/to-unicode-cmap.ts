import {ByteWriter} from './byte-writer.js'

/**
 * The ToUnicode CMap of a CID font (ISO 32000-1 §9.10.3) whose CIDs map, in
 * order, to `unicode[cid]`'s code points: the text pdfkit's
 * `EmbeddedFont.toUnicodeCmap` writes, byte for byte (bfrange blocks of 256
 * CIDs, code points above U+FFFF as UTF-16 surrogate pairs), written straight
 * as bytes instead of through strings converted character by character.
 * Ends with the newline pdfkit appends to a string it writes.
 */
export function toUnicodeCmap(unicode: readonly (readonly number[])[]): Uint8Array {
  const out = new ByteWriter().ascii(CMAP_HEAD)
  const ranges = Math.ceil(unicode.length / RANGE_SIZE)
  out.number(ranges).ascii(' beginbfrange\n')
  for (let range = 0; range < ranges; range++) {
    const start = range * RANGE_SIZE
    const end = Math.min(start + RANGE_SIZE, unicode.length)
    if (range > 0) out.ascii('\n')
    out.ascii('<').hex4(start).ascii('> <').hex4(end - 1).ascii('> [')
    for (let cid = start; cid < end; cid++) {
      out.ascii(cid > start ? ' <' : '<')
      let first = true
      for (let value of unicode[cid]!) {
        if (value > 0xffff) {
          value -= 0x10000
          out.ascii(first ? '' : ' ').hex4(((value >>> 10) & 0x3ff) | 0xd800)
          first = false
          value = 0xdc00 | (value & 0x3ff)
        }
        out.ascii(first ? '' : ' ').hex4(value)
        first = false
      }
      out.ascii('>')
    }
    out.ascii(']')
  }
  return out.ascii(CMAP_TAIL).result()
}

/** CIDs per bfrange block, as pdfkit writes them. */
const RANGE_SIZE = 256

const CMAP_HEAD = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
`

const CMAP_TAIL = `
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`
