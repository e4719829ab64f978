import {describe, expect, test} from 'vitest'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {renderArticle, type RenderResult} from '../../src/build/render-article.js'
import {renderHandouts} from '../../src/handouts/render-handouts.js'
import {loadTemplate} from '../../src/config/template.js'
import {resolveGrid} from '../../src/config/resolve-template.js'
import {ALL_FEATURES, expectedBodyText, expectedDeckText, expectedHeadingOneText, genDoc, toMarkdown, type Features, type GenDoc} from './markdown-arbitrary.js'
import {metaLine} from '../../src/page/deck.js'
import {ARTICLE_ROLES, BODY_ROLES, DECK_ROLES, duplicatedCharacters, geometryProblems, lostCharacters, namedInDiagnostics, outsideTypeArea, overlappingLines} from './check-build.js'

/**
 * Property test of the whole build (issue 7 item 6): generated Markdown
 * articles, hostile text included, must build without throwing, keep every
 * glyph on its page and every body line in its column, and lose no text.
 * `npm run fuzz` runs 10,000 cases; `FUZZ_SEED` and `FUZZ_RUNS` pick the seed and count.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261129)
const numRuns = Number(process.env.FUZZ_RUNS ?? 1000)

/**
 * Generator features switched off while a bug they hit is open. Each entry
 * names the bug; set it back to `true` when the bug is fixed. Try one without
 * editing: `FUZZ_FEATURES='{"deepLists":true}' npm run fuzz`.
 */
const FEATURES: Features = {
  ...ALL_FEATURES,
  // Both once found bugs, now fixed: lists nested 7 deep indented past the measure;
  // a deck taller than a column overlapped the body and ran off the page.
  deepLists: true,
  longDeck: true,
  ...(JSON.parse(process.env.FUZZ_FEATURES ?? '{}') as Partial<Features>)
}

const grid = resolveGrid(loadTemplate('newspaper'))
const handoutGrid = resolveGrid(loadTemplate('handout'))

