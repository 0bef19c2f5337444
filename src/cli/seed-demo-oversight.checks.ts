import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TestApp } from '../../test/helpers/app.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { activeQaFailureOf, internalQaStatusOn } from '../oversight/oversight.api.ts';
import { stateControlCalendar } from '../oversight/state-control.service.ts';

/** Checks of the oversight demo, run by seed.test.ts on the one seeded database. */
export function oversightDemoChecks(app: () => TestApp): void {
  describe('the oversight demo', () => {
    let t: TestApp;
    before(() => {
      t = app();
    });

    test('self-assessments in every review state, and an accepted one that shows a system not working', async () => {
      const rows = await t.db.selectFrom('internal_qa_assessments').select(['state', 'working', 'organization_id']).execute();
      assert.deepEqual([...new Set(rows.map((r) => r.state))].sort(), ['accepted', 'draft', 'returned', 'submitted']);
      assert.ok(rows.some((r) => r.state === 'accepted' && r.working === false));
    });

    test('QA-system failures in every state: an active one with a plan in progress and reports, a recovered one, one closed with a reason', async () => {
      const rows = await t.db.selectFrom('qa_failures').selectAll().execute();
      assert.deepEqual([...new Set(rows.map((r) => r.state))].sort(), ['active', 'closed', 'recovered']);
      const active = rows.find((r) => r.state === 'active');
      assert.ok(active);
      const measures = await t.db.selectFrom('qa_failure_measures').select('status').where('failure_id', '=', active.id).execute();
      assert.ok(measures.some((m) => m.status === 'in-progress'));
      assert.ok((await t.db.selectFrom('qa_failure_reports').select('id').where('failure_id', '=', active.id).execute()).length >= 2);
      assert.equal((await activeQaFailureOf(t.db, active.organization_id))?.declarant, active.declarant);
      assert.ok(rows.find((r) => r.state === 'closed')?.closing_reason);
    });

    test('the state control calendar shows a control due soon, one overdue and one upcoming', async () => {
      const rows = await stateControlCalendar(t.system);
      for (const status of ['due-soon', 'overdue', 'upcoming'] as const) assert.ok(rows.some((r) => r.status === status), status);
    });

    test('every organization with a positive demo decision since the Guidelines had a working internal QA system that day', async () => {
      const decisions = await t.db
        .selectFrom('accreditation_decisions')
        .select(['organization_id', 'decided_on'])
        .where('outcome', '=', 'accredited')
        .where('decided_on', '>=', '2022-01-01')
        .execute();
      assert.ok(decisions.length > 0);
      for (const d of decisions) {
        const fact = await internalQaStatusOn(t.db, d.organization_id, d.decided_on);
        assert.equal(fact?.working, true, `${d.organization_id} on ${d.decided_on}`);
      }
      const satbayev = await t.db.selectFrom('organizations').select('id').where('key', '=', 'satbayev-university').executeTakeFirstOrThrow();
      assert.equal((await internalQaStatusOn(t.db, satbayev.id, todayInAlmaty()))?.basis, 'self-assessment');
    });
  });
}
