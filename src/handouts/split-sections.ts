import {oneLine} from '../article/deck-lines.js'
import type {Article, Block, SectionHead} from '../article/types.js'
import type {Section} from './types.js'

/** How to split an article into handouts. */
export interface SplitOptions {
  /** Give the lead (导语, text before the first `##`) a handout of its own, order 0 (default: false: fold it into the first section). */
  leadOwn?: boolean
  /** Title of an own lead handout (default: `导语`). */
  leadTitle?: string
}

/**
 * Split an article at its `##` section heads (小标题, depth 2) into
 * sections. Each section runs to the next `##`; deeper heads (`###`…) stay
 * inside it. The lead before the first `##` goes to the front of the first
 * section, or into a section of its own with `leadOwn`. An article without
 * `##` is one `whole` section titled with its 主题. Blocks are shared, never
 * copied or changed.
 */
export function splitSections(article: Readonly<Article>, options: SplitOptions = {}): Section[] {
  const heads = article.children.flatMap((block, index) => (isSectionStart(block) ? [index] : []))
  if (heads.length === 0) return [{type: 'whole', order: 1, title: oneLine(article.meta.title), blocks: [...article.children]}]
  const lead = article.children.slice(0, heads[0])
  const sections: Section[] = heads.map((start, i) => {
    const head = article.children[start] as SectionHead
    const section: Section = {type: 'section', order: i + 1, title: inlineText(head), blocks: article.children.slice(start + 1, heads[i + 1] ?? article.children.length)}
    if (head.position) section.position = head.position
    return section
  })
  if (lead.length === 0) return sections
  if (options.leadOwn) {
    const own: Section = {type: 'lead', order: 0, title: options.leadTitle ?? '导语', blocks: lead}
    const position = lead[0]?.position
    if (position) own.position = position
    return [own, ...sections]
  }
  const first = sections[0]!
  sections[0] = {...first, blocks: [...lead, ...first.blocks]}
  return sections
}

/** Does a block start a section: a `##` head (depth 2; `#` heads are read as depth 2 too)? */
export function isSectionStart(block: Readonly<Block>): block is SectionHead {
  return block.type === 'sectionHead' && block.depth === 2
}

function inlineText(head: SectionHead): string {
  return head.children.map((run) => run.value).join('').trim()
}
