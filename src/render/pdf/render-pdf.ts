import {deflateSync} from 'node:zlib'
import PDFDocument from 'pdfkit'
import type {PagedDocument} from '../../page/types.js'
import type {Item, TextItem} from '../../compose/types.js'
import type {Atom} from '../../text/atom.js'
import {fontFor, unencodedGlyphIds, type FontBook} from '../../shape/font-book.js'
import {subsetTrueType, type TrueTypeSource} from './subset-truetype.js'
import type {FontProgramMemo} from './font-program-memo.js'
import {ByteWriter} from './byte-writer.js'
import {toUnicodeCmap} from './to-unicode-cmap.js'
import {cidTextKey, glyphListKey} from './memo-keys.js'

/** Options of the PDF writer. */
export interface RenderPdfOptions {
  /** Deflate content streams and fonts (default: true; tests turn it off to read streams). */
  compress?: boolean
  /** Draw the grid, column frames and baselines (the `--debug` view). */
  debug?: {columnsXPt: number[]; measurePt: number; topPt: number; pitchPt: number; lines: number; baselineOffsetPt: number}
  /** Deflated font programs kept across documents written with the same font book (absent: subset and deflate every font). */
  fontPrograms?: FontProgramMemo
}

/** The subset of pdfkit's EmbeddedFont we drive directly (glyph ids in, CIDs out). */
interface EmbeddedFont {
  id: string
  document: Doc
  font: {getGlyph(id: number): {advanceWidth: number}}
  subset: Subset
  widths: number[]
  /** Each CID's text (ToUnicode): the glyph's own string, where pdfkit keeps an array of code points. */
  unicode: string[]
  scale: number
  ref(): unknown
  toUnicodeCmap(): unknown
  /** Deflated CMaps kept across documents (`unicodeCmap`); absent: the CMap is made and left to pdfkit to deflate. */
  cmapMemo?: FontProgramMemo | undefined
}

/** fontkit's subset of one font in one document, with the fields our hooks read (`useFastSubset`). */
interface Subset {
  includeGlyph(id: number): number
  glyphs: number[]
  encode(): Uint8Array
  cff?: unknown
  /** Glyph id → CID + 1 (`useCidTable`). */
  cids?: Uint32Array
  source?: TrueTypeSource
  /** Deflated programs kept across documents, and this font's part of their key. */
  programs?: {memo: FontProgramMemo; key: string}
}

/** The part of pdfkit's PDFReference (an indirect object, maybe a stream) the deflate hook touches. */
interface Reference {
  compress: boolean
  buffer: Uint8Array[]
  data: Record<string, unknown>
  finalize(): void
  end(chunk?: Uint8Array): void
}

type Doc = Omit<InstanceType<typeof PDFDocument>, 'ref' | 'info'> & {info: Record<string, string | Date | undefined>; appendXML(xml: string, newline?: boolean): void; _addInfo(): void; _font: EmbeddedFont; page: {fonts: Record<string, unknown>}; addContent(data: string | Uint8Array): Doc; ref(data?: Record<string, unknown>): Reference; _write(data: string | Uint8Array): void; _finalize(): void; _offset: number}

/** pdfkit's own methods, which the hooks below call on. */
const pdfkit = PDFDocument.prototype as unknown as {ref(this: Doc, data?: Record<string, unknown>): Reference; _finalize(this: Doc): void}

/*
 * The hooks set on pdfkit's and fontkit's objects (a document's `_write`, a
 * stream's `finalize`, a subset's `encode`, ...) are functions of this module
 * that read what they need from fields of the object they are called on,
 * never closures made for one document. A closure stored there kept its
 * document alive through V8's young-generation collections until the next
 * full one: each article of the flagship left some 300 KB (its pages, lines
 * and PDF objects) for a scavenge to copy and promote and a full collection
 * to free again (tests/e2e/young-survivors.test.ts).
 */

