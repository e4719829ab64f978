import {loadTemplate, TemplateError} from '../config/template.js'

/**
 * Load the template named on the command line, if one is, before any article
 * is read: one that does not exist or does not validate is a usage error,
 * said once, rather than the same failure for every article. Prints the
 * message on stderr; false when the command cannot go on.
 */
export function sayTemplate(name: string | undefined): boolean {
  if (name === undefined) return true
  try {
    loadTemplate(name)
    return true
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    process.stderr.write(`paiban: ${error.message}\n`)
    return false
  }
}
