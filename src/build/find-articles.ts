import fs from 'node:fs'
import path from 'node:path'

/** File names that document a folder and are never articles. */
const NOT_ARTICLES = /^(readme|license|changelog|contributing)\.md$/i

/**
 * Expand files and folders into article paths: `.md` files below each folder,
 * recursively, sorted by path so builds run in a stable order. README.md and
 * hidden folders are skipped.
 */
export function findArticles(inputs: readonly string[]): string[] {
  return findArticlesIn(inputs).map((article) => article.input)
}

/** An article found, and the folder below the input folder it was found in ('' for a file named itself). */
export interface FoundArticle {
  input: string
  folder: string
}

/**
 * `findArticles`, with each article's folder relative to the input folder it
 * was found below: outputs mirror it, so that `a/x.md` and `b/x.md` do not
 * write the same `x.pdf`.
 */
export function findArticlesIn(inputs: readonly string[]): FoundArticle[] {
  const found: FoundArticle[] = []
  const walk = (dir: string, root: string): void => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full, root)
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !NOT_ARTICLES.test(entry.name)) found.push({input: full, folder: path.relative(root, dir)})
    }
  }
  for (const input of inputs) {
    const stat = fs.statSync(input, {throwIfNoEntry: false})
    if (!stat) throw new Error(`no such file or folder: ${input}`)
    if (stat.isDirectory()) walk(input, input)
    else found.push({input, folder: ''})
  }
  return found
}
