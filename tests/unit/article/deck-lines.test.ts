/** Line breaks written into deck fields: lines for the deck, one line everywhere else. */
import {expect, test} from 'vitest'
import {deckLines, oneLine} from '../../../src/article/deck-lines.js'
import {documentInfo} from '../../../src/build/render-article.js'
import type {Article} from '../../../src/article/types.js'

test('a YAML block’s lines, trimmed, blank ones dropped; on one line, joined by a space', () => {
  expect(deckLines('  发扬苏区干部好作风 \n\n 以蝶变式发展促和谐护民安\n')).toEqual(['发扬苏区干部好作风', '以蝶变式发展促和谐护民安'])
  expect(oneLine('发扬苏区干部好作风\n以蝶变式发展促和谐护民安\n')).toBe('发扬苏区干部好作风 以蝶变式发展促和谐护民安')
  expect(deckLines('一行')).toEqual(['一行'])
})

test('the PDF title and subject read the deck on one line', () => {
  const article = {meta: {title: '发扬苏区干部好作风\n以蝶变式发展', kicker: '聚焦\n治理', lang: 'zh-Hans'}, children: []} as unknown as Article
  const info = documentInfo(article)
  expect(info.title).toBe('发扬苏区干部好作风 以蝶变式发展')
  expect(info.subject).toBe('聚焦 治理')
})
