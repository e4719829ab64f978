import type {VFile} from 'vfile'
import type {Position} from '../article/types.js'

/** Severity of a content diagnostic. */
export type Severity = 'error' | 'warning' | 'info'

/**
 * Record a content problem on `file` with its source place, a rule id and a
 * short fix hint. Errors are marked `fatal: true`, warnings `false`, infos
 * `undefined`, as vfile-reporter expects. Never throws.
 */
export function report(
  file: VFile,
  severity: Severity,
  ruleId: string,
  reason: string,
  place?: Position | {line: number; column: number},
  hint?: string
): void {
  // A VFileMessage is an Error: its constructor captures a stack trace, which
  // it then overwrites with '' (a content message points into the article,
  // not into our code). Capturing none saves about 70 µs per message.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: ReturnType<VFile['message']>
  try {
    message = file.message(hint ? `${reason} (${hint})` : reason, {
      place: place ?? {line: 1, column: 1},
      ruleId,
      source: 'paiban'
    })
  } finally {
    Error.stackTraceLimit = limit
  }
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Count the messages of each severity on `file`. */
export function countMessages(file: VFile): {errors: number; warnings: number; infos: number} {
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const message of file.messages) {
    if (message.fatal === true) errors++
    else if (message.fatal === false) warnings++
    else infos++
  }
  return {errors, warnings, infos}
}
