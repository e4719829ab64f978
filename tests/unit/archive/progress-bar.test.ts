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
    at(1000, 10) // the first result: no rate yet
    at(1050, 11) // within 100 ms: not redrawn
    at(2000, 20, 100, 1)
    bar.done()
    expect(written).toHaveLength(3)
    expect(written[0]).toMatch(/^\r\x1b\[K\[█+░+\] 10\/100 +10% {2}10\.0\/s {2}ETA --:--$/)
    // 10 more in the second since the first result: 10 a second, 80 to go.
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
      'paiban: 5/100    5%  50.0/s  ETA --:--\n',
      'paiban: 10/100   10%  50.0/s  ETA --:--\n',
      // 11 since the first result, 2.2 s ago.
      'paiban: 16/100   16%  5.0/s  ETA 0:17\n',
      // The whole run's rate at the end.
      'paiban: 100/100  100%  41.7/s  in 0:02\n'
    ])
  })

  test('the ETA follows the recent rate, not the slow start of the workers', () => {
    const {written, at} = fixture(false)
    // The first article after 1 s of starting workers, then 100 a second.
    at(1000, 1, 1000)
    for (let ms = 1100, done = 11; ms <= 4000; ms += 100, done += 10) at(ms, done, 1000)
    const line = written[written.length - 1]!
    // The line at 30 %, 4 s in, 301 done: 699 to go at 100 a second, where the mean since the start (75/s)
    // would say 0:09.
    expect(line).toBe('paiban: 301/1000   30%  100.0/s  ETA 0:07\n')
  })

  test('the rate is measured over the last five seconds', () => {
    const {written, at} = fixture(false)
    at(1000, 1, 10_000)
    // 100 a second for 10 s, then 10 a second for 6 s.
    let done = 1
    for (let ms = 1100; ms <= 11_000; ms += 100) at(ms, (done += 10), 10_000)
    for (let ms = 11_100; ms <= 17_000; ms += 100) at(ms, (done += 1), 10_000)
    const line = written[written.length - 1]!
    expect(line).toMatch(/ 10\.0\/s {2}ETA /)
  })
})
