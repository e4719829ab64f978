import {spawn} from 'node:child_process'
import os from 'node:os'

/**
 * V8 flags an archive run is faster with. Worker threads share the process's
 * V8 platform, so the flags must be given when node starts (V8 refuses them
 * later, and NODE_OPTIONS may not carry them).
 * - `--single-threaded-gc`: garbage collection on the collecting thread
 *   itself, instead of on helper threads that compete with the workers for
 *   the same cores, takes about a tenth less CPU per article on a 2-core
 *   machine.
 * - `--max-inlined-bytecode-size-cumulative=460` (V8's default is 920): each
 *   worker isolate compiles the same hot code, and with half the inlining
 *   its optimising compiles cost less than the slightly slower code they
 *   make: 4.9 % fewer instructions over 500 articles in one isolate
 *   (callgrind), 2–3 % less CPU over 1,000 seed copies, 6 % over 1,000
 *   distinct articles (interleaved runs on 2 cores).
 * - `--heap-growing-percent=50`: after each full collection a worker's heap
 *   may grow to 1.5 times what survived before the next, where V8 would
 *   otherwise let it grow up to fourfold (an archive worker keeps some
 *   25–30 MB alive, and the rest of its heap is the garbage of the articles
 *   since). Peak RSS of 1,000 seed copies 365 against 509 MB, of 10,000
 *   mixed samples 528 against 740 MB (some 110 MB less per worker), at no
 *   cost in wall time: more full collections, fewer pages touched (8.0
 *   against 8.1 s and 60.6 against 65.2 s; 1,000 distinct articles 14.1 s
 *   either way, with 3 % more CPU).
 */
export const ARCHIVE_V8_FLAGS = ['--single-threaded-gc', '--max-inlined-bytecode-size-cumulative=460', '--heap-growing-percent=50'] as const

/**
 * Run `paiban archive` in a child node started with `ARCHIVE_V8_FLAGS`, when
 * this process lacks them (the launcher run as `node bin/paiban.js`; run as
 * an executable, as npx and npm's bin links do, its #! line gives node the
 * flags, and no second process starts: some 0.15 s less); resolve to the child's exit code. Resolve to
 * `undefined` when the command is not `archive`, when the flags are already
 * set, or when `PAIBAN_RELAUNCH=0`: the caller then runs the command itself.
 *
 * The child inherits the terminal and dies with its parent: it leaves when
 * the IPC channel to the parent closes (a `kill -9` of the parent included),
 * and its outputs are written atomically, so nothing half-written remains.
 */
export function relaunched(argv: readonly string[], script: string): Promise<number> | undefined {
  if (argv[0] !== 'archive' || process.env['PAIBAN_RELAUNCH'] === '0') return undefined
  if (ARCHIVE_V8_FLAGS.every((flag) => process.execArgv.includes(flag))) {
    dieWithParent()
    return undefined
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...ARCHIVE_V8_FLAGS, script, ...argv], {stdio: ['inherit', 'inherit', 'inherit', 'ipc']})
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
    const signals = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => [signal, forward(signal)] as const)
    for (const [signal, handler] of signals) process.on(signal, handler)
    child.on('exit', (code, signal) => {
      for (const [name, handler] of signals) process.off(name, handler)
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0))
    })
  })
}

/** In a relaunched child: exit as soon as the parent is gone. */
function dieWithParent(): void {
  if (!process.connected) return
  process.on('disconnect', () => process.exit(EXIT_PARENT_GONE))
  // The channel is only a lifeline: it must not keep the child alive once the run is done.
  process.channel?.unref()
}

/** Exit code of a relaunched child whose parent went away (as if killed by SIGKILL). */
const EXIT_PARENT_GONE = 128 + 9
