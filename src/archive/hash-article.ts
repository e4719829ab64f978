import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import {findImages} from './find-images.js'

/**
 * Hash an article's own inputs: its bytes and the bytes of every local image
 * it refers to (resolved beside the article, as the build does). A missing
 * or unreadable image hashes to a marker, so adding it later makes the
 * article stale.
 */
export function hashArticle(file: string, bytes: Uint8Array): string {
  const hash = crypto.createHash('sha256').update(bytes)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Decoding Chinese UTF-8 costs more than hashing it: only articles with `![` are read as text.
  if (buffer.indexOf('![') === -1) return hash.digest('hex')
  for (const src of findImages(buffer.toString('utf8'))) {
    hash.update('\0image\0').update(src).update('\0')
    try {
      hash.update(fs.readFileSync(path.resolve(path.dirname(file), safeDecode(src))))
    } catch (error) {
      hash.update(`missing:${(error as NodeJS.ErrnoException).code ?? 'error'}`)
    }
  }
  return hash.digest('hex')
}

/** `decodeURI` as the image step uses it, keeping the text when it is not valid percent-encoding. */
function safeDecode(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}
