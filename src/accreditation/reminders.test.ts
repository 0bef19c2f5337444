import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { createCase, takeAction } from './case.service.ts';
import { sendDeadlineReminders } from './reminders.ts';

let t: TestApp;
let caseId: string;

before(async () => {
  t = await createTestApp();
  const org = await t.db.selectFrom('organizations').select('id').where('key', '=', 'enu').executeTakeFirstOrThrow();
  const body = await t.db.selectFrom('organizations').select('id').where('key', '=', 'kazsee').executeTakeFirstOrThrow();
  caseId = await inTransaction(t.system, async (ctx) => {
    const at = new Date('2026-01-05T09:00:00+05:00');
    const c = await createCase(
      ctx,
      { bodyId: body.id, organizationId: org.id, kind: 'institutional', programmeIds: [], eurAce: false, crossBorder: false, hasStudents: true, hasGraduates: true },
      { at },
    );
    for (const a of ['apply', 'register', 'start-initial-review', 'accept', 'start-contracting'] as const) await takeAction(ctx, c.id, a, {}, { at });
    return c.id;
  });
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
