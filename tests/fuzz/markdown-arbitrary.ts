import fc from 'fast-check'

/**
 * A fast-check generator of small paiban articles: YAML front matter variants
 * and a Markdown body of heads, paragraphs, interview turns, lists, tables and
 * quotes, filled with hostile text. Each document is kept as a structure, and
 * `toMarkdown` writes it out, so the test knows exactly which characters the
 * reader must find on the page (`expectedBodyText`) without parsing Markdown.
 *
 * Text tokens never contain Markdown syntax characters (`* _ [ ] < > \ & # | ~ `` ` ``)
 * and never start a line with a block marker, so markup is only what the
 * generator writes itself.
 */

/**
 * Generator features that can be switched off while a bug they hit is open.
 * Every `false` must name its bug; re-enable once the bug is fixed.
 */
export interface Features {
  /** 300-character unbreakable runs (Latin, digits, ——, ……, 。). */
  longRuns: boolean
  /** URLs, some 400 characters long. */
  urls: boolean
  /** GFM tables. */
  tables: boolean
  /** Emoji with variation selectors, ZWJ sequences, flags, keycaps. */
  emoji: boolean
  /** C0/C1 controls, bidi and other format characters. */
  controls: boolean
  /** Now and then a paragraph of 400–9,000 characters, so articles run over columns and pages. */
  longParagraphs: boolean
  /** Lists nested up to eight levels (beyond the three of ordinary copy). */
  deepLists: boolean
  /** Now and then a title, kicker or subtitle of 400–3,000 characters. */
  longDeck: boolean
  /** Long runs and URLs in heads and table cells, whose rows can grow taller than a column. */
  tallRows: boolean
}

export const ALL_FEATURES: Features = {longRuns: true, urls: true, tables: true, emoji: true, controls: true, tallRows: true, longParagraphs: true, deepLists: true, longDeck: true}

const COMMON_HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'
const RARE_HAN = ['𤩪', '𠀀', '𠮷', '𡈽', '𪚥', '𬌗', '㐀', '䶵', '㑇', '𱍐', '𰻝']
const FULL_PUNCT = ['，', '。', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '（', '）', '《', '》', '——', '……', '「', '」', '【', '】', '·', '～']
const HALF_PUNCT = [',', ':', ';', '?', '!', '(', ')']
const EMOJI = ['😀', '❤️', '❤︎', '👨‍👩‍👧', '👍🏽', '🇨🇳', '☺️', '1️⃣', '🏳️‍🌈', '🧑🏻‍💻']
const SPACES = [' ', '  ', '\u00A0', '\u200B', '\uFEFF', '\u3000', '\u2009', '\t']
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u00AD', '\u200E', '\u202E', '\u2060', '\u200D', '\u180E']
const SPEAKERS = ['记者', '本报记者', '主持人', '刘震民', '问', 'Q', 'A', '张三']

