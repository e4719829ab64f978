import fc from 'fast-check'
import {expect, test} from 'vitest'
import PDFDocument from 'pdfkit'
import {toUnicodeCmap} from '../../../src/render/pdf/to-unicode-cmap.js'
import {openFontBook, fontFor} from '../../../src/shape/font-book.js'

/** pdfkit's own `EmbeddedFont.toUnicodeCmap`, run on the texts' code points: the text it writes (with the newline its write appends). */
function pdfkitCmap(texts: string[]): string {
  // pdfkit keeps each CID's text as code points (a lone surrogate is one of its own).
  const unicode = texts.map((text) => Array.from(text, (char) => char.codePointAt(0)!))
  const doc = new PDFDocument({autoFirstPage: false, font: null as unknown as string})
  doc.registerFont('song', fontFor(openFontBook({}), 'song') as unknown as string)
  doc.font('song')
  const embedded = (doc as unknown as {_font: object})._font
  let written = ''
  const method = (Object.getPrototypeOf(embedded) as {toUnicodeCmap: () => unknown}).toUnicodeCmap
  method.call({unicode, document: {ref: () => ({end: (text: string) => (written = `${text}\n`)})}})
  return written
}

const codePoints = fc.array(fc.oneof(fc.integer({min: 0x20, max: 0xffff}).filter((value) => value < 0xd800 || value > 0xdfff), fc.integer({min: 0x10000, max: 0x10ffff})), {minLength: 1, maxLength: 3})
const text = codePoints.map((points) => String.fromCodePoint(...points))

test('the ToUnicode CMap is the one pdfkit writes, byte for byte', () => {
  // CID 0 maps to U+0000 as pdfkit starts it; blocks of 256 CIDs; astral characters as surrogate pairs; a lone
  // surrogate and an empty text as pdfkit writes their code points.
  const examples: string[][] = [['\u0000'], ['\u0000', '中', '𠮷', 'fi'], ['\u0000', '\ud840', '', 'a\udc00b'], Array.from({length: 600}, (_, cid) => String.fromCodePoint(0x4e00 + cid))]
  for (const unicode of examples) expect(Buffer.from(toUnicodeCmap(unicode)).toString('latin1')).toBe(pdfkitCmap(unicode))
  fc.assert(
    fc.property(fc.array(text, {minLength: 1, maxLength: 700}), (unicode) => {
      expect(Buffer.from(toUnicodeCmap(unicode)).toString('latin1')).toBe(pdfkitCmap(unicode))
    }),
    {numRuns: 200, seed: 20261129}
  )
})
