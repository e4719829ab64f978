import {safeFileName, type SafeFileNameOptions} from './safe-file-name.js'

/**
 * File names of an article's handouts: `NN-<title>.pdf`, `NN` the section's
 * order in two digits (three past 99), the title made safe by
 * `safeFileName`. Titles equal after that (ignoring case, as NTFS and APFS
 * do) get `-2`, `-3` … so no handout overwrites another.
 */
export function handoutFileNames(sections: readonly {order: number; title: string}[], options: SafeFileNameOptions = {}): string[] {
  const width = Math.max(2, String(Math.max(0, ...sections.map((section) => section.order))).length)
  const used = new Set<string>()
  return sections.map((section) => {
    const base = safeFileName(section.title, options)
    let title = base
    for (let n = 2; used.has(title.toLowerCase()); n++) title = `${base}-${n}`
    used.add(title.toLowerCase())
    return `${String(section.order).padStart(width, '0')}-${title}.pdf`
  })
}
