/**
 * The head of a reprinted official document (GB/T 9704-2012): the 发文字号
 * first, then the 主送机关 or a letter's 称谓; the latter only in a document
 * (numbered or signed), so a news lead ending in a colon stays a paragraph.
 */
import {describe, expect, test} from 'vitest'
import {findDocumentHead} from '../../../src/article/find-document-head.js'
import type {Block} from '../../../src/article/types.js'

const p = (value: string): Block => ({type: 'paragraph', role: 'lead', children: [{type: 'text', value, style: {}}]})
const signoff: Block = {type: 'signoff', name: [{type: 'text', value: '国务院办公厅', style: {}}], date: [{type: 'text', value: '2018年12月4日', style: {}}]}
const dateOnly: Block = {type: 'signoff', date: [{type: 'text', value: '一九二四年十月二十八日。', style: {}}]}
const body = '经国务院批准，现将2019年元旦、春节放假调休日期的具体安排通知如下。'
const parts = (blocks: Block[]): (string | undefined)[] => blocks.map((block) => (block.type === 'paragraph' ? (block.part ?? '-') : block.type))

describe('findDocumentHead', () => {
  test('a notice: 发文字号, then 主送机关', () => {
    expect(parts(findDocumentHead([p('国办发明电〔2018〕15号'), p('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：'), p(body), signoff]))).toEqual(['number', 'salutation', '-', 'signoff'])
  })

  test('发文字号 with other brackets and spaces', () => {
    for (const number of ['国办函〔2006〕71号', '国办发[2018]123号', '人社部函（2021）90 号', '京政发［2020］1号']) {
      expect(parts(findDocumentHead([p(number), p(body)]))).toEqual(['number', '-'])
    }
  })

  test('a letter signed at its end: its 称谓 without a 发文字号', () => {
    expect(parts(findDocumentHead([p('周桂英等代表:'), p(body), signoff]))).toEqual(['salutation', '-', 'signoff'])
  })

  test('a lead ending in a colon, in an article that is neither numbered nor signed by name, stays a paragraph', () => {
    expect(parts(findDocumentHead([p('近日，记者从兴国县公安局获悉：'), p(body)]))).toEqual(['-', '-'])
    expect(parts(findDocumentHead([p('近日，记者从兴国县公安局获悉：'), p(body), dateOnly]))).toEqual(['-', '-', 'signoff'])
  })

  test('what is not a 发文字号 or a 主送 stays a paragraph', () => {
    // A sentence with a number in it; a salutation with a sentence end in it; a colon paragraph that is the whole text.
    expect(parts(findDocumentHead([p('本通知自2018年12月4日起施行，文号为国办发〔2018〕15号。'), p(body), signoff]))).toEqual(['-', '-', 'signoff'])
    expect(parts(findDocumentHead([p('国办发〔2018〕15号'), p('现通知如下。各地区：'), p(body)]))).toEqual(['number', '-', '-'])
    expect(parts(findDocumentHead([p('国办发〔2018〕15号'), p('各省、自治区、直辖市人民政府：')]))).toEqual(['number', '-'])
  })

  test('a statute: its first paragraph, when and by whom it was adopted, is its 题注', () => {
    for (const note of ['2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议通过', '（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）', '1999年3月15日第九届全国人民代表大会第二次会议通过　根据2023年3月13日第十四届全国人民代表大会第一次会议修正']) {
      expect(parts(findDocumentHead([p(note), p('第一条 为了维护国歌的尊严，制定本法。')]))).toEqual(['note', '-'])
    }
  })

  test('a lead that tells of an adoption in a sentence, or a note that is the whole text, is not a 题注', () => {
    expect(parts(findDocumentHead([p('2017年9月1日，十二届全国人大常委会第二十九次会议表决通过了国歌法。'), p(body)]))).toEqual(['-', '-'])
    expect(parts(findDocumentHead([p('2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议通过')]))).toEqual(['-'])
  })
})
