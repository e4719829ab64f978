import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'
import {renderDebug} from '../../src/render/debug/render-debug.js'
import {renderLayoutJson} from '../../src/render/debug/render-layout-json.js'
import {resolveGrid} from '../../src/config/resolve-template.js'
import {loadTemplate} from '../../src/config/template.js'

/**
 * Golden line dumps (SILE `.expected` style): one line per typeset line with
 * column, grid line, role, text, left/right edge, break kind and ratio.
 * `UPDATE=1 npm test` rewrites them; a new article writes its golden on the
 * first run. Read the diff of lines.txt when it changes.
 */
const update = process.env.UPDATE === '1'
const articles = fs.readdirSync('content').filter((name) => name.endsWith('.md') && name !== 'README.md').sort()

describe('layout goldens (newspaper template)', () => {
  test.each(articles)('%s', async (name) => {
    const file = path.join('content', name)
    const result = await renderArticle(fs.readFileSync(file, 'utf8'), file, {compress: false})
    const dump = renderDebug(result.document!, resolveGrid(loadTemplate('newspaper')))
    const golden = path.join('tests/fixtures/layout', name.replace(/\.md$/, ''), 'lines.txt')
    if (update || !fs.existsSync(golden)) {
      fs.mkdirSync(path.dirname(golden), {recursive: true})
      fs.writeFileSync(golden, dump)
    }
    expect(dump).toBe(fs.readFileSync(golden, 'utf8'))
  })
})

/** Page-level goldens: JSON of every block's position on the page, for the flow and page stages. */
const pageCases = [
  ...articles.map((name) => ({name: name.replace(/\.md$/, ''), template: 'newspaper'})),
  ...['national-anthem-law', 'xingguo-county-wikipedia', 'labor-overtime-typical-cases', 'xingguo-police-interview'].map((name) => ({name, template: 'a4'}))
]

describe('page goldens (pages.json)', () => {
  test.each(pageCases)('$name on $template', async ({name, template}) => {
    const file = path.join('content', `${name}.md`)
    const result = await renderArticle(fs.readFileSync(file, 'utf8'), file, {template, compress: false})
    const json = renderLayoutJson(result.document!)
    const golden = path.join('tests/fixtures/layout', name, `pages.${template}.json`)
    if (update || !fs.existsSync(golden)) fs.writeFileSync(golden, json)
    expect(json).toBe(fs.readFileSync(golden, 'utf8'))
  })
})