/** Round to 1e-3 pt at the render boundary so output is stable (react-pdf `number()`). */
function n(value: number): string {
  const rounded = Math.round(value * 1000) / 1000
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/**
 * Write a paged document as PDF bytes with pdfkit: fonts subset and embedded
 * as CID fonts with exact ToUnicode, glyphs drawn at absolute positions with
 * `TJ` adjustments, rules, images, links, outline and metadata. The only
 * module that imports pdfkit. Same input, same bytes: dates come from the
 * article, never from the clock.
 */
export function renderPdf(document: PagedDocument, book: FontBook, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const date = document.info.date ? new Date(`${document.info.date}T00:00:00Z`) : new Date(0)
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default Helvetica: pdfkit would parse its AFM metrics for every document, and we never use it.
    font: null as unknown as string,
    compress: options.compress ?? true,
    lang: document.info.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    // Only what the article says: an empty Author would disagree with the metadata, which leaves it out.
    info: {
      Title: document.info.title,
      ...(document.info.author ? {Author: document.info.author} : {}),
      ...(document.info.subject ? {Subject: document.info.subject} : {}),
      ...(document.info.keywords ? {Keywords: document.info.keywords} : {}),
      Creator: 'paiban',
      Producer: 'paiban (pdfkit)',
      CreationDate: date,
      ModDate: date
    }
  }) as unknown as Doc
  // An undated article makes an undated file. pdfkit stamps the clock on a document given no date, so the epoch
  // above stood in while it made the file's ID (from the info), and goes now.
  if (!document.info.date) {
    delete doc.info['CreationDate']
    delete doc.info['ModDate']
  }
  const compress = options.compress ?? true
  if (compress) useFastDeflate(doc)
  useEscapedMetadata(doc)
  const done = new Promise<Uint8Array>((resolve, reject) => {
    collectBytes(doc, resolve)
    doc.on('error', reject)
  })
  const fonts = new Map<string, EmbeddedFont>()
  const releases: (() => void)[] = []
  const embedded = (key: string): EmbeddedFont => {
    let font = fonts.get(key)
    if (!font) {
      doc.registerFont(key, fontFor(book, key) as unknown as string)
      doc.font(key)
      font = doc._font
      // CID 0 (.notdef) maps to U+0000, as pdfkit starts its list.
      font.unicode = ['\u0000']
      const release = useFastSubset(font, compress ? {memo: options.fontPrograms, key: `${book.hash}|${key}`} : undefined)
      if (release) releases.push(release)
      font.cmapMemo = compress ? options.fontPrograms : undefined
      font.toUnicodeCmap = unicodeCmap
      fonts.set(key, font)
    }
    return font
  }
  // Characters no font has still go into the text layer: each gets an unencoded glyph of the 宋 font,
  // drawn invisibly (render mode 3) with a ToUnicode entry for the character, under a visible box.
  const carriers = new Map<string, number>()
  const spare = (): number[] => unencodedGlyphIds(book, 'song')
  const carrier = (text: string): {font: EmbeddedFont; cid: number} | undefined => {
    const font = embedded('song')
    let cid = carriers.get(text)
    if (cid === undefined) {
      const id = spare()[carriers.size]
      if (id === undefined) return undefined
      cid = font.subset.includeGlyph(id)
      font.widths[cid] = advanceWidth(font.font, id) * font.scale
      font.unicode[cid] = text
      carriers.set(text, cid)
    }
    return {font, cid}
  }
  includeGlyphsInOrder(document, embedded)
  document.pages.forEach((page, index) => {
    doc.addPage({size: [page.widthPt, page.heightPt], margins: {top: 0, bottom: 0, left: 0, right: 0}})
    // The page is the trimmed sheet (nothing bleeds off it): say so, as PDF/X and print preflight ask (ISO 15930, TrimBox).
    ;(doc.page as unknown as {dictionary: {data: Record<string, unknown>}}).dictionary.data.TrimBox = [0, 0, page.widthPt, page.heightPt]
    for (const entry of document.outline) if (entry.page === index) doc.outline.addItem(entry.title)
    drawGraphics(doc, page.items, document)
    drawText(doc, page.items.filter((item): item is TextItem => item.type === 'text'), page.heightPt, embedded, carrier)
    if (options.debug) drawDebug(doc, options.debug)
  })
  doc.end()
  // The CID tables go back to the pool once the fonts are written (at the end, with the trailer).
  return done.finally(() => {
    for (const release of releases) release()
  })
}

