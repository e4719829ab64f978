#!/usr/bin/env -S node --single-threaded-gc --max-inlined-bytecode-size-cumulative=460 --heap-growing-percent=50
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via the prepare script).
import {fileURLToPath} from 'node:url'
import {relaunched} from '../dist/cli/relaunch.js'

const argv = process.argv.slice(2)
// `archive` runs in a node started with the V8 flags it wants (see src/cli/relaunch.ts);
// the CLI itself is loaded only where it runs.
const child = relaunched(argv, fileURLToPath(import.meta.url))
process.exitCode = child ? await child : await (await import('../dist/cli/index.js')).main(argv)
