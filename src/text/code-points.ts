/**
 * Characters (whole code points, a surrogate pair kept together) at UTF-16
 * indices of a string: what the article passes look at on either side of a
 * mark, a line end or a space.
 */

/** The character ending just before unit index `i`, or undefined at the start. */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined
  const unit = text.charCodeAt(i - 1)
  return isLowSurrogate(unit) && i >= 2 && isHighSurrogate(text.charCodeAt(i - 2)) ? text.slice(i - 2, i) : text[i - 1]
}

/** The character starting at unit index `i`, or undefined at the end. */
export function charAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length) return undefined
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? text.slice(i, i + 2) : text[i]
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