/**
 * Collect the file's bytes as pdfkit writes them, and hand them over when it
 * has written the trailer. pdfkit's own route is a readable stream, which
 * turns each of its hundreds of small writes into a Buffer and an event.
 * Offsets (for the xref table) are kept as pdfkit keeps them.
 */
function collectBytes(doc: Doc, resolve: (bytes: Uint8Array) => void): void {
  // The header went out through the stream while the document was made: take it from there.
  const header = (doc as unknown as {read(): Buffer | null}).read()
  const collecting = doc as Collecting
  collecting.chunks = header ? [header] : []
  collecting.resolveBytes = resolve
  doc._write = writeCollected
  doc._finalize = finalizeCollected
}

/** A document whose bytes `collectBytes` collects. */
type Collecting = Doc & {chunks: Uint8Array[]; resolveBytes: (bytes: Uint8Array) => void}

function writeCollected(this: Collecting, data: string | Uint8Array): void {
  // pdfkit writes strings of bytes (each character one byte) and byte arrays, and ends each string with a newline.
  const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data
  this.chunks.push(bytes)
  this._offset += bytes.length
}

function finalizeCollected(this: Collecting): void {
  pdfkit._finalize.call(this)
  // Resolve on a tick: the read above left a tick of pdfkit's stream queued that holds the document. A
  // caller that sets article after article on promises already resolved never lets Node run its ticks,
  // and every document of the run stayed in memory (about 0.6 MB an article, `paiban build` of a folder).
  // The file as a plain Uint8Array over the bytes Buffer.concat made (no second copy: a PDF is past the
  // 4 KB below which Buffer would share its pool).
  const file = Buffer.concat(this.chunks)
  process.nextTick(this.resolveBytes, new Uint8Array(file.buffer, file.byteOffset, file.byteLength))
}

/**
 * Put every glyph the document draws into its font's subset before anything
 * is drawn, fonts in order of first use and each font's glyphs in glyph-id
 * order. A font program then depends only on which glyphs a document uses,
 * not on where they first occur: two documents with the same glyphs embed the
 * same bytes (and a memo can hand them over without subsetting again).
 * Characters no font has are carried by the 宋 font, which is opened for them.
 */
function includeGlyphsInOrder(document: PagedDocument, embedded: (key: string) => EmbeddedFont): void {
  const used = new Map<string, {seen: Uint32Array; ids: number[]}>()
  const use = (key: string): {seen: Uint32Array; ids: number[]} => {
    let entry = used.get(key)
    if (!entry) used.set(key, (entry = {seen: takeTable(), ids: []}))
    return entry
  }
  const add = (entry: {seen: Uint32Array; ids: number[]}, id: number): void => {
    if (entry.seen[id]) return
    entry.seen[id] = 1
    entry.ids.push(id)
  }
  let lastKey: string | undefined
  let last: {seen: Uint32Array; ids: number[]} | undefined
  for (const page of document.pages) {
    for (const item of page.items) {
      if (item.type !== 'text') continue
      for (const {atom} of item.placed) {
        if (whollyMissing(atom)) {
          use('song')
          continue
        }
        if (atom.font !== lastKey) {
          lastKey = atom.font
          last = use(atom.font)
        }
        const entry = last!
        for (const glyph of atom.glyphs) add(entry, glyph.id)
        if (atom.spaceGlyph && (atom.spaceAfterPt ?? 0) >= 0.01) add(entry, atom.spaceGlyph.id)
      }
    }
  }
  for (const [key, {seen, ids}] of used) {
    giveBackTable(seen, ids)
    const font = embedded(key)
    for (const id of Int32Array.from(ids).sort()) font.subset.includeGlyph(id)
  }
}

