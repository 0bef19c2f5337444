// The field and level a credential states, and which licence or decision covered them on a day.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverOfScope, scopeOfCredential } from './award-scope.rules.ts';
import { licenceFact } from './entitlement.fixtures.ts';
import type { DecisionFact, LicenceFact } from './specification.rules.ts';

const withAchievement = (achievement: Record<string, unknown>) => ({ credentialSubject: { id: 'did:example:1', achievement } });
const aligned = (targetFramework: string, targetCode: string) => ({ type: ['Alignment'], targetName: targetCode, targetUrl: 'https://x.example', targetFramework, targetCode });

test('reads the field from fieldOfStudy or an ISCED-F alignment, and the level from an NQF or EQF alignment', () => {
  assert.deepEqual(scopeOfCredential(withAchievement({ fieldOfStudy: '0613', alignment: [aligned('NQF of the Republic of Kazakhstan', '6')] })), { fieldCode: '0613', nqfLevel: 6 });
  assert.deepEqual(scopeOfCredential(withAchievement({ alignment: [aligned('ISCED-F 2013', '061'), aligned('European Qualifications Framework (EQF)', '7')] })), { fieldCode: '061', nqfLevel: 7 });
  assert.deepEqual(scopeOfCredential(withAchievement({ alignment: [aligned('НРК', 'Level 5')] })), { nqfLevel: 5 });
  // Words instead of codes, levels outside 1–8 and other frameworks say nothing checkable.
  assert.deepEqual(scopeOfCredential(withAchievement({ fieldOfStudy: 'Computer science', alignment: [aligned('NQF', '9'), aligned('Occupational standards', '6')] })), {});
  assert.deepEqual(scopeOfCredential({ credentialSubject: { id: 'did:example:1' } }), {});
});

const licence = licenceFact;
const decision = (over: Partial<DecisionFact> = {}): DecisionFact => ({
  id: 'd1',
  kind: 'programme',
  outcome: 'accredited',
  status: 'active',
  validFrom: '2021-01-01',
  validTo: '2026-01-01',
  certificateNumber: 'AC-7',
  programmes: [{ id: 'p1', fieldCode: '04', directionCode: '041', nqfLevel: 7 }],
  ...over,
});

test('names the licence or decision in force on the day that covers the field and level', () => {
  const facts = (licences: LicenceFact[], decisions: DecisionFact[] = [], day = '2024-05-01') => ({ day, licences, decisions });
  assert.deepEqual(coverOfScope({ fieldCode: '0613', nqfLevel: 6 }, facts([licence()])), { kind: 'licence', number: 'KZ-1' });
  assert.equal(coverOfScope({ fieldCode: '0613', nqfLevel: 7 }, facts([licence()])), null, 'above the licence level');
  assert.equal(coverOfScope({ fieldCode: '0413' }, facts([licence()])), null, 'another field');
  assert.equal(coverOfScope({ fieldCode: '0613' }, facts([licence({ issuedOn: '2025-01-01' })])), null, 'issued after the award');
  assert.equal(coverOfScope({ fieldCode: '0613' }, facts([licence({ status: 'revoked' })])), null, 'revoked');
  assert.deepEqual(coverOfScope({ fieldCode: '0413', nqfLevel: 7 }, facts([licence()], [decision()])), {
    kind: 'decision',
    reference: 'AC-7',
    validFrom: '2021-01-01',
    validTo: '2026-01-01',
  });
  assert.equal(coverOfScope({ fieldCode: '0413', nqfLevel: 7 }, facts([], [decision()], '2027-01-01')), null, 'the decision had expired');
  assert.equal(coverOfScope({ nqfLevel: 8 }, facts([licence()], [decision()])), null, 'no group or programme reaches level 8');
  assert.equal(coverOfScope({ nqfLevel: 8 }, facts([], [decision({ kind: 'institutional' })]))?.kind, 'decision', 'an institutional accreditation covers every field and level');
});
