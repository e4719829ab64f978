/**
 * Places in a Markdown source by its lines: what the passes after the parser
 * and the article converter need to give a piece of text its line and
 * column in the file.
 */

/** Offsets in a text where each of its lines (split at `\n`) starts. */
export function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length + 1
  }
  return starts
}

/**
 * The column a continuation line's text starts at: Markdown drops the
 * line's indent and its quote markers (`> `) from the text, so it is found
 * in the line; where escapes make the two differ, the first character past
 * the indent and markers.
 */
export function continuationColumn(line: string | undefined, text: string): number {
  if (line === undefined) return 1
  const indent = /^[ \t>]*/.exec(line)![0].length
  const found = line.indexOf(text.slice(0, 4), indent)
  return (found >= 0 ? found : indent) + 1
}
