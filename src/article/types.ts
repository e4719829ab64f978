/**
 * The article model every layout stage reads: typed, font-free, no geometry.
 * Every node keeps the source position of the Markdown it came from.
 */

/** A point in the source file (1-based line and column, as unist). */
export interface Point {
  line: number
  column: number
}

/** The source span a node came from. */
export interface Position {
  start: Point
  end: Point
}

/** Inline style flags; layout maps them to font roles via the template. */
export interface InlineStyle {
  /** `**bold**`: the 黑 role (or real bold). */
  strong?: boolean
  /** `*emphasis*`: 着重号 dots or the 楷 role, per template. */
  emphasis?: boolean
  /** `~~struck~~`: a rule through the text, which is kept (a correction reads as the writer marked it). */
  strike?: boolean
  /** `` `code` ``: kept in the body face, never re-spaced. */
  code?: boolean
  /** Link target, kept for the PDF annotation. */
  href?: string
  /** Speaker label of an interview turn (记者：/受访者：), run-in in 黑. */
  speaker?: boolean
  /** 条标 of a statute's article (第一条), run-in in 黑 like a speaker label. */
  clause?: boolean
  /** 电头 of a news story (新华社北京12月4日电, 本报讯), run-in in 黑. */
  dateline?: boolean
  /** The label of an 编者按 (编者按：, 【编者按】), run-in in 黑. */
  editorsNote?: boolean
  /** Footnote call, set as a superscript-like bracket. */
  noteRef?: boolean
}

/** A run of text with one style. */
export interface TextRun {
  type: 'text'
  value: string
  style: InlineStyle
  position?: Position
}

export type Inline = TextRun

/** A body paragraph. `role` marks lead paragraphs and interview turns. */
export interface Paragraph {
  type: 'paragraph'
  children: Inline[]
  /** `lead` (导语, before the first section head) or `body`. */
  role: 'lead' | 'body'
  /**
   * A part of an official document's head (GB/T 9704-2012), set as it is
   * printed: `number`, the 发文字号 (国办发〔2018〕123号), centred under the
   * headline (§7.2.4); `salutation`, the 主送机关 or a letter's 称谓
   * (周桂英等代表：), flush left and turning flush left (§7.3.2); `note`, a
   * statute's 题注 (2021年6月10日第十三届全国人民代表大会常务委员会第二十九次
   * 会议通过), in brackets in 楷 under the headline. Found by
   * `findDocumentHead`. `editorsNote`, an 编者按 before the story, set in 楷
   * (`markEditorsNote`). `credit`, an end mark or credit line after a
   * story's text (（完）, （责任编辑：赵六）), set at the right
   * (`markEndCredits`).
   */
  part?: 'number' | 'salutation' | 'note' | 'editorsNote' | 'credit'
  position?: Position
}

/** One turn of an interview: `记者：` asks, the interviewee answers. */
export interface QaTurn {
  type: 'qaTurn'
  role: 'question' | 'answer'
  /** The speaker's name without the colon, e.g. 记者. */
  speaker: string
  /** Inline content, the speaker label (with its colon) first. */
  children: Inline[]
  position?: Position
}

/** A section head (小标题, `##`) or a lower-level head (`###`…). */
export interface SectionHead {
  type: 'sectionHead'
  depth: number
  children: Inline[]
  position?: Position
}

/** A list; each item is a paragraph-like block of inlines. */
export interface List {
  type: 'list'
  ordered: boolean
  start: number
  items: ListItem[]
  position?: Position
}

/** One list item: its inlines and its nesting depth (0 = top level). */
export interface ListItem {
  depth: number
  /** The marker as printed: `1.`, `•`, `◦`. */
  marker: string
  children: Inline[]
}

/** A block quote; its paragraphs are set indented in the body face. */
export interface Quote {
  type: 'quote'
  children: Inline[][]
  position?: Position
}

/** An image with its caption (图片说明). */
export interface Figure {
  type: 'figure'
  /** The path as written in the Markdown. */
  src: string
  caption: Inline[]
  /**
   * Columns asked for in the image title (`"2栏"`, `"span=3"`, `"通栏"` = all);
   * absent: chosen from the picture's shape (see README, Figures).
   */
  span?: number | 'all'
  position?: Position
}

/** A GFM table: rows of cells of inlines; the first row is the header. */
export interface Table {
  type: 'table'
  rows: Inline[][][]
  /** Each column's alignment from the delimiter row (`:--`, `:-:`, `--:`); absent when no column sets one. */
  align?: TableAlign[]
  position?: Position
}

/** A table column's alignment; null: the default (flush left). */
export type TableAlign = 'left' | 'center' | 'right' | null

/** A footnote definition, set at the end of the article. */
export interface Footnote {
  type: 'footnote'
  label: string
  children: Inline[]
  position?: Position
}

/** A code block, set line by line in the body face as written (indentation and spaces kept). */
export interface CodeBlock {
  type: 'code'
  value: string
  position?: Position
}

/**
 * The 落款 that closes a notice, a reply or an essay: the issuer's name
 * (发文机关署名), if any, over the date (成文日期), set apart from the text
 * (GB/T 9704-2012 §7.3.5). Found by `findSignoff` in the last paragraphs.
 */
export interface Signoff {
  type: 'signoff'
  /** 署名: the issuing body or author (absent: a date alone, as under an essay). */
  name?: Inline[]
  /** 成文日期 as written (2018年12月4日, 二〇〇六年九月七日, 一九二四年十月二十八日。). */
  date: Inline[]
  position?: Position
}

/** A break between parts of the text (`***`, `---` in the body): set as a blank line. */
export interface SectionBreak {
  type: 'sectionBreak'
  position?: Position
}

export type Block = Paragraph | QaTurn | SectionHead | List | Quote | Figure | Table | Footnote | CodeBlock | Signoff | SectionBreak

/** Front-matter facts about the article (all optional but the title). */
export interface ArticleMeta {
  /** 主题 */
  title: string
  /** 引题 */
  kicker?: string
  /** 副题 */
  subtitle?: string
  /** 来源 */
  source?: string
  /** ISO date, YYYY-MM-DD. */
  date?: string
  author?: string
  /** 制作 / 责任编辑 */
  editor?: string
  /** 新闻热线 */
  hotline?: string
  /** `zh-Hans` (default) or `zh-Hant`. */
  lang: string
  template?: string
  /** Publication name for the page furniture (报头). */
  publication?: string
  /** 版名 for the page furniture. */
  section?: string
  /** 版次 of the first page (default 1). */
  page?: number
  keywords?: string[]
  license?: string
}

/** One article as layout sees it. */
export interface Article {
  type: 'article'
  meta: ArticleMeta
  children: Block[]
  /** Source position of the front matter, for diagnostics on the deck. */
  metaPosition?: Position
  /** Where each front-matter key's value stands, for diagnostics about that value (an unknown template). */
  metaPlaces?: Partial<Record<keyof ArticleMeta, Point>>
}
