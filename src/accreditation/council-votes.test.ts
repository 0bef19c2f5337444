// Council votes count only from members of the meeting's council, only while the case awaits that
// council, and never after its decision: a published tally cannot be changed afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { orgIdByKey } from '../../test/helpers/factories.ts';
import { insertCase } from './after.fixtures.ts';

let t: TestApp;
let kazsee: string;
let staff: string;
before(async () => {
  t = await createTestApp();
  kazsee = await orgIdByKey(t.db, 'kazsee');
  staff = await t.tokenFor('agency-staff', kazsee);
});
after(() => t.close());

async function meetingWith(state: string, meetsOn: string, organizationKey: string) {
  const caseId = await insertCase(t.db, { bodyId: kazsee, organizationId: await orgIdByKey(t.db, organizationKey), state });
  const created = await t.json('POST', '/api/accreditation/council/meetings', {
    token: staff,
    body: { bodyId: kazsee, meetsOn, agenda: [{ caseId, proposedOutcome: 'accredited', proposedTermYears: 5 }] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { caseId, meeting: created.body.id as string };
}

const vote = (meeting: string, caseId: string, token: string) =>
  t.json('POST', `/api/accreditation/council/meetings/${meeting}/votes`, { token, body: { caseId, choice: 'for' } });

test('a vote on a case that is decided, approved or published is refused and leaves the tally as it was', async () => {
  const member = await t.tokenFor('council-member', kazsee);
  for (const [state, university] of [['published', 'kaznu'], ['council-decided', 'kaznpu'], ['approved', 'kaznua']] as const) {
    const { caseId, meeting } = await meetingWith(state, '2019-03-01', university);
    const res = await vote(meeting, caseId, member);
    assert.equal(res.status, 409, `${state}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.code, 'conflict');
    const tally = await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: staff });
    assert.equal(tally.body.items[0].for, 0, state);
  }
});

test('a case awaiting the council takes votes only at its current meeting', async () => {
  const member = await t.tokenFor('council-member', kazsee);
  const { caseId, meeting: earlier } = await meetingWith('council-scheduled', '2026-05-20', 'kaznac');
  const later = await t.json('POST', '/api/accreditation/council/meetings', {
    token: staff,
    body: { bodyId: kazsee, meetsOn: '2026-06-20', agenda: [{ caseId, proposedOutcome: 'accredited', proposedTermYears: 5 }] },
  });
  assert.equal((await vote(earlier, caseId, member)).status, 409, 'an earlier meeting no longer decides the case');
  assert.equal((await vote(later.body.id, caseId, member)).status, 201);
  assert.equal((await vote(later.body.id, caseId, await t.tokenFor('council-member', await orgIdByKey(t.db, 'naar')))).status, 403, "another body's council");
});

test('a member appointed after the meeting was recorded and held does not vote at it nor count in its tally', async () => {
  const { caseId, meeting } = await meetingWith('council-scheduled', '2019-04-01', 'kaznmu');
  const before = await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: staff });
  const newcomer = await t.tokenFor('council-member', kazsee);
  const res = await vote(meeting, caseId, newcomer);
  assert.equal(res.status, 403, JSON.stringify(res.body));
  assert.match(res.body.detail, /2019-04-01/);
  const tally = await t.json('GET', `/api/accreditation/council/meetings/${meeting}/votes?caseId=${caseId}`, { token: staff });
  assert.deepEqual([tally.body.items[0].for, tally.body.items[0].eligible], [0, before.body.items[0].eligible]);
});
