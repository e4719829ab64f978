import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import {getDocument, OPS} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {describe, expect, test} from 'vitest'
import {subsetTrueType, type TrueTypeSource} from '../../../src/render/pdf/subset-truetype.js'

// Noto Serif SC: long loca, no composites. Liberation Sans (bundled with pdfjs-dist):
// composites, cvt/fpgm/prep; Bold has short loca and numberOfHMetrics < numGlyphs,
// Italic has long loca.
const NOTO_SERIF = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'
const LIBERATION_BOLD = 'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Bold.ttf'
const LIBERATION_ITALIC = 'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Italic.ttf'

/** The parts of a fontkit font these tests touch (fontkit's own types do not list them). */
type Font = TrueTypeSource & {
  numGlyphs: number
  hhea: {numberOfMetrics: number}
  hmtx: {metrics: {toArray(): {advance: number; bearing: number}[]}; bearings: {toArray(): number[]}}
  glyphForCodePoint(cp: number): {id: number}
  getGlyph(id: number): {advanceWidth: number; path: {bbox: object; toSVG(): string}; _decode(): {numberOfContours: number; components?: {glyphID: number}[]} | null}
  createSubset(): {glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array}
}

const fonts = new Map<string, Font>()
function open(file: string): Font {
  let font = fonts.get(file)
  if (!font) fonts.set(file, (font = fontkit.create(fs.readFileSync(file)) as unknown as Font))
  return font
}
const parse = (bytes: Uint8Array): Font => fontkit.create(Buffer.from(bytes)) as unknown as Font
const glyphOf = (font: Font, char: string): number => font.glyphForCodePoint(char.codePointAt(0)!).id

/** Left side bearing of a glyph straight from hmtx (fontkit only exposes it on the table). */
function lsb(font: Font, gid: number): number {
  const n = font.hhea.numberOfMetrics
  return gid < n ? font.hmtx.metrics.toArray()[gid]!.bearing : font.hmtx.bearings.toArray()[gid - n]!
}

/** Composite glyphs, found by scanning glyf for numberOfContours < 0. */
function compositeGlyphs(font: Font): number[] {
  const bytes = font.stream.buffer
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const {glyf, loca, head} = font.directory.tables
  const long = view.getInt16(head!.offset + 50) === 1
  const at = (gid: number): number => (long ? view.getUint32(loca!.offset + 4 * gid) : 2 * view.getUint16(loca!.offset + 2 * gid))
  const found: number[] = []
  for (let gid = 0; gid < font.numGlyphs; gid++) {
    if (at(gid + 1) > at(gid) && view.getInt16(glyf!.offset + at(gid)) < 0) found.push(gid)
  }
  return found
}

/** The glyph order fontkit's TTFSubset ends with: listed glyphs, then components it added. */
function fontkitOrder(font: Font, glyphIds: readonly number[]): number[] {
  const subset = font.createSubset()
  for (const gid of glyphIds) subset.includeGlyph(gid)
  subset.encode()
  return subset.glyphs
}

/** Each new glyph must draw, advance and bear exactly like the old glyph it stands for. */
function expectSameGlyphs(original: Font, subset: Font, order: readonly number[]): void {
  expect(subset.numGlyphs).toBe(order.length)
  order.forEach((gid, i) => {
    const [before, after] = [original.getGlyph(gid), subset.getGlyph(i)]
    expect({gid, advance: after.advanceWidth, lsb: lsb(subset, i), bbox: after.path.bbox, path: after.path.toSVG()})
      .toEqual({gid, advance: before.advanceWidth, lsb: lsb(original, gid), bbox: before.path.bbox, path: before.path.toSVG()})
  })
}

