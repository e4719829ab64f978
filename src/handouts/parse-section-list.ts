/**
 * Parse a `--sections` value: section numbers and ranges separated by commas
 * (`1,3`, `2-4`, `0,5`; 0 is an own lead). Returns the numbers ascending
 * without repeats, or throws an Error naming the bad part (a usage error).
 */
export function parseSectionList(value: string | number): number[] {
  const numbers = new Set<number>()
  for (const part of String(value).split(',').map((piece) => piece.trim())) {
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part)
    if (!match) throw new Error(`--sections: \`${part}\` is not a section number or range (write e.g. 1,3 or 2-4)`)
    const from = Number(match[1])
    const to = match[2] === undefined ? from : Number(match[2])
    if (to < from) throw new Error(`--sections: range \`${part}\` runs backwards`)
    if (to - from > 10_000) throw new Error(`--sections: range \`${part}\` is too long`)
    for (let n = from; n <= to; n++) numbers.add(n)
  }
  return [...numbers].sort((a, b) => a - b)
}
