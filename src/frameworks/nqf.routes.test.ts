import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('GET /api/health answers ok with the database reachable', async () => {
  const res = await t.json('GET', '/api/health');
  assert.deepEqual(res.body, { status: 'ok', database: 'ok' });
  assert.ok(res.headers.get('x-request-id'));
});

test('the NQF has 8 levels mapped to EQF, QF-EHEA and ISCED, each citing its source line', async () => {
  const res = await t.json('GET', '/api/nqf/levels');
  assert.equal(res.body.total, 8);
  const [six, seven, eight] = [6, 7, 8].map((l) => res.body.items.find((x: { level: number }) => x.level === l));
  assert.equal(six.eqfLevel, 6);
  assert.equal(six.qfEhea, 'first');
  assert.equal(seven.qfEhea, 'second');
  assert.equal(eight.qfEhea, 'third');
  for (const level of res.body.items) {
    assert.ok(level.descriptors.knowledge.kk && level.descriptors.knowledge.ru && level.descriptors.knowledge.en);
    assert.match(level.source.document, /^003_/);
  }
});

test('an NQF level outside 1–8 is a 422 naming the parameter', async () => {
  const res = await t.json('GET', '/api/nqf/levels/9');
  assert.equal(res.status, 422);
  assert.equal(res.body.errors[0].path, 'param.level');
});

test('qualification types sit at their NQF levels', async () => {
  const res = await t.json('GET', '/api/qualification-types');
  const level = (key: string) => res.body.items.find((x: { key: string }) => x.key === key)?.nqfLevel;
  assert.equal(level('bachelor'), 6);
  assert.equal(level('phd'), 8);
});

test('an unknown API path is a 404 problem+json in the language asked for', async () => {
  const res = await t.json('GET', '/api/nowhere', { lang: 'en' });
  assert.equal(res.status, 404);
  assert.equal(res.body.detail, 'No such path: /api/nowhere.');
});
