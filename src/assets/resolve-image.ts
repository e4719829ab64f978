import path from 'node:path'

/**
 * The file an image reference names. A relative path is read from the
 * article's folder; a path from `/` is read from the content root, as a
 * site's pages name their pictures (`/images/p.jpg`), unless it already
 * names a file inside the root. Percent-escapes are decoded (`%20` for a
 * space); a reference whose escapes are not valid is taken as written.
 * Whether the file lies inside the root is for the caller to check.
 */
export function resolveImage(src: string, articleDir: string, contentRoot: string): string {
  const decoded = safeDecodeUri(src)
  if (!decoded.startsWith('/')) return path.resolve(articleDir, decoded)
  const root = path.resolve(contentRoot)
  const absolute = path.resolve(decoded)
  return absolute === root || absolute.startsWith(root + path.sep) ? absolute : path.join(root, decoded)
}

/** `decodeURI`, keeping the text when it is not valid percent-encoding (`a%zz.jpg`). */
function safeDecodeUri(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}
