import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {CommitError, commitStaged, writeStaged} from '../../../src/build/write-staged.js'

const scratch = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-staged-'))

test('a staged file leaves its target alone until committed, then replaces it', async () => {
  const dir = scratch()
  const target = path.join(dir, 'a', 'x.pdf')
  fs.mkdirSync(path.dirname(target))
  fs.writeFileSync(target, 'old')
  const staged = writeStaged(target, new Uint8Array([1, 2, 3]))
  expect(staged.target).toBe(target)
  expect(path.dirname(staged.temporary)).toBe(path.dirname(target))
  expect(fs.readFileSync(target, 'utf8')).toBe('old')
  expect([...fs.readFileSync(staged.temporary)]).toEqual([1, 2, 3])
  await commitStaged([staged])
  expect([...fs.readFileSync(target)]).toEqual([1, 2, 3])
  expect(fs.readdirSync(path.dirname(target))).toEqual(['x.pdf'])
})

test('staging makes the folder it needs', () => {
  const dir = scratch()
  const staged = writeStaged(path.join(dir, 'new', 'folder', 'x.pdf'), new Uint8Array([7]))
  expect(fs.readdirSync(path.join(dir, 'new', 'folder'))).toEqual([path.basename(staged.temporary)])
})

test('a file that cannot land names its target; files before it stay, temporary files after it go', async () => {
  const dir = scratch()
  const first = writeStaged(path.join(dir, 'first.pdf'), new Uint8Array([1]))
  // A folder where the second file should go: its rename fails.
  fs.mkdirSync(path.join(dir, 'taken.pdf', 'inside'), {recursive: true})
  const second = writeStaged(path.join(dir, 'taken.pdf'), new Uint8Array([2]))
  const third = writeStaged(path.join(dir, 'third.pdf'), new Uint8Array([3]))
  const failure = await commitStaged([first, second, third]).catch((error: unknown) => error)
  expect(failure).toBeInstanceOf(CommitError)
  expect((failure as CommitError).target).toBe(second.target)
  expect((failure as CommitError).message).toMatch(/^Cannot write .*taken\.pdf: E[A-Z]+$/)
  expect(fs.readdirSync(dir).sort()).toEqual(['first.pdf', 'taken.pdf'])
})
