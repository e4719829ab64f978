/**
 * Spanning figures and tables on a page: which columns they stand on, how
 * several share a page without colliding, and when one must wait.
 */
import {describe, expect, test} from 'vitest'
import {floatDepths, placeFloats, type FloatRequest} from '../../../src/page/place-floats.js'

const room = (columns: number, lines = 60): number[] => Array.from({length: columns}, () => lines)
const request = (columns: number, lines: number, anchorColumn: number): FloatRequest => ({columns, lines, anchorColumn})

describe('placeFloats', () => {
  test('a block starts at the column of its reference', () => {
    expect(placeFloats([request(2, 10, 0)], room(5), 3)).toEqual([{column: 0, top: 0}])
    expect(placeFloats([request(2, 10, 2)], room(5), 3)).toEqual([{column: 2, top: 0}])
  })

  test('moved left when it would run off the page', () => {
    expect(placeFloats([request(2, 10, 4)], room(5), 3)).toEqual([{column: 3, top: 0}])
    expect(placeFloats([request(5, 10, 3)], room(5), 3)).toEqual([{column: 0, top: 0}])
  })

  test('two blocks stand side by side, not on top of each other, when there is room', () => {
    const places = placeFloats([request(2, 10, 0), request(2, 12, 1)], room(5), 3)!
    expect(places).toEqual([{column: 0, top: 0}, {column: 2, top: 0}])
    expect(floatDepths([request(2, 10, 0), request(2, 12, 1)], places, 5)).toEqual([10, 10, 12, 12, 0])
  })

  test('a 通栏 block goes above narrower ones, which stack under it without a hole', () => {
    const requests = [request(2, 10, 1), request(5, 8, 3)]
    const places = placeFloats(requests, room(5), 3)!
    expect(places).toEqual([{column: 1, top: 8}, {column: 0, top: 0}])
    expect(floatDepths(requests, places, 5)).toEqual([8, 18, 18, 8, 8])
  })

  test('a block never stands on columns of uneven depth (no blank hole above it)', () => {
    // Three blocks of two columns on five: one must stack, and only on a level pair. The third, referred
    // to in column 3, takes 3–4; the second, whose columns 2–3 it crosses, stacks under the first.
    const requests = [request(2, 10, 0), request(2, 12, 2), request(2, 5, 3)]
    const places = placeFloats(requests, room(5), 3)!
    expect(places).toEqual([{column: 0, top: 0}, {column: 0, top: 10}, {column: 3, top: 0}])
    expect(floatDepths(requests, places, 5)).toEqual([22, 22, 0, 5, 5])
    // On four columns a tall third block referred to in column 0 takes 0–1 from the top, and the first two
    // stack on 2–3, rather than wait for the next page.
    expect(placeFloats([request(2, 10, 0), request(2, 12, 2), request(2, 50, 0)], room(4), 3)).toEqual([{column: 2, top: 0}, {column: 2, top: 10}, {column: 0, top: 0}])
    // When no arrangement holds all three, the set is refused (the last waits for the next page).
    expect(placeFloats([request(2, 30, 0), request(2, 30, 2), request(2, 50, 0)], room(4), 3)).toBeUndefined()
  })

  test('a block moves aside for one whose reference falls on the columns it took', () => {
    // A photo referred to in column 2 and a table in column 4: the photo takes 1–2, the table 3–4, each
    // next to its text. (One at a time, the photo took 2–3 and the table, finding 3–4 uneven, 0–1: the
    // story's first columns, far from the text that reads it.)
    expect(placeFloats([request(2, 20, 2), request(2, 8, 4)], room(5), 3)).toEqual([{column: 1, top: 0}, {column: 3, top: 0}])
    // With room for both where they are referred to, nothing moves.
    expect(placeFloats([request(2, 20, 0), request(2, 8, 3)], room(5), 3)).toEqual([{column: 0, top: 0}, {column: 3, top: 0}])
  })

  test('every column keeps lines for text under a block; a block that does not fit is refused', () => {
    expect(placeFloats([request(2, 57, 0)], room(5), 3)).toEqual([{column: 0, top: 0}])
    expect(placeFloats([request(2, 58, 0)], room(5), 3)).toBeUndefined()
    // The first column of a continued page has a line less (the 上接 jump line).
    expect(placeFloats([request(2, 57, 0)], [59, 60, 60, 60, 60], 3)).toEqual([{column: 1, top: 0}])
  })

  test('places are returned in request order and never leave the page', () => {
    const requests = [request(3, 6, 4), request(2, 6, 4), request(1, 6, 0)]
    const places = placeFloats(requests, room(5), 3)!
    places.forEach((place, i) => {
      expect(place.column).toBeGreaterThanOrEqual(0)
      expect(place.column + requests[i]!.columns).toBeLessThanOrEqual(5)
    })
  })
})
