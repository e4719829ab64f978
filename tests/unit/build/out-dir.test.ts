import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {outDirProblem} from '../../../src/build/out-dir.js'

test('an output folder may exist or be made; a file at its place or above it is named', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-out-dir-'))
  const file = path.join(root, 'a-file')
  fs.writeFileSync(file, '')
  expect(outDirProblem(root)).toBeUndefined()
  expect(outDirProblem(path.join(root, 'new', 'deeper'))).toBeUndefined()
  expect(outDirProblem(file)).toBe(`not a folder: ${file}`)
  expect(outDirProblem(path.join(file, 'sub', 'deeper'))).toBe(`not a folder: ${file} (in ${path.join(file, 'sub', 'deeper')})`)
})
