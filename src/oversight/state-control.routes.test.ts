// The state control calendar through the API (issue 16 item 5): the authority records results, the
// next due day of each kind follows from the last one (a college's first attestation from its
// licence), the calendar filters by kind, region, level and status; an organization reads only its
// own; refused input names its field. The daily reminders reach the organization's administrators
// and the authority once per due day, in each reader's language, however often the job runs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { addOrganization } from '../../test/helpers/factories.ts';
import { addDays, dueAfter, todayInAlmaty } from '../platform/calendar/calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { addLicence } from '../registry/organization.service.ts';
import { sendOtherReminders } from '../accreditation/reminder-sources.ts';
import { sendStateControlReminders } from './state-control.service.ts';
import '../wiring.ts';

let t: TestApp;
let college: string;
let school: string;
let ministry: string;
let admin: string;
let schoolAdmin: string;

before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, async (ctx) => {
    college = await addOrganization(ctx, { kk: 'Жетісу колледжі', ru: 'Колледж Жетысу', en: 'Zhetysu College' }, { kind: 'college', regionCode: 'KZ-19' });
    school = await addOrganization(ctx, { kk: 'Тау университеті', ru: 'Университет Тау', en: 'Tau University' });
    await addLicence(ctx, college, { number: 'KZ-TVET-1', issuedOn: '2019-09-01', programmeGroups: [], attachments: [], status: 'active' });
  });
  ministry = await t.tokenFor('ministry');
  admin = await t.tokenFor('org-admin', college);
  schoolAdmin = await t.tokenFor('org-admin', school);
});
after(() => t.close());

type Row = { organizationId: string; kind: string; dueOn: string | null; basis: string; status: string; daysLeft: number | null; level: string | null };
const calendar = async (query = '') => (await t.json('GET', `/api/oversight/state-control${query}`, { token: ministry })).body.items as Row[];
const mine = (rows: Row[], org: string) => rows.filter((r) => r.organizationId === org);

