/** The YAML front matter block at the very start of a file. */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/
/** A top-level `template:` key with a plain or quoted scalar, comment allowed. */
const TEMPLATE_KEY = /^template:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m

/**
 * Read the `template` an article asks for in its front matter without
 * parsing YAML (fast enough for a whole archive). Returns `undefined` when
 * the article names none; then the build uses its default.
 */
export function frontMatterTemplate(source: string): string | undefined {
  const block = FRONT_MATTER.exec(source)?.[1]
  if (block === undefined) return undefined
  const match = TEMPLATE_KEY.exec(block)
  const value = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim()
  return value ? value : undefined
}
