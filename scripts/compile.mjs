#!/usr/bin/env node
/**
 * Compile paiban: `tsc` into dist/, then the archive worker bundled into one
 * file (dist/archive/archive-worker.bundle.js) with esbuild, stamped with a
 * hash of the compiled modules it was made from (see
 * src/archive/worker-bundle.ts: a stale or missing bundle is never loaded;
 * the pool falls back to the modules).
 *
 * Kept out of the bundle: native addons (sharp, better-sqlite3); piscina,
 * whose worker side must be the pool's own instance; pdfkit and fontkit,
 * which share one fontkit and read data files next to themselves; hyphen,
 * which reads its pattern files so. The bundled modules' `import.meta.url`
 * becomes the bundle's, which lives one folder down in dist/ like every
 * module that uses it: the compile fails if one ever does not.
 */
import fs from 'node:fs'
import path from 'node:path'
import {execFileSync} from 'node:child_process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(root, 'dist')
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {stdio: 'inherit'})

for (const name of fs.readdirSync(dist, {recursive: true})) {
  if (!name.endsWith('.js') || name.endsWith('.bundle.js')) continue
  const depth = name.split(path.sep).length
  if (depth !== 2 && fs.readFileSync(path.join(dist, name), 'utf8').includes('import.meta')) {
    throw new Error(`dist/${name} uses import.meta but is not one folder down in dist/: inside the worker bundle its paths would be wrong`)
  }
}

const {workerModule, workerBundle, bundleStamp} = await import(pathToFileURL(path.join(dist, 'archive', 'worker-bundle.js')).href)
const bundle = workerBundle(dist)
fs.rmSync(bundle, {force: true})
const stamp = bundleStamp(dist)
const temporary = `${bundle}.${process.pid}.tmp`
await build({
  entryPoints: [workerModule(dist)],
  outfile: temporary,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['sharp', 'better-sqlite3', 'piscina', 'pdfkit', 'fontkit', 'hyphen', 'hyphen/*'],
  // CommonJS dependencies inside an ES module bundle call require(): give them Node's.
  banner: {js: `${stamp}\nimport {createRequire as __paibanCreateRequire} from 'node:module';\nconst require = __paibanCreateRequire(import.meta.url);`},
  legalComments: 'none',
  logLevel: 'warning'
})
fs.renameSync(temporary, bundle)
