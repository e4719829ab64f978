import {describe, expect, test} from 'vitest'
import {safeFileName} from '../../../src/handouts/safe-file-name.js'
import {handoutFileNames} from '../../../src/handouts/handout-file-names.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

describe('safeFileName', () => {
  test.each([
    ['加班费的仲裁时效应当如何认定', '加班费的仲裁时效应当如何认定'],
    ['问题:如何认定?', '问题：如何认定？'],
    ['a/b\\c', 'a／b＼c'],
    ['<甲>|"乙"*', '＜甲＞｜＂乙＂＊'],
    ['标题\u0000\u0007\u001f尾', '标题尾'],
    ['\u202e反向\u200b标题', '反向标题'],
    ['换行\n标题\t制表', '换行 标题 制表'],
    ['  ..标题..  ', '标题'],
    ['第一章 总  则', '第一章 总 则'],
    ['CON', 'CON_'],
    ['nul.txt', 'nul.txt_'],
    ['', '未命名'],
    ['...', '未命名'],
    ['\u0000', '未命名']
  ])('%j → %j', (title, expected) => {
    expect(safeFileName(title)).toBe(expected)
  })

  test('leaves no character any common file system forbids', () => {
    const name = safeFileName('a\\b/c:d*e?f"g<h>i|j\u0001k. ')
    expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/)
    expect(name).not.toMatch(/[. ]$/)
  })

  test('caps a long Chinese title at 80 UTF-8 bytes on a character boundary', () => {
    const title = '劳动者在离职文件上签字确认加班费已结清，是否有权请求支付欠付的加班费'
    const name = safeFileName(title)
    expect(bytes(name)).toBeLessThanOrEqual(80)
    expect(bytes(name)).toBeGreaterThan(80 - 3)
    expect(title.startsWith(name)).toBe(true)
    expect(name).not.toContain('\ufffd')
  })

  test('never cuts inside a grapheme: emoji sequences and combining marks stay whole', () => {
    const family = '👨‍👩‍👧‍👦'
    const name = safeFileName(`${'a'.repeat(70)}${family}`, {maxBytes: 80})
    expect(name).toBe('a'.repeat(70))
    const accented = safeFileName('e\u0301'.repeat(40), {maxBytes: 11})
    expect(accented.normalize('NFD')).toBe('e\u0301'.repeat(5))
  })

  test('honours maxBytes and drops a dot left at the cut', () => {
    expect(safeFileName('abc.def', {maxBytes: 4})).toBe('abc')
  })
})

describe('handoutFileNames', () => {
  test('prefixes the two-digit order and adds .pdf', () => {
    expect(handoutFileNames([{order: 0, title: '导语'}, {order: 1, title: '传承发扬好苏区干部好作风'}, {order: 12, title: '结语'}])).toEqual(['00-导语.pdf', '01-传承发扬好苏区干部好作风.pdf', '12-结语.pdf'])
  })

  test('widens the order past 99 sections so names still sort', () => {
    const names = handoutFileNames(Array.from({length: 100}, (_, i) => ({order: i + 1, title: `节${i + 1}`})))
    expect(names[0]).toBe('001-节1.pdf')
    expect(names[99]).toBe('100-节100.pdf')
  })

  test('de-duplicates equal titles with -2, -3, ignoring case', () => {
    const names = handoutFileNames([
      {order: 1, title: '基本案情'},
      {order: 2, title: '基本案情'},
      {order: 3, title: '基本案情'},
      {order: 4, title: 'Case'},
      {order: 5, title: 'CASE'}
    ])
    expect(names).toEqual(['01-基本案情.pdf', '02-基本案情-2.pdf', '03-基本案情-3.pdf', '04-Case.pdf', '05-CASE-2.pdf'])
  })

  test('de-duplicates titles that only become equal once made safe', () => {
    expect(handoutFileNames([{order: 1, title: '问题?'}, {order: 2, title: '问题？'}])).toEqual(['01-问题？.pdf', '02-问题？-2.pdf'])
  })

  test('skips a suffix another title already has', () => {
    expect(handoutFileNames([{order: 1, title: 'A'}, {order: 2, title: 'A-2'}, {order: 3, title: 'A'}])).toEqual(['01-A.pdf', '02-A-2.pdf', '03-A-3.pdf'])
  })

  test('keeps every name short enough for any file system', () => {
    const long = '很长的标题'.repeat(40)
    for (const name of handoutFileNames([{order: 1, title: long}, {order: 2, title: long}])) expect(bytes(name)).toBeLessThanOrEqual(255)
  })
})
