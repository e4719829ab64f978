/**
 * Memory stays flat over many articles set in one process, even when the
 * caller never lets the event loop turn between them (a loop of awaits on
 * promises that are already resolved, as `paiban build` of a folder is):
 * a document's memory must not wait for a tick of Node's that never comes.
 */
import fs from 'node:fs'
import v8 from 'node:v8'
import vm from 'node:vm'
import {expect, test} from 'vitest'
import {renderArticle} from '../../src/build/render-article.js'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

/** The live JavaScript heap. Array buffers are left out: their memory is given back by a task after the collection, later. */
const retained = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

test('setting article after article retains no documents', async () => {
  const file = 'content/holiday-schedule-2019.md'
  const source = fs.readFileSync(file, 'utf8')
  // The first articles fill caches and compiled code; then memory must stay where it is.
  for (let i = 0; i < 60; i++) await renderArticle(source, file)
  const before = retained()
  for (let i = 0; i < 60; i++) await renderArticle(source, file)
  const grown = retained() - before
  // When each article kept its PDF document, 60 articles kept some 15 MB of heap.
  expect(grown).toBeLessThan(3e6)
}, 60_000)