const han = fc.string({unit: fc.constantFrom(...COMMON_HAN), minLength: 1, maxLength: 8})
const latinWord = fc.string({unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 10})
const number = fc.oneof(
  fc.integer({min: 0, max: 99999}).map(String),
  fc.tuple(fc.integer({min: 0, max: 100}), fc.integer({min: 0, max: 9})).map(([a, b]) => `${a}.${b}%`),
  fc.integer({min: 0, max: 100}).map((n) => `${n}%`),
  fc.integer({min: 1, max: 999}).map((n) => `${n},000`),
  fc.integer({min: 1, max: 9}).map((n) => `${n}:1`),
  fc.integer({min: 1990, max: 2030}).map((n) => `${n}年`)
)
// A path that ends in `--` or `...` set against Chinese text is a 破折号 or 省略号 to the reader, and the
// pipeline sets it so (normalize-punctuation, unit-tested there); a URL here ends otherwise.
const urlPath = fc.string({unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789/.-?='), minLength: 0, maxLength: 30}).map((path) => path.replace(/[-.]+$/, ''))
const url = fc.oneof(
  {weight: 4, arbitrary: urlPath.map((path) => `https://example.com/${path}`)},
  {weight: 1, arbitrary: urlPath.map((path) => `https://www.gov.cn/${(path + 'zhengce/content/2024-01/').repeat(20)}`.slice(0, 400).replace(/[-.]+$/, ''))},
  {weight: 1, arbitrary: urlPath.map((path) => `www.example.cn/${path}`)}
)
// Western text inside Chinese: apostrophes and quotes (set proportional when they belong to it), en-dash ranges,
// one tilde (a range in Chinese copy, never a strikethrough).
const western = fc.oneof(
  latinWord.map((word) => `${word}’s`),
  fc.tuple(latinWord, latinWord).map(([a, b]) => `${a}’t ${b}`),
  fc.tuple(latinWord, latinWord).map(([a, b]) => ` “${a} ${b}.” `),
  latinWord.map((word) => `‘${word}’`),
  fc.tuple(latinWord, latinWord).map(([a, b]) => `${a} ’n’ ${b}`),
  fc.tuple(fc.integer({min: 1900, max: 2030}), fc.integer({min: 1900, max: 2030})).map(([a, b]) => `(${a}–${b}),`),
  fc.tuple(fc.integer({min: 0, max: 40}), fc.integer({min: 0, max: 40})).map(([a, b]) => `${a}~${b}`)
)
const longRun = fc.oneof(
  fc.constantFrom('a', 'x', 'Z', '7').map((char) => char.repeat(300)),
  latinWord.map((word) => word.repeat(300).slice(0, 300)),
  fc.constant('——'.repeat(150)),
  fc.constant('……'.repeat(150)),
  fc.constant('。'.repeat(300)),
  fc.constant('1234567890'.repeat(30))
)

/** One piece of inline text; the list of kinds follows the issue. */
function token(features: Features): fc.Arbitrary<string> {
  const kinds: fc.WeightedArbitrary<string>[] = [
    {weight: 10, arbitrary: han},
    {weight: 2, arbitrary: fc.constantFrom(...RARE_HAN)},
    {weight: 5, arbitrary: fc.constantFrom(...FULL_PUNCT)},
    {weight: 3, arbitrary: fc.constantFrom(...HALF_PUNCT)},
    {weight: 3, arbitrary: latinWord},
    {weight: 1, arbitrary: western},
    {weight: 3, arbitrary: number},
    {weight: 3, arbitrary: fc.constantFrom(...SPACES)}
  ]
  if (features.urls) kinds.push({weight: 1, arbitrary: url})
  if (features.longRuns) kinds.push({weight: 1, arbitrary: longRun})
  if (features.emoji) kinds.push({weight: 1, arbitrary: fc.constantFrom(...EMOJI)})
  if (features.controls) kinds.push({weight: 1, arbitrary: fc.constantFrom(...CONTROLS)})
  return fc.oneof(...kinds)
}

/** A run of inline text in one style. */
export interface Run {
  /** Markdown styles, and the HTML tags a web page or CMS pastes (`<strong>`, `<sup>`). */
  style: 'plain' | 'strong' | 'em' | 'strike' | 'link' | 'htmlStrong' | 'htmlSup'
  text: string
}

export interface ListItem {
  runs: Run[]
  /** A paragraph of the item after a blank line, indented four spaces past the item's text (code to Markdown). */
  note?: Run[]
  children: ListItem[]
}

export type GenBlock =
  | {type: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; runs: Run[]}
  | {type: 'paragraph'; runs: Run[]; lineEnds?: 'none' | 'soft' | 'hard'; indent?: Indent}
  | {type: 'qa'; speaker: string; colon: '：' | ':'; bold: boolean; runs: Run[]; indent?: Indent}
  | {type: 'list'; ordered: boolean; marker: string; items: ListItem[]}
  | {type: 'table'; rows: string[][]}
  | {type: 'quote'; paragraphs: Run[][]; asList: boolean; indented?: boolean}
  | {type: 'image'; alt: string; src: string; title: string}
  /** A raw HTML block pasted from a web page: `<div><p>…</p>…</div>`, each piece as written and as a reader sees it. */
  | {type: 'html'; paragraphs: {written: string; seen: string}[][]}

/**
 * How a paragraph's lines are indented in the source: not at all, with
 * ideographic spaces at the head of each line as text pasted from Word or
 * WeChat has them (each such line a paragraph), or a tab before the first
 * line (Markdown's indented code, read again as text).
 */
export type Indent = 'none' | 'ideographic' | 'tab'

export type FrontMatter =
  | {kind: 'none'}
  | {kind: 'empty'}
  | {kind: 'valid'; title: string; kicker?: string; subtitle?: string; source?: string; date?: string}
  | {kind: 'numberTitle'; title: number}
  | {kind: 'invalidDate'; title: string; date: string}
  | {kind: 'unknownKeys'; title: string; keys: [string, string][]}
  | {kind: 'invalidYaml'; text: string}

export interface GenDoc {
  frontMatter: FrontMatter
  blocks: GenBlock[]
  crlf: boolean
  bom: boolean
}

/** Mostly no indent. */
const INDENTS = fc.constantFrom<Indent>('none', 'none', 'none', 'none', 'ideographic', 'tab')

/** The head of each line of an indented block: ideographic spaces on every line, a tab on the first only. */
function indented(source: string, indent: Indent | undefined): string {
  if (indent === 'ideographic') return source.split('\n').map((line) => `\u3000\u3000${line}`).join('\n')
  return indent === 'tab' ? `\t${source}` : source
}

/** Digits and `.` or `)` at the start of a line make an ordered-list marker, which is markup, not text. */
const LIST_MARKER_AT_START = /^[ \t\v\f]*\d{1,9}[.)]/

/** Inline text: a few tokens joined together (led by a character if it would start with a list marker). */
function text(features: Features, maxTokens: number): fc.Arbitrary<string> {
  return fc.array(token(features), {minLength: 1, maxLength: maxTokens}).map((tokens) => {
    const joined = tokens.join('')
    return LIST_MARKER_AT_START.test(joined) ? `第${joined}` : joined
  })
}

/** A line of inline runs, some bold or emphasised. */
function runs(features: Features, maxRuns = 3): fc.Arbitrary<Run[]> {
  return fc.array(
    fc.record({
      style: fc.constantFrom<Run['style']>('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'strong', 'strong', 'em', 'em', 'strike', 'strike', 'link', 'link', 'htmlStrong', 'htmlSup'),
      text: text(features, 6)
    }),
    {minLength: 1, maxLength: maxRuns}
  )
}

/** Text for a YAML scalar in the deck (no control characters: YAML rejects them). */
function deckText(features: Features): fc.Arbitrary<string> {
  const one = text({...features, controls: false}, 5)
  // Now and then two lines, as an editor breaks a 双行题 with a YAML block.
  const short = fc.oneof({weight: 9, arbitrary: one}, {weight: 1, arbitrary: fc.tuple(one, one).map(([a, b]) => `${a}\n${b}`)})
  if (!features.longDeck) return short
  const long = fc.tuple(short, fc.integer({min: 400, max: 3000})).map(([sentence, length]) => repeatTo([...sentence], length))
  return fc.oneof({weight: 30, arbitrary: short}, {weight: 1, arbitrary: long})
}

/**
 * Text for the title. Long runs and URLs come rarely here: fitting a headline
 * of a few hundred characters takes 0.3–1.4 s (sizes × balanced measures ×
 * line breaking), which would dominate the suite's time.
 */
function titleText(features: Features): fc.Arbitrary<string> {
  return fc.oneof({weight: 19, arbitrary: deckText({...features, longRuns: false, urls: false})}, {weight: 1, arbitrary: deckText(features)})
}

/** `chars` repeated to `length` code points. */
function repeatTo(chars: readonly string[], length: number): string {
  return Array.from({length}, (_, i) => chars[i % chars.length]).join('')
}

const isoDate = fc.tuple(fc.integer({min: 1990, max: 2035}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 28})).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

function frontMatter(features: Features): fc.Arbitrary<FrontMatter> {
  return fc.oneof(
    {weight: 2, arbitrary: fc.constant<FrontMatter>({kind: 'none'})},
    {weight: 1, arbitrary: fc.constant<FrontMatter>({kind: 'empty'})},
    {
      weight: 6,
      arbitrary: fc.record(
        {kind: fc.constant('valid' as const), title: titleText(features), kicker: deckText(features), subtitle: deckText(features), source: deckText(features), date: isoDate},
        {requiredKeys: ['kind', 'title']}
      )
    },
    {weight: 1, arbitrary: fc.record({kind: fc.constant('numberTitle' as const), title: fc.integer({min: 1, max: 99999})})},
    {weight: 1, arbitrary: fc.record({kind: fc.constant('invalidDate' as const), title: titleText(features), date: fc.constantFrom('2024-13-45', '2024-02-30', 'yesterday', '二〇二四年', '12/31/2024')})},
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('unknownKeys' as const),
        title: titleText(features),
        keys: fc.uniqueArray(fc.tuple(fc.constantFrom('titel', 'autor', 'foo', 'tags', 'kicer', '栏目', 'Title'), han), {minLength: 1, maxLength: 3, selector: ([key]) => key})
      })
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('invalidYaml' as const),
        text: fc.constantFrom('title: [未闭合', 'title: "未闭合', 'title: a: b: c', '\ttitle: 制表符', 'title: 标题\ntitle: 重复', '- 列表\ntitle: 混合', 'title: {a: 1', ': 无键')
      })
    }
  )
}

