import type {Inline, InlineStyle} from './types.js'

/**
 * Split a run-in label off the start of a run: the label, with `style`
 * added, and the rest (absent when nothing follows). `lead` blank characters
 * before the label are dropped. Source positions of both parts are kept
 * exact (the label stands on the run's first line).
 */
export function splitLabel(run: Inline, label: string, style: InlineStyle, lead = 0): Inline[] {
  const head: Inline = {...run, value: label, style: {...run.style, ...style}}
  const tail: Inline = {...run, value: run.value.slice(lead + label.length)}
  if (run.position) {
    const {line, column} = run.position.start
    const at = {line, column: column + lead + label.length}
    head.position = {start: {line, column: column + lead}, end: at}
    tail.position = {start: at, end: run.position.end}
  }
  return tail.value ? [head, tail] : [head]
}
