#!/usr/bin/env node
/**
 * Benchmark `paiban archive` on a synthetic archive made from content/*.md.
 *
 * 1. Generate N articles (copies of the samples with their own dates and
 *    slugs) in <yyyy>/<mm>/ folders.
 * 2. Cold rebuild with the real CLI (a child process): articles/s, peak RSS;
 *    then the same over N copies of the seed alone (the target's unit),
 *    --repeat times (default 3), and the median run.
 * 3. No-op rebuild of the same archive: wall time and time in paiban.
 * 4. With --noop-n M: an archive of M articles whose outputs and manifest
 *    are seeded without typesetting (hard links to one real PDF, manifest
 *    rows keyed as the planner keys them), then a real no-op run over it.
 * 5. One worker alone (--jobs 1 over a slice): its RSS without the others.
 * 6. Warm single-article time in one process (median of --runs), split by
 *    stage; with --profile, a CPU profile of those runs summarised by
 *    function and by package.
 *
 * Usage: node scripts/bench-archive.mjs [--n 1000] [--noop-n 10000] [--steady 3000] [--jobs N]
 *          [--repeat 3] [--runs 20] [--sample xingguo-police-interview] [--profile] [--keep]
 *          [--dir /tmp/somewhere]
 * Needs the compiled dist/ (this script compiles it first, worker bundle included).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {spawnSync, execFileSync} from 'node:child_process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import zlib from 'node:zlib'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const {values: args} = parseArgs({
  options: {
    n: {type: 'string', default: '1000'},
    'noop-n': {type: 'string'},
    steady: {type: 'string'},
    jobs: {type: 'string', default: String(os.availableParallelism())},
    runs: {type: 'string', default: '20'},
    profile: {type: 'boolean', default: false},
    keep: {type: 'boolean', default: false},
    dir: {type: 'string'},
    sample: {type: 'string', default: 'xingguo-police-interview'},
    repeat: {type: 'string', default: '3'},
    'warm-only': {type: 'boolean', default: false}
  }
})
/** Common characters swapped into `distinct` copies. */
const SWAP = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经'

const N = Number(args.n)
const JOBS = Number(args.jobs)
const RUNS = Number(args.runs)
const REPEAT = Math.max(1, Number(args.repeat))
const SAMPLE = path.join(root, 'content', `${args.sample}.md`)

/** The package the bench runs: a snapshot of bin/, dist/, templates/ taken after compiling. */
let pkg = process.env.PAIBAN_BENCH_PKG ?? root
const dist = (module) => import(pathToFileURL(path.join(pkg, 'dist', module)).href)

if (args['warm-only']) {
  // Child mode for --profile: only the warm single-article runs.
  await warmRuns(RUNS)
  process.exit(0)
}

