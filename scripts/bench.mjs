#!/usr/bin/env node
// Benchmark the single-article build of the seed: cold CLI time, warm per-article time
// (median of N builds in one process), PDF size and peak RSS. Prints figures; asserts nothing.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'

const seed = process.argv[2] ?? 'content/xingguo-police-interview.md'
const runs = Number(process.env.BENCH_RUNS ?? 20)
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-bench-'))
if (!fs.existsSync('dist/index.js')) spawnSync(process.execPath, ['scripts/compile.mjs'], {stdio: 'inherit'})

// Cold: a fresh process per build (node start, module load, font parse, build, write).
const cold = []
for (let i = 0; i < 5; i++) {
  const start = performance.now()
  const result = spawnSync(process.execPath, ['bin/paiban.js', 'build', seed, '--out', out, '--quiet'], {encoding: 'utf8'})
  cold.push(performance.now() - start)
  if (result.status !== 0) throw new Error(result.stderr)
}

// Warm: one process, fonts already parsed; Markdown → PDF bytes in memory.
const {renderArticle} = await import('../dist/build/render-article.js')
const source = fs.readFileSync(seed, 'utf8')
let bytes = 0
await renderArticle(source, seed)
const warm = []
for (let i = 0; i < runs; i++) {
  const start = performance.now()
  const result = await renderArticle(source, seed)
  warm.push(performance.now() - start)
  bytes = result.pdf.length
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
console.log(`article            ${seed}`)
console.log(`cold CLI build     ${median(cold).toFixed(0)} ms (median of ${cold.length} processes)`)
console.log(`warm per article   ${median(warm).toFixed(1)} ms (median of ${runs}; min ${Math.min(...warm).toFixed(1)}, max ${Math.max(...warm).toFixed(1)})`)
console.log(`PDF size           ${(bytes / 1024).toFixed(1)} KiB`)
console.log(`peak RSS           ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this process, after ${runs + 1} builds)`)
fs.rmSync(out, {recursive: true, force: true})
