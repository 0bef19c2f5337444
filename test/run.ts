// `npm test`: Node's test runner over every test file, longest first. Node starts files in the
// order it is given them (a glob gives them sorted by path), so a long file that sorts last kept
// one core busy after the others had finished. Starting the longest first (their durations in
// test/durations.json, recorded by `npm test -- --record`) packs the files onto the cores; a file
// with no recorded duration counts as a long one, so a new file never makes the tail. The files
// are dealt onto lanes, one process each, that run their files one after another (decision 90).
// Arguments: files or globs to run instead of all (`npm test -- src/registry`), `--record`.
import { globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const patterns = args.filter((a) => a !== '--record');
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
// SAPA_TEST_LANES=off: every file in its own process, as before lanes (CI uses it until the lane reset
// covers every piece of process-wide state; a leak then depends on which files share a lane).
const NO_LANES = process.env.SAPA_TEST_LANES === 'off';
const OWN_PROCESS = new Set([
  // Checks the password cost a process gets when nothing lowered it; the test helpers lower it.
  'src/platform/auth/password.test.ts',
  // Keep process-wide state a lane shares across files: the job runner (started queue-only here),
  // the SMTP transport and settings read by the mail job, the did:web allow-list and its cache, and
  // whether the catalogs were registered at all. Each failed in a lane and passes on its own.
  'src/credentials/batch.resume.test.ts',
  'src/accreditation/reminders.notifications.test.ts',
  'src/credentials/did-web.trusted.test.ts',
  'src/platform/i18n/registration.test.ts',
  // Its QR codes read PUBLIC_URL from settings another file in the lane may have set differently.
  'src/web/credentials/credential.pages.test.ts',
  // Its `sapa audit verify` child inherits the audit checkpoint folder a lane-mate set in the environment.
  'src/cli/cli.test.ts',
]);
const lanes = Array.from({ length: Math.min(concurrency, files.length) }, () => ({ files: [] as string[], cost: 0 }));
for (const file of files) {
  const lane = lanes.reduce((least, l) => (l.cost < least.cost ? l : least));
  lane.cost += costOf(file);
  if (!OWN_PROCESS.has(file) && !NO_LANES) lane.files.push(file);
}
const laneDir = mkdtempSync(join(tmpdir(), 'sapa-test-lanes-'));
const laneHelper = pathToFileURL(join(root, 'test/helpers/lane.ts')).href;
const laneFiles = lanes
  .filter((l) => l.files.length)
  .sort((a, b) => b.cost - a.cost)
  .map((lane, i) => {
    const path = join(laneDir, `lane-${i + 1}.mjs`);
    const calls = lane.files.map((f) => `runInLane(${JSON.stringify(f)}, ${JSON.stringify(pathToFileURL(join(root, f)).href)});`);
    writeFileSync(path, [`import { runInLane } from ${JSON.stringify(laneHelper)};`, ...calls, ''].join('\n'));
    return path;
  });
const ownProcessFiles = files.filter((f) => OWN_PROCESS.has(f) || NO_LANES);

await globalSetup();
// Every test process (and the CLI processes tests start) keeps V8's compiled code between runs,
// and tests, hooks and errors find their test without the runner's per-promise hook (decision 91).
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'sapa-test-compile-cache');
const execArgv = ['--import', join(root, 'test/helpers/test-context.ts')];
const stream = run({ files: [...laneFiles, ...ownProcessFiles], concurrency, cwd: root, execArgv });
// A file's duration: in a lane, its suite's; in a process of its own, the sum of its top-level
// tests' durations (the runner queues every file at the start, so event times would measure waiting).
const spent = new Map<string, number>();
const known = new Set(files);
const note = (event: { name: string; file?: string; nesting: number; details: { duration_ms: number } }) => {
  if (event.nesting !== 0) return;
  const file = known.has(event.name) ? event.name : event.file?.startsWith(root) ? event.file.slice(root.length) : null;
  if (file && known.has(file)) spent.set(file, (spent.get(file) ?? 0) + event.details.duration_ms);
};
stream.on('test:pass', note);
stream.on('test:fail', note);
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', async () => {
  await globalTeardown();
  rmSync(laneDir, { recursive: true, force: true });
  if (!record) return;
  const durations: Record<string, number> = { ...recorded };
  for (const [file, ms] of spent) durations[file] = Math.round(ms / 100) / 10;
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
});
