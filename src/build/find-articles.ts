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
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !NOT_ARTICLES.test(entry.name)) found.push(full)
    }
  }
  for (const input of inputs) {
    const stat = fs.statSync(input, {throwIfNoEntry: false})
    if (!stat) throw new Error(`no such file or folder: ${input}`)
    if (stat.isDirectory()) walk(input)
    else found.push(input)
  }
  return found
}
