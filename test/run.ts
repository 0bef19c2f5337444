// `npm test`: Node's test runner over every test file, longest first. Node starts files in the
// order it is given them (a glob gives them sorted by path), so a long file that sorts last kept
// one core busy after the others had finished. Starting the longest first (their durations in
// test/durations.json, recorded by `npm test -- --record`) packs the files onto the cores; a file
// with no recorded duration counts as a long one, so a new file never makes the tail.
// Arguments: files or globs to run instead of all (`npm test -- src/registry`), `--record`.
import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
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
const costOf = (file: string) => recorded[file] ?? longest;
files.sort((a, b) => costOf(b) - costOf(a) || a.localeCompare(b));

// Files wait much of their time on child processes (CLI, servers), job polling and Chromium, so
// twice the cores keeps both busy (docs/decisions.md, 45 and 71).
const concurrency = Number(process.env.SAPA_TEST_CONCURRENCY) || Math.max(2, availableParallelism() * 2);

await globalSetup();
const stream = run({ files, concurrency, cwd: root });
// A file's duration: the sum of its top-level tests' own durations (the runner queues every file at
// the start, so event times would measure waiting as well).
const spent = new Map<string, number>();
const note = (event: { file?: string; nesting: number; details: { duration_ms: number } }) => {
  if (event.file && event.nesting === 0) spent.set(event.file, (spent.get(event.file) ?? 0) + event.details.duration_ms);
};
stream.on('test:pass', note);
stream.on('test:fail', note);
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', async () => {
  await globalTeardown();
  if (!record) return;
  const durations: Record<string, number> = { ...recorded };
  for (const [file, ms] of spent) durations[file.slice(root.length)] = Math.round(ms / 100) / 10;
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
});
