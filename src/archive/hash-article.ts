import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import {findImages} from './find-images.js'
import {resolveImage} from '../assets/resolve-image.js'

/**
 * Hash an article's own inputs: its bytes and the hash of every local image
 * it refers to (resolved as the build resolves them, `resolveImage`: from
 * the article's folder, or from `root` for a path from `/`). A missing or
 * unreadable image hashes to a marker, so adding it later makes the article
 * stale. `images` keeps each image's hash by path for the articles hashed
 * after (a run's plan shares one: a picture shown by a thousand articles is
 * read once).
 */
export function hashArticle(file: string, bytes: Uint8Array, images: Map<string, string> = new Map(), root = path.dirname(file)): string {
  const hash = crypto.createHash('sha256').update(bytes)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Decoding Chinese UTF-8 costs more than hashing it: only articles with `![` are read as text.
  if (buffer.indexOf('![') === -1) return hash.digest('hex')
  for (const src of findImages(buffer.toString('utf8'))) {
    const resolved = resolveImage(src, path.dirname(file), root)
    let image = images.get(resolved)
    if (image === undefined) images.set(resolved, (image = hashImage(resolved)))
    hash.update('\0image\0').update(src).update('\0').update(image)
  }
  return hash.digest('hex')
}

/** An image file's SHA-256, or a marker saying why it could not be read. */
function hashImage(file: string): string {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? 'error'}`
  }
}
