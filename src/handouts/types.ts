import type {Block, Position} from '../article/types.js'
import type {Template} from '../config/template.js'
import type {Grid} from '../config/resolve-template.js'
import type {Shaper} from '../compose/compose-blocks.js'
import type {ResolvedHandout} from './resolve-handout.js'

/**
 * One handout's worth of an article: a `##` section (小标题 and the blocks up
 * to the next `##`, `###` subsections included), the lead (导语) on its own,
 * or the whole article when it has no `##`. Plain data, blocks untouched.
 */
export interface Section {
  /** `section` (a `##`), `lead` (导语 on its own) or `whole` (an article without `##`). */
  type: 'section' | 'lead' | 'whole'
  /** Order in the file name (`NN-`): 0 for an own lead, sections from 1. */
  order: number
  /** The handout's own title: the `##` text, 导语, or the article's 主题. */
  title: string
  /** Blocks set under the title: the lead first (when folded in), then the section body. */
  blocks: Block[]
  /** Where the section starts in the source (its `##` line), for diagnostics. */
  position?: Position
}

/** What the handout page stages need: the template, its grid, its `handout` block and the shaper. */
export interface HandoutLayoutContext {
  template: Template
  grid: Grid
  handout: ResolvedHandout
  shape: Shaper
}

/** The facts a handout's header band and running header show. */
export interface HandoutHeading {
  /** Publication (报名) or source, when known. */
  publication?: string
  /** ISO date of the article, when known. */
  date?: string
  /** The article's 主题, shown as context. */
  articleTitle: string
  /** The handout's own title. */
  sectionTitle: string
}

/**
 * A title, contents entry or source line of more lines than this is a
 * runaway (a paragraph given as one, front matter gone astray): it is set a
 * row per line, free to part across pages, so that it never outgrows one.
 */
export const RUNAWAY_LINES = 4
