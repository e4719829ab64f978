import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {execFileSync} from 'node:child_process'
import sharp from 'sharp'
import {describe, expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'

/**
 * PDF → PNG visual checks (few and small, typst's rule): each sample page is
 * rasterised by poppler at 24 dpi in grayscale and compared with a committed
 * reference; fewer than 0.5 % of pixels may differ by more than 64 levels.
 * `UPDATE=1 npm test` rewrites the references.
 */
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()

const cases = [
  {name: 'seed-newspaper', article: 'content/xingguo-police-interview.md', template: 'newspaper'},
  {name: 'law-a4', article: 'content/national-anthem-law.md', template: 'a4'}
]

async function rasterise(pdf: Uint8Array): Promise<{data: Buffer; width: number; height: number}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-visual-'))
  fs.writeFileSync(path.join(dir, 'page.pdf'), pdf)
  execFileSync('pdftoppm', ['-r', '24', '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', path.join(dir, 'page.pdf'), path.join(dir, 'page')])
  const {data, info} = await sharp(path.join(dir, 'page.png')).greyscale().raw().toBuffer({resolveWithObject: true})
  return {data, width: info.width, height: info.height}
}

describe.skipIf(!hasPoppler)('visual: first pages against references', () => {
  test.each(cases)('$name', async ({name, article, template}) => {
    const result = await renderArticle(fs.readFileSync(article, 'utf8'), article, {template})
    const page = await rasterise(result.pdf!)
    const reference = path.join('tests/visual/reference', `${name}.png`)
    if (process.env.UPDATE === '1' || !fs.existsSync(reference)) {
      await sharp(page.data, {raw: {width: page.width, height: page.height, channels: 1}}).png({compressionLevel: 9, palette: true, colours: 16}).toFile(reference)
    }
    const expected = await sharp(reference).greyscale().raw().toBuffer({resolveWithObject: true})
    expect([expected.info.width, expected.info.height]).toEqual([page.width, page.height])
    let differing = 0
    for (let i = 0; i < page.data.length; i++) if (Math.abs(page.data[i]! - expected.data[i]!) > 64) differing++
    expect(differing / page.data.length).toBeLessThan(0.005)
  })
})