execFileSync(process.execPath, [path.join(root, 'scripts/compile.mjs')], {stdio: 'inherit'})
const work = args.dir ? path.resolve(args.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-bench-archive-'))
fs.mkdirSync(work, {recursive: true})
// Snapshot the compiled package, so that a recompile elsewhere during the bench changes nothing here.
pkg = path.join(work, 'paiban')
fs.rmSync(pkg, {recursive: true, force: true})
for (const part of ['bin', 'dist', 'templates', 'package.json', 'package-lock.json']) fs.cpSync(path.join(root, part), path.join(pkg, part), {recursive: true})
fs.symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'), 'dir')
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const line = (label, value) => console.log(`${label.padEnd(34)} ${value}`)

console.log(`paiban bench:archive — node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'cpu'}; work dir ${work}`)
const hostBefore = hostSpeed()
line('host speed before the runs', hostSpeedText(hostBefore))

// 1. A synthetic archive of N articles.
const archive = path.join(work, `archive-${N}`)
const out = path.join(work, `out-${N}`)
fs.rmSync(archive, {recursive: true, force: true})
fs.rmSync(out, {recursive: true, force: true})
generate(archive, N)

// 2. Cold rebuild.
const cold = runArchive(archive, out, JOBS)
const coldReport = cold.report
line(`cold rebuild, ${N} articles, --jobs ${JOBS}`, `${cold.seconds.toFixed(1)} s wall, ${(N / cold.seconds).toFixed(1)} articles/s wall; ${coldReport.timings.articlesPerSecond} articles/s in the build phase (exit ${cold.status})`)
hostLine(cold)
line('  summary', JSON.stringify(coldReport.summary))
const workers = coldReport.memory.workers
line('  process peak RSS', `${mb(coldReport.memory.processMaxRss)} (main before pool ${mb(coldReport.memory.mainRssBeforePool)}; ${JOBS} workers → ≈ ${mb((coldReport.memory.processMaxRss - coldReport.memory.mainRssBeforePool) / Math.max(1, workers.length))} per worker)`)
for (const worker of workers) line(`  worker ${worker.threadId}`, `${worker.tasks} articles, peak heap ${mb(worker.heapUsed)}, peak external ${mb(worker.external)}`)
const ms = coldReport.articles.filter((entry) => entry.ms !== undefined).map((entry) => entry.ms).sort((a, b) => a - b)
line('  task time in a worker', `(up to four tasks interleave per worker) median ${median(ms).toFixed(0)} ms, p90 ${ms[Math.floor(ms.length * 0.9)] ?? 0} ms`)

// The target is stated for seed-sized articles: the same cold rebuild over N copies of the seed alone.
const seedArchive = path.join(work, `archive-seed-${N}`)
fs.rmSync(seedArchive, {recursive: true, force: true})
fs.rmSync(path.join(work, `out-seed-${N}`), {recursive: true, force: true})
generate(seedArchive, N, [`${args.sample}.md`])
// The host's speed drifts by up to a fifth between runs of one command: the target's run is made REPEAT
// times, each into a folder of its own (a folder just removed makes file creation slower), and its median kept.
const seedRuns = []
for (let run = 1; run <= REPEAT; run++) {
  const seedOut = path.join(work, `out-seed-${N}${run > 1 ? `-${run}` : ''}`)
  fs.rmSync(seedOut, {recursive: true, force: true})
  const result = runArchive(seedArchive, seedOut, JOBS)
  seedRuns.push(result)
  line(`cold rebuild, ${N} × ${args.sample}${REPEAT > 1 ? `, run ${run}` : ''}`, `${result.seconds.toFixed(1)} s wall, ${(N / result.seconds).toFixed(1)} articles/s wall; ${result.report.timings.articlesPerSecond} articles/s in the build phase (exit ${result.status})`)
  hostLine(result)
}
// The median run by wall time; of an even count, the slower of the middle two.
const seedCold = [...seedRuns].sort((a, b) => a.seconds - b.seconds)[Math.floor(REPEAT / 2)]
if (REPEAT > 1) {
  const rates = (pick) => seedRuns.map(pick).sort((a, b) => a - b)
  const wall = rates((run) => N / run.seconds)
  const build = rates((run) => run.report.timings.articlesPerSecond)
  line(`  median of ${REPEAT} runs`, `${(N / seedCold.seconds).toFixed(1)} articles/s wall (${wall[0].toFixed(1)}–${wall.at(-1).toFixed(1)}); ${build[Math.floor((REPEAT - 1) / 2)].toFixed(1)} in the build phase (${build[0].toFixed(1)}–${build.at(-1).toFixed(1)})`)
}
line('  memo', memoLine(seedCold.report))
// With --steady M (> N): the same over M copies. The difference between the two runs is the cost of an
// article once the workers are warm; the rest of a run is fixed (process and worker start, V8 compiling the hot code).
if (args.steady) {
  const M = Number(args.steady)
  const steadyArchive = path.join(work, `archive-seed-${M}`)
  fs.rmSync(steadyArchive, {recursive: true, force: true})
  fs.rmSync(path.join(work, `out-seed-${M}`), {recursive: true, force: true})
  generate(steadyArchive, M, [`${args.sample}.md`])
  const steady = runArchive(steadyArchive, path.join(work, `out-seed-${M}`), JOBS)
  const marginal = (M - N) / (steady.seconds - seedCold.seconds)
  line(`cold rebuild, ${M} × ${args.sample}`, `${steady.seconds.toFixed(1)} s wall, ${(M / steady.seconds).toFixed(1)} articles/s wall; each article past the first ${N}: ${(1000 / marginal).toFixed(1)} ms (${marginal.toFixed(0)}/s); fixed cost of a run ≈ ${(seedCold.seconds - N / marginal).toFixed(1)} s`)
  hostLine(steady)
  if (!args.keep) fs.rmSync(steadyArchive, {recursive: true, force: true})
}
// Copies share paragraphs, which the workers' memo sets once. The same over copies in which every
// paragraph differs (one character changed per copy) is the figure for an archive of distinct articles.
const distinctArchive = path.join(work, `archive-distinct-${N}`)
fs.rmSync(distinctArchive, {recursive: true, force: true})
fs.rmSync(path.join(work, `out-distinct-${N}`), {recursive: true, force: true})
generate(distinctArchive, N, [`${args.sample}.md`], {distinct: true})
const distinctCold = runArchive(distinctArchive, path.join(work, `out-distinct-${N}`), JOBS)
line(`cold rebuild, ${N} distinct ${args.sample}`, `${distinctCold.seconds.toFixed(1)} s wall, ${(N / distinctCold.seconds).toFixed(1)} articles/s wall; ${distinctCold.report.timings.articlesPerSecond} articles/s in the build phase (exit ${distinctCold.status})`)
hostLine(distinctCold)
line('  memo', memoLine(distinctCold.report))

// Reproducible: a second clean rebuild gives the same bytes.
const sampleOutputs = coldReport.articles.filter((entry) => entry.status === 'built').slice(0, 20).map((entry) => entry.output)
const again = path.join(work, `out-${N}-again`)
fs.rmSync(again, {recursive: true, force: true})
const slice = path.join(work, 'archive-slice')
fs.rmSync(slice, {recursive: true, force: true})
for (const output of sampleOutputs) {
  const source = coldReport.articles.find((entry) => entry.output === output).source
  const target = path.join(slice, path.relative(archive, source))
  fs.mkdirSync(path.dirname(target), {recursive: true})
  fs.copyFileSync(source, target)
}
runArchive(slice, again, JOBS)
const identical = sampleOutputs.every((output) => fs.readFileSync(output).equals(fs.readFileSync(path.join(again, path.relative(out, output)))))
line('  reproducible (20 PDFs rebuilt apart)', identical ? 'byte-identical' : 'DIFFERENT')

// 3. No-op rebuild.
const noop = runArchive(archive, out, JOBS)
line(`no-op rebuild, ${N} articles`, `${noop.seconds.toFixed(2)} s wall (process start included), ${(noop.report.timings.totalMs / 1000).toFixed(2)} s in rebuildArchive; built ${noop.report.summary.built}`)

// 4. No-op at scale, seeded without typesetting.
if (args['noop-n']) {
  const M = Number(args['noop-n'])
  const big = path.join(work, `archive-${M}`)
  const bigOut = path.join(work, `out-${M}`)
  fs.rmSync(big, {recursive: true, force: true})
  fs.rmSync(bigOut, {recursive: true, force: true})
  generate(big, M)
  await seed(big, bigOut, out, coldReport)
  const bigNoop = runArchive(big, bigOut, JOBS)
  line(`no-op rebuild, ${M} articles (seeded)`, `${bigNoop.seconds.toFixed(2)} s wall, ${(bigNoop.report.timings.totalMs / 1000).toFixed(2)} s in rebuildArchive (plan ${(bigNoop.report.timings.planMs / 1000).toFixed(2)} s); built ${bigNoop.report.summary.built}, skipped ${bigNoop.report.summary.skipped}`)
  if (!args.keep) {
    fs.rmSync(big, {recursive: true, force: true})
    fs.rmSync(bigOut, {recursive: true, force: true})
  }
}

// 5. One worker alone: its RSS is the process peak minus the main thread.
const one = Math.min(N, 40)
const oneArchive = path.join(work, 'archive-one')
fs.rmSync(oneArchive, {recursive: true, force: true})
generate(oneArchive, one)
const single = runArchive(oneArchive, path.join(work, 'out-one'), 1)
const singleRss = single.report.memory.processMaxRss - single.report.memory.mainRssBeforePool
line(`one worker, ${one} articles, --jobs 1`, `${(one / single.seconds).toFixed(1)} articles/s wall; worker adds ${mb(singleRss)} RSS (process peak ${mb(single.report.memory.processMaxRss)})`)

// 6. Warm single-article time in this process.
const warm = await warmRuns(RUNS)
line(`warm single article (median of ${RUNS})`, `${warm.total.toFixed(1)} ms — parse+model ${warm.parse.toFixed(1)}, layout ${warm.layout.toFixed(1)}, PDF ${warm.pdf.toFixed(1)} ms (${path.basename(SAMPLE)}, ${warm.pages} page(s))`)
if (args.profile) profile()
line('host speed after the runs', hostSpeedText(hostSpeed()))

if (!args.keep && !args.dir) fs.rmSync(work, {recursive: true, force: true})

/** Paragraphs (and deck lines), font programs (and CMaps) and pictures the workers found already made, of those they looked up. */
function memoLine(report) {
  const sum = (kind) => report.memory.workers.reduce((total, worker) => ({hits: total.hits + (worker.memo?.[kind]?.hits ?? 0), lookups: total.lookups + (worker.memo?.[kind]?.lookups ?? 0)}), {hits: 0, lookups: 0})
  const share = ({hits, lookups}) => `${hits}/${lookups} (${lookups ? ((100 * hits) / lookups).toFixed(0) : 0} %)`
  const images = sum('images')
  return `paragraphs and deck lines ${share(sum('lines'))}, font programs and CMaps ${share(sum('fontPrograms'))}${images.lookups ? `, pictures ${share(images)}` : ''}`
}

/**
 * Write `count` articles into `dir/<yyyy>/<mm>/<date>-<slug>-<i>.md`, each with its own date.
 * With `distinct`, each copy also changes one Han character of every paragraph line, so no paragraph repeats.
 */
function generate(dir, count, only, {distinct = false} = {}) {
  const contentDir = path.join(root, 'content')
  const samples = only ?? fs.readdirSync(contentDir).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()
  const texts = samples.map((name) => fs.readFileSync(path.join(contentDir, name), 'utf8'))
  const start = Date.UTC(2015, 0, 1)
  for (let i = 0; i < count; i++) {
    const date = new Date(start + ((i * 7919) % 3650) * 86_400_000).toISOString().slice(0, 10)
    const [year, month] = date.split('-')
    const slug = path.basename(samples[i % samples.length], '.md')
    const text = texts[i % texts.length]
    let dated = /^date:.*$/m.test(text) ? text.replace(/^date:.*$/m, `date: ${date}`) : text.replace(/^---\n/, `---\ndate: ${date}\n`)
    if (distinct) {
      // After the front matter: the first Han character from a point that moves with the copy and the line.
      const body = dated.indexOf('\n---\n') + 5
      let n = 0
      dated = dated.slice(0, body) + dated.slice(body).replace(/^.{12,}$/gm, (paragraph) => {
        n++
        const from = (i * 31 + n * 7) % paragraph.length
        const at = paragraph.slice(from).search(/[\u4e00-\u9fff]/)
        if (at < 0) return paragraph
        const swap = SWAP[(i * 13 + n) % SWAP.length]
        const where = from + at
        return paragraph.slice(0, where) + (paragraph[where] === swap ? '之' : swap) + paragraph.slice(where + 1)
      })
    }
    const target = path.join(dir, year, month, `${date}-${slug}-${i}.md`)
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, dated)
  }
}

