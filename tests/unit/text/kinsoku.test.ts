/**
 * Line-start / line-end prohibition (避头尾) tables, one row per mark and
 * level. Sources: GB/T 15834—2011 §5.1, W3C clreq "Prohibition rules for line
 * start and line end" (levels basic / GB / strict), jlreq for the newspaper
 * relaxation (see /work/shared/TYPOGRAPHY.md §1.2).
 */
import {describe, expect, test} from 'vitest'
import {canBreakBetween, isInseparable, isNoEnd, isNoStart, type KinsokuLevel} from '../../../src/text/kinsoku.js'

const LEVELS: KinsokuLevel[] = ['basic', 'GB', 'strict', 'newspaper']

/** Every mark GB/T 15834 §5.1 and clreq "basic" say must not start a line. */
const NO_START = {
  /** 点号 (GB 5.1.1): 句号 全角句点 逗号 顿号 冒号 分号 */
  stops: [...'。．，、：；'],
  /** 问号、叹号 (GB 5.1.2), incl. the stacked forms clreq lists. */
  questionExclamation: [...'！？‼⁇'],
  /** 后一半 of 引号、括号、书名号 (GB 5.1.3). */
  closing: [...'”’」』）》〉】〗〕］｝'],
  /** 连接号 (GB 5.1.6): 浪纹线 and the short connectors. */
  connectors: [...'～〜–'],
  /** 间隔号 (GB 5.1.7). */
  interpuncts: [...'·・‧'],
  /** 分隔号 (GB 5.1.9). */
  solidi: [...'/／']
}

/** 前一半 of 引号、括号、书名号 must not end a line (GB 5.1.3). */
const OPENING = [...'“‘「『（《〈【〖〔［｛']

/** 破折号 and 省略号 halves: never split (GB 5.1.4, 5.1.5), not at line start at the strict level. */
const DASH_ELLIPSIS = [...'—⸺…⋯']

const HAN = [...'中国人的了是在一不和有大这主为', '𤩪', '〇', '\u3400']

function rows<T>(chars: readonly string[], levels: readonly KinsokuLevel[], expected: (char: string, level: KinsokuLevel) => T) {
  return chars.flatMap((char) => levels.map((level) => [char, level, expected(char, level)] as const))
}

describe('isNoStart', () => {
  const questionOrExclamation = new Set(NO_START.questionExclamation)

  test.each(rows([...NO_START.stops, ...NO_START.closing, ...NO_START.connectors, ...NO_START.interpuncts, ...NO_START.solidi], LEVELS, () => true))(
    '%s must not start a line at the %s level',
    (char, level, expected) => {
      expect(isNoStart(char, level)).toBe(expected)
    }
  )

  test.each(rows(NO_START.questionExclamation, LEVELS, (char, level) => !(level === 'newspaper' && questionOrExclamation.has(char))))(
    '%s at line start, %s level: prohibited = %s (newspapers let ？！ start a line)',
    (char, level, expected) => {
      expect(isNoStart(char, level)).toBe(expected)
    }
  )

  test.each(rows(DASH_ELLIPSIS, LEVELS, (_char, level) => level === 'strict'))('%s at line start, %s level: prohibited = %s (strict adds 破折号/省略号)', (char, level, expected) => {
    expect(isNoStart(char, level)).toBe(expected)
  })

  test.each(rows(OPENING, LEVELS, () => false))('opening %s may start a line at the %s level', (char, level, expected) => {
    expect(isNoStart(char, level)).toBe(expected)
  })

  test.each(rows([...'々〻'], LEVELS, () => true))('iteration mark %s must not start a line at the %s level (jlreq cl-06)', (char, level, expected) => {
    expect(isNoStart(char, level)).toBe(expected)
  })

  test.each(rows(HAN, LEVELS, () => false))('Han %s may start a line at the %s level', (char, level, expected) => {
    expect(isNoStart(char, level)).toBe(expected)
  })
})

