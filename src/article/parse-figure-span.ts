/** Columns a figure spans as written: a number, `all` (通栏), or `auto` (chosen from the picture's shape). */
export type FigureSpan = number | 'all' | 'auto'

/** Chinese numerals a 栏 count may be written with (一栏 … 十栏, 两栏, 双栏). */
const CHINESE_NUMERALS: Record<string, number> = {一: 1, 单: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10}

/**
 * Read the span a Markdown image title asks for (`![说明](a.jpg "2栏")`):
 * `N栏` / `跨N栏` (digits, full-width digits or 一…十, 两, 双), `span=N`,
 * `通栏` / `全栏` / `span=all` (every column of the page), and `自动` /
 * `span=auto` / no title (automatic). Returns undefined for anything else,
 * so the caller can warn with the source position.
 */
export function parseFigureSpan(title: string | null | undefined): FigureSpan | undefined {
  // NFKC turns full-width digits and letters (２栏, ｓｐａｎ＝３) into ASCII.
  const text = (title ?? '').normalize('NFKC').trim().toLowerCase()
  if (text === '' || text === 'auto' || text === '自动' || text === 'span=auto') return 'auto'
  if (text === '通栏' || text === '全栏' || /^span\s*[=:]\s*all$/.test(text)) return 'all'
  const written = /^span\s*[=:]\s*(\d+)$/.exec(text) ?? /^跨?\s*(\d+|[一单二两双三四五六七八九十])\s*栏$/.exec(text)
  if (!written) return undefined
  const count = CHINESE_NUMERALS[written[1]!] ?? Number(written[1])
  return Number.isInteger(count) && count >= 1 ? count : undefined
}
