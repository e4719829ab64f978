import {createBoundedMemo, type BoundedMemo} from '../../memo/bounded-memo.js'

/**
 * Deflated font programs (subset TrueType files as they go into a PDF's
 * FontFile2 stream), keyed by font and glyph list, kept across the documents
 * one worker writes. Subsetting and deflating a CJK subset of some 600
 * glyphs (≈ 200 KB) is the largest single cost of writing an article; two
 * articles that use the same glyphs (reprints, corrections, an archive
 * rebuilt after a template change) embed the very same bytes. Their
 * deflated ToUnicode CMaps are kept here too (a few KB each), keyed by the
 * text of each CID, which is all a CMap depends on.
 */
export type FontProgramMemo = BoundedMemo<Uint8Array>

/** A memo of at most `limit` font programs (≈ 140 KB each, outside the heap) and CMaps; the oldest goes first. */
export function createFontProgramMemo(limit = DEFAULT_LIMIT): FontProgramMemo {
  return createBoundedMemo(limit)
}

/** A document embeds a program and a CMap per font: some 32 documents' worth. */
const DEFAULT_LIMIT = 64
