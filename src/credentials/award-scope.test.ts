// Credential verification reads accreditation's one computation of "accredited on date D"
// (accreditationStandingOn): a decision suspended after the award still covered it on the award
// date, as Register 3 and the programme's page say for that day.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from '../accreditation/after.fixtures.ts';
import { openState } from '../accreditation/decision.repository.ts';
import { awardCoverOfScope, awardCoverOn } from './award-scope.ts';

let t: TestApp;
const id = {} as Record<'body' | 'org' | 'programme' | 'decision', string>;

before(async () => {
  t = await createTestApp();
  id.body = await orgByKey(t.db, 'kazsee');
  id.org = await orgByKey(t.db, 'satbayev-university');
  id.programme = await insertProgramme(t.db, id.org, { code: '6B07121' });
  id.decision = (
    await insertApprovedDecision(t.db, { bodyId: id.body, organizationId: id.org, programmeIds: [id.programme], termYears: 5, decidedOn: '2023-03-01', certificateNumber: 'KAZSEE-T-1' })
  ).decisionId;
  // Suspended on 2024-06-01: the decision row now says "suspended", its status periods say since when.
  await t.db.updateTable('accreditation_decisions').set({ status: 'suspended' }).where('id', '=', id.decision).execute();
  await openState(t.db, {
    decision_id: id.decision,
    status: 'suspended',
    outcome: 'accredited',
    term_years: 5,
    valid_from: '2023-03-01',
    valid_to: '2028-02-29',
    effective_from: '2024-06-01',
    source: 'follow-up',
  });
});
after(() => t.close());

test('a credential awarded while the programme was accredited is covered, though the decision was suspended later', async () => {
  const programme = { id: id.programme, organization_id: id.org, group_code: null };
  assert.deepEqual(await awardCoverOn(t.db, programme, '2024-01-15'), { kind: 'decision', reference: 'KAZSEE-T-1', validFrom: '2023-03-01', validTo: '2028-02-29' });
  assert.equal(await awardCoverOn(t.db, programme, '2024-07-01'), null, 'suspended on the award date');
  assert.equal(await awardCoverOn(t.db, programme, '2022-01-01'), null, 'before the decision');
});

test('a credential without a programme: its field and level are covered by the decision in force on the award date', async () => {
  const row = await t.db.selectFrom('programmes').select(['field_code', 'nqf_level']).where('id', '=', id.programme).executeTakeFirstOrThrow();
  const scope = { fieldCode: row.field_code, nqfLevel: row.nqf_level };
  assert.equal((await awardCoverOfScope(t.db, id.org, scope, '2024-01-15'))?.kind, 'decision');
  assert.equal((await awardCoverOfScope(t.db, id.org, scope, '2024-07-01'))?.kind === 'decision', false, 'suspended on the award date');
});
