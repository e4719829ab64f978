import fc from 'fast-check'
import {expect, test} from 'vitest'
import {ByteWriter} from '../../../src/render/pdf/byte-writer.js'

const text = (writer: ByteWriter): string => Buffer.from(writer.result()).toString('latin1')
/** The string formatting the PDF writer used before: round to 1e-3, -0 as 0. */
const reference = (value: number): string => {
  const rounded = Math.round(value * 1000) / 1000
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

test('numbers come out as String(Math.round(v * 1000) / 1000) writes them', () => {
  for (const value of [0, -0, 0.0004, -0.0004, -0.0005, 0.0005, 1, -1, 12.5, -83.3333, 1190.551, 0.001, 0.01, 0.1, 100, 1000.0001, 841.89, -250]) {
    expect(text(new ByteWriter().number(value)), String(value)).toBe(reference(value))
  }
  fc.assert(
    fc.property(fc.double({min: -20000, max: 20000, noNaN: true}), (value) => text(new ByteWriter().number(value)) === reference(value)),
    {numRuns: 20000, seed: 20261129}
  )
})

test('hex codes, ASCII and growth past the first buffer', () => {
  const writer = new ByteWriter().ascii('[<').hex4(0).hex4(0x00a1).hex4(0xffff).ascii('>] TJ')
  expect(text(writer)).toBe('[<000000a1ffff>] TJ')
  const long = new ByteWriter()
  for (let i = 0; i < 40000; i++) long.hex4(i & 0xffff)
  expect(long.result().length).toBe(160000)
  expect(Buffer.from(long.result().subarray(4 * 39999)).toString('latin1')).toBe((39999 & 0xffff).toString(16).padStart(4, '0'))
})
