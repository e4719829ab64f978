import {describe, expect, test} from 'vitest'
import {decodeArticle} from '../../../src/build/decode-article.js'

const TEXT = '---\ntitle: 兴国县\n---\n\n“苏区干部好作风”——兴国县公安局，2023 年。\n'
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** GB 18030 bytes of `text` (Node's TextDecoder decodes it; its encoder is UTF-8 only): by lookup from every two-byte code. */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030', {fatal: true})
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      try {
        table.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail])
      } catch {
        // not a character
      }
    }
  }
  const out: number[] = []
  for (const char of text) {
    if (char.codePointAt(0)! < 0x80) out.push(char.codePointAt(0)!)
    else out.push(...table.get(char)!)
  }
  return Uint8Array.from(out)
}

describe('decodeArticle', () => {
  test('UTF-8 is read as it is, a BOM kept for the parser to drop', () => {
    expect(decodeArticle(utf8(TEXT))).toEqual({text: TEXT, notes: []})
    expect(decodeArticle(utf8(`\uFEFF${TEXT}`))).toEqual({text: `\uFEFF${TEXT}`, notes: []})
  })

  test('UTF-16 with a byte-order mark is read as UTF-16', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...[...TEXT].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])
    const be = Uint8Array.from([0xfe, 0xff, ...[...TEXT].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])])
    expect(decodeArticle(le)).toEqual({text: TEXT, notes: []})
    expect(decodeArticle(be)).toEqual({text: TEXT, notes: []})
  })

  test('GB 18030 (GBK) Chinese text is read as such, with a warning', () => {
    const bytes = gb18030(TEXT)
    const decoded = decodeArticle(bytes)
    expect(decoded.text).toBe(TEXT)
    expect(decoded.notes).toEqual([expect.objectContaining({severity: 'warning', ruleId: 'encoding', place: {line: 1, column: 1}})])
  })

  test('UTF-8 with a damaged byte is read with U+FFFD there and a warning naming the place, not taken for GB 18030', () => {
    const bytes = utf8(TEXT)
    // 局 (E5 B1 80), the 17th character of line 5: its lead byte damaged, the two bytes after it stray.
    const at = bytes.findIndex((_, i) => bytes[i] === 0xe5 && bytes[i + 1] === 0xb1 && bytes[i + 2] === 0x80)
    const damaged = Uint8Array.from(bytes)
    damaged[at] = 0xff
    const decoded = decodeArticle(damaged)
    expect(decoded.text).toBe(TEXT.replace('局', '\uFFFD\uFFFD\uFFFD'))
    expect(decoded.notes).toEqual([expect.objectContaining({severity: 'warning', ruleId: 'invalid-utf8', place: {line: 5, column: 17}})])
    expect(decoded.notes[0]!.reason).toBe('Bytes here are not UTF-8; they are set as U+FFFD �')
  })

  test('many damaged places are counted, the first five named', () => {
    const text = Array.from({length: 8}, (_, i) => `第${i + 1}段\xff文字。`).join('\n')
    const bytes = Uint8Array.from([...text].flatMap((c) => (c === '\xff' ? [0xff] : [...utf8(c)])))
    const decoded = decodeArticle(bytes)
    expect(decoded.notes[0]!.reason).toBe('8 runs of bytes are not UTF-8 (here, at 2:4, 3:4, 4:4, 5:4 and 3 more); each is set as U+FFFD �')
  })

  test('a file with NUL bytes or mostly not UTF-8 is not text: an error at the place', () => {
    const nul = decodeArticle(Uint8Array.from([...utf8('标题\n正文'), 0, 1, 2]))
    expect(nul.text).toBeUndefined()
    expect(nul.notes).toEqual([expect.objectContaining({severity: 'error', ruleId: 'not-text', place: {line: 2, column: 3}})])
    // Bytes of a binary file without NULs (1–255): neither UTF-8 nor GB 18030.
    const noise = Uint8Array.from({length: 4000}, (_, i) => 1 + ((i * 7919 + ((i * i) % 97)) % 255))
    expect(decodeArticle(noise)).toEqual({notes: [expect.objectContaining({severity: 'error', ruleId: 'not-text'})]})
  })

  test('overlong forms and surrogates are not UTF-8', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const decoded = decodeArticle(Uint8Array.from([...utf8('正文正文正文正文正文正文正文正文'), ...bad, ...utf8('正文')]))
      expect(decoded.notes.map((note) => note.ruleId)).toEqual(['invalid-utf8'])
    }
  })
})
