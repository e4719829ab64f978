import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import {beforeAll, describe, expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'
import {createBuildMemo} from '../../src/build/build-memo.js'
import {renderHandouts} from '../../src/handouts/render-handouts.js'
import type {ImageItem, TextItem} from '../../src/compose/types.js'

const seed = fs.readFileSync('content/xingguo-police-interview.md', 'utf8')
const [frontMatter, body] = seed.split('\n---\n') as [string, string]
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-figures-'))
  await sharp({create: {width: 900, height: 600, channels: 3, background: {r: 180, g: 40, b: 40}}}).jpeg().toFile(path.join(dir, 'photo.jpg'))
})

/** The seed with figures put after the given paragraphs (a title sets the span). */
function withFigures(after: number[], src = 'photo.jpg', title = ''): string {
  const paragraphs = body.split('\n\n')
  for (const index of [...after].sort((a, b) => b - a)) paragraphs.splice(index, 0, `![说明文字（资料图片）](${src}${title ? ` "${title}"` : ''})`)
  return `${frontMatter}\n---\n${paragraphs.join('\n\n')}`
}

describe('figures', () => {
  test('are decoded, resized for print and stand at a column top with their caption below', async () => {
    const file = path.join(dir, 'figs.md')
    const result = await renderArticle(withFigures([3, 12], 'photo.jpg', '1栏'), file)
    expect(result.file.messages.filter((message) => message.fatal !== undefined)).toEqual([])
    const page = result.document!.pages[0]!
    const images = page.items.filter((item): item is ImageItem => item.type === 'image')
    expect(images).toHaveLength(2)
    const body = page.items.filter((item): item is TextItem => item.type === 'text' && item.role === 'body')
    for (const image of images) {
      // No body line of the same column stands above the figure.
      const above = body.filter((line) => Math.abs(line.xPt - image.xPt) < 30 && line.baselinePt < image.yPt)
      expect(above).toEqual([])
      const caption = page.items.find((item): item is TextItem => item.type === 'text' && item.role === 'caption' && Math.abs(item.xPt - image.xPt) < 1)
      expect(caption!.baselinePt).toBeGreaterThan(image.yPt + image.heightPt)
    }
    const prepared = Object.values(result.document!.images)[0]!
    // 136.5 pt column at the template's 200 dpi.
    expect(prepared.widthPx).toBe(Math.round((136.5 / 72) * 200))
  })

  test('a picture with transparent parts is printed on white paper, not on black', async () => {
    await sharp({create: {width: 600, height: 400, channels: 4, background: {r: 0, g: 0, b: 0, alpha: 0}}}).png().toFile(path.join(dir, 'clear.png'))
    const result = await renderArticle(withFigures([3], 'clear.png', '1栏'), path.join(dir, 'clear.md'))
    const prepared = Object.values(result.document!.images)[0]!
    const stats = await sharp(Buffer.from(prepared.data)).stats()
    // A wholly transparent picture: every pixel the paper's white (JPEG may wobble by a level or two).
    expect(stats.channels[0]!.min).toBeGreaterThanOrEqual(250)
  })

  test('a missing image is a warning with its line and a placeholder box, not a failure', async () => {
    const result = await renderArticle(withFigures([3], 'missing.jpg'), path.join(dir, 'missing.md'))
    const warning = result.file.messages.find((message) => message.ruleId === 'image-unreadable')
    expect(warning?.fatal).toBe(false)
    expect(warning?.line).toBeGreaterThan(10)
    expect(result.pdf).toBeDefined()
    expect(result.document!.pages[0]!.items.some((item) => item.type === 'box' && item.style === 'placeholder')).toBe(true)
  })

  test('an image with no path is a warning that says so, with a placeholder', async () => {
    const result = await renderArticle(withFigures([3], '<>'), path.join(dir, 'nopath.md'))
    const warning = result.file.messages.find((message) => message.ruleId === 'image-no-path')
    expect(warning?.fatal).toBe(false)
    expect(warning?.line).toBeGreaterThan(10)
    expect(result.file.messages.some((message) => message.ruleId === 'image-unreadable')).toBe(false)
    expect(result.document!.pages[0]!.items.some((item) => item.type === 'box' && item.style === 'placeholder')).toBe(true)
  })

  test('an image outside the content root is refused with an error', async () => {
    const result = await renderArticle(withFigures([3], '../../../etc/passwd'), path.join(dir, 'escape.md'), {contentRoot: dir})
    const error = result.file.messages.find((message) => message.ruleId === 'image-outside-root')
    expect(error?.fatal).toBe(true)
  })

  test('a builder with a memo prepares a picture once for the articles that show it, to the same bytes', async () => {
    await sharp({create: {width: 1200, height: 800, channels: 3, background: {r: 20, g: 120, b: 200}}}).jpeg().toFile(path.join(dir, 'shared.jpg'))
    const memo = createBuildMemo()
    const first = await renderArticle(withFigures([3], 'shared.jpg', '1栏'), path.join(dir, 'shared-1.md'), {memo})
    const second = await renderArticle(withFigures([5], 'shared.jpg', '1栏'), path.join(dir, 'shared-2.md'), {memo})
    expect(memo.stats().images).toEqual({hits: 1, lookups: 2})
    // The second article's picture and PDF are what a build without the memo makes.
    const alone = await renderArticle(withFigures([5], 'shared.jpg', '1栏'), path.join(dir, 'shared-2.md'))
    expect(Buffer.from(second.pdf!).equals(Buffer.from(alone.pdf!))).toBe(true)
    expect(Object.values(second.document!.images)[0]!.data).toEqual(Object.values(first.document!.images)[0]!.data)
    // Another size is another picture; so are other bytes at the same path.
    await renderArticle(withFigures([3], 'shared.jpg', '3栏'), path.join(dir, 'shared-3.md'), {memo})
    expect(memo.stats().images).toEqual({hits: 1, lookups: 3})
    await sharp({create: {width: 1200, height: 800, channels: 3, background: {r: 200, g: 120, b: 20}}}).jpeg().toFile(path.join(dir, 'shared.jpg'))
    const changed = await renderArticle(withFigures([3], 'shared.jpg', '1栏'), path.join(dir, 'shared-1.md'), {memo})
    expect(memo.stats().images).toEqual({hits: 1, lookups: 4})
    expect(Object.values(changed.document!.images)[0]!.data).not.toEqual(Object.values(first.document!.images)[0]!.data)
  })

  test('handouts keep their pictures in the memo too', async () => {
    await sharp({create: {width: 1200, height: 800, channels: 3, background: {r: 90, g: 90, b: 30}}}).jpeg().toFile(path.join(dir, 'handout.jpg'))
    const memo = createBuildMemo()
    const source = withFigures([3], 'handout.jpg', '1栏')
    await renderArticle(source, path.join(dir, 'handout.md'), {memo})
    const before = memo.stats().images
    const handouts = await renderHandouts(source, path.join(dir, 'handout.md'), {memo})
    expect(handouts.handouts.length).toBeGreaterThan(0)
    // The handout template prepares for its own measure: one more lookup, and a second handout run finds it.
    expect(memo.stats().images.lookups).toBe(before.lookups + 1)
    await renderHandouts(source, path.join(dir, 'handout.md'), {memo})
    expect(memo.stats().images).toEqual({hits: before.hits + 1, lookups: before.lookups + 2})
  })

  test('a path from / is read from the content root; invalid percent-escapes are a missing picture, not a crash', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-site-'))
    fs.mkdirSync(path.join(root, 'images'))
    fs.mkdirSync(path.join(root, '2019'))
    await sharp({create: {width: 600, height: 400, channels: 3, background: {r: 60, g: 60, b: 60}}}).jpeg().toFile(path.join(root, 'images', 'p.jpg'))
    const sited = await renderArticle(withFigures([3], '/images/p.jpg', '1栏'), path.join(root, '2019', 'a.md'), {contentRoot: root})
    expect(sited.file.messages.filter((message) => message.fatal !== undefined)).toEqual([])
    expect(Object.values(sited.document!.images)).toHaveLength(1)
    const broken = await renderArticle(withFigures([3], 'a%zz.jpg'), path.join(root, '2019', 'b.md'), {contentRoot: root})
    const warning = broken.file.messages.find((message) => message.ruleId === 'image-unreadable')
    expect(warning?.fatal).toBe(false)
    expect(warning?.line).toBeGreaterThan(10)
    expect(broken.pdf).toBeDefined()
  })
})
