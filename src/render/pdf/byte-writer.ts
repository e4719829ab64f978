/**
 * An ASCII byte buffer for content streams: operators, numbers and hex
 * glyph codes written straight into bytes, instead of building strings that
 * are joined and converted afterwards (a page of text is some 5,000 glyphs).
 */
export class ByteWriter {
  private bytes = new Uint8Array(INITIAL_SIZE)
  private length = 0

  /** Append ASCII text (one byte per character; callers write operators and names only). */
  ascii(text: string): this {
    this.reserve(text.length)
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i)
    return this
  }

  /** Append a number rounded to 1e-3 as `String(Math.round(value * 1000) / 1000)` writes it, with -0 as `0`. */
  number(value: number): this {
    return this.thousandths(Math.round(value * 1000))
  }

  /** Append a whole number of thousandths (`-83333` → `-83.333`, `12500` → `12.5`, `0` → `0`). */
  thousandths(units: number): this {
    this.reserve(24)
    if (units === 0) {
      this.bytes[this.length++] = DIGIT_0
      return this
    }
    if (units < 0) {
      this.bytes[this.length++] = MINUS
      units = -units
    }
    const whole = Math.floor(units / 1000)
    let fraction = units - whole * 1000
    this.digits(whole)
    if (fraction !== 0) {
      this.bytes[this.length++] = DOT
      // Up to three digits, trailing zeros dropped.
      let places = 3
      while (fraction % 10 === 0) {
        fraction /= 10
        places--
      }
      for (let place = places - 1; place >= 0; place--) this.bytes[this.length++] = DIGIT_0 + (Math.floor(fraction / 10 ** place) % 10)
    }
    return this
  }

  /** Append four lowercase hex digits (a 2-byte Identity-H code). */
  hex4(value: number): this {
    this.reserve(4)
    const bytes = this.bytes
    bytes[this.length++] = HEX[(value >> 12) & 15]!
    bytes[this.length++] = HEX[(value >> 8) & 15]!
    bytes[this.length++] = HEX[(value >> 4) & 15]!
    bytes[this.length++] = HEX[value & 15]!
    return this
  }

  /** The bytes written so far, as a copy of their own. */
  result(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }

  private digits(value: number): void {
    const bytes = this.bytes
    let start = this.length
    do {
      bytes[this.length++] = DIGIT_0 + (value % 10)
      value = Math.floor(value / 10)
    } while (value > 0)
    // Least significant digit first so far: reverse in place (a subarray per number cost more than the digits).
    for (let end = this.length - 1; start < end; start++, end--) {
      const digit = bytes[start]!
      bytes[start] = bytes[end]!
      bytes[end] = digit
    }
  }

  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count))
    grown.set(this.bytes.subarray(0, this.length))
    this.bytes = grown
  }
}

const INITIAL_SIZE = 64 * 1024
const DIGIT_0 = 0x30
const MINUS = 0x2d
const DOT = 0x2e
const HEX = Uint8Array.from('0123456789abcdef', (char) => char.charCodeAt(0))