/** An atom no font has any glyph for: drawn as a box, its text carried by the 宋 font. */
function whollyMissing(atom: Atom): boolean {
  return atom.missing === true && atom.glyphs.every((glyph) => glyph.id === 0)
}

/**
 * Advance widths (font units) by font and glyph id, each read once per
 * thread. fontkit makes a new glyph object for every `getGlyph` here, with
 * its metrics decoded afresh (the shaper clears fontkit's glyph cache for
 * each word it shapes): about 1 KB of garbage per glyph of every document.
 */
const advanceWidths = new WeakMap<object, Map<number, number>>()

function advanceWidth(font: EmbeddedFont['font'], id: number): number {
  let widths = advanceWidths.get(font)
  if (!widths) advanceWidths.set(font, (widths = new Map()))
  let width = widths.get(id)
  if (width === undefined) widths.set(id, (width = font.getGlyph(id).advanceWidth))
  return width
}

/** Glyph ids are 16-bit (OpenType `maxp.numGlyphs`). */
const MAX_GLYPHS = 0x10000

/**
 * Tables indexed by glyph id, all zeros when free. Documents reuse them:
 * a fresh 256 KB table per font and document costs more than the lookups it
 * serves (allocation, page faults, collection).
 */
const freeTables: Uint32Array[] = []

function takeTable(): Uint32Array {
  return freeTables.pop() ?? new Uint32Array(MAX_GLYPHS)
}

/** Zero the entries at `ids` (the only ones set) and keep the table for the next user. */
function giveBackTable(table: Uint32Array, ids: Iterable<number>): void {
  for (const id of ids) table[id] = 0
  freeTables.push(table)
}

/**
 * Look glyph ids up in a table instead of fontkit's object map (an object
 * with thousands of numeric keys, slow to grow and to read): glyph id → CID
 * in this document's subset. `subset.glyphs` stays the glyph order, which is
 * all our encoder reads. Returns the release of the table, for when the
 * document is written.
 */
function useCidTable(subset: EmbeddedFont['subset']): () => void {
  // CID + 1, so that a free table (all zeros) means "none yet".
  const cids = takeTable()
  subset.glyphs.forEach((id, cid) => {
    cids[id] = cid + 1
  })
  subset.cids = cids
  subset.includeGlyph = includeGlyphByTable
  return () => giveBackTable(cids, subset.glyphs)
}

function includeGlyphByTable(this: Subset, id: number): number {
  const cids = this.cids!
  const known = cids[id]!
  if (known > 0) return known - 1
  this.glyphs.push(id)
  cids[id] = this.glyphs.length
  return this.glyphs.length - 1
}

/** Font programs already deflated, as handed to pdfkit: written as they are. */
const PREDEFLATED = new WeakSet<Uint8Array>()

/**
 * Replace fontkit's subset encoder (~10–30 ms per font) with our glyf copier
 * (well under 1 ms) for plain TrueType fonts; same glyph order, same font.
 * Glyph ids go through a CID table (`useCidTable`), whose release this
 * returns. With a memo, the deflated program is looked up by font and glyph
 * list first, and kept when made.
 */
function useFastSubset(font: EmbeddedFont, deflated?: {memo: FontProgramMemo | undefined; key: string}): (() => void) | undefined {
  const source = font.font as unknown as TrueTypeSource
  const subset = font.subset
  if (!(source.type === 'TTF' && source.directory.tables['glyf'] && source.variationCoords == null && subset.cff == null)) return undefined
  const release = useCidTable(subset)
  subset.source = source
  const memo = deflated?.memo
  if (memo) subset.programs = {memo, key: deflated.key}
  subset.encode = memo ? encodeDeflated : encodeTrueType
  return release
}

function encodeTrueType(this: Subset): Uint8Array {
  return subsetTrueType(this.source!, this.glyphs)
}

