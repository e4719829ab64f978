import {describe, expect, test} from 'vitest'
import {progressBar} from '../../../src/archive/progress-bar.js'
import type {ArchiveProgress} from '../../../src/archive/types.js'

/** A stream that keeps what was written, and a clock the test moves. */
function fixture(tty: boolean) {
  const written: string[] = []
  let clock = 0
  const bar = progressBar({stream: {write: (text: string) => written.push(text), isTTY: tty, columns: 80}, now: () => clock})
  const at = (ms: number, done: number, total = 100, failed = 0): void => {
    clock = ms
    const progress: ArchiveProgress = {done, total, built: done - failed, failed, elapsedMs: ms}
    bar.update(progress)
  }
  return {written, bar, at}
}

describe('progressBar', () => {
  test('on a TTY redraws one line in place with count, percent, rate and ETA', () => {
    const {written, bar, at} = fixture(true)
    at(1000, 10)
    at(1050, 11) // within 100 ms: not redrawn
    at(2000, 20, 100, 1)
    bar.done()
    expect(written).toHaveLength(3)
    expect(written[0]).toMatch(/^\r\x1b\[K\[█+░+\] 10\/100 +10% {2}10\.0\/s {2}ETA 0:09$/)
    expect(written[1]).toContain('20/100   20%  10.0/s  ETA 0:08  1 failed')
    expect(written[2]!.endsWith('\n')).toBe(true)
  })

  test('elsewhere writes a plain line at the first result, every 10 % or every 2 s, and at the end', () => {
    const {written, at} = fixture(false)
    at(100, 5)
    at(150, 6) // nothing new to say
    at(200, 10) // crosses 10 %
    at(300, 15)
    at(2300, 16) // 2 s since the last line
    at(2400, 100)
    expect(written).toEqual([
      'paiban: 5/100    5%  50.0/s  ETA 0:02\n',
      'paiban: 10/100   10%  50.0/s  ETA 0:02\n',
      'paiban: 16/100   16%  7.0/s  ETA 0:12\n',
      'paiban: 100/100  100%  41.7/s  in 0:02\n'
    ])
  })
})