function listItems(features: Features, depth: number): fc.Arbitrary<ListItem[]> {
  const child = depth < (features.deepLists ? 7 : 2) ? listItems(features, depth + 1) : fc.constant<ListItem[]>([])
  // An empty item cannot interrupt a paragraph: Markdown would read its marker as text. Give blank items a character.
  const itemRuns = runs(features, 2).map((list) => (/^[ \t]*$/.test(writeRuns(list)) ? [{style: 'plain' as const, text: '项'}, ...list] : list))
  const note = fc.oneof({weight: 4, arbitrary: fc.constant(undefined)}, {weight: 1, arbitrary: runs(features, 2)})
  return fc.array(
    fc.record({runs: itemRuns, note, children: fc.oneof({weight: 3, arbitrary: fc.constant<ListItem[]>([])}, {weight: 1, arbitrary: child})}).map(({note: text, ...item}): ListItem => (text ? {...item, note: text} : item)),
    {minLength: 1, maxLength: 3}
  )
}

/** Features for text that becomes one unbreakable row (a head band, a table row). */
function rowFeatures(features: Features): Features {
  return features.tallRows ? features : {...features, longRuns: false, urls: false}
}

/** Runs of a head; long runs and URLs rarely, as a head may become the (slow to fit) headline. */
function headRuns(features: Features): fc.Arbitrary<Run[]> {
  return fc.oneof({weight: 9, arbitrary: runs({...features, longRuns: false, urls: false}, 2)}, {weight: 1, arbitrary: runs(rowFeatures(features), 2)})
}