/** The subset's program deflated, from the memo when a document before used the same glyphs of the font. */
function encodeDeflated(this: Subset): Uint8Array {
  const {memo, key: fontKey} = this.programs!
  const key = `${fontKey}|${glyphListKey(this.glyphs)}`
  let bytes = memo.get(key)
  if (!bytes) {
    bytes = new Uint8Array(deflateSync(subsetTrueType(this.source!, this.glyphs), DEFLATE))
    memo.set(key, bytes)
  }
  PREDEFLATED.add(bytes)
  return bytes
}

/** The font's ToUnicode CMap: the one pdfkit writes, made as bytes (pdfkit builds it as strings and converts them character by character). */
function unicodeCmap(this: EmbeddedFont): unknown {
  const cmap = this.document.ref()
  cmap.end(this.cmapMemo ? deflatedCmap(this.unicode, this.cmapMemo) : toUnicodeCmap(this.unicode))
  return cmap
}

/**
 * A ToUnicode CMap deflated, from the memo when a document before had the
 * same one (a copy of an article, set in the same glyphs). The CMap depends
 * on nothing but each CID's text, in CID order, so that text is the key:
 * cheaper to make than the CMap, and far cheaper than deflating it.
 */
function deflatedCmap(unicode: readonly string[], memo: FontProgramMemo): Uint8Array {
  const key = `cmap|${cidTextKey(unicode)}`
  let bytes = memo.get(key)
  if (!bytes) {
    bytes = new Uint8Array(deflateSync(toUnicodeCmap(unicode), DEFLATE))
    memo.set(key, bytes)
  }
  PREDEFLATED.add(bytes)
  return bytes
}

/**
 * Deflate level for streams. pdfkit deflates at zlib's default (6); the font
 * programs dominate, and level 1 with a larger hash table deflates them in
 * about half the time for some 4 % more bytes, which an archive rebuild of
 * thousands of articles feels and a reader does not. An 8 KB window instead
 * of 32 KB takes another fifth off (a 202 KB subset in 2.1 against 2.7 ms:
 * the search stays in the cache; some 4 % of a distinct article's time) for
 * 2.5 % more font program, 1.9 % more file (the 11 samples: 1,426 against
 * 1,400 KB); a 16 KB window saved half that, a 4 KB one little more.
 */
const DEFLATE = {level: 1, memLevel: 9, windowBits: 13} as const

/** Let this document's streams be deflated at our level (pdfkit has no option for it). */
function useFastDeflate(doc: Doc): void {
  doc.ref = refDeflated
}

function refDeflated(this: Doc, data?: Record<string, unknown>): Reference {
  const reference = pdfkit.ref.call(this, data)
  reference.finalize = finalizeDeflated
  return reference
}

function finalizeDeflated(this: Reference): void {
  // pdfkit may turn compression off after creating a stream (the XMP metadata): decide at the end.
  if (this.buffer.length === 1 && PREDEFLATED.has(this.buffer[0]!)) {
    this.compress = false
    this.data['Filter'] = 'FlateDecode'
  } else if (this.compress && this.buffer.length > 0) {
    this.buffer = [deflateSync(Buffer.concat(this.buffer), DEFLATE)]
    this.compress = false
    this.data['Filter'] = 'FlateDecode'
  }
  ;(Object.getPrototypeOf(this) as Reference).finalize.call(this)
}

/**
 * Write the document info into the XMP metadata as pdfkit does (its
 * `_addInfo`), with the text escaped: pdfkit writes it as it is, and a title
 * or author with `&` or `<` (R&D, 张&李) made the metadata malformed XML,
 * which readers drop or misread. The modify date goes in too, as the info
 * dictionary has it (the two must agree for PDF/A), and no date at all for
 * an undated article.
 */
function useEscapedMetadata(doc: Doc): void {
  doc._addInfo = addEscapedInfo
}

