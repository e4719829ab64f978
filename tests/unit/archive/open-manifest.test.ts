import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {openManifest, type ManifestRecord} from '../../../src/archive/open-manifest.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-manifest-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

const row = (output: string, overrides: Partial<ManifestRecord> = {}): ManifestRecord => ({
  output,
  source: output.replace(/\.pdf$/, '.md'),
  key: 'k1',
  status: 'built',
  pages: 2,
  size: 1234,
  extras: [],
  diagnostics: [{file: 'a.md', line: 3, column: 1, severity: 'warning', ruleId: 'missing-glyph', message: '缺字'}],
  ...overrides
})

describe('openManifest', () => {
  test('keeps rows and meta across close and reopen (WAL)', () => {
    const file = path.join(dir, 'out', '.paiban-manifest.sqlite')
    const manifest = openManifest(file)
    manifest.put(row('2023/a.pdf'))
    manifest.put(row('2023/b.pdf', {status: 'failed', size: null, extras: ['2023/b/01.pdf']}))
    manifest.put(row('2023/a.pdf', {key: 'k2'}))
    manifest.remove('nope.pdf')
    manifest.setMeta('fontHash', 'abc')
    manifest.close()
    const again = openManifest(file)
    const records = again.records()
    expect([...records.keys()].sort()).toEqual(['2023/a.pdf', '2023/b.pdf'])
    expect(records.get('2023/a.pdf')).toEqual(row('2023/a.pdf', {key: 'k2'}))
    expect(records.get('2023/b.pdf')?.extras).toEqual(['2023/b/01.pdf'])
    expect(again.meta('fontHash')).toBe('abc')
    expect(again.meta('missing')).toBeUndefined()
    again.remove('2023/a.pdf')
    expect([...again.records().keys()]).toEqual(['2023/b.pdf'])
    again.close()
  })

  test('moves a file that is not a database aside and starts afresh', () => {
    const file = path.join(dir, '.paiban-manifest.sqlite')
    fs.writeFileSync(file, 'this is not SQLite, it is a truncated mess'.repeat(100))
    const manifest = openManifest(file)
    expect(manifest.records().size).toBe(0)
    manifest.close()
    expect(fs.existsSync(`${file}.corrupt`)).toBe(true)
  })
})
