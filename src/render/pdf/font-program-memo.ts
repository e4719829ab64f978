/**
 * Deflated font programs (subset TrueType files as they go into a PDF's
 * FontFile2 stream), keyed by font and glyph list, kept across the documents
 * one worker writes. Subsetting and deflating a CJK subset of some 600
 * glyphs (≈ 200 KB) is the largest single cost of writing an article; two
 * articles that use the same glyphs (reprints, corrections, an archive
 * rebuilt after a template change) embed the very same bytes.
 */
export interface FontProgramMemo {
  get(key: string): Uint8Array | undefined
  set(key: string, bytes: Uint8Array): void
  readonly stats: {hits: number; lookups: number}
}

/** A memo of at most `limit` font programs (≈ 140 KB each, outside the heap); the oldest goes first. */
export function createFontProgramMemo(limit = DEFAULT_LIMIT): FontProgramMemo {
  const entries = new Map<string, Uint8Array>()
  const stats = {hits: 0, lookups: 0}
  return {
    stats,
    get(key) {
      stats.lookups++
      const bytes = entries.get(key)
      if (bytes) stats.hits++
      return bytes
    },
    set(key, bytes) {
      if (entries.size >= limit) entries.delete(entries.keys().next().value!)
      entries.set(key, bytes)
    }
  }
}

const DEFAULT_LIMIT = 32