function block(features: Features): fc.Arbitrary<GenBlock> {
  const kinds: fc.WeightedArbitrary<GenBlock>[] = [
    {weight: 2, arbitrary: fc.record({type: fc.constant('heading' as const), depth: fc.oneof({weight: 8, arbitrary: fc.constantFrom<2 | 3>(2, 3)}, {weight: 1, arbitrary: fc.constantFrom<1 | 4 | 5 | 6>(1, 4, 5, 6)}), runs: headRuns(features)})},
    {weight: 6, arbitrary: fc.record({type: fc.constant('paragraph' as const), runs: runs(features), lineEnds: fc.constantFrom<'none' | 'soft' | 'hard'>('none', 'none', 'none', 'soft', 'hard'), indent: INDENTS})},
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('qa' as const),
        speaker: fc.constantFrom(...SPEAKERS),
        colon: fc.constantFrom<'：' | ':'>('：', ':'),
        bold: fc.boolean(),
        runs: runs(features),
        indent: INDENTS
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('list' as const),
        ordered: fc.boolean(),
        marker: fc.constantFrom('-', '*', '+', '.', ')'),
        items: listItems(features, 0)
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('quote' as const),
        paragraphs: fc.array(runs(features, 2), {minLength: 1, maxLength: 2}),
        asList: fc.boolean(),
        // Quoted text indented four spaces past the `> `: code to Markdown, text to the reader.
        indented: fc.constantFrom(false, false, false, true)
      })
    }
  ]
  // A figure whose picture the build cannot use (there are none beside the generated article): a
  // placeholder and a warning, or an error for a path outside the folder; its alt text is the caption.
  kinds.push({
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('image' as const),
      alt: text(features, 4).map((alt) => alt.replace(/[[\]\\]/g, '')),
      src: fc.constantFrom('missing.jpg', 'a%zz.jpg', '/images/none.png', 'https://example.com/p.jpg', '', '../outside.jpg', '<照片 1.jpg>', '%E7%85%A7.jpg', 'sub/dir/p.png'),
      title: fc.constantFrom('', ' "2栏"', ' "自动"', ' "bogus"', ' "4栏"')
    })
  })
  // Text pasted from a web page: block elements, inline tags and character references (written, and as read).
  const htmlPiece = fc.oneof(
    {weight: 6, arbitrary: han.map((value) => ({written: value, seen: value}))},
    {weight: 2, arbitrary: fc.constantFrom(...FULL_PUNCT).map((value) => ({written: value, seen: value}))},
    {weight: 3, arbitrary: fc.constantFrom<{written: string; seen: string}>({written: '&amp;', seen: '&'}, {written: '&lt;', seen: '<'}, {written: '&ldquo;', seen: '“'}, {written: '&rdquo;', seen: '”'}, {written: '&#20013;', seen: '中'}, {written: '&#x6587;', seen: '文'}, {written: '&nbsp;', seen: ''}, {written: '&nosuch;', seen: '&nosuch;'})},
    {weight: 2, arbitrary: fc.constantFrom<{written: string; seen: string}>({written: '<br>', seen: ''}, {written: '<span style="color:red">', seen: ''}, {written: '</span>', seen: ''}, {written: '<b>', seen: ''}, {written: '</b>', seen: ''}, {written: '<!-- 注 -->', seen: ''})}
  )
  kinds.push({
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('html' as const),
      paragraphs: fc.array(fc.array(htmlPiece, {minLength: 1, maxLength: 8}), {minLength: 1, maxLength: 3})
    })
  })
  if (features.longParagraphs) {
    // A sentence of a few tokens repeated: enough text to fill columns and turn pages.
    kinds.push({
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('paragraph' as const),
        runs: fc.tuple(text(features, 8), fc.integer({min: 400, max: 9000})).map(([sentence, length]): Run[] => [{style: 'plain', text: repeatTo([...sentence], length)}])
      })
    })
  }
  if (features.tables) {
    kinds.push({
      weight: 2,
      arbitrary: fc.integer({min: 1, max: 4}).chain((columns) =>
        fc.record({
          type: fc.constant('table' as const),
          rows: fc.array(fc.array(fc.oneof(fc.constant(''), text(rowFeatures(features), 3)), {minLength: columns, maxLength: columns}), {minLength: 1, maxLength: 4})
        })
      )
    })
  }
  return fc.oneof(...kinds)
}