function addEscapedInfo(this: Doc): void {
  const info = this.info
  const date = (value: unknown) => (value instanceof Date ? `${value.toISOString().split('.')[0]}Z` : '')
  const text = (value: unknown) => xmlText(String(value ?? ''))
  let xml = '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
  if (info['CreationDate']) xml += `<xmp:CreateDate>${date(info['CreationDate'])}</xmp:CreateDate>`
  if (info['ModDate']) xml += `<xmp:ModifyDate>${date(info['ModDate'])}</xmp:ModifyDate>`
  xml += `<xmp:CreatorTool>${text(info['Creator'])}</xmp:CreatorTool></rdf:Description>`
  if (info['Title'] || info['Author'] || info['Subject']) {
    xml += '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    if (info['Title']) xml += `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text(info['Title'])}</rdf:li></rdf:Alt></dc:title>`
    if (info['Author']) xml += `<dc:creator><rdf:Seq><rdf:li>${text(info['Author'])}</rdf:li></rdf:Seq></dc:creator>`
    if (info['Subject']) xml += `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text(info['Subject'])}</rdf:li></rdf:Alt></dc:description>`
    xml += '</rdf:Description>'
  }
  xml += `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${text(info['Producer'])}</pdf:Producer>`
  if (info['Keywords']) xml += `<pdf:Keywords>${text(info['Keywords'])}</pdf:Keywords>`
  xml += '</rdf:Description>'
  this.appendXML(xml)
}

/** Text as XML character data. */
function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function drawGraphics(doc: Doc, items: readonly Item[], document: PagedDocument): void {
  for (const item of items) {
    if (item.type === 'rule') {
      doc.save().lineWidth(item.widthPt).moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).stroke().restore()
    } else if (item.type === 'box' && item.style === 'tint') {
      // Black only (K): a newsprint tint prints on one plate.
      doc.save().rect(item.xPt, item.yPt, item.widthPt, item.heightPt).fill([0, 0, 0, item.tint ?? 10]).restore()
    } else if (item.type === 'box') {
      doc.save().lineWidth(0.6).dash(3, {space: 2}).rect(item.xPt, item.yPt, item.widthPt, item.heightPt).stroke()
      doc.undash().moveTo(item.xPt, item.yPt).lineTo(item.xPt + item.widthPt, item.yPt + item.heightPt).moveTo(item.xPt + item.widthPt, item.yPt).lineTo(item.xPt, item.yPt + item.heightPt).stroke().restore()
    } else if (item.type === 'image') {
      const image = document.images[item.image]
      if (!image) continue
      if (!item.full) {
        doc.image(Buffer.from(image.data), item.xPt, item.yPt, {width: item.widthPt, height: item.heightPt})
        continue
      }
      // A cropped picture: drawn whole, clipped to its frame.
      const {full} = item
      doc.save().rect(item.xPt, item.yPt, item.widthPt, item.heightPt).clip()
      doc.image(Buffer.from(image.data), full.xPt, full.yPt, {width: full.widthPt, height: full.heightPt})
      doc.restore()
    }
  }
}

/**
 * What is drawn over a page's text once its BT…ET block is written: boxes
 * for characters no font has, emphasis dots, link areas. Plain records, not
 * closures: a closure in the glyph loop would make V8 allocate a context for
 * every glyph drawn, whether or not the closure is made.
 */
type Decoration =
  | {kind: 'box'; x: number; baseline: number; size: number; width: number}
  | {kind: 'dots' | 'link'; x: number; baseline: number; atom: Atom}
  | {kind: 'strike'; x: number; baseline: number; size: number; width: number}

/** A run of glyphs in one font and size, open in the writer (its TJ array begun), and the pen after its last glyph. */
interface Run {
  font: EmbeddedFont
  size: number
  rise: number
  penX: number
}

/** Close the open run's TJ array, if any. */
function closeRun(out: ByteWriter, run: Run | undefined): undefined {
  if (run) out.ascii('>] TJ\n')
  return undefined
}

