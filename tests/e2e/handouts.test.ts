import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test, vi} from 'vitest'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {buildHandouts} from '../../src/index.js'
import {main} from '../../src/cli/index.js'
import {loadTemplate} from '../../src/config/template.js'
import {resolveGrid} from '../../src/config/resolve-template.js'

const seed = 'content/xingguo-police-interview.md'
const labor = 'content/labor-overtime-typical-cases.md'
const pagoda = 'content/luxun-leifeng-pagoda.md'
const grid = resolveGrid(loadTemplate('handout'))
const gridBottom = grid.topPt + grid.linesPerColumn * grid.pitchPt

/** NFKC (full-width and half-width forms alike), no whitespace at all. */
const squeeze = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '')

/** One page's text in content-stream order, split by where it stands: above the grid, on it, below it. */
interface PageText {
  top: string
  body: string
  bottom: string
}

/** Extract every page's text with pdfjs, sorted into header, body and footer by baseline. */
async function pdfPages(bytes: Uint8Array): Promise<{pages: PageText[]; outline: {title: string; page: number}[]}> {
  const pdf = await getDocument({data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false}).promise
  const pages: PageText[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i)
    const height = page.view[3]!
    const text: PageText = {top: '', body: '', bottom: ''}
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue
      const baseline = height - item.transform[5]
      if (baseline < grid.topPt) text.top += item.str
      else if (baseline > gridBottom) text.bottom += item.str
      else text.body += item.str
    }
    pages.push(text)
  }
  const outline: {title: string; page: number}[] = []
  for (const entry of (await pdf.getOutline()) ?? []) {
    const dest = typeof entry.dest === 'string' ? await pdf.getDestination(entry.dest) : entry.dest
    outline.push({title: entry.title, page: (await pdf.getPageIndex(dest![0])) + 1})
  }
  return {pages, outline}
}

/**
 * The sections of a Markdown article, found independently of paiban: the
 * text before the first `## ` line is the lead; `###` markers and `**` are
 * dropped, as the typeset text has no Markdown syntax.
 */
