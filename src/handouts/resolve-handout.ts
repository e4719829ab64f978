import type {Template, TextStyle} from '../config/template.js'

/** A head style in a handout: font, size and the grid lines its band takes at least. */
export interface HandoutHeadStyle extends TextStyle {
  lines: number
  align: 'left' | 'center'
}

/**
 * The `handout` block of a template with every default filled in (vite's
 * `ResolvedConfig`). Sizes in pt. Fields beyond `label`, `notesLines` and
 * `leadOwnHandout` are optional in the JSON.
 */
export interface ResolvedHandout {
  /** Label in the header band, e.g. 培训材料 (default: `培训材料`). */
  label: string
  /** Ruled lines for notes after the body; 0 for none (default: 0). */
  notesLines: number
  /** Head over the notes lines (default: `学习笔记`). */
  notesTitle: string
  /** Give the lead its own handout `00-导语.pdf` (default: false). */
  leadOwnHandout: boolean
  /** Title of an own lead handout (default: `导语`). */
  leadTitle: string
  /** Head of the combined file's table of contents (default: `目　录`). */
  contentsTitle: string
  /** The section title, the handout's own title (default: 黑 bold 18 pt, three lines, centred). */
  title: HandoutHeadStyle
  /** The label in the header band (default: 黑 bold 12 pt). */
  labelStyle: TextStyle
  /** Publication, date and 主题 in the header band (default: 黑 9 pt). */
  band: TextStyle
  /** Running header of continuation pages: 主题 · section title (default: 宋 8 pt). */
  running: TextStyle
  /** Footer `第 x 页 / 共 y 页` (default: 宋 9 pt). */
  footer: TextStyle
  /** The source line after the body (default: 楷 10.5 pt). */
  source: TextStyle
  /** Smallest size a band, running header or footer text shrinks to before it is cut (default: 7 pt). */
  minSize: number
}

/** Resolve a template's `handout` block once, defaults documented on `ResolvedHandout`. */
export function resolveHandout(template: Readonly<Template>): ResolvedHandout {
  const user = (template.handout ?? {}) as Partial<ResolvedHandout>
  return Object.freeze({
    label: user.label ?? '培训材料',
    notesLines: Math.max(0, Math.floor(user.notesLines ?? 0)),
    notesTitle: user.notesTitle ?? '学习笔记',
    leadOwnHandout: user.leadOwnHandout ?? false,
    leadTitle: user.leadTitle ?? '导语',
    contentsTitle: user.contentsTitle ?? '目\u3000录',
    title: {font: 'hei-bold', size: 18, lines: 3, align: 'center' as const, ...user.title},
    labelStyle: {font: 'hei-bold', size: 12, ...user.labelStyle},
    band: {font: 'hei', size: 9, ...user.band},
    running: {font: 'song', size: 8, ...user.running},
    footer: {font: 'song', size: 9, ...user.footer},
    source: {font: 'kai', size: 10.5, ...user.source},
    minSize: user.minSize ?? 7
  })
}
