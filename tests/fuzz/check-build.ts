import type {RenderResult} from '../../src/build/render-article.js'
import type {Grid} from '../../src/config/resolve-template.js'
import type {TextItem} from '../../src/compose/types.js'

/** Slack for rounding in geometry checks, pt. */
const EPSILON = 0.01

/** Half-width marks the pipeline may turn full-width between Chinese characters. */
const TO_FULL_WIDTH: Record<string, string> = {',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

/** Characters no reader sees: white space, controls, format characters, variation selectors. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u180E\u200B\uFEFF\uFFFD]/u

/** Split text into the characters a reader compares: NFKC, full-width marks, nothing invisible. */
export function visibleChars(text: string): string[] {
  return [...text.normalize('NFKC')].map((char) => TO_FULL_WIDTH[char] ?? char).filter((char) => !INVISIBLE.test(char))
}

function count(chars: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1)
  return counts
}

/** Every text item of the document with its page index. */
export function textItems(result: RenderResult): {page: number; item: TextItem}[] {
  return (result.document?.pages ?? []).flatMap((page, index) => page.items.filter((item): item is TextItem => item.type === 'text').map((item) => ({page: index, item})))
}

/** The ink extent of a text item: left edge of the first ink to the right edge of the last. */
export function inkExtent(item: TextItem): {left: number; right: number} | undefined {
  let left = Infinity
  let right = -Infinity
  for (const {atom, xPt} of item.placed) {
    const ink = atom.advancePt - atom.blankBeforePt - atom.blankAfterPt
    if (ink <= 0 && atom.glyphs.length === 0 && !atom.missing) continue
    left = Math.min(left, item.xPt + xPt)
    right = Math.max(right, item.xPt + xPt + ink)
  }
  return left === Infinity ? undefined : {left, right}
}

function itemText(item: TextItem): string {
  return item.placed.map(({atom}) => atom.text).join('')
}

/** Problems with the geometry of the pages: ink off the page, body lines outside their column. */
export function geometryProblems(result: RenderResult, grid: Grid): string[] {
  const problems: string[] = []
  const pages = result.document?.pages ?? []
  for (const {page, item} of textItems(result)) {
    const {widthPt, heightPt} = pages[page]!
    const extent = inkExtent(item)
    const where = `page ${page + 1} ${item.role} line ${JSON.stringify(itemText(item).slice(0, 40))}`
    if (!(item.baselinePt >= 0 && item.baselinePt <= heightPt)) problems.push(`${where}: baseline ${item.baselinePt.toFixed(2)} outside page height ${heightPt.toFixed(2)}`)
    if (!extent) continue
    if (!(extent.left >= -EPSILON)) problems.push(`${where}: ink starts at x=${extent.left.toFixed(2)} < 0`)
    if (!(extent.right <= widthPt + EPSILON)) problems.push(`${where}: ink ends at x=${extent.right.toFixed(2)} > page width ${widthPt.toFixed(2)}`)
    if (item.role === 'body') {
      const inColumn = grid.columnXPt.some((x) => extent.left >= x - EPSILON && extent.right <= x + grid.measurePt + EPSILON)
      if (!inColumn) {
        const column = grid.columnXPt.reduce((best, x) => (x <= extent.left + EPSILON ? x : best), grid.columnXPt[0]!)
        problems.push(`${where}: ink [${extent.left.toFixed(2)}, ${extent.right.toFixed(2)}] outside column [${column.toFixed(2)}, ${(column + grid.measurePt).toFixed(2)}]`)
      }
    }
  }
  return problems
}

/**
 * Characters diagnostics name as not drawn: `No font has 𱍐 (U+3134D)` names
 * the character (or emoji cluster) before a `(U+XXXX)` and the code point in it.
 */
export function namedInDiagnostics(result: RenderResult): Set<string> {
  const named = new Set<string>()
  for (const message of result.file.messages) {
    for (const match of String(message.reason).matchAll(/(\S*) \(U\+([0-9A-F]{4,6})\)/g)) {
      for (const char of visibleChars(match[1]!)) named.add(char)
      for (const char of visibleChars(String.fromCodePoint(parseInt(match[2]!, 16)))) named.add(char)
    }
  }
  return named
}

