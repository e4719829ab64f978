/**
 * One baseline grid across columns (issue 4): on the shipped `newspaper`
 * template every body-size line of a column that faces the next column has a
 * line of that column at the same baseline, as pdfcheck measures it
 * (cross-column alignment). One-line heads and tinted `##` heads keep every
 * column on the grid; a banded head (占行 > 1) would leave a blank line that
 * the neighbouring column's text faces, which the last test shows.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'
import {renderLayoutJson} from '../../src/render/debug/render-layout-json.js'
import {loadTemplate} from '../../src/config/template.js'
import {resolveGrid} from '../../src/config/resolve-template.js'

const {columnXPt} = resolveGrid(loadTemplate('newspaper'))

interface Line {
  role: string
  x: number
  baseline: number
  size?: number
}

/** Body and head lines per page, grouped into the grid's columns by their left edge. */
function columnsOf(json: string, columnXPt: readonly number[]): Line[][][] {
  const pages = (JSON.parse(json) as {pages: {items: (Line & {type: string})[]}[]}).pages
  return pages.map((page) => {
    const columns: Line[][] = columnXPt.map(() => [])
    for (const line of page.items) {
      if (line.type !== 'text' || (line.role !== 'body' && line.role !== 'head')) continue
      let index = 0
      while (index + 1 < columnXPt.length && columnXPt[index + 1]! <= line.x + 0.5) index++
      columns[index]!.push(line)
    }
    return columns.filter((lines) => lines.length > 0).map((lines) => lines.sort((a, b) => a.baseline - b.baseline))
  })
}

/** Lines of each column, within the height both share, with no line of the next column at their baseline. */
function unaligned(columns: Line[][]): Line[] {
  const misses: Line[] = []
  for (let i = 0; i + 1 < columns.length; i++) {
    const a = columns[i]!
    const b = columns[i + 1]!
    const lo = Math.max(a[0]!.baseline, b[0]!.baseline) - 0.5
    const hi = Math.min(a[a.length - 1]!.baseline, b[b.length - 1]!.baseline) + 0.5
    for (const line of a) {
      if (line.baseline < lo || line.baseline > hi) continue
      if (!b.some((other) => Math.abs(other.baseline - line.baseline) <= 0.5)) misses.push(line)
    }
  }
  return misses
}

const samples = fs.readdirSync('content').filter((name) => name.endsWith('.md') && name !== 'README.md').sort()

describe('cross-column baseline alignment on newspaper', () => {
  for (const name of samples) {
    test(name, async () => {
      const file = path.join('content', name)
      const result = await renderArticle(fs.readFileSync(file, 'utf8'), file, {compress: false})
      const pages = columnsOf(renderLayoutJson(result.document!), columnXPt)
      let lines = 0
      for (const columns of pages) {
        expect(unaligned(columns)).toEqual([])
        lines += columns.reduce((sum, column) => sum + column.length, 0)
      }
      expect(lines).toBeGreaterThan(20)
    })
  }

  test('banded heads (占行 3) leave lines facing a blank: the measure can fail', async () => {
    const template = path.join(fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'paiban-bands-')), 'bands.json')
    fs.writeFileSync(template, JSON.stringify({name: 'bands', kind: 'newspaper', heads: {'2': {font: 'hei-bold', size: 11.5, lines: 3, align: 'center'}}}))
    const file = 'content/xingguo-police-interview.md'
    const result = await renderArticle(fs.readFileSync(file, 'utf8'), file, {compress: false, template})
    const misses = columnsOf(renderLayoutJson(result.document!), columnXPt).flatMap(unaligned)
    expect(misses.length).toBeGreaterThan(0)
  })
})
