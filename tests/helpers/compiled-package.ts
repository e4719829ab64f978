import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Compile the current src and copy the package's runnable parts into
 * `<work>/paiban` (its node_modules linked): tests that run compiled code
 * (the CLI, worker threads, a child node) run this snapshot, since a
 * recompile of dist/ meanwhile (another checkout's watcher, a parallel test)
 * would change the engine hash or a module under them. Returns its folder.
 */
export function compiledPackage(work: string, parts: readonly string[] = ['bin', 'dist', 'templates', 'package.json', 'package-lock.json']): string {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/compile.mjs')])
  const pkg = path.join(work, 'paiban')
  for (const part of parts) fs.cpSync(path.join(ROOT, part), path.join(pkg, part), {recursive: true})
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir')
  return pkg
}
