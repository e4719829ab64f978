import {describe, expect, test} from 'vitest'
import {findImages} from '../../../src/archive/find-images.js'

describe('findImages', () => {
  test.each([
    ['inline', '![图一](img/a.png)', ['img/a.png']],
    ['inline with title', '![图](a.jpg "标题")', ['a.jpg']],
    ['angle brackets with spaces', '![图](<my photo.png>)', ['my photo.png']],
    ['brackets in alt text', '![图 [1]](b.png)', ['b.png']],
    ['parentheses in the path', '![x](a(1).png)', ['a(1).png']],
    ['reference style', '![图][fig]\n\n[fig]: pics/c.png', ['pics/c.png']],
    ['collapsed reference, labels case-insensitive', '![Fig][]\n\n[fig]: d.png', ['d.png']],
    ['remote images are not local', '![x](https://example.com/a.png)', []],
    ['links are not images', '[x](a.png)', []],
    ['each image once, in order', '![a](2.png) ![b](1.png) ![c](2.png)', ['2.png', '1.png']],
    ['an HTML <img>, its src quoted or not', '<p><IMG alt="x" src="pics/e.jpg"></p>\n文中<img src=f.png>和<img src=\'g&amp;h.png\'>', ['pics/e.jpg', 'f.png', 'g&h.png']],
    ['a remote HTML <img> is not local', '<img src="https://example.com/a.jpg">', []]
  ])('%s', (_name, source, expected) => {
    expect(findImages(source)).toEqual(expected)
  })
})
