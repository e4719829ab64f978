import fs from 'node:fs'
import path from 'node:path'

/** File names that document a folder and are never articles. */
const NOT_ARTICLES = /^(readme|license|changelog|contributing)\.(md|markdown)$/i

/** Extensions of Markdown articles (any case). */
const ARTICLE_FILE = /\.(md|markdown)$/i

/**
 * Expand files and folders into article paths: `.md` (and `.markdown`) files
 * below each folder, recursively, sorted by path so builds run in a stable
 * order. README.md and hidden folders are skipped.
 */
export function findArticles(inputs: readonly string[]): string[] {
  return findArticlesIn(inputs).map((article) => article.input)
}

/** An article found, and the folder below the input folder it was found in ('' for a file named itself). */
export interface FoundArticle {
  input: string
  folder: string
  /**
   * The folder its pictures must lie in: the input folder it was found
   * below (as for an archive: `articles/2019/x.md` may show
   * `../../images/x.jpg`), or its own folder for a file named itself.
   */
  root: string
}

/**
 * `findArticles`, with each article's folder relative to the input folder it
 * was found below: outputs mirror it, so that `a/x.md` and `b/x.md` do not
 * write the same `x.pdf`.
 *
 * Symbolic links are followed, as an archive links a reprint to its first
 * printing or a section to a shared folder: a link to a folder is walked
 * under the link's name (once: a link back up the tree is not walked again),
 * a link to an article is an article. A dangling link with an article's name
 * is an article too, so that reading it fails with its name rather than the
 * article going missing without a word.
 */
export function findArticlesIn(inputs: readonly string[]): FoundArticle[] {
  const found: FoundArticle[] = []
  const walk = (dir: string, root: string, open: ReadonlySet<string>): void => {
    const real = fs.realpathSync(dir)
    if (open.has(real)) return
    const inside = new Set(open).add(real)
    for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      const kind = entry.isSymbolicLink() ? linkKind(full) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other'
      if (kind === 'folder') walk(full, root, inside)
      else if ((kind === 'file' || kind === 'dangling') && ARTICLE_FILE.test(entry.name) && !NOT_ARTICLES.test(entry.name)) found.push({input: full, folder: path.relative(root, dir), root})
    }
  }
  for (const input of inputs) {
    const stat = fs.statSync(input, {throwIfNoEntry: false})
    if (!stat) throw new Error(`no such file or folder: ${input}`)
    if (stat.isDirectory()) walk(input, input, new Set())
    else found.push({input, folder: '', root: path.dirname(input)})
  }
  return found
}

/** What a symbolic link points at. */
function linkKind(link: string): 'folder' | 'file' | 'dangling' | 'other' {
  let target: fs.Stats | undefined
  try {
    target = fs.statSync(link, {throwIfNoEntry: false})
  } catch {
    // A loop of links (ELOOP) or a target this user may not see.
    return 'dangling'
  }
  if (!target) return 'dangling'
  return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other'
}