function markdownSections(file: string): {lead: string; sections: {title: string; body: string}[]} {
  const body = fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
  const plain = (markdown: string): string => markdown.replace(/^#{3,}\s*/gm, '').replace(/\*\*/g, '')
  const [lead, ...parts] = body.split(/^## +/m)
  return {lead: plain(lead!), sections: parts.map((part) => ({title: part.split('\n')[0]!, body: plain(part.split('\n').slice(1).join('\n'))}))}
}

/** The body text of a handout: its pages' grid text, joined and squeezed. */
const bodyText = (pages: PageText[]): string => squeeze(pages.map((page) => page.body).join(''))

function outDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-handouts-'))
}

describe('handouts of the seed interview', () => {
  const out = outDir()
  let result: Awaited<ReturnType<typeof buildHandouts>>
  const source = '来源：新法治报　2023年4月18日'
  beforeAll(async () => {
    result = await buildHandouts(seed, {outDir: out, combined: true})
  })

  test('writes one handout per ## section, named NN-<title>.pdf, and the combined file', () => {
    expect(result.ok, result.file.messages.map(String).join('\n')).toBe(true)
    expect(fs.readdirSync(path.join(out, 'xingguo-police-interview')).sort()).toEqual([
      '01-传承发扬好苏区干部好作风.pdf',
      '02-健全警务机制建立防控新格局.pdf',
      '03-多警联动全线发力赢满意.pdf',
      '04-以蝶变式发展促和谐护民安.pdf'
    ])
    expect(fs.existsSync(path.join(out, 'xingguo-police-interview.pdf'))).toBe(true)
    expect(result.outputs).toHaveLength(5)
  })

  test('each handout holds exactly its section: title, body (the lead in the first), source line', async () => {
    const {lead, sections} = markdownSections(seed)
    const files = fs.readdirSync(path.join(out, 'xingguo-police-interview')).sort()
    for (const [i, section] of sections.entries()) {
      const {pages} = await pdfPages(fs.readFileSync(path.join(out, 'xingguo-police-interview', files[i]!)))
      const expected = squeeze(section.title + (i === 0 ? lead : '') + section.body + source)
      expect(bodyText(pages), files[i]).toBe(expected)
    }
  })

  test('has the header band, the running header and the page footer', async () => {
    const {pages} = await pdfPages(fs.readFileSync(path.join(out, 'xingguo-police-interview', '01-传承发扬好苏区干部好作风.pdf')))
    expect(squeeze(pages[0]!.top)).toBe(squeeze('培训材料新法治报　2023年4月18日选自《发扬苏区干部好作风　以蝶变式发展促和谐护民安》'))
    pages.forEach((page, i) => expect(squeeze(page.bottom)).toBe(`第${i + 1}页/共${pages.length}页`))
    // A section that runs on (the seed's sections each fit one page): the labour sample's first case.
    const laborOut = outDir()
    await buildHandouts(labor, {outDir: laborOut, sections: [1]})
    const [name] = fs.readdirSync(path.join(laborOut, 'labor-overtime-typical-cases'))
    const runOn = (await pdfPages(fs.readFileSync(path.join(laborOut, 'labor-overtime-typical-cases', name!)))).pages
    expect(runOn.length).toBeGreaterThan(1)
    for (const page of runOn.slice(1)) {
      expect(squeeze(page.top).startsWith(squeeze('第二批劳动人事争议典型案例（节选）·加班费的仲裁时效应当如何认定'))).toBe(true)
      expect(squeeze(page.top).endsWith('培训材料')).toBe(true)
    }
    runOn.forEach((page, i) => expect(squeeze(page.bottom)).toBe(`第${i + 1}页/共${runOn.length}页`))
  })

  test('the combined file has a cover with contents, each section from a new page, one bookmark per section', async () => {
    const {sections} = markdownSections(seed)
    const {pages, outline} = await pdfPages(fs.readFileSync(path.join(out, 'xingguo-police-interview.pdf')))
    expect(outline.map((entry) => entry.title)).toEqual(sections.map((section) => section.title))
    const cover = squeeze(pages[0]!.body)
    expect(cover).toContain(squeeze('发扬苏区干部好作风　以蝶变式发展促和谐护民安'))
    for (const entry of outline) {
      // The contents line: title, leader, the page the bookmark points at.
      expect(cover).toMatch(new RegExp(`${squeeze(entry.title)}(\\.\\.\\.)+${entry.page}`))
      // The section starts at the top of that page.
      expect(squeeze(pages[entry.page - 1]!.body).startsWith(squeeze(entry.title))).toBe(true)
    }
    // Sections follow each other without gaps; the file's pages are the cover plus every handout.
    const handoutPages = await Promise.all(fs.readdirSync(path.join(out, 'xingguo-police-interview')).sort().map(async (name) => (await pdfPages(fs.readFileSync(path.join(out, 'xingguo-police-interview', name)))).pages))
    expect(pages.length).toBe(1 + handoutPages.reduce((sum, handout) => sum + handout.length, 0))
    let at = 1
    for (const [i, handout] of handoutPages.entries()) {
      expect(outline[i]!.page).toBe(at + 1)
      expect(bodyText(pages.slice(at, at + handout.length))).toBe(bodyText(handout))
      at += handout.length
    }
    pages.forEach((page, i) => expect(squeeze(page.bottom)).toBe(`第${i + 1}页/共${pages.length}页`))
  })

  test('gives byte-identical files for the same input', async () => {
    const again = outDir()
    await buildHandouts(seed, {outDir: again, combined: true})
    for (const file of result.outputs) {
      const twin = path.join(again, path.relative(out, file))
      expect(Buffer.compare(fs.readFileSync(file), fs.readFileSync(twin)), file).toBe(0)
    }
  })

  test('with leadOwn, puts the lead in 00-导语.pdf and leaves it out of the first section', async () => {
    const own = outDir()
    const built = await buildHandouts(seed, {outDir: own, leadOwn: true})
    expect(built.ok).toBe(true)
    const {lead, sections} = markdownSections(seed)
    const dir = path.join(own, 'xingguo-police-interview')
    expect(fs.readdirSync(dir).sort()[0]).toBe('00-导语.pdf')
    expect(bodyText((await pdfPages(fs.readFileSync(path.join(dir, '00-导语.pdf')))).pages)).toBe(squeeze(`导语${lead}${source}`))
    expect(bodyText((await pdfPages(fs.readFileSync(path.join(dir, '01-传承发扬好苏区干部好作风.pdf')))).pages)).toBe(squeeze(sections[0]!.title + sections[0]!.body + source))
  })
})

describe('handouts of the labour cases (### subsections, long titles)', () => {
  test('seven handouts, each exactly its section, names capped at 80 bytes', async () => {
    const out = outDir()
    const result = await buildHandouts(labor, {outDir: out})
    expect(result.ok).toBe(true)
    const {sections} = markdownSections(labor)
    const names = fs.readdirSync(path.join(out, 'labor-overtime-typical-cases')).sort()
    expect(names).toHaveLength(7)
    for (const [i, section] of sections.entries()) {
      expect(names[i]!.startsWith(`0${i + 1}-`)).toBe(true)
      expect(Buffer.byteLength(names[i]!.slice(3, -4))).toBeLessThanOrEqual(80)
      expect(section.title.startsWith(names[i]!.slice(3, -4))).toBe(true)
      const {pages} = await pdfPages(fs.readFileSync(path.join(out, 'labor-overtime-typical-cases', names[i]!)))
      expect(bodyText(pages), names[i]).toBe(squeeze(section.title + section.body + '来源：人力资源社会保障部　最高人民法院（人社部函〔2021〕90号）　2021年8月26日'))
    }
  })

  test('--sections keeps only the sections asked for', async () => {
    const out = outDir()
    const result = await buildHandouts(labor, {outDir: out, sections: [2, 4]})
    expect(result.ok).toBe(true)
    expect(fs.readdirSync(path.join(out, 'labor-overtime-typical-cases')).sort()).toEqual(['02-劳动者拒绝违法超时加班安排，用人单位能否解除劳动合同.pdf', '04-处理加班费争议，如何分配举证责任.pdf'])
  })
})

describe('an article without ##', () => {
  test('makes one handout of the whole article and warns with the place', async () => {
    const out = outDir()
    const result = await buildHandouts(pagoda, {outDir: out})
    expect(result.ok).toBe(true)
    expect(fs.readdirSync(path.join(out, 'luxun-leifeng-pagoda'))).toEqual(['01-论雷峰塔的倒掉.pdf'])
    const warning = result.file.messages.find((message) => message.ruleId === 'no-sections')
    expect(warning?.fatal).toBe(false)
    expect(warning?.line).toBe(9)
    const {lead} = markdownSections(pagoda)
    const {pages} = await pdfPages(fs.readFileSync(path.join(out, 'luxun-leifeng-pagoda', '01-论雷峰塔的倒掉.pdf')))
    expect(bodyText(pages)).toBe(squeeze(`论雷峰塔的倒掉${lead}来源：鲁迅《坟》（初刊《语丝》周刊第一期）　1924年11月17日　作者：鲁迅`))
  })

  test('with --strict the warning stops the build and nothing is written', async () => {
    const out = outDir()
    const result = await buildHandouts(pagoda, {outDir: out, strict: true})
    expect(result.ok).toBe(false)
    expect(fs.existsSync(path.join(out, 'luxun-leifeng-pagoda'))).toBe(false)
  })
})

describe('paiban handouts (CLI)', () => {
  const quiet = (): void => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  }

  test.each([
    [['handouts', seed, '--sections', '1'], 0],
    [['handouts', seed, '--sections', '9'], 1],
    [['handouts', seed, '--sections', 'x'], 2],
    [['handouts', 'content/no-such-article.md'], 2],
    [['handouts', seed, '--template', 'newspaper'], 1],
    [['handouts', seed, '--no-such-option'], 2]
  ])('%j exits with %i', async (argv, code) => {
    quiet()
    try {
      expect(await main([...argv, '--out', outDir()])).toBe(code)
    } finally {
      vi.restoreAllMocks()
    }
  })

  test('reports diagnostics as file:line', async () => {
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    try {
      expect(await main(['handouts', pagoda, '--out', outDir()])).toBe(0)
    } finally {
      vi.restoreAllMocks()
    }
    expect(lines.join('')).toMatch(/luxun-leifeng-pagoda\.md[\s\S]*9:1\s+warning\s+The article has no `##` section heads/)
  })
})
