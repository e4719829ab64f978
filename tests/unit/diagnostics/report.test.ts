import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {countMessages, report} from '../../../src/diagnostics/report.js'

describe('report', () => {
  it('records severity, rule, place and hint', () => {
    const file = new VFile({path: 'a.md', value: 'x'})
    report(file, 'error', 'rule-a', 'Broken', {line: 3, column: 2}, 'fix it')
    report(file, 'warning', 'rule-b', 'Odd')
    report(file, 'info', 'rule-c', 'Note', {start: {line: 5, column: 1}, end: {line: 5, column: 4}})
    const [a, b, c] = file.messages
    expect([a!.fatal, b!.fatal, c!.fatal]).toEqual([true, false, undefined])
    expect([a!.ruleId, b!.ruleId, c!.ruleId]).toEqual(['rule-a', 'rule-b', 'rule-c'])
    expect(a!.reason).toBe('Broken (fix it)')
    expect([a!.line, a!.column, b!.line, c!.line]).toEqual([3, 2, 1, 5])
    expect(a!.source).toBe('paiban')
    expect(countMessages(file)).toEqual({errors: 1, warnings: 1, infos: 1})
  })

  it('captures no stack trace for a message, and restores the limit after', () => {
    const file = new VFile({path: 'a.md', value: 'x'})
    const seen: number[] = []
    const message = file.message.bind(file)
    file.message = ((...args: Parameters<VFile['message']>) => {
      seen.push(Error.stackTraceLimit)
      return message(...args)
    }) as VFile['message']
    const before = Error.stackTraceLimit
    report(file, 'warning', 'rule', 'Odd')
    expect(seen).toEqual([0])
    expect(Error.stackTraceLimit).toBe(before)
    expect(file.messages[0]!.stack).toBe('')
  })
})