/** Roles of the lines that carry the article body, and of the deck and furniture. */
export const BODY_ROLES: ReadonlySet<string> = new Set(['body', 'head', 'cell', 'caption'])
export const DECK_ROLES: ReadonlySet<string> = new Set(['kicker', 'headline', 'subtitle', 'meta', 'furniture'])
export const ARTICLE_ROLES: ReadonlySet<string> = new Set([...BODY_ROLES, ...DECK_ROLES])

/** The visible characters set in lines of the given roles, counted. */
function setCharacters(result: RenderResult, roles: ReadonlySet<string>): Map<string, number> {
  return count(visibleChars(textItems(result).filter(({item}) => roles.has(item.role)).map(({item}) => itemText(item)).join('')))
}

/**
 * Characters of `expected` that are in no line of the given roles and named
 * in no diagnostic, compared as multisets (each occurrence must be set once).
 */
export function lostCharacters(result: RenderResult, expected: readonly string[], roles: ReadonlySet<string> = BODY_ROLES): string[] {
  const onPage = setCharacters(result, roles)
  const wanted = count(visibleChars(expected.join('')))
  const named = namedInDiagnostics(result)
  const lost: string[] = []
  for (const [char, n] of wanted) {
    const have = onPage.get(char) ?? 0
    if (have < n && !named.has(char)) lost.push(`${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase()}) ×${n - have}`)
  }
  return lost
}

/** Characters the body may gain: list markers and numbers, hyphens at word breaks, emphasis and strikethrough marks Markdown left as text. */
const MAY_ADD = /^[0-9.•◦\-*~]$/u

/**
 * Characters set in body lines more often than the source has them (text
 * set twice), beyond list markers, hyphens and stray emphasis marks.
 */
export function duplicatedCharacters(result: RenderResult, expected: readonly string[]): string[] {
  const onPage = setCharacters(result, BODY_ROLES)
  const wanted = count(visibleChars(expected.join('')))
  const extra: string[] = []
  for (const [char, n] of onPage) {
    const want = wanted.get(char) ?? 0
    if (n > want && !MAY_ADD.test(char)) extra.push(`${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase()}) ×${n - want}`)
  }
  return extra
}

/** Body lines above or below the type area (the grid's lines of each column). */
export function outsideTypeArea(result: RenderResult, grid: Grid): string[] {
  const problems: string[] = []
  const bottom = grid.topPt + grid.linesPerColumn * grid.pitchPt
  for (const {page, item} of textItems(result)) {
    if (!BODY_ROLES.has(item.role)) continue
    if (item.baselinePt < grid.topPt - EPSILON || item.baselinePt > bottom + EPSILON) {
      problems.push(`page ${page + 1} ${item.role} line ${JSON.stringify(itemText(item).slice(0, 40))}: baseline ${item.baselinePt.toFixed(2)} outside the type area [${grid.topPt.toFixed(2)}, ${bottom.toFixed(2)}]`)
    }
  }
  return problems
}

/**
 * Lines whose ink boxes overlap on a page (the deck over the body, two rows
 * on one grid line). A line's box is its ink extent across and its em box
 * (0.88 above the baseline, 0.12 below) down.
 */
export function overlappingLines(result: RenderResult): string[] {
  const problems: string[] = []
  const pages = result.document?.pages ?? []
  pages.forEach((page, index) => {
    const boxes = page.items.flatMap((item) => {
      if (item.type !== 'text') return []
      const extent = inkExtent(item)
      if (!extent) return []
      const size = Math.max(...item.placed.map(({atom}) => atom.sizePt))
      return [{item, left: extent.left, right: extent.right, top: item.baselinePt - 0.88 * size, bottom: item.baselinePt + 0.12 * size}]
    })
    boxes.sort((a, b) => a.top - b.top)
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!
      for (let j = i + 1; j < boxes.length && boxes[j]!.top < a.bottom - EPSILON; j++) {
        const b = boxes[j]!
        if (b.left < a.right - EPSILON && a.left < b.right - EPSILON) {
          problems.push(`page ${index + 1}: ${a.item.role} line ${JSON.stringify(itemText(a.item).slice(0, 30))} overlaps ${b.item.role} line ${JSON.stringify(itemText(b.item).slice(0, 30))}`)
        }
      }
    }
  })
  return problems
}