describe('subsetTrueType', () => {
  test('CJK and Latin glyphs of Noto Serif SC parse back with the same advances, bearings and outlines', () => {
    const font = open(NOTO_SERIF)
    const ids = [0, ...[...'排版中文，。「」Typeset 2024'].map((char) => glyphOf(font, char))].filter((gid, i, all) => all.indexOf(gid) === i)
    const subset = parse(subsetTrueType(font, ids))
    expectSameGlyphs(font, subset, ids)
    expect(Object.keys(subset.directory.tables).sort()).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'post', 'prep'])
  })

  test.each([LIBERATION_BOLD, LIBERATION_ITALIC])('composites of %s: components follow the listed glyphs, as in fontkit, with ids rewritten', (file) => {
    const font = open(file)
    const composite = compositeGlyphs(font).find((gid) => gid > 100)!
    const tail = font.numGlyphs - 1 // beyond numberOfHMetrics in Bold: advance from the last long metric
    const ids = [0, glyphOf(font, 'A'), composite, glyphOf(font, 'é'), tail]
    const order = fontkitOrder(font, ids)
    expect(order.length).toBeGreaterThan(ids.length)
    const subset = parse(subsetTrueType(font, ids))
    expectSameGlyphs(font, subset, order)
    const components = (gid: number): number[] => font.getGlyph(gid)._decode()!.components!.map((c) => c.glyphID)
    order.forEach((gid, i) => {
      if (font.getGlyph(gid)._decode()?.numberOfContours! >= 0) return
      expect(components(gid)).toEqual(subset.getGlyph(i)._decode()!.components!.map((c) => order[c.glyphID]))
    })
    expect(subset.directory.tables['cvt ']).toBeDefined()
    expect(subset.directory.tables['fpgm']).toBeDefined()
  })

  test('writes a valid sfnt: sorted directory, aligned tables, checksums, checkSumAdjustment', () => {
    const font = open(LIBERATION_BOLD)
    const bytes = subsetTrueType(font, [0, glyphOf(font, 'é'), glyphOf(font, 'Q')])
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const sum = (offset: number, length: number): number => {
      let total = 0
      for (let p = offset; p < offset + length; p += 4) total = (total + view.getUint32(p)) >>> 0
      return total
    }
    const numTables = view.getUint16(4)
    expect([view.getUint32(0), view.getUint16(6), view.getUint16(8), view.getUint16(10)]).toEqual([0x00010000, 128, 3, numTables * 16 - 128])
    expect(bytes.length % 4).toBe(0)
    const tags: string[] = []
    for (let i = 0; i < numTables; i++) {
      const record = 12 + 16 * i
      tags.push(String.fromCharCode(...bytes.subarray(record, record + 4)))
      const [offset, length] = [view.getUint32(record + 8), view.getUint32(record + 12)]
      expect(offset % 4).toBe(0)
      const adjustment = tags[i] === 'head' ? view.getUint32(offset + 8) : 0
      expect((sum(offset, (length + 3) & ~3) - adjustment) >>> 0, tags[i]).toBe(view.getUint32(record + 4))
    }
    expect(tags).toEqual([...tags].sort())
    expect(sum(0, bytes.length)).toBe(0xb1b0afba)
  })

  test('is deterministic and leaves the source font bytes untouched', () => {
    const font = open(NOTO_SERIF)
    const before = Buffer.from(font.stream.buffer)
    const ids = [0, glyphOf(font, '报'), glyphOf(font, 'a')]
    const first = subsetTrueType(font, ids)
    expect(subsetTrueType(font, ids)).toEqual(first)
    expect(subsetTrueType(fontkit.create(fs.readFileSync(NOTO_SERIF)) as unknown as Font, ids)).toEqual(first)
    expect(Buffer.compare(before, font.stream.buffer)).toBe(0)
  })

  test('rejects glyph ids outside the font', () => {
    const font = open(LIBERATION_BOLD)
    expect(() => subsetTrueType(font, [0, font.numGlyphs])).toThrow(RangeError)
    expect(() => subsetTrueType(font, [0, -1])).toThrow(RangeError)
  })
})

