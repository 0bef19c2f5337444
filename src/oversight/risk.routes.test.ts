// The authority's risk view through the API (issue 16): a university with no licence, no
// accreditation and no accepted self-assessment scores high with every factor shown; the score is
// kept per day with the rule it was computed with; a changed rule changes new scores only; only
// the ministry reads or runs it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { addOrganization } from '../../test/helpers/factories.ts';
import { inTransaction } from '../platform/context.ts';
import { DEFAULT_RISK_RULE } from './risk.rules.ts';

let t: TestApp;
let uni: string;
let ministry: string;

before(async () => {
  t = await createTestApp();
  uni = await inTransaction(t.system, (ctx) => addOrganization(ctx, { kk: 'Тэта университеті', ru: 'Университет Тэта', en: 'Theta University' }));
  ministry = await t.tokenFor('ministry');
});
after(() => t.close());

test('scores, the high-risk list with each factor, the history and the rule they were computed with', async () => {
  const run = await t.json('POST', '/api/oversight/risk/assessments', { body: { organizationIds: [uni], on: '2026-11-02' }, token: ministry });
  assert.equal(run.status, 200);
  const high = await t.json('GET', '/api/oversight/risk?level=high&qaLevel=higher', { token: ministry });
  assert.equal(high.status, 200);
  const mine = high.body.items.find((i: { organizationId: string }) => i.organizationId === uni);
  assert.ok(mine, 'in the high-risk list');
  assert.equal(mine.score, 40 + 15 + 20);
  const points = Object.fromEntries(mine.factors.map((f: { factor: string; points: number }) => [f.factor, f.points]));
  assert.deepEqual([points['no-licence'], points['not-accredited'], points['no-internal-qa'], points['internal-qa-not-working']], [40, 15, 20, 0]);
  assert.deepEqual(mine.indicators.unsourced, ['programmesOutsideRegister', 'nqfMismatches', 'upheldComplaints']);
  assert.deepEqual(mine.rule, DEFAULT_RISK_RULE);

  const rule = { ...DEFAULT_RISK_RULE, points: { ...DEFAULT_RISK_RULE.points, 'no-licence': 0, 'no-internal-qa': 0 } };
  const bad = await t.json('PUT', '/api/oversight/risk-rule', { body: { ...rule, thresholds: { medium: 50, high: 10 } }, token: ministry });
  assert.equal(bad.status, 422, 'high must exceed medium');
  assert.equal((await t.json('PUT', '/api/oversight/risk-rule', { body: rule, token: ministry })).status, 200);
  assert.equal((await t.json('POST', '/api/oversight/risk/assessments', { body: { organizationIds: [uni], on: '2026-11-03' }, token: ministry })).status, 200);
  const history = await t.json('GET', `/api/oversight/risk/${uni}`, { token: ministry });
  assert.deepEqual(
    history.body.items.map((i: { assessedOn: string; score: number; level: string }) => [i.assessedOn, i.score, i.level]),
    [
      ['2026-11-03', 15, 'low'],
      ['2026-11-02', 75, 'high'],
    ],
  );
  assert.equal(history.body.items[1].rule.points['no-licence'], 40, 'an old score keeps its rule');

  const admin = await t.tokenFor('org-admin', uni);
  assert.equal((await t.json('GET', '/api/oversight/risk', { token: admin })).status, 403);
  assert.equal((await t.json('POST', '/api/oversight/risk/assessments', { body: {}, token: admin })).status, 403);
  assert.equal((await t.json('GET', '/api/oversight/risk')).status, 401);
});
