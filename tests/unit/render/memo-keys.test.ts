import {describe, expect, test} from 'vitest'
import {cidTextKey, glyphListKey} from '../../../src/render/pdf/memo-keys.js'

describe('font-program memo keys', () => {
  test('equal glyph lists make equal keys, different lists different keys', () => {
    expect(glyphListKey([0, 3, 600, 65535])).toBe(glyphListKey([0, 3, 600, 65535]))
    const keys = [[], [0], [0, 1], [1, 0], [0, 256], [256, 0], [1, 2, 3], [1, 2, 3, 0]].map(glyphListKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('a list longer than one call of String.fromCharCode is whole in its key', () => {
    const long = Array.from({length: 20_000}, (_, i) => i)
    const key = glyphListKey(long)
    expect(key).toHaveLength(20_000)
    expect(key).not.toBe(glyphListKey([...long.slice(0, -1), 0]))
  })

  test('an id of 16 bits or more does not wrap onto another list', () => {
    const keys = [[65536], [0], [1, 0], [65535], [65535, 0, 65535], [0, 1, 65535], [65535, 1], [131071], [0, 65536]].map(glyphListKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('CID texts are told apart however they split, past the BMP and with lone surrogates', () => {
    expect(cidTextKey(['中', '文'])).toBe(cidTextKey(['中', '文']))
    const lists = [['ab', 'c'], ['a', 'bc'], ['abc'], ['a', 'b', 'c'], ['𠀀'], ['\ud840', '\udc00'], ['\ud840\udc01'], ['中'], [''], []]
    const keys = lists.map(cidTextKey)
    expect(new Set(keys).size).toBe(keys.length)
    // Many CIDs: the key holds every one.
    const many = Array.from({length: 10_000}, (_, i) => String.fromCodePoint(0x4e00 + i))
    expect(cidTextKey(many)).not.toBe(cidTextKey([...many.slice(0, -1), '一']))
  })
})