/**
 * Run the CLI as a child process, as `npx paiban` does (the launcher as an
 * executable: its #! line gives node the archive's flags, with no relaunch);
 * wall time, exit status and its JSON report.
 */
function runArchive(dir, outDir, jobs) {
  const report = path.join(outDir, 'bench-report.json')
  const cpuBefore = hostCpu()
  const started = performance.now()
  const child = spawnSync(path.join(pkg, 'bin/paiban.js'), ['archive', dir, '--out', outDir, '--jobs', String(jobs), '--report', report], {cwd: root, encoding: 'utf8'})
  const seconds = (performance.now() - started) / 1000
  const host = hostShares(cpuBefore, hostCpu())
  if (child.status !== 0 && child.status !== 1) throw new Error(`paiban archive exited ${child.status}: ${child.stderr}`)
  return {seconds, status: child.status, host, report: JSON.parse(fs.readFileSync(report, 'utf8'))}
}

/**
 * The machine's CPU counters (Linux /proc/stat, all cores, in ticks): time
 * busy, idle and stolen. Steal is time a virtual machine's cores were ready
 * but the host ran something else: runs of one command on this VM differ by a
 * fifth, and the steal share says whether the host was the cause.
 */
function hostCpu() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = fields
    return {busy: user + nice + system + irq + softirq, idle: idle + iowait, steal}
  } catch {
    return undefined
  }
}

