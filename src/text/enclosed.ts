/** Is the text wholly inside one pair of brackets, full-width or not: （…）, (…)? */
export function isEnclosed(text: string): boolean {
  return /^[（(].*[）)]$/su.test(text.trim())
}
