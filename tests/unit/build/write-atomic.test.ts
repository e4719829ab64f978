import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {writeAtomic} from '../../../src/build/write-atomic.js'

const scratch = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-write-'))

test('writes into a folder it makes, then over the old file, leaving no temporary file', async () => {
  const dir = scratch()
  const target = path.join(dir, 'a', 'b', 'x.pdf')
  await writeAtomic(target, new Uint8Array([1, 2, 3]))
  expect([...fs.readFileSync(target)]).toEqual([1, 2, 3])
  await writeAtomic(target, new Uint8Array([4, 5]))
  expect([...fs.readFileSync(target)]).toEqual([4, 5])
  expect(fs.readdirSync(path.dirname(target))).toEqual(['x.pdf'])
})

test('a write that cannot land removes its temporary file and throws', async () => {
  const dir = scratch()
  // A folder where the file should go: the rename over it fails.
  const target = path.join(dir, 'taken.pdf')
  fs.mkdirSync(path.join(target, 'inside'), {recursive: true})
  await expect(writeAtomic(target, new Uint8Array([1]))).rejects.toThrow()
  expect(fs.readdirSync(dir)).toEqual(['taken.pdf'])
})
