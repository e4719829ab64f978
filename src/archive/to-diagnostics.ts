import type {VFile} from 'vfile'
import type {Diagnostic} from './types.js'

/**
 * Turn the messages on an article's `VFile` into plain diagnostics that can
 * cross a worker boundary and be stored as JSON. Severity follows `report()`:
 * `fatal: true` is an error, `false` a warning, otherwise an info.
 */
export function toDiagnostics(file: VFile): Diagnostic[] {
  return file.messages.map((message) => ({
    file: file.path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    ruleId: message.ruleId ?? 'unknown',
    message: message.reason
  }))
}