/** A whole article. */
export function genDoc(features: Features = ALL_FEATURES): fc.Arbitrary<GenDoc> {
  return fc.record({
    frontMatter: frontMatter(features),
    blocks: fc.array(block(features), {minLength: 0, maxLength: 6}),
    crlf: fc.boolean(),
    bom: fc.boolean()
  })
}

// --- Writing Markdown --------------------------------------------------------

/** Inline text is one line: a table cell or heading must not be split. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]/g, ' ')
}

function writeRuns(list: readonly Run[]): string {
  // Struck text and links after a space: a bare URL just before would run on through their markup (GFM).
  // HTML tags after a space too: a bare URL just before would run on into them.
  const written: Record<Run['style'], (text: string) => string> = {
    plain: (text) => text,
    strong: (text) => `**${text}**`,
    em: (text) => `*${text}*`,
    strike: (text) => ` ~~${text}~~`,
    link: (text) => ` [${text}](https://example.com/l)`,
    htmlStrong: (text) => ` <strong>${text}</strong>`,
    htmlSup: (text) => ` <sup>${text}</sup>`
  }
  return list.map((run) => written[run.style](run.text)).join('')
}

/**
 * A paragraph written over several source lines: a line end (soft, or hard:
 * a backslash before it) before each run that starts with a Han character,
 * where a line cannot start a list, a head or a quote instead; not after a
 * line holding a bare URL, which GFM runs on to the line's end, backslash
 * and all.
 */
