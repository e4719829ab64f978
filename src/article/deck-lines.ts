/**
 * Line breaks an editor writes into a deck field (`title`, `kicker`,
 * `subtitle`) with a YAML block scalar:
 *
 * ```yaml
 * title: |
 *   发扬苏区干部好作风
 *   以蝶变式发展促和谐护民安
 * ```
 *
 * The deck breaks its lines there (a 双行题 as marked); everything else that
 * shows the field on one line (a running head, the PDF's title, a file name)
 * reads each break as a space, as a phrase break is written on one line.
 */

/** The field's lines as written, each trimmed, empty ones dropped. */
export function deckLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** The field on one line: its lines joined by a space. */
export function oneLine(text: string): string {
  return deckLines(text).join(' ')
}
