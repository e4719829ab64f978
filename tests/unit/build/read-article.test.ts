import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {readArticle} from '../../../src/build/read-article.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-read-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

/** The one message reading `file` gave. */
async function failure(file: string): Promise<string> {
  const read = await readArticle(file)
  if (!('file' in read)) throw new Error('read')
  expect(read.file.messages).toHaveLength(1)
  expect(read.file.messages[0]!.ruleId).toBe('read-failed')
  expect(read.file.messages[0]!.fatal).toBe(true)
  return read.file.messages[0]!.reason
}

describe('readArticle, a file it cannot read', () => {
  test('a missing file', async () => {
    expect(await failure(path.join(dir, 'none.md'))).toBe('Cannot read the article: there is no such file (ENOENT)')
  })

  test('a dangling link names where it points', async () => {
    fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'link.md'))
    expect(await failure(path.join(dir, 'link.md'))).toBe(`Cannot read the article: it is a symbolic link to ${path.join(dir, 'gone.md')}, which does not exist (ENOENT)`)
  })

  test('a loop of links and a folder', async () => {
    fs.symlinkSync(path.join(dir, 'loop.md'), path.join(dir, 'loop.md'))
    expect(await failure(path.join(dir, 'loop.md'))).toBe('Cannot read the article: it is a loop of symbolic links (ELOOP)')
    fs.mkdirSync(path.join(dir, 'folder.md'))
    expect(await failure(path.join(dir, 'folder.md'))).toBe('Cannot read the article: it is a folder (EISDIR)')
  })
})