function writeWrapped(list: readonly Run[], lineEnds: 'soft' | 'hard'): string {
  let source = ''
  list.forEach((run, index) => {
    const written = writeRuns([run])
    const line = source.slice(source.lastIndexOf('\n') + 1)
    if (index > 0 && /^[\u4e00-\u9fff]/.test(run.text) && line !== '' && !line.endsWith('\\') && !/www\.|:\/\/|@/i.test(line)) source += lineEnds === 'hard' ? '\\\n' : '\n'
    source += written
  })
  return source
}

function writeList(items: readonly ListItem[], ordered: boolean, marker: string, indent: string): string[] {
  const lines: string[] = []
  items.forEach((item, index) => {
    const bullet = ordered ? `${index + 1}${marker === ')' ? ')' : '.'}` : marker === '.' || marker === ')' ? '-' : marker
    // Spaces or tabs at the head of the item's text would move its content column, and its sublists (indented
    // for one space after the marker) would fall out of it, an ordered one then read as text.
    lines.push(`${indent}${bullet} ${writeRuns(item.runs).replace(/^[ \t]+/, '')}`)
    if (item.note) lines.push('', `${indent}${' '.repeat(bullet.length + 5)}${writeRuns(item.note)}`, '')
    if (item.children.length > 0) lines.push(...writeList(item.children, ordered, marker, indent + ' '.repeat(bullet.length + 1)))
  })
  return lines
}