/** What went wrong with one document; empty when it built as it should. */
async function problems(doc: GenDoc): Promise<string[]> {
  const source = toMarkdown(doc)
  const result = await renderArticle(source, '/tmp/paiban-fuzz/article.md')
  const found: string[] = []
  const errors = result.file.messages.filter((message) => message.fatal === true)
  if (errors.length === 0) {
    if (!result.pdf) found.push('no error diagnostic, but no PDF')
    else if (Buffer.from(result.pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') found.push('PDF does not start with %PDF-')
  }
  if (!result.document) {
    if (errors.length === 0) found.push('no error diagnostic, but no document')
    return found
  }
  found.push(...geometryProblems(result, grid), ...outsideTypeArea(result, grid), ...overlappingLines(result))
  const body = expectedBodyText(doc)
  const headingOne = expectedHeadingOneText(doc)
  const lost = lostCharacters(result, body)
  if (lost.length > 0) found.push(`body text lost: ${lost.join(', ')}`)
  const lostHeadingOne = lostCharacters(result, [...body, ...headingOne], ARTICLE_ROLES)
  if (headingOne.length > 0 && lostHeadingOne.length > 0) found.push(`level-1 head text lost: ${lostHeadingOne.join(', ')}`)
  // A deck too tall for the page is set at the head of the body (with a warning): its text then counts as body.
  const deckInBody = result.file.messages.some((message) => message.ruleId === 'deck-too-tall')
  const deckText = expectedDeckText(doc)
  // Then the meta line's labels (来源：…) and the 副题's —— are set in the body too.
  const deckLabels = deckInBody && result.article ? [metaLine(result.article.meta), '——', '（无标题）'] : []
  const twice = duplicatedCharacters(result, [...body, ...headingOne, ...(deckInBody ? deckText : []), ...deckLabels])
  if (twice.length > 0) found.push(`body text set twice: ${twice.join(', ')}`)
  // The deck only when the front matter was read without error.
  if (!errors.some((message) => String(message.ruleId).startsWith('front-matter'))) {
    const lostDeck = lostCharacters(result, deckText, deckInBody ? ARTICLE_ROLES : DECK_ROLES)
    if (lostDeck.length > 0) found.push(`deck text lost: ${lostDeck.join(', ')}`)
  }
  return found
}

/** Handouts are checked on a quarter as many documents (each makes several files). */
const handoutRuns = Math.max(1, Math.round(numRuns / 4))

/** Roles of a handout page's furniture, set outside the type area: the header band, running head and footer. */
const FURNITURE: ReadonlySet<string> = new Set(['band', 'running', 'footer'])

/** Roles of a handout's lines that carry the article's text: the body's, and the section title. */
const HANDOUT_ROLES: ReadonlySet<string> = new Set([...BODY_ROLES, 'title'])

/** What went wrong with the handouts of one document; empty when they were made as they should be. */
async function handoutProblems(doc: GenDoc): Promise<string[]> {
  const result = await renderHandouts(toMarkdown(doc), '/tmp/paiban-fuzz/article.md', {combined: true})
  const found: string[] = []
  const errors = result.file.messages.filter((message) => message.fatal === true)
  if (errors.length > 0 || !result.article || result.article.children.length === 0) return found
  if (result.handouts.length === 0) found.push('no error diagnostic, but no handout')
  for (const handout of result.handouts) {
    if (handout.document.pages.length === 0) found.push(`handout ${handout.name} has no page`)
    if (Buffer.from(handout.pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') found.push(`handout ${handout.name} does not start with %PDF-`)
  }
  // Every handout's pages as one document: the article's body is set across them, each section once.
  const all = {file: result.file, pages: 0, document: {pages: result.handouts.flatMap((handout) => handout.document.pages)}} as unknown as RenderResult
  const lost = lostCharacters(all, expectedBodyText(doc), HANDOUT_ROLES)
  if (lost.length > 0) found.push(`body text lost from the handouts: ${lost.join(', ')}`)
  const twice = duplicatedCharacters(all, expectedBodyText(doc))
  if (twice.length > 0) found.push(`body text set twice in the handouts: ${twice.join(', ')}`)
  // No line over another (the title band, body, source line run in or not, running head and footer), and the body inside the type area.
  found.push(...overlappingLines(all), ...outsideTypeArea(all, handoutGrid))
  // The combined file likewise; on its cover and contents pages everything but the furniture is inside the type area.
  if (!result.combined) found.push('no combined file')
  else {
    const combined = {file: result.file, pages: 0, document: result.combined.document} as unknown as RenderResult
    found.push(...overlappingLines(combined))
    const bottom = handoutGrid.topPt + handoutGrid.linesPerColumn * handoutGrid.pitchPt
    result.combined.document.pages.forEach((page, index) => {
      for (const item of page.items) {
        if (item.type !== 'text' || FURNITURE.has(item.role)) continue
        if (item.baselinePt < handoutGrid.topPt - 0.01 || item.baselinePt > bottom + 0.01) found.push(`combined page ${index + 1}: ${item.role} line at ${item.baselinePt.toFixed(2)} outside the type area`)
      }
    })
  }
  return found
}

describe('building generated Markdown articles', () => {
  test(`${numRuns} documents build, stay on the page and lose no text (seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(genDoc(FEATURES), async (doc) => {
        const source = toMarkdown(doc)
        let found: string[]
        try {
          found = await problems(doc)
        } catch (error) {
          found = [`renderArticle threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`]
        }
        if (found.length > 0) throw new Error(`${found.slice(0, 8).join('\n')}\n--- input ---\n${JSON.stringify(source)}`)
      }),
      {seed, numRuns}
    )
  }, Math.max(600_000, numRuns * 250))

  test(`${handoutRuns} documents make handouts that lose no body text (seed ${seed + 1})`, async () => {
    await fc.assert(
      fc.asyncProperty(genDoc(FEATURES), async (doc) => {
        const source = toMarkdown(doc)
        let found: string[]
        try {
          found = await handoutProblems(doc)
        } catch (error) {
          found = [`renderHandouts threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`]
        }
        if (found.length > 0) throw new Error(`${found.slice(0, 8).join('\n')}\n--- input ---\n${JSON.stringify(source)}`)
      }),
      {seed: seed + 1, numRuns: handoutRuns}
    )
  }, Math.max(600_000, handoutRuns * 250))

  test('the checks themselves see lost text and stray lines', async () => {
    // A guard that the property is not vacuous: text the page lacks is reported.
    const doc: GenDoc = {frontMatter: {kind: 'valid', title: '标题'}, blocks: [{type: 'paragraph', runs: [{style: 'plain', text: '正文'}]}], crlf: false, bom: false}
    const result = await renderArticle(toMarkdown(doc), '/tmp/paiban-fuzz/article.md')
    expect(lostCharacters(result, expectedBodyText(doc))).toEqual([])
    expect(lostCharacters(result, ['正文缺'])).toEqual(['"缺" (U+7F3A) ×1'])
    expect(geometryProblems(result, grid)).toEqual([])
    expect(duplicatedCharacters(result, expectedBodyText(doc))).toEqual([])
    expect(duplicatedCharacters(result, ['正'])).toEqual(['"文" (U+6587) ×1'])
  })

  test('a missing-glyph diagnostic excuses exactly the character it names', () => {
    const file = new VFile()
    file.message('No font has 𱍐 (U+31350); drawn as a placeholder box (add a font with this character to fonts/ as fallback-*.ttf)')
    file.message('`date` is not a date: "二〇二四年"')
    expect([...namedInDiagnostics({file, pages: 0})]).toEqual(['𱍐'])
  })
})
