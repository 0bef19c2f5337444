import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { TestApp } from '../../test/helpers/app.ts';
import { CASE_STATES } from '../accreditation/case-states.ts';
import { verifyAuditTrail } from '../platform/audit/audit.service.ts';
import { issueApiToken } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { DEMO_PASSWORD } from './demo-users.ts';

/** Checks of the demo data, run by seed.test.ts on the one seeded database (seeding takes minutes). */
export function accreditationDemoChecks(app: () => TestApp): void {
  describe('the accreditation demo', () => {
    let t: TestApp;
    before(() => {
      t = app();
    });

    /** A bearer token for a demo user (sign-in gives a cookie session; the API also takes tokens). */
    async function signIn(email: string): Promise<string> {
      const res = await t.json('POST', '/api/auth/sign-in', { body: { email, password: DEMO_PASSWORD } });
      assert.equal(res.status, 200, email);
      return inTransaction(t.system, async (ctx) => (await issueApiToken(ctx, res.body.userId, 'test')).token);
    }

    test('the demo holds at least one synthetic case in every state of the case machine', async () => {
      const rows = await t.db.selectFrom('accreditation_cases').select(['state', 'kind', 'eur_ace', 'cross_border', 'is_synthetic']).execute();
      const states = new Set(rows.map((r) => r.state));
      assert.deepEqual(
        CASE_STATES.filter((s) => !states.has(s)),
        [],
        'states without a demo case',
      );
      assert.ok(rows.every((r) => r.is_synthetic));
      assert.ok(rows.some((r) => r.kind === 'institutional') && rows.some((r) => r.kind === 'programme'));
      assert.ok(rows.some((r) => r.eur_ace) && rows.some((r) => r.cross_border));
    });

    test('Registers 2 and 3 hold demo decisions: 1, 3, 5 and 7-year terms, an expired one and a refusal', async () => {
      const r2 = await t.json('GET', '/api/registers/2?outcome=any&limit=100');
      const r3 = await t.json('GET', '/api/registers/3?outcome=any&limit=100');
      assert.ok(r2.body.total >= 3, JSON.stringify(r2.body));
      assert.ok(r3.body.total >= 4, JSON.stringify(r3.body));
      const entries = [...r2.body.items, ...r3.body.items] as { termYears: number | null; status: string; outcome: string }[];
      for (const term of [1, 3, 5, 7])
        assert.ok(
          entries.some((e) => e.termYears === term),
          `a ${term}-year term`,
        );
      assert.ok(entries.some((e) => e.status === 'expired'));
      assert.ok(entries.some((e) => e.outcome === 'refused'));
      assert.ok((await t.json('GET', '/api/registers/2')).body.total >= 2, 'organizations accredited today');
      const decisions = await t.db.selectFrom('accreditation_decisions').select('is_synthetic').execute();
      assert.ok(decisions.every((d) => d.is_synthetic));
    });

    test('Satbayev University has several cases and its admin sees them, with an appeal, follow-ups and overdue deadlines elsewhere', async () => {
      const admin = await signIn('admin@demo.sapa.kz');
      const mine = await t.json('GET', '/api/accreditation/cases?limit=100', { token: admin });
      assert.ok(mine.body.total >= 5, JSON.stringify(mine.body.total));
      const appeals = await t.db.selectFrom('accreditation_appeals').select(['kind', 'status', 'subject']).execute();
      assert.ok(appeals.some((a) => a.kind === 'appeal' && a.status === 'decided'));
      assert.ok(appeals.some((a) => a.subject === 'initial-review-rejection'));
      const followUps = await t.db.selectFrom('accreditation_follow_ups').select('id').execute();
      assert.ok(followUps.length >= 3);
      const overdue = await sql<{ n: number }>`SELECT count(*)::int AS n FROM accreditation_deadlines WHERE met_at IS NULL AND due_on < CURRENT_DATE`.execute(
        t.db,
      );
      assert.ok(Number(overdue.rows[0]?.n) >= 2, 'overdue deadlines');
    });

    test('the demo expert sees their panels, the council member votes, a member is recused, and a challenged expert was replaced', async () => {
      const expert = await signIn('expert@demo.sapa.kz');
      const assigned = await t.json('GET', '/api/accreditation/cases?limit=100', { token: expert });
      assert.ok(assigned.body.total >= 5);
      const council = await signIn('council@demo.sapa.kz');
      const meetings = await t.json('GET', '/api/accreditation/council/meetings', { token: council });
      assert.equal(meetings.status, 200);
      const upcoming = meetings.body.items.filter((m: { status: string }) => m.status === 'scheduled');
      assert.ok(upcoming.length >= 1);
      const items = upcoming.flatMap((m: { agenda: { recused: boolean; myVote: string | null }[] }) => m.agenda);
      assert.ok(
        items.some((a: { recused: boolean }) => a.recused),
        'council@demo is recused on one case',
      );
      assert.ok(
        items.some((a: { recused: boolean; myVote: string | null }) => !a.recused && a.myVote === null),
        'and may still vote on another',
      );
      const replaced = await t.db.selectFrom('panel_challenges').select('status').execute();
      assert.ok(replaced.some((c) => c.status === 'replaced') && replaced.some((c) => c.status === 'open'));
    });

    test('the accreditation demo keeps the audit trail intact', async () => {
      const result = await verifyAuditTrail(t.db);
      assert.equal(result.ok, true);
    });
  });
}
