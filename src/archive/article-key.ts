import crypto from 'node:crypto'

/** What an output depends on besides the fonts, each as a hash or plain value. */
export interface KeyInputs {
  /** `hashArticle`: the article's bytes and its images. */
  article: string
  /**
   * The article file's modification time (ms, as `fs.Stats.mtimeMs` gives it). The bytes decide the PDF;
   * the time only lets `touch article.md` force that one article's rebuild, as make does.
   */
  touched: string
  /** `hashTemplate` of the template the article is set with. */
  template: string
  /** `engineHash`: paiban's version and its compiled engine. */
  engine: string
  /** The options that change the bytes or the verdict (template override, punctuation, strict), as stable JSON. */
  settings: string
}

/**
 * Combine an output's dependencies into the key stored in the manifest.
 * Without a font hash the key is only partial and never matches a record.
 */
export function articleKey(inputs: KeyInputs, fontHash: string): string {
  return crypto
    .createHash('sha256')
    .update(['paiban-archive-2', inputs.article, inputs.touched, inputs.template, inputs.engine, inputs.settings, fontHash].join('\0'))
    .digest('hex')
}
