// `npm test`: Node's test runner over every test file, longest first. Node starts files in the
// order it is given them (a glob gives them sorted by path), so a long file that sorts last kept
// one core busy after the others had finished. Starting the longest first (their durations in
// test/durations.json, recorded by `npm test -- --record`) packs the files onto the cores; a file
// with no recorded duration counts as a long one, so a new file never makes the tail. The files
// are dealt onto lanes, one process each, that run their files one after another (decision 90).
// Arguments: files or globs to run instead of all (`npm test -- src/registry`), `--record` (writes
// test/durations.json), `--profile` (prints each file's wall and CPU time, slowest first).
// SAPA_TEST_SHUFFLE=<seed>: files dealt onto lanes and run in an order drawn from the seed, to
// show that no file depends on what its lane-mates did before it (decision 110).
import { existsSync, globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { pathToFileURL } from 'node:url';
import { globalSetup, globalTeardown } from './global-setup.ts';

const root = new URL('../', import.meta.url).pathname;
const durationsFile = new URL('./durations.json', import.meta.url).pathname;
const ALL = ['test/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx'];

const args = process.argv.slice(2);
const record = args.includes('--record');
const profile = args.includes('--profile');
const patterns = args.filter((a) => a !== '--record' && a !== '--profile');
const globs = patterns.length ? patterns.map((p) => (/\.test\.tsx?$/.test(p) || p.includes('*') ? p : `${p.replace(/\/$/, '')}/**/*.test.{ts,tsx}`)) : ALL;
const files = [...new Set(globs.flatMap((g) => globSync(g, { cwd: root })))];

const recorded: Record<string, number> = (() => {
  try {
    return JSON.parse(readFileSync(durationsFile, 'utf8'));
  } catch {
    return {};
  }
})();
const longest = Math.max(0, ...Object.values(recorded));
// At least a tenth of a second each, so lanes share files even with no durations recorded.
const costOf = (file: string) => Math.max(0.1, recorded[file] ?? longest);
files.sort((a, b) => costOf(b) - costOf(a) || a.localeCompare(b));

// Files wait much of their time on child processes (CLI, servers), job polling and Chromium, so
// twice the cores keeps both busy (docs/decisions.md, 45 and 71).
const concurrency = Number(process.env.SAPA_TEST_CONCURRENCY) || Math.max(2, availableParallelism() * 2);

// Lanes (docs/decisions.md, 90): a process per file spent ~2 s of CPU before its first test
// (loading the app through tsx, building the OpenAPI document and its validators, starting PGlite),
// so the files are dealt longest first onto `concurrency` lanes, each one process running its files
// one after another. A file that needs a fresh process runs in one of its own.
// SAPA_TEST_LANES=off: every file in its own process, as before lanes (to tell a lane leak from a
// failure of the file itself; the lane reset is in test/helpers/lane.ts, decision 110).
const NO_LANES = process.env.SAPA_TEST_LANES === 'off';
const OWN_PROCESS = new Set([
  // Checks the password cost a process gets when nothing lowered it; the test helpers lower it.
  'src/platform/auth/password.test.ts',
]);
const shuffleSeed = process.env.SAPA_TEST_SHUFFLE;
if (shuffleSeed) {
  // A small seeded generator (mulberry32): the same seed deals the same lanes again.
  let state = [...shuffleSeed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1);
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j] as string, files[i] as string];
  }
}
const lanes = Array.from({ length: Math.min(concurrency, files.length) }, () => ({ files: [] as string[], cost: 0 }));
// A file that needs a process of its own gets a lane of its own (timed like the others).
const alone: { files: string[]; cost: number }[] = [];
for (const file of files) {
  const lane = lanes.reduce((least, l) => (l.cost < least.cost ? l : least));
  lane.cost += costOf(file);
  if (OWN_PROCESS.has(file) || NO_LANES) alone.push({ files: [file], cost: costOf(file) });
  else lane.files.push(file);
}
const laneDir = mkdtempSync(join(tmpdir(), 'sapa-test-lanes-'));
const laneHelper = pathToFileURL(join(root, 'test/helpers/lane.ts')).href;
// Longest first, as the runner starts them in this order; shuffled runs keep their drawn order.
const ordered = [...lanes.filter((l) => l.files.length), ...alone];
if (!shuffleSeed) ordered.sort((a, b) => b.cost - a.cost);
const laneFiles = ordered.map((lane, i) => {
  // A file that must see a process nothing prepared (the password cost) runs as itself, not through the lane helper.
  const [only] = lane.files;
  if (only && lane.files.length === 1 && OWN_PROCESS.has(only)) return join(root, only);
  const path = join(laneDir, `lane-${i + 1}.mjs`);
  const calls = lane.files.map((f) => `runInLane(${JSON.stringify(f)}, ${JSON.stringify(pathToFileURL(join(root, f)).href)});`);
  writeFileSync(path, [`import { runInLane } from ${JSON.stringify(laneHelper)};`, ...calls, ''].join('\n'));
  return path;
});
if (shuffleSeed) {
  console.log(`SAPA_TEST_SHUFFLE=${shuffleSeed}: lanes`);
  for (const [i, lane] of ordered.entries()) console.log(`  ${i + 1}: ${lane.files.join(' ')}`);
}
// Each lane appends a line per file (wall and CPU time) here (test/helpers/lane.ts).
const timesFile = join(laneDir, 'times.jsonl');
process.env.SAPA_TEST_TIMES = timesFile;

await globalSetup();
// Every test process (and the CLI processes tests start) keeps V8's compiled code between runs,
// and tests, hooks and errors find their test without the runner's per-promise hook (decision 91).
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'sapa-test-compile-cache');
const execArgv = ['--import', join(root, 'test/helpers/test-context.ts')];
const stream = run({ files: laneFiles, concurrency, cwd: root, execArgv });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', async () => {
  await globalTeardown();
  const lines = existsSync(timesFile) ? readFileSync(timesFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  rmSync(laneDir, { recursive: true, force: true });
  const entries = lines.map((l) => JSON.parse(l) as { file?: string; lane: string; wallMs?: number; cpuMs?: number; processCpuMs?: number });
  const perFile = entries.filter((e) => e.file) as { file: string; lane: string; wallMs: number; cpuMs: number }[];
  if (profile) printProfile(perFile, entries);
  if (!record) return;
  // A file's duration: the wall time from its lane's reset before it to the one after it.
  const durations: Record<string, number> = { ...recorded };
  for (const { file, wallMs } of perFile) durations[file] = Math.round(wallMs / 100) / 10;
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
});

function printProfile(perFile: { file: string; wallMs: number; cpuMs: number }[], entries: { processCpuMs?: number }[]): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
  const inFiles = perFile.reduce((sum, e) => sum + e.cpuMs, 0);
  const inProcesses = entries.reduce((sum, e) => sum + (e.processCpuMs ?? 0), 0);
  console.log('\n   wall s   cpu s  file (CPU of the test process only; its child processes are not counted)');
  for (const e of [...perFile].sort((a, b) => b.cpuMs - a.cpuMs)) console.log(`${seconds(e.wallMs)} ${seconds(e.cpuMs)}  ${e.file}`);
  console.log(`CPU in the files ${seconds(inFiles)} s; in the test processes ${seconds(inProcesses)} s (${laneFiles.length} processes; the rest is starting them and loading the files)`);
}
