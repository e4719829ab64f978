import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
import {afterEach, expect, test} from 'vitest'
import {cleanTemporaries} from '../../../src/archive/clean-temporaries.js'

let dir: string | undefined
afterEach(() => dir && fs.rmSync(dir, {recursive: true, force: true}))

test('cleanTemporaries removes leftovers of dead processes only', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-clean-'))
  // A process that has exited: its temporary files are garbage.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!
  fs.mkdirSync(path.join(dir, '2023', '04'), {recursive: true})
  const stale = path.join(dir, '2023', '04', `.a.pdf.${dead}.k3j2.tmp`)
  const live = path.join(dir, `.b.pdf.${process.pid}.x1.tmp`)
  const other = path.join(dir, 'notes.tmp')
  const pdf = path.join(dir, 'a.pdf')
  for (const file of [stale, live, other, pdf]) fs.writeFileSync(file, '%PDF-')
  expect(cleanTemporaries(dir)).toEqual([stale])
  expect([live, other, pdf].every((file) => fs.existsSync(file))).toBe(true)
  expect(cleanTemporaries(path.join(dir, 'missing'))).toEqual([])
})