/** Draw every text line of a page in one BT…ET block, grouping glyphs by font and size. */
function drawText(doc: Doc, lines: readonly TextItem[], pageHeight: number, embedded: (key: string) => EmbeddedFont, carrier: (text: string) => {font: EmbeddedFont; cid: number} | undefined): void {
  if (lines.length === 0) return
  // Each operator line is written straight as bytes: `/F1 10.5 Tf 1 0 0 1 x y Tm [<00a100b2> -250 <00c3>] TJ`.
  const out = new ByteWriter().ascii('BT\n')
  const decorations: Decoration[] = []
  let pageFont: EmbeddedFont | undefined
  for (const line of lines) {
    let run: Run | undefined
    for (const {atom, xPt} of line.placed) {
      const inkX = line.xPt + xPt
      if (whollyMissing(atom)) {
        run = closeRun(out, run)
        decorations.push({kind: 'box', x: inkX, baseline: line.baselinePt, size: atom.sizePt, width: atom.advancePt})
        carry(doc, out, carrier(atom.text), inkX, atom.sizePt, pageHeight - line.baselinePt)
        continue
      }
      const font = embedded(atom.font)
      if (font !== pageFont && atom.glyphs.length > 0) {
        // The page's resources name each font it draws with, in order of first use.
        if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref()
        pageFont = font
      }
      const rise = atom.superscript ? atom.sizePt * 0.45 : 0
      let x = inkX - atom.blankBeforePt
      // The word space's glyph (inkless) follows the word's, so extracted text keeps the space.
      const own = atom.glyphs.length
      const count = atom.spaceGlyph && (atom.spaceAfterPt ?? 0) >= 0.01 ? own + 1 : own
      for (let g = 0; g < count; g++) {
        const glyph = g < own ? atom.glyphs[g]! : atom.spaceGlyph!
        if (glyph.id === 0 && atom.missing) {
          // One missing character inside a word (a keycap's U+20E3 after its digit): its own carrier and box,
          // since every .notdef shares CID 0, which can stand for one text only.
          run = closeRun(out, run)
          if (glyph.advancePt > 0) decorations.push({kind: 'box', x, baseline: line.baselinePt, size: atom.sizePt, width: glyph.advancePt})
          carry(doc, out, carrier(glyph.text), x, atom.sizePt, pageHeight - line.baselinePt)
          x += glyph.advancePt
          continue
        }
        if (!run || run.font !== font || run.size !== atom.sizePt || run.rise !== rise) {
          closeRun(out, run)
          run = {font, size: atom.sizePt, rise, penX: x}
          out.ascii(`/${font.id} `).number(atom.sizePt).ascii(' Tf 1 0 0 1 ').number(x).ascii(' ').number(pageHeight - line.baselinePt + rise).ascii(' Tm [<')
        } else {
          // Pen position after the previous glyph's natural width versus where this glyph must start:
          // glyphs with no adjustment between them share one string, <00a100b2> -250 <00c3>.
          const adjust = Math.round((-((x - run.penX) * 1000) / run.size) * 1000)
          if (adjust !== 0) out.ascii('> ').thousandths(adjust).ascii(' <')
        }
        const cid = font.subset.includeGlyph(glyph.id)
        if (font.widths[cid] == null) font.widths[cid] = advanceWidth(font.font, glyph.id) * font.scale
        font.unicode[cid] ??= glyph.text
        out.hex4(cid)
        run.penX = x + (font.widths[cid]! * run.size) / 1000
        x += glyph.advancePt
      }
      if (atom.dots) decorations.push({kind: 'dots', x: inkX, baseline: line.baselinePt, atom})
      if (atom.strike) strikeThrough(decorations, inkX, line.baselinePt, atom)
      if (atom.href) decorations.push({kind: 'link', x: inkX, baseline: line.baselinePt, atom})
    }
    closeRun(out, run)
  }
  doc.save()
  doc.addContent(`1 0 0 -1 0 ${n(pageHeight)} cm`)
  // One write, as bytes: pdfkit would convert a string character by character.
  doc.addContent(out.ascii('ET\n').result())
  doc.restore()
  for (const decoration of decorations) {
    if (decoration.kind === 'box') placeholder(doc, decoration.x, decoration.baseline, decoration.size, decoration.width)
    else if (decoration.kind === 'dots') emphasisDots(doc, decoration.x, decoration.baseline, decoration.atom)
    else if (decoration.kind === 'strike') strikeRule(doc, decoration.x, decoration.baseline, decoration.size, decoration.width)
    else {
      const {atom} = decoration
      doc.link(decoration.x, decoration.baseline - atom.sizePt * 0.88, atom.advancePt, atom.sizePt, atom.href!)
    }
  }
}

