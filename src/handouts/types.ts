import type {Block, Position} from '../article/types.js'

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
