import {ByteWriter} from './byte-writer.js'

/**
 * The ToUnicode CMap of a CID font (ISO 32000-1 §9.10.3) whose CIDs map, in
 * order, to the text `unicode[cid]`: the text pdfkit's
 * `EmbeddedFont.toUnicodeCmap` writes for those texts' code points, byte for
 * byte (bfrange blocks of 256 CIDs, each text as its UTF-16 code units, so
 * that a character above U+FFFF is a surrogate pair), written straight as
 * bytes instead of through strings converted character by character. Ends
 * with the newline pdfkit appends to a string it writes.
 */
export function toUnicodeCmap(unicode: readonly string[]): Uint8Array {
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
      const text = unicode[cid]!
      for (let unit = 0; unit < text.length; unit++) {
        if (unit > 0) out.ascii(' ')
        out.hex4(text.charCodeAt(unit))
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