/** A character no font has, in the text layer: its carrier glyph drawn invisibly (render mode 3) at `x`, `y`. */
function carry(doc: Doc, out: ByteWriter, carried: {font: EmbeddedFont; cid: number} | undefined, x: number, size: number, y: number): void {
  if (!carried) return
  out.ascii(`/${carried.font.id} `).number(size).ascii(' Tf 3 Tr 1 0 0 1 ').number(x).ascii(' ').number(y).ascii(' Tm <').hex4(carried.cid).ascii('> Tj 0 Tr\n')
  if (doc.page.fonts[carried.font.id] == null) doc.page.fonts[carried.font.id] = carried.font.ref()
}

/** Height of the rule through struck text above the baseline, in em: the middle of a Han character's ink. */
const STRIKE_HEIGHT = 0.35

/**
 * The rule through a struck atom, from the start of its ink to the end of its
 * advance; one rule runs on through the atoms of a struck run on one line
 * (the gaps between them included), so it is not broken at every character.
 */
function strikeThrough(decorations: Decoration[], x: number, baseline: number, atom: Atom): void {
  const start = x + atom.blankBeforePt
  const end = x + atom.advancePt - atom.blankAfterPt
  const last = decorations[decorations.length - 1]
  if (last?.kind === 'strike' && last.baseline === baseline && last.size === atom.sizePt && start - (last.x + last.width) < atom.sizePt) {
    last.width = end - last.x
    return
  }
  decorations.push({kind: 'strike', x: start, baseline, size: atom.sizePt, width: end - start})
}

/** The rule through struck text, `width` long from `x`. */
function strikeRule(doc: Doc, x: number, baseline: number, size: number, width: number): void {
  const y = baseline - size * STRIKE_HEIGHT
  doc.save().lineWidth(size * 0.05).moveTo(x, y).lineTo(x + width, y).stroke().restore()
}

/** 着重号: a small dot under the centre of each character (clreq §3.4 emphasis marks, horizontal). */
function emphasisDots(doc: Doc, x: number, baseline: number, atom: Atom): void {
  if (atom.first !== 'han') return
  const size = atom.sizePt
  doc.save().circle(x + (atom.advancePt - atom.blankBeforePt - atom.blankAfterPt) / 2, baseline + size * 0.12 + size * 0.14, size * 0.07).fill().restore()
}

/** A character no font has: a visible box the size of the em, so the gap is seen and fixed. */
function placeholder(doc: Doc, x: number, baseline: number, size: number, width: number): void {
  doc.save().lineWidth(0.5).rect(x + size * 0.08, baseline - size * 0.8, Math.max(width - size * 0.16, size * 0.1), size * 0.84).stroke().restore()
}

function drawDebug(doc: Doc, debug: NonNullable<RenderPdfOptions['debug']>): void {
  doc.save().lineWidth(0.25).strokeColor('#e06060')
  for (const x of debug.columnsXPt) doc.rect(x, debug.topPt, debug.measurePt, debug.lines * debug.pitchPt).stroke()
  doc.strokeColor('#60a0e0')
  for (const x of debug.columnsXPt) {
    for (let line = 0; line < debug.lines; line++) {
      const y = debug.topPt + line * debug.pitchPt + debug.baselineOffsetPt
      doc.moveTo(x, y).lineTo(x + debug.measurePt, y).stroke()
    }
  }
  doc.restore()
}