function writeBlock(node: GenBlock): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(node.depth)} ${writeRuns(node.runs)}`
    case 'paragraph':
      return indented(node.lineEnds === 'soft' || node.lineEnds === 'hard' ? writeWrapped(node.runs, node.lineEnds) : writeRuns(node.runs), node.indent)
    case 'qa': {
      const label = `${node.speaker}${node.colon}`
      return indented((node.bold ? `**${label}**` : label) + writeRuns(node.runs), node.indent)
    }
    case 'list':
      return writeList(node.items, node.ordered, node.marker, '').join('\n')
    case 'table': {
      const columns = node.rows[0]!.length
      const row = (cells: readonly string[]): string => `| ${cells.map(oneLine).join(' | ')} |`
      return [row(node.rows[0]!), `|${' --- |'.repeat(columns)}`, ...node.rows.slice(1).map(row)].join('\n')
    }
    case 'image':
      return `![${node.alt}](${node.src}${node.title})`
    case 'html':
      return `<div>${node.paragraphs.map((pieces) => `<p>${pieces.map((piece) => piece.written).join('')}</p>`).join('')}</div>`
    case 'quote':
      if (node.asList) return node.paragraphs.map((p) => `> - ${writeRuns(p)}`).join('\n')
      return node.paragraphs.map((p) => `> ${node.indented ? '    ' : ''}${writeRuns(p)}`).join('\n>\n')
  }
}

function yamlString(value: string): string {
  return JSON.stringify(value)
}

function writeFrontMatter(fm: FrontMatter): string | undefined {
  switch (fm.kind) {
    case 'none':
      return undefined
    case 'empty':
      return ''
    case 'valid': {
      const lines = [`title: ${yamlString(fm.title)}`]
      if (fm.kicker !== undefined) lines.push(`kicker: ${yamlString(fm.kicker)}`)
      if (fm.subtitle !== undefined) lines.push(`subtitle: ${yamlString(fm.subtitle)}`)
      if (fm.source !== undefined) lines.push(`source: ${yamlString(fm.source)}`)
      if (fm.date !== undefined) lines.push(`date: ${fm.date}`)
      return lines.join('\n')
    }
    case 'numberTitle':
      return `title: ${fm.title}`
    case 'invalidDate':
      return `title: ${yamlString(fm.title)}\ndate: ${fm.date}`
    case 'unknownKeys':
      return [`title: ${yamlString(fm.title)}`, ...fm.keys.map(([key, value]) => `${key}: ${value}`)].join('\n')
    case 'invalidYaml':
      return fm.text
  }
}

/** The Markdown file for a generated document. */
export function toMarkdown(doc: GenDoc): string {
  const parts: string[] = []
  const fm = writeFrontMatter(doc.frontMatter)
  if (fm !== undefined) parts.push(fm === '' ? '---\n---' : `---\n${fm}\n---`)
  for (const node of doc.blocks) parts.push(writeBlock(node))
  let source = parts.join('\n\n') + '\n'
  if (doc.crlf) source = source.replace(/\n/g, '\r\n')
  return (doc.bom ? '\uFEFF' : '') + source
}

// --- What the reader must see ------------------------------------------------

function runsText(list: readonly Run[]): string[] {
  return list.map((run) => run.text)
}

function itemsText(items: readonly ListItem[]): string[] {
  return items.flatMap((item) => [...runsText(item.runs), ...runsText(item.note ?? []), ...itemsText(item.children)])
}

/**
 * Every content string of the body: the Markdown with its markup taken away.
 * Level-1 heads are left out: without a front-matter title the first becomes
 * the headline (see `expectedHeadingOneText`).
 */
export function expectedBodyText(doc: GenDoc): string[] {
  return doc.blocks.flatMap((node): string[] => {
    switch (node.type) {
      case 'heading':
        return node.depth === 1 ? [] : runsText(node.runs)
      case 'paragraph':
        return runsText(node.runs)
      case 'qa':
        return [node.speaker, node.colon, ...runsText(node.runs)]
      case 'list':
        return itemsText(node.items)
      case 'table':
        return node.rows.flat()
      case 'quote':
        return node.paragraphs.flatMap(runsText)
      case 'image':
        return [node.alt]
      case 'html':
        return node.paragraphs.flatMap((pieces) => pieces.map((piece) => piece.seen))
    }
  })
}

/** Text of level-1 heads: set as a section head, or as the headline when the front matter has no title. */
export function expectedHeadingOneText(doc: GenDoc): string[] {
  return doc.blocks.flatMap((node) => (node.type === 'heading' && node.depth === 1 ? runsText(node.runs) : []))
}

/** Deck strings the front matter asks for (title, kicker, subtitle, source), when it is valid. */
export function expectedDeckText(doc: GenDoc): string[] {
  const fm = doc.frontMatter
  switch (fm.kind) {
    case 'valid':
      return [fm.title, fm.kicker, fm.subtitle, fm.source].filter((value): value is string => value !== undefined)
    case 'numberTitle':
      return [String(fm.title)]
    case 'invalidDate':
    case 'unknownKeys':
      return [fm.title]
    default:
      return []
  }
}