describe('isNoEnd', () => {
  test.each(rows(OPENING, LEVELS, () => true))('opening %s must not end a line at the %s level', (char, level, expected) => {
    expect(isNoEnd(char, level)).toBe(expected)
  })

  test.each(rows(NO_START.solidi, LEVELS, (_char, level) => level !== 'basic'))('solidus %s at line end, %s level: prohibited = %s (GB 5.1.9)', (char, level, expected) => {
    expect(isNoEnd(char, level)).toBe(expected)
  })

  test.each(rows([...NO_START.stops, ...NO_START.questionExclamation, ...NO_START.closing, ...NO_START.connectors, ...DASH_ELLIPSIS], LEVELS, () => false))(
    '%s may end a line at the %s level',
    (char, level, expected) => {
      expect(isNoEnd(char, level)).toBe(expected)
    }
  )

  test.each(rows(HAN, LEVELS, () => false))('Han %s may end a line at the %s level', (char, level, expected) => {
    expect(isNoEnd(char, level)).toBe(expected)
  })
})

describe('isInseparable', () => {
  test.each([
    ['—', '—', true],
    ['⸺', '⸺', true],
    ['…', '…', true],
    ['⋯', '⋯', true],
    ['中', '—', false],
    ['—', '中', false],
    ['…', '中', false],
    ['。', '。', false],
    ['中', '国', false]
  ] as const)('%s|%s inseparable = %s', (before, after, expected) => {
    expect(isInseparable(before, after)).toBe(expected)
  })
})

describe('canBreakBetween', () => {
  const hanPairs = HAN.flatMap((before, i) => HAN.filter((_, j) => j !== i).slice(0, 4).map((after) => [before, after] as const))
  test.each(hanPairs.flatMap(([before, after]) => LEVELS.map((level) => [before, after, level] as const)))('Han–Han %s|%s breaks at the %s level', (before, after, level) => {
    expect(canBreakBetween(before, after, level)).toBe(true)
  })

  test.each(rows(['——', '……', '⋯⋯', '⸺⸺'], LEVELS, () => false))('%s never splits at the %s level', (pair, level, expected) => {
    const [before, after] = [...pair] as [string, string]
    expect(canBreakBetween(before, after, level)).toBe(expected)
  })

  test.each(rows([...NO_START.stops, ...NO_START.closing, ...NO_START.connectors, ...NO_START.interpuncts, ...NO_START.solidi], LEVELS, () => false))(
    'no break between 中 and %s at the %s level',
    (after, level, expected) => {
      expect(canBreakBetween('中', after, level)).toBe(expected)
    }
  )

  test.each(rows(OPENING, LEVELS, () => false))('no break between %s and 中 at the %s level', (before, level, expected) => {
    expect(canBreakBetween(before, '中', level)).toBe(expected)
  })

  // Pairs of marks, each row one (before, after) class pair the engine claims to handle.
  test.each([
    // before, after, level, may break
    ['。', '中', 'GB', true], // stop | Han
    ['中', '“', 'GB', true], // Han | opening
    ['”', '“', 'GB', true], // closing | opening
    ['。', '“', 'GB', true], // stop | opening
    ['”', '。', 'GB', false], // closing | stop
    ['。', '”', 'GB', false], // stop | closing
    ['“', '「', 'GB', false], // opening | opening
    ['）', '）', 'GB', false], // closing | closing
    ['，', '（', 'basic', true], // pause | opening
    ['中', '？', 'newspaper', true], // ？ may start a line in newspapers
    ['中', '！', 'newspaper', true],
    ['中', '？', 'GB', false],
    ['中', '。', 'newspaper', false], // the relaxation is only for ？！
    ['中', '”', 'newspaper', false],
    ['／', '中', 'basic', true], // solidus may end a line at basic
    ['／', '中', 'GB', false], // … but not at GB (5.1.9)
    ['/', '中', 'strict', false],
    ['/', '中', 'newspaper', false], // newspaper keeps the GB line-end rules
    ['中', '—', 'GB', true], // 破折号 may start a line at GB
    ['中', '—', 'strict', false], // … not at strict
    ['中', '…', 'basic', true],
    ['中', '…', 'strict', false],
    ['—', '中', 'strict', true], // and may end one
    ['…', '。', 'GB', false]
  ] as const)('%s|%s at the %s level: may break = %s', (before, after, level, expected) => {
    expect(canBreakBetween(before, after, level)).toBe(expected)
  })
})
