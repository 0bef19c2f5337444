// A lane: several test files run one after another in one process (test/run.ts writes a small
// module per lane that calls runInLane for each of its files). Each file is a suite of its own, so
// its top-level hooks stay its own, as they would in a process of its own (docs/decisions.md, 90).
import { before, describe } from 'node:test';
import { startTestFile } from './database.ts';

export function runInLane(name: string, url: string): void {
  describe(name, () => {
    // Registered before the file's own hooks, so it runs first.
    before(startTestFile);
    return import(url);
  });
}
