import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { demoSeedProgress } from '../../test/helpers/database.ts';
import { ROLES } from '../platform/access/roles.ts';
import { verifyAuditTrail } from '../platform/audit/audit.service.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { seedDemo } from './seed-demo.ts';
import { credentialDemoChecks } from './seed-demo-credentials.checks.ts';
import { accreditationDemoChecks } from './seed-demo-accreditation.checks.ts';
import { oversightDemoChecks } from './seed-demo-oversight.checks.ts';
import { seedReference } from './seed-reference.ts';

let t: TestApp;
let messages: string[] = [];
// The demo template is seeded once per content of src/ and data/ (test/helpers/database.ts), with
// the progress it showed; this file checks a copy of it.
before(async () => {
  t = await createTestApp({ template: 'demo' });
  messages = demoSeedProgress();
});
after(() => t.close());

// One seeded database for every check of the demo data: seeding it takes minutes.
accreditationDemoChecks(() => t);
credentialDemoChecks(() => t);
oversightDemoChecks(() => t);

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(t.db)).rows[0]?.n);

test('the demo holds at least 300 synthetic programmes across at least 30 universities, outcomes in kk, ru and en', async () => {
  assert.ok((await count(sql`SELECT count(*) AS n FROM programmes WHERE is_synthetic`)) >= 300);
  assert.ok((await count(sql`SELECT count(DISTINCT organization_id) AS n FROM programmes WHERE is_synthetic`)) >= 30);
  assert.equal(await count(sql`SELECT count(*) AS n FROM programmes WHERE NOT is_synthetic`), 0);
  const outcome = (await sql<{ o: { text: { kk: string; ru: string; en: string } } }>`SELECT outcomes->0 AS o FROM programmes LIMIT 1`.execute(t.db)).rows[0]
    ?.o;
  assert.ok(outcome?.text.kk && outcome.text.ru && outcome.text.en);
});

test('every programme status has demo examples, and included ones have a past history', async () => {
  const statuses = (await sql<{ status: string }>`SELECT DISTINCT status FROM programmes`.execute(t.db)).rows.map((r) => r.status).sort();
  assert.deepEqual(statuses, ['draft', 'excluded', 'expert-review', 'included', 'returned', 'submitted', 'update']);
  const res = await t.json('GET', '/api/programmes?asOf=2023-06-30&limit=1');
  assert.ok(res.body.total > 0, 'some programmes were already included by mid-2023');
  const later = await t.json('GET', '/api/programmes?limit=1');
  assert.ok(later.body.total > res.body.total);
});

test('the demo holds sectoral frameworks and at least 20 occupational standards linked to programmes', async () => {
  assert.ok((await count(sql`SELECT count(*) AS n FROM sqfs WHERE is_synthetic`)) >= 5);
  assert.ok((await count(sql`SELECT count(*) AS n FROM occupational_standards WHERE is_synthetic`)) >= 20);
  assert.ok((await count(sql`SELECT count(*) AS n FROM programmes WHERE cardinality(occupational_standard_ids) > 0`)) > 0);
  const found = await t.json('GET', `/api/occupational-standards?profession=${encodeURIComponent('Инженер-строитель')}`);
  assert.equal(found.body.total, 1);
});

test('there is a demo user for every role, and each can sign in', async () => {
  assert.deepEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort(), [...ROLES].sort());
  for (const user of DEMO_USERS) {
    const res = await t.request('POST', '/api/auth/sign-in', { body: { email: user.email, password: DEMO_PASSWORD } });
    assert.equal(res.status, 200, user.email);
  }
});

test('demo seeding showed progress and running it again adds nothing', async () => {
  assert.ok(messages.some((m) => m.startsWith('demo programmes 324/324')));
  const before = await count(sql`SELECT count(*) AS n FROM programmes`);
  await seedDemo(t.system);
  assert.equal(await count(sql`SELECT count(*) AS n FROM programmes`), before);
});

test('the reference seed is idempotent', async () => {
  const before = await count(sql`SELECT count(*) AS n FROM organizations`);
  await seedReference(t.system);
  assert.equal(await count(sql`SELECT count(*) AS n FROM organizations`), before);
});

test('the audit trail of the whole seed is intact', async () => {
  const result = await verifyAuditTrail(t.db);
  assert.equal(result.ok, true);
  assert.ok(result.checked > 1000);
});

test('the consistency checker finds the planted level mismatch', async () => {
  const res = await t.json('GET', '/api/consistency?limit=500');
  assert.equal(res.status, 200);
  assert.ok(JSON.stringify(res.body.items).includes('DEMO-PS-POWER-005'), JSON.stringify(res.body.counts));
});