/** The host's CPU during a run, as a line under the run's. */
/**
 * How fast this host is just now, on work that owes nothing to paiban: zlib
 * deflating the first 2 MB of the pinned Noto Serif SC file at level 1 (as
 * the PDF writer deflates fonts), and a fixed JavaScript loop. A shared VM's
 * speed drifts by a third from hour to hour; runs far apart compare only
 * through these figures. Best of five, one thread.
 */
function hostSpeed() {
  const bytes = fs.readFileSync(path.join(root, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')).subarray(0, 2 * 1024 * 1024)
  let deflateMs = Infinity
  let loopMs = Infinity
  for (let round = 0; round < 5; round++) {
    let started = performance.now()
    zlib.deflateSync(bytes, {level: 1, memLevel: 9})
    deflateMs = Math.min(deflateMs, performance.now() - started)
    started = performance.now()
    const table = new Float64Array(1 << 16)
    let x = 1
    for (let i = 0; i < 5_000_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648
      table[x & 0xffff] += x
    }
    loopMs = Math.min(loopMs, performance.now() - started)
  }
  return {deflateMBps: bytes.length / 1024 / 1024 / (deflateMs / 1000), loopMs}
}

function hostSpeedText(speed) {
  return `zlib level-1 deflate ${speed.deflateMBps.toFixed(0)} MB/s, fixed JS loop ${speed.loopMs.toFixed(0)} ms (best of 5, one thread)`
}

function hostLine(run) {
  if (run.host) line('  host CPU during the run', `${run.host.busy}% busy, ${run.host.steal}% stolen by the hypervisor (all cores)`)
}

function hostShares(before, after) {
  if (!before || !after) return undefined
  const busy = after.busy - before.busy
  const idle = after.idle - before.idle
  const steal = after.steal - before.steal
  const total = busy + idle + steal
  if (total <= 0) return undefined
  return {busy: ((busy / total) * 100).toFixed(0), steal: ((steal / total) * 100).toFixed(1)}
}

/**
 * Make `outDir` look like a finished build of `dir` without typesetting:
 * each output a hard link to one real PDF, each manifest row keyed as the
 * planner keys it, font facts copied from the cold run's manifest.
 */
async function seed(dir, outDir, coldOut, report) {
  const {findArticles} = await dist('build/find-articles.js')
  const {planArchive} = await dist('archive/plan-archive.js')
  const {articleKey} = await dist('archive/article-key.js')
  const {openManifest} = await dist('archive/open-manifest.js')
  const {engineHash} = await dist('archive/engine-hash.js')
  const {MANIFEST_NAME} = await dist('archive/rebuild-archive.js')
  const pdf = report.articles.find((entry) => entry.status === 'built').output
  const size = fs.statSync(pdf).size
  const coldManifest = openManifest(path.join(coldOut, MANIFEST_NAME))
  const fontHash = coldManifest.meta('fontHash')
  const facts = ['fontHash', 'fontProbe', 'fontSources'].map((name) => [name, coldManifest.meta(name)])
  coldManifest.close()
  const settings = JSON.stringify({template: null, normalizePunctuation: true, strict: false, handouts: false})
  const plan = planArchive({dir, outDir, articles: findArticles([dir]), records: new Map(), engine: engineHash(), settings, fontHash})
  const manifest = openManifest(path.join(outDir, MANIFEST_NAME))
  for (const [name, value] of facts) manifest.setMeta(name, value)
  manifest.setMeta('sourceDir', path.resolve(dir))
  for (const article of plan.stale) {
    const target = path.join(outDir, article.output)
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.linkSync(pdf, target)
    manifest.put({output: article.output, source: article.source, key: articleKey(article.inputs, fontHash), status: 'built', pages: 1, size, extras: [], diagnostics: []})
  }
  manifest.close()
}

/** Typeset the sample RUNS times in this process after a warm-up; medians per stage. */
async function warmRuns(runs) {
  const {VFile} = await import('vfile')
  const {renderArticle, layoutArticle} = await dist('build/render-article.js')
  const {parseMarkdown} = await dist('parse/parse-markdown.js')
  const {toArticle} = await dist('article/to-article.js')
  const {loadTemplate} = await dist('config/template.js')
  const {openFontBook} = await dist('shape/font-book.js')
  const {renderPdf} = await dist('render/pdf/render-pdf.js')
  const source = fs.readFileSync(SAMPLE, 'utf8')
  for (let i = 0; i < 3; i++) await renderArticle(source, SAMPLE)
  const times = {total: [], parse: [], layout: [], pdf: []}
  let pages = 0
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    const result = await renderArticle(source, SAMPLE)
    times.total.push(performance.now() - t)
    pages = result.pages
    // The same work split by stage.
    const file = new VFile({path: SAMPLE, value: source})
    t = performance.now()
    const article = toArticle(parseMarkdown(source), file, {normalizePunctuation: true})
    times.parse.push(performance.now() - t)
    t = performance.now()
    const document = await layoutArticle(article, loadTemplate(article.meta.template ?? 'newspaper'), file, {}, path.dirname(SAMPLE))
    times.layout.push(performance.now() - t)
    t = performance.now()
    await renderPdf(document, openFontBook({}), {compress: true})
    times.pdf.push(performance.now() - t)
  }
  return {total: median(times.total), parse: median(times.parse), layout: median(times.layout), pdf: median(times.pdf), pages}
}

/** CPU-profile the warm runs in a child and print where the time goes. */
function profile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paiban-prof-'))
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--warm-only', '--sample', args.sample, '--runs', String(Math.max(RUNS, 40))], {cwd: root, stdio: 'inherit', env: {...process.env, PAIBAN_BENCH_PKG: pkg}})
  const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
  const {nodes, samples, timeDeltas} = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const self = new Map()
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0)))
  const byFunction = new Map()
  const byPackage = new Map()
  let total = 0
  for (const [id, micros] of self) {
    const {callFrame} = byId.get(id)
    total += micros
    const where = packageOf(callFrame.url)
    const name = `${callFrame.functionName || '(anonymous)'} ${where}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
    byPackage.set(where, (byPackage.get(where) ?? 0) + micros)
  }
  const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
  console.log('\nwhere the time goes (self time, warm runs incl. warm-up):')
  for (const [name, micros] of top(byPackage, 12)) line(`  ${name}`, `${((micros / total) * 100).toFixed(1)} %`)
  console.log('hottest functions:')
  for (const [name, micros] of top(byFunction, 15)) line(`  ${name.slice(0, 60)}`, `${((micros / total) * 100).toFixed(1)} %`)
  fs.rmSync(dir, {recursive: true, force: true})
}

/** `fontkit`, `pdfkit`, `dist/render`, `node:internal`, … from a script URL. */
function packageOf(url) {
  if (!url) return '(native/gc/idle)'
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (modules) return modules[1]
  const dist = /\/dist\/([^/]+)/.exec(url)
  if (dist) return `paiban ${dist[1]}/`
  return url.startsWith('node:') ? 'node' : path.basename(url)
}

function median(values) {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
