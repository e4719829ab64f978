/**
 * The PDF's XMP metadata says what the info dictionary says, as well-formed
 * XML: a title or an author with & or < is escaped, not written raw.
 */
import {expect, test} from 'vitest'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {renderArticle} from '../../src/build/render-article.js'

test('a title and an author with & and < reach the XMP metadata as written', async () => {
  const source = '---\ntitle: "R&D <新> 标题"\nauthor: 张&李\nkicker: 引题 & 副\ndate: 2024-01-02\n---\n\n正文。\n'
  const result = await renderArticle(source, 'metadata.md')
  const pdf = await getDocument({data: result.pdf!.slice(), useSystemFonts: false, isEvalSupported: false}).promise
  const {info, metadata} = await pdf.getMetadata()
  expect((info as {Title: string}).Title).toBe('R&D <新> 标题')
  expect(metadata?.get('dc:title')).toBe('R&D <新> 标题')
  expect(metadata?.get('dc:creator')).toEqual(['张&李'])
  expect(metadata?.get('dc:description')).toBe('引题 & 副')
  // Dated from the article, both in the info dictionary and in the metadata.
  expect(metadata?.get('xmp:createdate')).toBe('2024-01-02T00:00:00Z')
  expect(metadata?.get('xmp:modifydate')).toBe('2024-01-02T00:00:00Z')
})

test('an undated article without an author makes a file with no date and no empty author, the same bytes each time', async () => {
  const source = '---\ntitle: 无日期\n---\n\n正文。\n'
  const first = await renderArticle(source, 'undated.md')
  const second = await renderArticle(source, 'undated.md')
  expect(Buffer.from(first.pdf!).equals(Buffer.from(second.pdf!))).toBe(true)
  const pdf = await getDocument({data: first.pdf!.slice(), useSystemFonts: false, isEvalSupported: false}).promise
  const {info, metadata} = await pdf.getMetadata()
  const dict = info as Record<string, unknown>
  expect(dict['Title']).toBe('无日期')
  for (const key of ['CreationDate', 'ModDate', 'Author', 'Subject', 'Keywords']) expect(dict[key]).toBeUndefined()
  expect(metadata?.get('xmp:createdate')).toBeNull()
  expect(metadata?.get('dc:creator')).toBeNull()
  expect(metadata?.get('dc:title')).toBe('无日期')
})

test('every page says its trim size: a TrimBox equal to its MediaBox (nothing bleeds), on newspaper and a4 pages alike (handouts go through the same writer)', async () => {
  const source = '---\ntitle: 裁切\ndate: 2024-01-02\n---\n\n## 一\n\n正文。\n\n## 二\n\n正文。\n'
  for (const template of ['newspaper', 'a4']) {
    const bytes = Buffer.from((await renderArticle(source, 'trim.md', {template})).pdf!).toString('latin1')
    const media = [...bytes.matchAll(/\/MediaBox (\[[^\]]*\])/g)].map((match) => match[1])
    const trim = [...bytes.matchAll(/\/TrimBox (\[[^\]]*\])/g)].map((match) => match[1])
    expect(media.length).toBeGreaterThan(0)
    expect(trim).toEqual(media)
  }
})
