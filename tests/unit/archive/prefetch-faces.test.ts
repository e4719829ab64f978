import {describe, expect, test} from 'vitest'
import {prefetchFaces} from '../../../src/archive/prefetch-faces.js'
import {loadTemplate, type Template} from '../../../src/config/template.js'
import {listFontSources, type FontSource} from '../../../src/shape/font-sources.js'

const DEFAULTS: FontSource[] = [
  {key: 'song', file: '/f/song.ttf'},
  {key: 'song-bold', file: '/f/song-bold.ttf'},
  {key: 'hei', file: '/f/hei.ttf'},
  {key: 'hei-bold', file: '/f/hei-bold.ttf'},
  {key: 'fallback-1', file: '/f/fallback-1.ttf'}
]

/** A template naming only the given roles (the walk reads any string value). */
const naming = (...roles: string[]) => ({body: {font: roles[0]}, heads: Object.fromEntries(roles.slice(1).map((role, i) => [String(i + 2), {font: role}]))}) as unknown as Template

describe('prefetchFaces', () => {
  test('the built-in templates need 宋, 黑 and 黑 bold of the defaults, not 宋 bold', () => {
    const {sources} = listFontSources({})
    for (const name of ['newspaper', 'a4', 'broadsheet', 'handout']) {
      const files = prefetchFaces(sources, [loadTemplate(name)])
      const keys = sources.filter((source) => files.includes(source.file)).map((source) => source.key)
      expect(keys, name).toEqual(['song', 'hei', 'hei-bold'])
    }
  })

  test('a face a template names is read in, resolved as the font book resolves it', () => {
    expect(prefetchFaces(DEFAULTS, [naming('song', 'song-bold')])).toEqual(['/f/song.ttf', '/f/song-bold.ttf', '/f/hei.ttf'])
    // 楷 bold without a 楷 font stands in as 宋 bold.
    expect(prefetchFaces(DEFAULTS, [naming('kai-bold')])).toEqual(['/f/song.ttf', '/f/song-bold.ttf', '/f/hei.ttf'])
    // With a user 楷 font, 楷 is its own face (editors' notes use it whatever the template says).
    expect(prefetchFaces([...DEFAULTS, {key: 'kai', file: '/u/kai.ttf'}], [naming('song')])).toEqual(['/f/song.ttf', '/f/hei.ttf', '/u/kai.ttf'])
  })

  test('fallback fonts are never read in ahead', () => {
    expect(prefetchFaces(DEFAULTS, [naming('song', 'hei-bold')])).not.toContain('/f/fallback-1.ttf')
  })
})
