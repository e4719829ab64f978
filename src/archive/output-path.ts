import path from 'node:path'

/**
 * Mirror an article's place below the archive folder under the output
 * folder, with `.pdf` for its extension: `dir/2023/a.md` → `2023/a.pdf`.
 * Returns the POSIX-style path relative to the output folder (the manifest key).
 */
export function outputPath(dir: string, article: string): string {
  const relative = path.relative(dir, article)
  const parsed = path.parse(relative)
  return path.join(parsed.dir, `${parsed.name}.pdf`).split(path.sep).join('/')
}