describe('the state control calendar', () => {
  test("a college's first TVET attestation is due five years after its licence, then five years after the last attestation", async () => {
    const [first] = mine(await calendar(), college);
    assert.deepEqual([first?.kind, first?.dueOn, first?.basis, first?.status, first?.level], ['tvet-attestation', '2024-09-02', 'start', 'overdue', 'tvet']);
    assert.ok((first?.daysLeft ?? 0) < 0, 'days over are negative days left');

    const heldOn = addDays(todayInAlmaty(), -300);
    const recorded = await t.json('POST', `/api/oversight/state-control/${college}/results`, { token: ministry, body: { kind: 'tvet-attestation', heldOn, outcome: 'remarks', document: 'Акт № 12' } });
    assert.equal(recorded.status, 201);
    const [next] = mine(await calendar(), college);
    assert.deepEqual([next?.dueOn, next?.basis, next?.status], [dueAfter(heldOn, { unit: 'months', amount: 60 }), 'last-result', 'upcoming']);
  });

  test('a preventive control is due on the day planned; the calendar filters by kind, region, level and status', async () => {
    const planned = addDays(todayInAlmaty(), 10);
    const res = await t.json('POST', `/api/oversight/state-control/${school}/results`, {
      token: ministry,
      body: { kind: 'preventive-control', heldOn: addDays(todayInAlmaty(), -200), outcome: 'compliant', nextPlannedOn: planned },
    });
    assert.equal(res.status, 201);
    const [row] = mine(await calendar(), school);
    assert.deepEqual([row?.kind, row?.dueOn, row?.status, row?.daysLeft, row?.level], ['preventive-control', planned, 'due-soon', 10, 'higher']);
    assert.deepEqual(mine(await calendar('?kind=tvet-attestation'), school), []);
    assert.equal(mine(await calendar('?level=higher'), school).length, 1);
    assert.deepEqual(mine(await calendar('?level=higher'), college), []);
    assert.equal(mine(await calendar('?regionCode=KZ-19'), college).length, 1);
    assert.deepEqual(mine(await calendar('?regionCode=KZ-19'), school), []);
    assert.equal(mine(await calendar('?status=due-soon'), school).length, 1);
    assert.deepEqual(mine(await calendar('?status=overdue'), school), []);
  });

  test('refused input names its field: a result in the future, a plan for a kind that is not planned, a plan before the control', async () => {
    const post = (body: object) => t.json('POST', `/api/oversight/state-control/${college}/results`, { token: ministry, body });
    const paths = async (body: object) => {
      const res = await post(body);
      assert.equal(res.status, 422);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    assert.deepEqual(await paths({ kind: 'tvet-attestation', heldOn: addDays(todayInAlmaty(), 2), outcome: 'compliant' }), ['heldOn']);
    assert.deepEqual(await paths({ kind: 'tvet-attestation', heldOn: '2026-01-15', outcome: 'compliant', nextPlannedOn: '2027-01-15' }), ['nextPlannedOn']);
    assert.deepEqual(await paths({ kind: 'preventive-control', heldOn: '2026-01-15', outcome: 'compliant', nextPlannedOn: '2026-01-10' }), ['nextPlannedOn']);
    assert.deepEqual(await paths({ kind: 'inspection', heldOn: '2026-01-15', outcome: 'fine' }), ['kind', 'outcome']);
  });

  test("an organization's staff read their own calendar and results, nobody else's, and record nothing", async () => {
    const own = await t.json('GET', `/api/oversight/state-control/${college}`, { token: admin });
    assert.equal(own.status, 200);
    assert.equal(own.body.canRecord, false);
    assert.deepEqual(own.body.results.map((r: { document: string }) => r.document), ['Акт № 12']);
    assert.equal((await t.json('GET', `/api/oversight/state-control/${school}`, { token: admin })).status, 403);
    assert.equal((await t.json('GET', '/api/oversight/state-control', { token: admin })).status, 403);
    assert.equal((await t.json('POST', `/api/oversight/state-control/${college}/results`, { token: admin, body: { kind: 'tvet-attestation', heldOn: '2026-01-15', outcome: 'compliant' } })).status, 403);
    assert.equal((await t.json('GET', '/api/oversight/state-control')).status, 401);
  });
});

describe('state control reminders', () => {
  test("reach the organization's administrators and the authority once per due day, in the reader's language, however often the job runs", async () => {
    const today = todayInAlmaty();
    // Through the daily job's hand-over (wiring), as the job runs it; twice the same day and once the next.
    const first = await inTransaction(t.system, (ctx) => sendOtherReminders(ctx, today));
    assert.ok((first['state-control'] ?? 0) >= 1);
    await inTransaction(t.system, (ctx) => sendOtherReminders(ctx, today));
    const again = await inTransaction(t.system, (ctx) => sendStateControlReminders(ctx, addDays(today, 1)));
    assert.deepEqual(again.filter((r) => r.organizationId === school), [], 'nothing new for the same due day');

    const list = await t.json('GET', '/api/notifications', { token: schoolAdmin, lang: 'ru' });
    const reminders = list.body.items.filter((n: { kind: string }) => n.kind.startsWith('state-control'));
    assert.equal(reminders.length, 1, 'one reminder of the planned preventive control');
    assert.match(reminders[0].subject, /^Университет Тау: Профилактический контроль — срок /);
    assert.equal(reminders[0].link, `/workspace/state-control/${school}`);
    const forMinistry = (await t.json('GET', '/api/notifications', { token: ministry, lang: 'kk' })).body.items.filter((n: { kind: string }) => n.kind.startsWith('state-control'));
    assert.equal(forMinistry.filter((n: { subject: string }) => n.subject.startsWith('Университет Тау: Профилактикалық бақылау')).length, 1);
    assert.equal((await t.json('GET', '/api/notifications', { token: admin })).body.items.filter((n: { kind: string }) => n.kind.startsWith('state-control')).length, 0, "the college's attestation is years away");

    // Once overdue, a second reminder says so, and again only once.
    const late = addDays(today, 11);
    const overdue = await inTransaction(t.system, (ctx) => sendStateControlReminders(ctx, late));
    assert.deepEqual(overdue.filter((r) => r.organizationId === school).map((r) => r.overdue), [true]);
    assert.deepEqual((await inTransaction(t.system, (ctx) => sendStateControlReminders(ctx, late))).filter((r) => r.organizationId === school), []);
  });
});
