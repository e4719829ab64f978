/**
 * Templates as data: a user's template is merged over `newspaper` and
 * validated field by field, with the field named in the error.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {loadTemplate, TemplateError} from '../../../src/config/template.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-template-'))
function write(name: string, json: unknown): string {
  const file = path.join(dir, `${name}.json`)
  fs.writeFileSync(file, JSON.stringify(json))
  return file
}
const head = (over: object): object => ({name: 'user', kind: 'newspaper', heads: {'2': {font: 'hei-bold', size: 11, lines: 1, align: 'center', ...over}}})

describe('loadTemplate', () => {
  test('newspaper and a4 set every head on one line, a ## head with a tint; broadsheet keeps bands', () => {
    for (const name of ['newspaper', 'a4']) {
      const {heads} = loadTemplate(name)
      expect(Object.values(heads).every((style) => style.lines === 1)).toBe(true)
      expect(heads['2']!.tint).toBeGreaterThan(0)
    }
    expect(loadTemplate('broadsheet').heads['2']!.lines).toBe(3)
  })

  test('a user template with a tint loads; the rest comes from newspaper', () => {
    const template = loadTemplate(write('tinted', head({tint: 20})))
    expect(template.heads['2']!.tint).toBe(20)
    expect(template.heads['3']!.lines).toBe(1)
    expect(template.body.columns).toBe(5)
  })

  test('a template is read once and shared, frozen; a changed file is read again', () => {
    const file = write('cached', head({tint: 20}))
    const first = loadTemplate(file)
    expect(loadTemplate(file)).toBe(first)
    expect(Object.isFrozen(first.heads['2'])).toBe(true)
    expect(() => {
      ;(first.heads['2'] as {tint?: number}).tint = 30
    }).toThrow(TypeError)
    // Same size, later time: the file is read again.
    fs.writeFileSync(file, JSON.stringify(head({tint: 40})))
    const later = new Date(fs.statSync(file).mtimeMs + 5_000)
    fs.utimesSync(file, later, later)
    const second = loadTemplate(file)
    expect(second).not.toBe(first)
    expect(second.heads['2']!.tint).toBe(40)
    expect(first.heads['2']!.tint).toBe(20)
  })

  test.each([
    ['a tint over 100', {tint: 150}, 'heads.2.tint'],
    ['a tint that is not a number', {tint: '12%'}, 'heads.2.tint'],
    ['a head of 0 lines', {lines: 0}, 'heads.2.lines'],
    ['a head of no size', {size: -1}, 'heads.2.size']
  ])('%s is refused, naming the field', (_, over, field) => {
    const file = write(field.replace(/\W/g, '-') + String(Math.random()).slice(2), head(over))
    expect(() => loadTemplate(file)).toThrow(TemplateError)
    expect(() => loadTemplate(file)).toThrow(field)
  })

  test.each([
    ['a field of a group written at the top', {columns: 5}, 'unknown field `columns` (did you mean `body.columns`?)'],
    ['a misspelt field', {body: {colums: 5}}, 'unknown field `body.colums` (did you mean `body.columns`?)'],
    ['a field in no group', {paper: 'A3'}, 'unknown field `paper`'],
    ['a field of two groups', {font: 'kai'}, 'unknown field `font` (did you mean `body.font` or'],
    ['a head style field', {heads: {'2': {colour: 'red'}}}, 'unknown field `heads.2.colour`'],
    ['a handout field', {handout: {notesline: 3}}, 'unknown field `handout.notesline` (did you mean `handout.notesLines`?)']
  ])('%s is refused, naming it and the field meant', (_, over, message) => {
    const file = write(`unknown-${Math.random().toString(36).slice(2)}`, {name: 'user', kind: 'newspaper', ...over})
    expect(() => loadTemplate(file)).toThrow(TemplateError)
    expect(() => loadTemplate(file)).toThrow(message)
  })

  test('every bundled template holds only known fields, and notes of the writer are let be', () => {
    for (const name of ['newspaper', 'a4', 'broadsheet', 'handout']) expect(() => loadTemplate(name)).not.toThrow()
    const file = write('noted', {$schema: './template.schema.json', _comment: '五栏', name: 'user', kind: 'newspaper', body: {_why: '13 字', columns: 4}})
    expect(loadTemplate(file).body.columns).toBe(4)
  })
})
