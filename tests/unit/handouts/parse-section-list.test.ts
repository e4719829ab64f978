import {describe, expect, test} from 'vitest'
import {parseSectionList} from '../../../src/handouts/parse-section-list.js'

describe('parseSectionList', () => {
  test.each([
    ['1,3', [1, 3]],
    ['3,1,3', [1, 3]],
    ['2-4', [2, 3, 4]],
    ['0, 5-6', [0, 5, 6]],
    [7, [7]]
  ])('%j → %j', (value, expected) => {
    expect(parseSectionList(value)).toEqual(expected)
  })

  test.each(['', 'a', '1,,2', '-1', '4-2', '1.5'])('rejects %j', (value) => {
    expect(() => parseSectionList(value)).toThrow(/--sections/)
  })
})
