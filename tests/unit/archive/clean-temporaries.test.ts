import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {spawn, spawnSync} from 'node:child_process'
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

test.runIf(fs.existsSync('/proc/self/stat'))('cleanTemporaries removes leftovers of a killed process not yet reaped (a zombie)', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-clean-'))
  // `sleep 0` exits at once; its parent then becomes `sleep 5`, which never reaps it.
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], {stdio: ['ignore', 'pipe', 'ignore']})
  try {
    const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (data: Buffer) => resolve(data.toString()))))
    // Wait until it has exited and shows as a zombie.
    for (let i = 0; i < 100 && !fs.readFileSync(`/proc/${zombie}/stat`, 'latin1').includes(') Z '); i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(() => process.kill(zombie, 0)).not.toThrow()
    const stale = path.join(dir, `.a.pdf.${zombie}.k3j2.tmp`)
    fs.writeFileSync(stale, '%PDF-')
    expect(cleanTemporaries(dir)).toEqual([stale])
  } finally {
    parent.kill('SIGKILL')
  }
})
