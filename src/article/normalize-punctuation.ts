import type {Root, Text, Parent} from 'mdast'
import {charClass} from '../text/char-class.js'

/**
 * Half-width marks that web copy puts between Chinese characters, and their
 * full-width forms (GB/T 15834—2011 §4: Chinese text uses full-width marks).
 */
const FULL_WIDTH: Record<string, string> = {',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

/** Any mark `FULL_WIDTH` may change (most blocks have none: skip them). */
const HALF_WIDTH = /[,:;?!()]/

/** Is `char` Chinese text or full-width punctuation (context that makes a mark Chinese)? */
function isChineseContext(char: string | undefined): boolean {
  if (!char) return false
  const cls = charClass(char)
  return cls !== 'latin' && cls !== 'space' && cls !== 'other'
}

function isAsciiAlnum(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char)
}

/**
 * Turn half-width `, : ; ? ! ( )` in Chinese context into full-width forms,
 * in place, across text nodes of one block (so `**记者:**问` is seen whole).
 * Returns how many marks changed. Same length in, same length out, so source
 * positions stay right.
 */
export function normalizePunctuation(tree: Root): number {
  let changed = 0
  const visitBlock = (block: Parent): void => {
    const texts: Text[] = []
    collectTexts(block, texts)
    if (texts.length === 0) return
    const joined = texts.map((text) => text.value).join('')
    if (!HALF_WIDTH.test(joined)) return
    const chars = [...joined]
    const out = chars.slice()
    const convertAt = (index: number): void => {
      const replacement = FULL_WIDTH[chars[index]!]
      if (replacement && out[index] !== replacement) {
        out[index] = replacement
        changed++
      }
    }
    const neighbour = (index: number, step: number): string | undefined => {
      for (let i = index + step; i >= 0 && i < chars.length; i += step) if (chars[i] !== ' ') return chars[i]
      return undefined
    }
    const openStack: number[] = []
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!
      if (char === '(') {
        openStack.push(i)
        continue
      }
      if (char === ')') {
        const open = openStack.pop()
        // A pair is Chinese when it encloses Chinese or follows Chinese; f(x) stays a Latin call.
        const inside = open !== undefined ? chars.slice(open + 1, i) : []
        const chinese = open !== undefined ? inside.some((char) => isChineseContext(char)) || isChineseContext(open > 0 ? chars[open - 1] : undefined) : isChineseContext(neighbour(i, -1))
        if (chinese) {
          convertAt(i)
          if (open !== undefined) convertAt(open)
        }
        continue
      }
      if (!(char in FULL_WIDTH)) continue
      // Read the mark before as converted so far: in 吗?! the ! follows a full-width ？.
      const before = i > 0 ? out[i - 1] : undefined
      const after = chars[i + 1]
      // A mark after Chinese text, not inside a number or Latin word (2:1, http://).
      if (isChineseContext(before) && !isAsciiAlnum(after) && after !== '/') convertAt(i)
      else if (!isAsciiAlnum(before) && isChineseContext(after) && char !== '!') convertAt(i)
    }
    // Unmatched opening parentheses in Chinese context.
    for (const open of openStack) if (isChineseContext(chars[open + 1]) || isChineseContext(open > 0 ? chars[open - 1] : undefined)) convertAt(open)
    let offset = 0
    for (const text of texts) {
      const length = [...text.value].length
      text.value = out.slice(offset, offset + length).join('')
      offset += length
    }
  }
  const walk = (node: Parent): void => {
    for (const child of node.children) {
      if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') visitBlock(child)
      else if ('children' in child) walk(child as Parent)
    }
  }
  walk(tree)
  return changed
}

function collectTexts(node: Parent, texts: Text[]): void {
  for (const child of node.children) {
    if (child.type === 'text') texts.push(child)
    else if (child.type === 'inlineCode' || child.type === 'link') continue
    else if ('children' in child) collectTexts(child as Parent, texts)
  }
}
