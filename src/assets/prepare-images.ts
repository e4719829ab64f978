import crypto from 'node:crypto'
import path from 'node:path'
import fs from 'node:fs/promises'
import type {VFile} from 'vfile'
import type {Article, Figure} from '../article/types.js'
import type {Template} from '../config/template.js'
import type {ImageInfo} from '../compose/compose-blocks.js'
import {report} from '../diagnostics/report.js'
import {resolveGrid} from '../config/resolve-template.js'
import {figureColumns, spanWidthPt} from '../compose/figure-columns.js'
import type {ImageMemo, PreparedPicture} from './image-memo.js'
import {resolveImage} from './resolve-image.js'

/** Largest image we decode, in pixels (guards against decompression bombs). */
const PIXEL_LIMIT = 80_000_000

/** Prepared images: info for layout, bytes for the renderer. */
export interface PreparedImages {
  info: Map<string, ImageInfo>
  data: Record<string, {data: Uint8Array; widthPx: number; heightPx: number}>
}

/** sharp (libvips), loaded when the first picture is: most articles have none, and loading it costs a worker some 70 ms. */
let sharpModule: Promise<typeof import('sharp')> | undefined

async function loadSharp(): Promise<typeof import('sharp')['default']> {
  sharpModule ??= import('sharp')
  return (await sharpModule).default
}

/**
 * Decode and prepare every figure for print with sharp: resized to the
 * template's DPI at the width of the columns it spans (`widthPt` for one
 * column), grayscale for newsprint if the template
 * says so. Images must lie inside `contentRoot` (a path from `/` is read
 * from there, `resolveImage`); remote URLs are not fetched.
 * Problems become warnings and the figure a placeholder. The only async
 * step before layout. With a `memo`, a picture already prepared from the
 * same bytes at the same size is taken from it (the same bytes sharp makes).
 */
export async function prepareImages(article: Article, articleDir: string, contentRoot: string, template: Template, widthPt: number, file: VFile, memo?: ImageMemo): Promise<PreparedImages> {
  const prepared: PreparedImages = {info: new Map(), data: {}}
  const figures = article.children.filter((block): block is Figure => block.type === 'figure')
  const grid = resolveGrid(template)
  let index = 0
  for (const figure of figures) {
    if (prepared.info.has(figure.src)) continue
    if (!figure.src.trim()) {
      report(file, 'warning', 'image-no-path', 'An image with no path; a placeholder is drawn', figure.position, 'write the file name between the parentheses: ![说明](photo.jpg)')
      continue
    }
    if (/^[a-z]+:\/\//i.test(figure.src)) {
      report(file, 'warning', 'image-remote', `Remote image ${figure.src} is not fetched; a placeholder is drawn`, figure.position, 'download it next to the article')
      continue
    }
    const resolved = resolveImage(figure.src, articleDir, contentRoot)
    const root = path.resolve(contentRoot)
    if (resolved !== root && !resolved.startsWith(root + path.sep)) {
      report(file, 'error', 'image-outside-root', `Image ${figure.src} lies outside the content root ${root}; refused`, figure.position, 'keep images beside the article')
      continue
    }
    try {
      const bytes = await fs.readFile(resolved)
      const sharp = await loadSharp()
      const image = sharp(bytes, {limitInputPixels: PIXEL_LIMIT, failOn: 'error'})
      const metadata = await image.metadata()
      if (!metadata.width || !metadata.height) throw new Error('no image size')
      // Print size: the width of the columns the figure spans (one column: `widthPt`), at the template's DPI.
      const turned = (metadata.orientation ?? 1) >= 5
      const uprightWidth = turned ? metadata.height : metadata.width
      const spans = (aspect: number): number => Math.max(...figures.filter((other) => other.src === figure.src).map((other) => figureColumns(other, aspect, template, grid.columns)))
      const digest = memo ? crypto.createHash('sha256').update(bytes).digest('hex') : ''
      const prepare = async (columns: number): Promise<PreparedPicture> => {
        const printWidthPt = columns > 1 ? spanWidthPt(grid, columns) : widthPt
        const targetWidth = Math.min(uprightWidth, Math.round((printWidthPt / 72) * template.figures.dpi))
        const memoKey = `${digest}|${targetWidth}|${template.figures.grayscale ? 'gray' : 'colour'}`
        const known = memo?.get(memoKey)
        if (known) return known
        // Transparent parts are printed on the paper, white: JPEG has no alpha, and sharp would otherwise flatten them onto black.
        let pipeline = sharp(bytes, {limitInputPixels: PIXEL_LIMIT, failOn: 'error'}).rotate().resize({width: targetWidth, withoutEnlargement: true}).flatten({background: '#ffffff'})
        if (template.figures.grayscale) pipeline = pipeline.grayscale().toColourspace('b-w')
        const {data, info} = await pipeline.jpeg({quality: 85, mozjpeg: false}).toBuffer({resolveWithObject: true})
        const picture = {data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), widthPx: info.width, heightPx: info.height}
        memo?.set(memoKey, picture)
        return picture
      }
      const columns = spans(uprightWidth / (turned ? metadata.width : metadata.height))
      let picture = await prepare(columns)
      // Layout reads the span from the prepared size; if rounding tipped it over a threshold, prepare for that span.
      if (spans(picture.widthPx / picture.heightPx) > columns) picture = await prepare(spans(picture.widthPx / picture.heightPx))
      const key = `img${++index}`
      prepared.info.set(figure.src, {key, widthPx: picture.widthPx, heightPx: picture.heightPx})
      prepared.data[key] = picture
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message.split('\n')[0]
      report(file, 'warning', 'image-unreadable', `Image ${figure.src} could not be used (${reason}); a placeholder is drawn`, figure.position, 'check the path and the file')
    }
  }
  return prepared
}
