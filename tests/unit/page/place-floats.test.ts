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
    // Columns 0–1 hold a block of 10 lines, 2–3 one of 12; a third block referred to in column 3
    // cannot take 3–4 (12 against 0 lines) and stacks on the level pair 0–1 instead.
    const requests = [request(2, 10, 0), request(2, 12, 2), request(2, 5, 3)]
    expect(placeFloats(requests, room(5), 3)![2]).toEqual({column: 0, top: 10})
    // On four columns a tall third block fits on no level pair: refused (it waits for the next page).
    expect(placeFloats([request(2, 10, 0), request(2, 12, 2), request(2, 50, 0)], room(4), 3)).toBeUndefined()
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
