import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {resolveImage} from '../../../src/assets/resolve-image.js'

const root = path.resolve('/archive')
const articleDir = path.join(root, '2019', '03')

describe('resolveImage', () => {
  test.each([
    ['a relative path, from the article’s folder', 'p.jpg', path.join(articleDir, 'p.jpg')],
    ['a path up and over', '../../images/p.jpg', path.join(root, 'images', 'p.jpg')],
    ['a path from /, from the content root (as a site names its pictures)', '/images/p.jpg', path.join(root, 'images', 'p.jpg')],
    ['an absolute path already inside the root, as it is', path.join(root, 'images', 'p.jpg'), path.join(root, 'images', 'p.jpg')],
    ['percent-escapes decoded', '%E7%85%A7%E7%89%87%201.jpg', path.join(articleDir, '照片 1.jpg')],
    ['invalid escapes taken as written', 'a%zz.jpg', path.join(articleDir, 'a%zz.jpg')]
  ])('%s', (_name, src, expected) => {
    expect(resolveImage(src, articleDir, root)).toBe(expected)
  })

  test('a path from / never leaves the root by itself; `..` in it is the caller’s to refuse', () => {
    expect(resolveImage('/etc/passwd', articleDir, root)).toBe(path.join(root, 'etc', 'passwd'))
    expect(resolveImage('/../secret.jpg', articleDir, root)).toBe(path.resolve('/secret.jpg'))
  })
})
