import path from 'node:path'
import {expect, test} from 'vitest'
import {outputPath} from '../../../src/archive/output-path.js'

test('outputPath mirrors the folders below the archive and swaps the extension', () => {
  expect(outputPath('archive', path.join('archive', '2023', '04', 'a.md'))).toBe('2023/04/a.pdf')
  expect(outputPath('archive', path.join('archive', 'b.MD'))).toBe('b.pdf')
  expect(outputPath('/x/archive', '/x/archive/2019/c.d.md')).toBe('2019/c.d.pdf')
})
