import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { insertApprovedDecision, insertCase, insertProgramme, orgByKey } from './after.fixtures.ts';
import { expiryReminders } from './follow-up.service.ts';

describe('follow-up, term changes and expiry reminders', () => {
  let t: TestApp;
  const id = {} as Record<'decision' | 'enu' | 'kazsee' | 'later' | 'p' | 'q' | 'satbayev', string>;
  const tok = {} as Record<'head' | 'orgAdmin' | 'otherAdmin' | 'staff', string>;

  before(async () => {
    t = await createTestApp();
    id.kazsee = await orgByKey(t.db, 'kazsee');
    id.satbayev = await orgByKey(t.db, 'satbayev-university');
    id.enu = await orgByKey(t.db, 'enu');
    id.p = await insertProgramme(t.db, id.satbayev, { code: '6B07301', nameRu: 'Нефтегазовое дело' });
    id.q = await insertProgramme(t.db, id.satbayev, { code: '6B07302' });
    // 5 years from 2022-01-10: ends 2027-01-09.
    id.decision = (
      await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [id.p], termYears: 5, decidedOn: '2022-01-10' })
    ).decisionId;
    // Ends 2029: no reminder yet.
    id.later = (
      await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [id.q], termYears: 5, decidedOn: '2024-09-02' })
    ).decisionId;
    tok.orgAdmin = await t.tokenFor('org-admin', id.satbayev);
    tok.otherAdmin = await t.tokenFor('org-admin', id.enu);
    tok.staff = await t.tokenFor('agency-staff', id.kazsee);
    tok.head = await t.tokenFor('agency-head', id.kazsee);
  });
  after(() => t.close());

  test('the body sets follow-up items; the organization submits and the staff return or accept them', async () => {
    const url = `/api/accreditation/decisions/${id.decision}/follow-ups`;
    assert.equal((await t.json('POST', url, { token: tok.orgAdmin, body: { kind: 'condition', title: 'x', dueOn: '2026-01-01' } })).status, 403);
    const plan = await t.json('POST', url, {
      token: tok.staff,
      body: { kind: 'corrective-action-plan', title: 'Plan for standard 5 (teaching staff)', standardCode: '5', dueOn: '2020-06-01' },
    });
    assert.equal(plan.status, 201);
    assert.equal(plan.body.status, 'open');
    assert.equal(plan.body.overdue, true);
    const interim = await t.json('POST', url, { token: tok.staff, body: { kind: 'interim-report', title: 'Interim report', dueOn: '2099-06-01' } });
    assert.equal(interim.body.overdue, false);
    const visit = await t.json('POST', url, {
      token: tok.staff,
      body: { kind: 'monitoring-visit', title: 'Post-accreditation monitoring visit', dueOn: '2099-09-01' },
    });
    assert.equal(visit.status, 201);

    const submitUrl = `/api/accreditation/follow-ups/${plan.body.id}/submissions`;
    assert.equal((await t.json('POST', submitUrl, { token: tok.otherAdmin, body: { text: 'plan' } })).status, 403);
    const submitted = await t.json('POST', submitUrl, { token: tok.orgAdmin, body: { text: 'Hire 4 PhD holders by 2026', documentRef: 'Out. № 77' } });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.body.status, 'submitted');
    assert.equal(submitted.body.overdue, false);
    assert.equal((await t.json('POST', submitUrl, { token: tok.orgAdmin, body: { text: 'again' } })).status, 409);

    const reviewUrl = `/api/accreditation/follow-ups/${plan.body.id}/review`;
    assert.equal((await t.json('POST', reviewUrl, { token: tok.orgAdmin, body: { result: 'accepted' } })).status, 403);
    assert.equal((await t.json('POST', reviewUrl, { token: tok.staff, body: { result: 'returned' } })).status, 422);
    const returned = await t.json('POST', reviewUrl, { token: tok.staff, body: { result: 'returned', comment: 'Give dates per position.' } });
    assert.equal(returned.body.status, 'returned');
    assert.equal(returned.body.overdue, true, 'a returned item past its due date is overdue again');
    await t.json('POST', submitUrl, { token: tok.orgAdmin, body: { text: 'Plan with dates' } });
    const accepted = await t.json('POST', reviewUrl, { token: tok.staff, body: { result: 'accepted' } });
    assert.equal(accepted.body.status, 'accepted');
    assert.equal(accepted.body.submissions.length, 2);

    const list = await t.json('GET', url, { token: tok.orgAdmin });
    assert.deepEqual(
      list.body.items.map((i: { kind: string; status: string }) => [i.kind, i.status]),
      [
        ['corrective-action-plan', 'accepted'],
        ['interim-report', 'open'],
        ['monitoring-visit', 'open'],
      ],
    );
    assert.equal((await t.json('GET', url, { token: tok.otherAdmin })).status, 403);
  });

  test('expiry reminders list accreditations ending within a year without a new case', async () => {
    const due = await expiryReminders(t.system, '2026-11-23');
    assert.deepEqual(
      due.map((r) => [r.decisionId, r.validTo, r.daysLeft]),
      [[id.decision, '2027-01-09', 47]],
    );
    const http = await t.json('GET', '/api/accreditation/expiry-reminders?today=2026-11-23', { token: tok.orgAdmin });
    assert.deepEqual(
      http.body.map((r: { decisionId: string }) => r.decisionId),
      [id.decision],
    );
    const other = await t.json('GET', '/api/accreditation/expiry-reminders?today=2026-11-23', { token: tok.otherAdmin });
    assert.deepEqual(other.body, []);
  });

  test('the body head extends a term during a state of emergency; history and registers show it', async () => {
    const url = `/api/accreditation/decisions/${id.decision}/term-changes`;
    const body = {
      kind: 'extension',
      newValidTo: '2027-07-09',
      reason: 'State of emergency: site visits suspended',
      legalBasis: 'Decree of the President No. 000 (test)',
      effectiveOn: '2026-12-01',
    };
    assert.equal((await t.json('POST', url, { token: tok.staff, body })).status, 403);
    assert.equal((await t.json('POST', url, { token: tok.head, body: { ...body, newValidTo: '2026-12-31' } })).status, 422);
    const res = await t.json('POST', url, { token: tok.head, body });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'extended');
    assert.equal(res.body.validTo, '2027-07-09');
    assert.deepEqual(
      res.body.history.map((h: { status: string; source: string; validTo: string; effectiveFrom: string }) => [h.status, h.source, h.validTo, h.effectiveFrom]),
      [
        ['active', 'approval', '2027-01-09', '2022-01-10'],
        ['extended', 'extension', '2027-07-09', '2026-12-01'],
      ],
    );
    assert.equal(res.body.history[1].reason, body.reason);
    assert.equal(res.body.history[1].details.previousValidTo, '2027-01-09');

    const march = await t.json('GET', '/api/registers/3?asOf=2027-03-01&q=6B07301');
    assert.deepEqual(
      march.body.items.map((i: { status: string; validTo: string }) => [i.status, i.validTo]),
      [['extended', '2027-07-09']],
    );
    const beforeChange = await t.json('GET', '/api/registers/3?asOf=2026-11-01&q=6B07301');
    assert.deepEqual(
      beforeChange.body.items.map((i: { status: string; validTo: string }) => [i.status, i.validTo]),
      [['active', '2027-01-09']],
    );
    const versions = await t.json('GET', `/api/accreditation/decisions/${id.decision}/versions`);
    assert.ok(versions.body.some((v: { action: string }) => v.action === 'extension'));
  });

  test('the body head suspends, reinstates and withdraws an accreditation; registers follow from each date', async () => {
    const url = `/api/accreditation/decisions/${id.later}/status`;
    assert.equal((await t.json('POST', url, { token: tok.staff, body: { status: 'suspended', reason: 'x' } })).status, 403);
    const reinstateFirst = await t.json('POST', url, { token: tok.head, body: { status: 'reinstated', reason: 'x' } });
    assert.equal(reinstateFirst.status, 409);
    assert.deepEqual(reinstateFirst.body.allowedNext, ['suspended', 'withdrawn']);
    const suspended = await t.json('POST', url, {
      token: tok.head,
      body: { status: 'suspended', reason: 'Monitoring found no teaching staff', effectiveOn: '2025-10-01' },
    });
    assert.equal(suspended.body.status, 'suspended');
    const reinstated = await t.json('POST', url, { token: tok.head, body: { status: 'reinstated', reason: 'Staff hired', effectiveOn: '2025-12-01' } });
    assert.equal(reinstated.body.status, 'active');
    const withdrawn = await t.json('POST', url, { token: tok.head, body: { status: 'withdrawn', reason: 'Programme closed', effectiveOn: '2026-02-01' } });
    assert.equal(withdrawn.body.status, 'withdrawn');
    assert.deepEqual(
      withdrawn.body.history.map((h: { status: string; source: string }) => [h.status, h.source]),
      [
        ['active', 'approval'],
        ['suspended', 'suspension'],
        ['active', 'reinstatement'],
        ['withdrawn', 'withdrawal'],
      ],
    );
    const inForce = async (day: string) => (await t.json('GET', `/api/registers/3?asOf=${day}&q=6B07302`)).body.total;
    assert.deepEqual([await inForce('2025-09-01'), await inForce('2025-11-01'), await inForce('2026-01-05'), await inForce('2026-03-01')], [1, 0, 1, 0]);
  });

  test('a new case for the programme silences the expiry reminder', async () => {
    await insertCase(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [id.p], state: 'submitted' });
    const due = await expiryReminders(t.system, '2026-11-23');
    assert.deepEqual(due, []);
  });
});
