import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { takeAction } from './case.service.ts';
import { caseInContracting, enuAndKazsee } from './reminders.fixtures.ts';
import { sendDeadlineReminders } from './reminders.ts';

let t: TestApp;
let caseId: string;

before(async () => {
  t = await createTestApp();
  const parties = await enuAndKazsee(t);
  caseId = await inTransaction(t.system, (ctx) => caseInContracting(ctx, parties));
});
after(() => t.close());

test('reminds a deadline within 5 working days once a day, and not after it is met', async () => {
  const run = (today: string) => inTransaction(t.system, (ctx) => sendDeadlineReminders(ctx, today));
  assert.deepEqual(await run('2026-01-20'), []);
  const first = await run('2026-01-30');
  assert.deepEqual(first.map((r) => [r.caseId, r.step, r.dueOn, r.overdue]), [[caseId, 'contract', '2026-02-05', false]]);
  assert.deepEqual(await run('2026-01-30'), [], 'once a day');
  const stored = await t.db.selectFrom('accreditation_deadlines').select('reminded_at').where('case_id', '=', caseId).executeTakeFirstOrThrow();
  assert.ok(stored.reminded_at);
  await inTransaction(t.system, (ctx) => takeAction(ctx, caseId, 'sign-contract', { contractNumber: 'Д-1', signedOn: '2026-02-09' }));
  assert.deepEqual(await run('2026-02-10'), []);
});

test('refuses anyone but the system', async () => {
  await assert.rejects(() => sendDeadlineReminders({ ...t.system, actor: { kind: 'user', userId: 'x', label: 'x', roles: [{ role: 'ministry', organizationId: null }] } }, '2026-01-30'), /forbidden/);
});
