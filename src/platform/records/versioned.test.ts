import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { ifMatchOf } from '../http/etag.ts';
import type { AppEnv } from '../http/env.ts';
import { expectedVersion, refuseStale, staleWrite } from './versioned.ts';

const parse = async (header?: string) => {
  const app = new Hono<AppEnv>().get('/', (c) => c.json(ifMatchOf(c) ?? null));
  return (await app.request('/', { headers: header === undefined ? {} : { 'if-match': header } })).json();
};

test('If-Match gives the versions it names; * and no header ask for none; weak or foreign tags name none', async () => {
  assert.deepEqual(await parse('"3"'), { versions: [3], from: 'if-match' });
  assert.deepEqual(await parse('"3", "4"'), { versions: [3, 4], from: 'if-match' });
  assert.equal(await parse('*'), null);
  assert.equal(await parse(), null);
  assert.deepEqual(await parse('W/"3"'), { versions: [], from: 'if-match' });
  assert.deepEqual(await parse('"abc"'), { versions: [], from: 'if-match' });
});

test('a stale If-Match is a 412, a stale body version a 409; If-Match wins over the body', () => {
  assert.deepEqual(expectedVersion(undefined, 2), { versions: [2], from: 'body' });
  assert.deepEqual(expectedVersion({ versions: [5], from: 'if-match' }, 2), { versions: [5], from: 'if-match' });
  assert.equal(expectedVersion(undefined, undefined), undefined);
  assert.equal(staleWrite({ versions: [1], from: 'if-match' }, 2).status, 412);
  assert.equal(staleWrite({ versions: [1], from: 'body' }, 2).status, 409);
  assert.throws(() => refuseStale({ versions: [1], from: 'if-match' }, 2), { code: 'precondition_failed' });
  assert.doesNotThrow(() => refuseStale({ versions: [1, 2], from: 'if-match' }, 2));
  assert.doesNotThrow(() => refuseStale(undefined, 7));
});
