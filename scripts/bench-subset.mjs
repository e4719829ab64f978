#!/usr/bin/env node
/**
 * Time one font subset of ~600 glyphs: fontkit's `TTFSubset.encode()` (what
 * pdfkit calls) against `subsetTrueType` (raw byte copy).
 *
 * Glyph sets come from the characters of `content/*.md`, a different window
 * of ~600 per run, against one shared fontkit font (as in a batch rebuild).
 * Both encoders see the same windows in the same order.
 *
 * Usage: node scripts/bench-subset.mjs [runs=40] [glyphs=600]
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as fontkit from 'fontkit'
import {tsImport} from 'tsx/esm/api'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const {subsetTrueType} = await tsImport('../src/render/pdf/subset-truetype.ts', import.meta.url)

const RUNS = Number(process.argv[2] ?? 40)
const GLYPHS = Number(process.argv[3] ?? 600)
const FONTS = [
  'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'
]

// Every distinct character of the content, in reading order.
const contentDir = path.join(root, 'content')
const text = fs.readdirSync(contentDir).filter((name) => name.endsWith('.md')).sort()
  .map((name) => fs.readFileSync(path.join(contentDir, name), 'utf8')).join('')
const chars = [...new Set(text.replace(/\s/g, ''))]

/** The glyph ids of run `k`: .notdef, then a window of distinct glyphs (pdfkit's includeGlyph order). */
function glyphWindow(font, k) {
  const ids = [0]
  const seen = new Set(ids)
  for (let i = 0; ids.length < GLYPHS && i < chars.length; i++) {
    const char = chars[(k * 131 + i) % chars.length]
    const gid = font.glyphForCodePoint(char.codePointAt(0)).id
    if (!seen.has(gid)) seen.add(gid), ids.push(gid)
  }
  return ids
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function time(fn) {
  const start = performance.now()
  const result = fn()
  return [performance.now() - start, result]
}

for (const file of FONTS) {
  const font = fontkit.create(fs.readFileSync(path.join(root, file)))
  const windows = Array.from({length: RUNS}, (_, k) => glyphWindow(font, k))
  const fontkitMs = []
  const oursMs = []
  let fontkitBytes = 0
  let oursBytes = 0
  for (const ids of windows) {
    const subset = font.createSubset()
    for (const gid of ids) subset.includeGlyph(gid)
    const [ms, bytes] = time(() => subset.encode())
    fontkitMs.push(ms)
    fontkitBytes += bytes.length
  }
  for (const ids of windows) {
    const [ms, bytes] = time(() => subsetTrueType(font, ids))
    oursMs.push(ms)
    oursBytes += bytes.length
  }
  const glyphs = Math.round(windows.reduce((sum, ids) => sum + ids.length, 0) / RUNS)
  console.log(`${path.basename(file)}: ${glyphs} glyphs × ${RUNS} runs`)
  console.log(`  fontkit TTFSubset.encode  median ${median(fontkitMs).toFixed(2)} ms  first ${fontkitMs[0].toFixed(2)} ms  avg ${(fontkitBytes / RUNS / 1024).toFixed(0)} KiB`)
  console.log(`  subsetTrueType            median ${median(oursMs).toFixed(2)} ms  first ${oursMs[0].toFixed(2)} ms  avg ${(oursBytes / RUNS / 1024).toFixed(0)} KiB`)
  console.log(`  speed-up ×${(median(fontkitMs) / median(oursMs)).toFixed(1)}`)
}
