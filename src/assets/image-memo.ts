import {createBoundedMemo, type BoundedMemo} from '../memo/bounded-memo.js'

/** A picture as prepared for print: JPEG bytes and their size in pixels. */
export interface PreparedPicture {
  data: Uint8Array
  widthPx: number
  heightPx: number
}

/**
 * Pictures prepared for print, keyed by the source file's content hash and
 * everything the preparation depends on (print width in pixels, grayscale),
 * kept across the articles one worker builds. Decoding a large photo is
 * by far the dearest step of an article that has one (some 45 ms for a
 * 1.8 MB, 3000 × 2000 JPEG, against about 10 ms for a whole seed-sized
 * article without pictures); a paper's recurring pictures (a columnist's
 * head, a section logo, a chart run with every instalment) and an archive
 * rebuilt from copies are prepared once.
 */
export type ImageMemo = BoundedMemo<PreparedPicture>

/** A memo of at most `limit` prepared pictures (each some 50–300 KB, outside the heap); the oldest goes first. */
export function createImageMemo(limit = DEFAULT_LIMIT): ImageMemo {
  return createBoundedMemo(limit)
}

const DEFAULT_LIMIT = 32
