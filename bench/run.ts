// `npm run bench`: every figure of issue 7, measured in a real Chromium against the real server and
// a fake upstream on loopback, each beside its baseline measured in the same run. Prints a table,
// writes JSON, and exits 1 when a budget is missed (or a benchmark fails).
//
//   npm run bench                         all figures, 3 runs each (the watch: once, 5 minutes)
//   npm run bench -- --runs 5 --only 1,2  figures 1 and 2 (or by name: js,interactive), 5 runs
//   npm run bench:smoke                   tiny sizes, one run, budgets shown but not enforced
//
// Options: --runs N, --only LIST, --smoke, --watch-seconds S (default 300), --watch-tasks N
// (default 200), --watch-runs N (default 1), --out FILE (default bench-results/latest.json),
// --markdown (print the table as Markdown too).
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'
import { buildPages, spread, startFoxwatch } from './bench-server.ts'
import { startFakeUpstream } from './fake-upstream.ts'
import { judge, rowOf, table, type Failure, type Figure } from './figures.ts'
import { measureFirstLoadJs, measureInteractive } from './page-load.ts'
import { measurePollQueries } from './poll-queries.ts'
import { measureSaveAll, defineSaveTasks, saveAllFigures } from './save-all.ts'
import { defineKeptTasks, measureKeptSave } from './kept-save.ts'
import { measureBigList } from './big-list.ts'
import { measureSettleDelay } from './settle-delay.ts'
import { measureTaskRoute } from './task-route.ts'
import { defineTranscriptTasks, measureTranscript, transcriptFigures } from './transcript.ts'
import { measureWatchMany } from './watch-many.ts'

const PORTS = { upstream: 4800, server: 4801, route: 4802, save: 4803 }

const { values: args } = parseArgs({
  options: {
    'runs': { type: 'string' },
    'only': { type: 'string' },
    'smoke': { type: 'boolean', default: false },
    'watch-seconds': { type: 'string' },
    'watch-tasks': { type: 'string' },
    'watch-runs': { type: 'string' },
    'out': { type: 'string', default: 'bench-results/latest.json' },
    'markdown': { type: 'boolean', default: false },
  },
})

