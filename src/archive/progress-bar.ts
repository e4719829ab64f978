import type {ArchiveProgress} from './types.js'

/** Where the bar is drawn: stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** Options of `progressBar`. */
export interface ProgressBarOptions {
  stream: ProgressStream
  /** Redraw in place (default: `stream.isTTY`). */
  tty?: boolean
  /** Least time between redraws on a TTY, in ms (default: 100). */
  redrawMs?: number
  /** Most time between plain lines when not a TTY, in ms (default: 2000); a line is also written every 10 %. */
  lineMs?: number
  /** Clock in ms (default: `performance.now`). */
  now?: () => number
}

/** A progress display fed with `ArchiveProgress`. */
export interface ProgressBar {
  update(progress: ArchiveProgress): void
  /** Draw the final state and end the line. */
  done(): void
}

/** Width of the bar itself when the terminal width is unknown. */
const DEFAULT_BAR = 30

/**
 * Show build progress on stderr: on a TTY, one bar redrawn in place with
 * count, percentage, rate and ETA; elsewhere (CI logs, pipes) a plain line
 * every `lineMs` or every 10 %, whichever comes first.
 */
export function progressBar(options: ProgressBarOptions): ProgressBar {
  const tty = options.tty ?? options.stream.isTTY === true
  const now = options.now ?? (() => performance.now())
  const redrawMs = options.redrawMs ?? 100
  const lineMs = options.lineMs ?? 2000
  let last: ArchiveProgress | undefined
  let drawnAt = -Infinity
  let tenth = 0
  let open = false
  const recent = recentRate()
  const draw = (progress: ArchiveProgress): void => {
    drawnAt = now()
    const rate = recent.rate()
    if (tty) {
      options.stream.write(`\r\x1b[K${barLine(progress, rate, options.stream.columns)}`)
      open = true
    } else options.stream.write(`paiban: ${statusText(progress, rate)}\n`)
  }
  return {
    update(progress) {
      last = progress
      recent.add(progress)
      const finished = progress.done >= progress.total
      const reachedTenth = Math.floor((progress.done / Math.max(progress.total, 1)) * 10)
      if (tty ? finished || now() - drawnAt >= redrawMs : finished || reachedTenth > tenth || now() - drawnAt >= lineMs) {
        tenth = reachedTenth
        draw(progress)
      }
    },
    done() {
      if (tty && last && open) {
        options.stream.write(`\r\x1b[K${barLine(last, recent.rate(), options.stream.columns)}\n`)
        open = false
      }
    }
  }
}

/**
 * Articles a second over the last `RATE_WINDOW_MS` or so, counted from the
 * first article done: the workers' start and their first, slower articles
 * (V8 still compiling) would otherwise make every ETA of a run far too long
 * (20 minutes at the first article of a run that takes 8 seconds).
 * `undefined` until the results span `MIN_RATE_SPAN_MS`.
 */
function recentRate(): {add(progress: ArchiveProgress): void; rate(): number | undefined} {
  const samples: {ms: number; done: number}[] = []
  return {
    add({elapsedMs, done}) {
      samples.push({ms: elapsedMs, done})
      // Keep one sample at least the window old, and none older than it needs.
      while (samples.length > 2 && elapsedMs - samples[1]!.ms >= RATE_WINDOW_MS) samples.shift()
    },
    rate() {
      const first = samples[0]
      const newest = samples[samples.length - 1]
      if (!first || !newest || newest.ms - first.ms < MIN_RATE_SPAN_MS) return undefined
      return (newest.done - first.done) / ((newest.ms - first.ms) / 1000)
    }
  }
}

/** The span of results the rate and ETA are measured over, in ms. */
const RATE_WINDOW_MS = 5000
/** The least span of results a rate is given for, in ms. */
const MIN_RATE_SPAN_MS = 1000

/** `[█████░░░░░] 12/100  12%  4.1/s  ETA 0:21  2 failed`, fitted to `columns`. */
function barLine(progress: ArchiveProgress, recent: number | undefined, columns: number | undefined): string {
  const status = statusText(progress, recent)
  const width = columns ? Math.max(10, Math.min(40, columns - status.length - 4)) : DEFAULT_BAR
  const filled = Math.round((progress.done / Math.max(progress.total, 1)) * width)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${status}`
}

/**
 * Count, percentage, rate, ETA and failures as words. While the run goes on,
 * the rate and ETA are the recent rate's (`ETA --:--` until there is one); at
 * the end, the rate is the whole run's.
 */
function statusText(progress: ArchiveProgress, recent: number | undefined): string {
  const seconds = progress.elapsedMs / 1000
  const finished = progress.done >= progress.total
  const mean = seconds > 0 ? progress.done / seconds : 0
  const rate = finished || recent === undefined ? mean : recent
  const percent = Math.floor((progress.done / Math.max(progress.total, 1)) * 100)
  const eta = finished ? `in ${clock(seconds)}` : recent !== undefined && recent > 0 ? `ETA ${clock((progress.total - progress.done) / recent)}` : 'ETA --:--'
  const failed = progress.failed > 0 ? `  ${progress.failed} failed` : ''
  return `${progress.done}/${progress.total}  ${String(percent).padStart(3)}%  ${rate.toFixed(1)}/s  ${eta}${failed}`
}

/** Seconds as `m:ss` or `h:mm:ss`. */
function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
