// A lane: several test files run one after another in one process (test/run.ts writes a small
// module per lane that calls runInLane for each of its files). Each file is a suite of its own, so
// its top-level hooks stay its own, as they would in a process of its own (docs/decisions.md, 90).
// Around each file the lane puts back what a fresh process would have (decision 110): before it,
// `startTestFile` (settings, audit folder, password cost, environment); after it, `endTestFile`
// (the job runner and the caches that outlive a file).
import { appendFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { endTestFile, noteCatalogs, startTestFile } from './database.ts';
import { declareIn, importInto, suiteBeingBuilt } from './test-context.ts';

// SAPA_TEST_TIMES=<file>: a JSON line per file with its wall and CPU time (this process's only;
// the CLI processes and Chromium it drives are not in it), and one per lane with the process's
// whole CPU, so `npm test -- --record` and `--profile` can say where the time goes.
const times = process.env.SAPA_TEST_TIMES;
const lane = process.argv[1] ?? '';

// The files are imported one after another, each into its own suite (importInto). Imported side
// by side with a plain import(), every later file's top-level tests and hooks landed in the first
// file's suite: all the files' `before` hooks ran at the start of the lane and their `after` hooks at
// its end, so one file's settings met another's tests (decision 110).
let previous: Promise<unknown> = Promise.resolve();

export function runInLane(name: string, url: string): void {
  let started = 0;
  let cpu: NodeJS.CpuUsage | null = null;
  const previousLoaded = previous;
  let done = () => {};
  previous = new Promise<void>((resolve) => {
    done = resolve;
  });
  describe(name, async () => {
    const suite = suiteBeingBuilt();
    // Registered before the file's own hooks, so it runs first.
    before(() => {
      started = performance.now();
      cpu = process.cpuUsage();
      startTestFile();
      return noteCatalogs();
    });
    await previousLoaded;
    try {
      await importInto(suite, url);
    } finally {
      done();
    }
    // Registered after the file's own hooks, so it runs last; named to its suite, since the next
    // file may be loading by now.
    declareIn(suite, () =>
      after(async () => {
        await endTestFile();
        if (!times || !cpu) return;
        const used = process.cpuUsage(cpu);
        const line = { file: name, lane, wallMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) };
        appendFileSync(times, `${JSON.stringify(line)}\n`);
      }),
    );
  });
}

if (times) {
  process.once('exit', () => {
    const used = process.cpuUsage();
    appendFileSync(times, `${JSON.stringify({ lane, processCpuMs: Math.round((used.user + used.system) / 1000) })}\n`);
  });
}