function count(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number, not "${text}"`)
  return value
}

const smoke = args.smoke
const runs = Math.round(count(args.runs, smoke ? 1 : 3, 'runs'))
const sizes = smoke
  ? {
    durations: [5], delayTasks: 2, delayRuns: 1, settleSeconds: [1, 3] as const, words: 2000, watchTasks: 20, watchSeconds: 2, watchRuns: 1,
    routeSeconds: 0.5, connections: 8, saveFiles: 4, saveFileBytes: 4 * 2 ** 20, loadRuns: 1, keptBytes: 16 * 2 ** 20, listTasks: 100, listBaseline: 10,
  }
  : {
    durations: [5, 60, 600], delayTasks: 6, delayRuns: 5, settleSeconds: [3, 30] as const, words: 20_000, watchTasks: 200, watchSeconds: 300, watchRuns: 1,
    routeSeconds: 2, connections: 32, saveFiles: 4, saveFileBytes: 256 * 2 ** 20, loadRuns: Math.max(runs, 5), keptBytes: 2 ** 30, listTasks: 1000, listBaseline: 100,
  }
sizes.watchSeconds = count(args['watch-seconds'], sizes.watchSeconds, 'watch-seconds')
sizes.watchTasks = Math.round(count(args['watch-tasks'], sizes.watchTasks, 'watch-tasks'))
sizes.watchRuns = Math.round(count(args['watch-runs'], sizes.watchRuns, 'watch-runs'))

/** The benchmarks, by the figure numbers of issue 7 they produce (and a name for --only). */
const GROUPS = [
  { name: 'js', figures: [1] },
  { name: 'interactive', figures: [2] },
  { name: 'queries', figures: [3, 5] },
  { name: 'delay', figures: [4] },
  { name: 'transcript', figures: [6] },
  { name: 'watch', figures: [7, 12] },
  { name: 'route', figures: [8] },
  { name: 'save-all', figures: [9] },
  { name: 'kept-save', figures: [10] },
  { name: 'big-list', figures: [11] },
] as const
type GroupName = (typeof GROUPS)[number]['name']

function selected(): Set<GroupName> {
  if (!args.only) return new Set(GROUPS.map((group) => group.name))
  const chosen = new Set<GroupName>()
  for (const word of args.only.split(',').map((part) => part.trim()).filter(Boolean)) {
    const group = GROUPS.find((g) => g.name === word || g.figures.some((n) => String(n) === word))
    if (!group) throw new Error(`--only: no figure "${word}"; use 1–12 or ${GROUPS.map((g) => g.name).join(', ')}`)
    chosen.add(group.name)
  }
  return chosen
}

const groups = selected()
const needsBrowser = [...groups].some((name) => name !== 'route' && name !== 'save-all')
const log = (line: string) => console.log(`bench: ${line}`)
const load = { start: loadavg(), end: loadavg() }
const startedAt = new Date()

log('building the page and the baselines')
const build = await buildPages()
process.on('exit', () => build.remove())
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
const upstream = await startFakeUpstream(PORTS.upstream)
defineTranscriptTasks(upstream)
defineSaveTasks(upstream)
defineKeptTasks(upstream)
const server = needsBrowser ? await startFoxwatch({ build, port: PORTS.server, upstream: upstream.url }) : undefined
const browser = needsBrowser ? await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }) : undefined
const chromiumVersion = browser?.version()
const results: Array<Figure | Failure> = []

async function measure(name: GroupName, title: string, work: () => Promise<Figure[]>): Promise<void> {
  if (!groups.has(name)) return
  log(`${name}: ${title}`)
  const started = performance.now()
  try {
    results.push(...await work())
  } catch (error) {
    results.push({ id: name, title: `${name}: ${title}`, error: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) })
    console.error(error)
  }
  log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

try {
  const base = server?.base ?? ''
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('no browser or server started')
    return value
  }
  await measure('js', 'JS fetched by a cold load', () => measureFirstLoadJs(need(browser), base, sizes.loadRuns))
  await measure('interactive', 'navigation to interactive', () => measureInteractive(need(browser), base, sizes.loadRuns, build.staticDir))
  await measure('queries', `queries to settle, ${sizes.durations.join(', ')} s tasks, virtual time`, () =>
    measurePollQueries(need(browser), base, upstream, { runs, durations: sizes.durations }))
  await measure('delay', 'settled upstream to shown, real time', () =>
    measureSettleDelay(need(browser), base, upstream, { runs: Math.max(runs, sizes.delayRuns), tasks: sizes.delayTasks, settleSeconds: sizes.settleSeconds }))
  await measure('transcript', `${sizes.words}-word transcript`, async () =>
    transcriptFigures(await measureTranscript(need(browser), base, { runs, words: sizes.words }), sizes.words))
  await measure('watch', `${sizes.watchTasks} tasks watched for ${sizes.watchSeconds} s`, () =>
    measureWatchMany(need(browser), base, upstream, { runs: sizes.watchRuns, tasks: sizes.watchTasks, seconds: sizes.watchSeconds }))
  await measure('route', 'the task route under load', () =>
    measureTaskRoute(build, upstream, { runs, port: PORTS.route, seconds: sizes.routeSeconds, connections: sizes.connections }))
  await measure('save-all', `save all of ${sizes.saveFiles} × ${sizes.saveFileBytes / 2 ** 20} MiB`, async () =>
    saveAllFigures(await measureSaveAll(build, upstream, { runs, files: sizes.saveFiles, fileBytes: sizes.saveFileBytes, port: PORTS.save, log }),
      sizes.saveFiles, sizes.saveFileBytes))
  await measure('kept-save', `save all of a kept ${sizes.keptBytes / 2 ** 20} MiB task`, () =>
    measureKeptSave(need(browser), base, { runs, bytes: sizes.keptBytes }))
  await measure('big-list', `a watchlist of ${sizes.listTasks} tasks`, () =>
    measureBigList(need(browser), base, upstream, { runs, tasks: sizes.listTasks, baselineTasks: sizes.listBaseline }))
} finally {
  await browser?.close()
  await server?.stop()
  await upstream.close()
  load.end = loadavg()
}

const rows = results.map(rowOf)
const misses = results.filter((item) => 'error' in item || judge(item) === 'miss')
const errors = results.filter((item) => 'error' in item)
console.log(`\nfoxwatch bench${smoke ? ' (smoke: tiny sizes, budgets not enforced)' : ''}, ${runs} run${runs === 1 ? '' : 's'}; `
  + `${cpus().length} cores, load average ${load.start[0]?.toFixed(2)} at the start, ${load.end[0]?.toFixed(2)} at the end\n`)
console.log(table(rows))
const notes = results.filter((item): item is Figure => !('error' in item) && item.note !== undefined)
if (notes.length) console.log(`\n${notes.map((figure) => `${figure.id}: ${figure.note}`).join('\n')}`)
if (args.markdown) console.log(`\n${table(rows, true)}`)

const json = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  options: { runs, smoke, only: [...groups], sizes },
  server: `node ${build.serverArgs.join(' ')}`,
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: chromiumVersion, loadAverage: load },
  figures: results.map((item) => 'error' in item ? { ...item, verdict: 'error' } : {
    ...item, ...spread(item.samples), verdict: judge(item), ...(item.baseline ? { baseline: { ...item.baseline, ...spread(item.baseline.samples) } } : {}),
  }),
}
mkdirSync(dirname(args.out), { recursive: true })
writeFileSync(args.out, `${JSON.stringify(json, null, 2)}\n`)
console.log(`\nwrote ${args.out}`)
if (errors.length) console.log(`${errors.length} benchmark${errors.length === 1 ? '' : 's'} failed to run`)
else if (misses.length) console.log(`${misses.length} budget${misses.length === 1 ? '' : 's'} missed${smoke ? ' (not enforced in a smoke run)' : ''}`)
process.exit(errors.length > 0 || (!smoke && misses.length > 0) ? 1 : 0)
