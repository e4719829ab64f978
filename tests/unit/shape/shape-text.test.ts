/**
 * Shaping Western words with the real fonts: where a word may end a line.
 */
import {expect, test} from 'vitest'
import {openFontBook} from '../../../src/shape/font-book.js'
import {shapeText} from '../../../src/shape/shape-text.js'

const book = openFontBook()
const words = (text: string) => shapeText(text, {font: 'song', sizePt: 10.5}, book).map((atom) => [atom.text, atom.glueNext ?? ''])

test('a word with its own hyphens may end a line after each (Arena-|Hard), its pieces hyphenated as words are', () => {
  expect(words('在Arena-Hard、GPQA-Diamond')).toEqual([
    ['在', ''],
    ['Arena-', 'explicitHyphen'],
    ['Hard', ''],
    ['、', ''],
    ['GPQA-', 'explicitHyphen'],
    ['Di', 'hyphen'],
    ['a', 'hyphen'],
    ['mond', '']
  ])
})

test('a number keeps its hyphens (telephone numbers, dates)', () => {
  expect(words('0791-88888888')).toEqual([['0791-88888888', '']])
  expect(words('2024-01-01')).toEqual([['2024-01-01', '']])
})

test('the pieces of a split word carry the word’s glyphs, in order, with nothing lost', () => {
  const atoms = shapeText('state-of-the-art', {font: 'song', sizePt: 10.5}, book)
  expect(atoms.map((atom) => atom.glyphs.map((glyph) => glyph.text).join('')).join('')).toBe('state-of-the-art')
  expect(atoms.every((atom) => atom.advancePt > 0)).toBe(true)
})

test('a 破折号 (——) is the font’s one two-em rule, filling its two character cells; a single dash stays the font’s own', () => {
  const atoms = shapeText('说——他', {font: 'song', sizePt: 10}, book)
  expect(atoms.map((atom) => atom.text)).toEqual(['说', '——', '他'])
  const dash = atoms[1]!
  expect(dash.glyphs).toHaveLength(1)
  expect(dash.advancePt).toBeCloseTo(20, 6)
  expect(dash.glyphs[0]!.text).toBe('——')
  expect([dash.first, dash.last, dash.firstChar, dash.lastChar]).toEqual(['dash', 'dash', '—', '—'])
  // A lone dash (1949—2019) and the third of three are set one by one.
  expect(shapeText('1949—2019', {font: 'song', sizePt: 10}, book).map((atom) => atom.text)).toEqual(['1949', '—', '2019'])
  expect(shapeText('———', {font: 'song', sizePt: 10}, book).map((atom) => atom.text)).toEqual(['——', '—'])
  // ⸺ typed as one character is the same rule.
  const [two] = shapeText('⸺', {font: 'song', sizePt: 10}, book)
  expect([two!.text, two!.glyphs[0]!.id, two!.advancePt]).toEqual(['⸺', dash.glyphs[0]!.id, dash.advancePt])
})
