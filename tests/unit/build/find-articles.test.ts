import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {findArticlesIn} from '../../../src/build/find-articles.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-find-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

const write = (file: string): void => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
  fs.writeFileSync(path.join(dir, file), '# 题\n\n正文。\n')
}
/** What was found, as `folder | path below dir`. */
const found = (): string[] => findArticlesIn([dir]).map(({input, folder}) => `${folder} | ${path.relative(dir, input)}`)

describe('findArticlesIn', () => {
  test('takes .md and .markdown files in any case, and skips a folder’s README, hidden folders and other files', () => {
    for (const file of ['a.md', 'b.MD', 'c.markdown', 'README.md', 'readme.markdown', 'notes.txt', '.drafts/d.md', 'sub/e.Markdown']) write(file)
    expect(found()).toEqual([' | a.md', ' | b.MD', ' | c.markdown', 'sub | sub/e.Markdown'])
  })

  test('follows a link to an article and a link to a folder, which it walks under the link’s name', () => {
    write('2023/a.md')
    fs.symlinkSync(path.join(dir, '2023', 'a.md'), path.join(dir, 'reprint.md'))
    fs.symlinkSync(path.join(dir, '2023'), path.join(dir, 'latest'))
    expect(found()).toEqual(['2023 | 2023/a.md', 'latest | latest/a.md', ' | reprint.md'])
  })

  test('does not walk a link back up the tree a second time', () => {
    write('2023/a.md')
    fs.symlinkSync(dir, path.join(dir, '2023', 'up'))
    fs.symlinkSync(path.join(dir, '2023'), path.join(dir, '2023', 'self'))
    expect(found()).toEqual(['2023 | 2023/a.md'])
  })

  test('keeps a dangling link or a loop of links with an article’s name, so that reading it fails by name', () => {
    write('a.md')
    fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'))
    fs.symlinkSync(path.join(dir, 'loop.md'), path.join(dir, 'loop.md'))
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling-folder'))
    expect(found()).toEqual([' | a.md', ' | dangling.md', ' | loop.md'])
  })
})
