// What ties a route's response to its schema: no `as never` cast in the app's code (tests,
// fixtures and checks excepted), which would let a service return anything where a typed
// presenter belongs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { sourceFiles, TEST_SUPPORT } from './helpers/boundaries.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

test('no `as never` in src/ outside tests', () => {
  const testCode = new RegExp(TEST_SUPPORT);
  const casts = sourceFiles('src')
    .filter((f) => !testCode.test(f))
    .flatMap((f) =>
      readFileSync(`${root}${f}`, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bas never\b/.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${f}:${i + 1}`] : [])),
    );
  assert.deepEqual(casts, []);
});