const LINES = [
  {file: NOTO_SERIF, text: '发扬苏区干部好作风，以蝶变式发展促和谐护民安。'},
  {file: NOTO_SERIF, text: 'Typeset 排版 2024「中文」'},
  {file: LIBERATION_BOLD, text: 'Café déjà vu, naïve Ångström'}
]

/** A small PDF of LINES; `ours` swaps fontkit's subset encoder for subsetTrueType. */
function makePdf(ours: boolean): Promise<Uint8Array> {
  const doc = new PDFDocument({size: [420, 130], info: {CreationDate: new Date(0)}}) as unknown as PDFKit.PDFDocument & {
    _font: {font: TrueTypeSource; subset: {glyphs: number[]; encode(): Uint8Array}}
  }
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))))
  LINES.forEach(({file, text}, i) => {
    doc.registerFont(file, fs.readFileSync(file) as unknown as string)
    doc.font(file, 16)
    const embedded = doc._font
    if (ours) embedded.subset.encode = () => subsetTrueType(embedded.font, embedded.subset.glyphs)
    doc.text(text, 10, 15 + 35 * i, {lineBreak: false})
  })
  doc.end()
  return done
}

/** Text per line and, per embedded font, the outlines pdf.js draws from its font program. */
async function readWithPdfjs(bytes: Uint8Array): Promise<{text: string[]; outlines: string[][]; warnings: string[]}> {
  const warnings: string[] = []
  const log = console.log
  console.log = (...args: unknown[]) => void warnings.push(args.join(' '))
  try {
    const pdf = await getDocument({data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, fontExtraProperties: true}).promise
    const page = await pdf.getPage(1)
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : ''))
    const ops = await page.getOperatorList()
    const names = [...new Set(ops.fnArray.flatMap((fn, i) => (fn === OPS.setFont ? [ops.argsArray[i][0] as string] : [])))]
    const outlines = names.map((name) => {
      const program = parse((page.commonObjs.get(name) as {data: Uint8Array}).data)
      return Array.from({length: program.numGlyphs}, (_, gid) => program.getGlyph(gid).path.toSVG())
    })
    return {text: text.filter((line) => line.trim() !== ''), outlines, warnings}
  } finally {
    console.log = log
  }
}

describe('subsetTrueType inside pdfkit', () => {
  test('pdf.js extracts the text and draws the same outlines as with fontkit’s subset', async () => {
    const [theirs, ours] = await Promise.all([readWithPdfjs(await makePdf(false)), readWithPdfjs(await makePdf(true))])
    expect(ours.warnings).toEqual([])
    expect(ours.text).toEqual(LINES.map((line) => line.text))
    expect(ours.outlines).toHaveLength(2)
    expect(ours.outlines.every((glyphs) => glyphs.filter((svg) => svg !== '').length > 10)).toBe(true)
    expect(ours.outlines).toEqual(theirs.outlines)
  })

  const hasPdftoppm = ((): boolean => {
    try {
      execFileSync('pdftoppm', ['-v'], {stdio: 'ignore'})
      return true
    } catch {
      return false
    }
  })()

  test.skipIf(!hasPdftoppm)('poppler renders the same pixels as with fontkit’s subset', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-subset-'))
    const render = async (ours: boolean): Promise<Buffer> => {
      const file = path.join(dir, `${ours ? 'ours' : 'fontkit'}.pdf`)
      fs.writeFileSync(file, await makePdf(ours))
      return execFileSync('pdftoppm', ['-r', '100', '-gray', file])
    }
    const [theirs, ours] = await (async () => {
      try {
        return [await render(false), await render(true)]
      } finally {
        fs.rmSync(dir, {recursive: true, force: true})
      }
    })()
    expect(ours.length).toBeGreaterThan(1000)
    expect(ours.equals(theirs)).toBe(true)
    // Binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel; count the ink.
    const [width, height] = ours.toString('latin1', 0, 20).split(/\s+/).slice(1, 3).map(Number) as [number, number]
    const ink = ours.subarray(ours.length - width * height).filter((value) => value < 128).length
    expect(ink).toBeGreaterThan(1000)
  })
})
