// Council membership has a term (issue 13, decision 87): a member whose term ended before a
// meeting's day is not on its roster, cannot vote at it and does not count in its tally; after the
// term ends the member holds no council role. The body's head (or the ministry) sets the term.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { orgIdByKey } from '../../test/helpers/factories.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { insertCase } from './after.fixtures.ts';

let t: TestApp;
let kazsee: string;
let staff: string;
let head: string;
before(async () => {
  t = await createTestApp();
  kazsee = await orgIdByKey(t.db, 'kazsee');
  staff = await t.tokenFor('agency-staff', kazsee);
  head = await t.tokenFor('agency-head', kazsee);
});
after(() => t.close());

const userIdOf = async (token: string) => (await t.json('GET', '/api/auth/me', { token })).body.userId as string;
const setTerm = (userId: string, endsOn: string | null, token = head, lang = 'en') =>
  t.json('PUT', `/api/accreditation/bodies/${kazsee}/council-members/${userId}/term`, { token, lang, body: { endsOn } });
const tallyOf = async (meeting: string, caseId: string) =>
  (await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: staff })).body.items[0];

test("a member whose term ended before the meeting's day is not on its roster and cannot vote at it", async () => {
  const caseId = await insertCase(t.db, { bodyId: kazsee, organizationId: await orgIdByKey(t.db, 'kaznu'), state: 'council-scheduled' });
  const member = await t.tokenFor('council-member', kazsee);
  const memberId = await userIdOf(member);
  const meetsOn = '2027-03-01';
  const created = await t.json('POST', '/api/accreditation/council/meetings', {
    token: staff,
    body: { bodyId: kazsee, meetsOn, agenda: [{ caseId, proposedOutcome: 'accredited', proposedTermYears: 5 }] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const meeting = created.body.id as string;
  const eligibleBefore = (await tallyOf(meeting, caseId)).eligible as number;

  const ended = await setTerm(memberId, '2027-02-28');
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  assert.deepEqual([ended.body.endsOn, ended.body.sitting], ['2027-02-28', true]);
  assert.equal((await tallyOf(meeting, caseId)).eligible, eligibleBefore - 1, 'off the roster of a meeting after the term');
  const refused = await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: member, body: { caseId, choice: 'for' } });
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  assert.equal(refused.body.code, 'forbidden');

  // A term that ends on the meeting's day covers it.
  assert.equal((await setTerm(memberId, meetsOn)).status, 200);
  assert.equal((await tallyOf(meeting, caseId)).eligible, eligibleBefore);
  const counted = await t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token: member, body: { caseId, choice: 'for' } });
  assert.equal(counted.status, 201, JSON.stringify(counted.body));
  const members = await t.json('GET', `/api/accreditation/bodies/${kazsee}/council-members`, { token: head });
  assert.equal(members.body.find((m: { userId: string }) => m.userId === memberId).endsOn, meetsOn);
});

test('after the term ends the member holds no council role', async () => {
  const member = await t.tokenFor('council-member', kazsee);
  const memberId = await userIdOf(member);
  assert.equal((await t.json('GET', '/api/accreditation/council/meetings', { token: member })).status, 200);
  // Appointed a year ago; the term ended yesterday.
  await t.db.updateTable('role_assignments').set({ created_at: new Date(Date.now() - 365 * 86_400_000) }).where('user_id', '=', memberId).execute();
  const yesterday = todayInAlmaty(new Date(Date.now() - 86_400_000));
  const ended = await setTerm(memberId, yesterday);
  assert.deepEqual([ended.status, ended.body.sitting], [200, false]);
  assert.equal((await t.json('GET', '/api/accreditation/council/meetings', { token: member })).status, 403);
});

test("only the body's head or the ministry sets a term; not before the appointment; only of a member", async () => {
  const memberId = await userIdOf(await t.tokenFor('council-member', kazsee));
  assert.equal((await setTerm(memberId, '2030-01-01', staff)).status, 403);
  assert.equal((await setTerm(memberId, '2030-01-01', await t.tokenFor('agency-head', await orgIdByKey(t.db, 'naar')))).status, 403);
  assert.equal((await setTerm(memberId, '2030-01-01', await t.tokenFor('ministry'))).status, 200);
  assert.equal((await t.json('PUT', `/api/accreditation/bodies/${kazsee}/council-members/${memberId}/term`, { body: { endsOn: null } })).status, 401);
  const early = await setTerm(memberId, '2001-01-01', head, 'ru');
  assert.equal(early.status, 422);
  assert.equal(early.body.errors[0].path, 'endsOn');
  assert.match(early.body.errors[0].message, /назначения/);
  assert.equal((await setTerm(await userIdOf(staff), '2030-01-01')).status, 404, 'not a council member');
  assert.equal((await setTerm(memberId, null)).body.endsOn, null, 'open-ended again');
});
