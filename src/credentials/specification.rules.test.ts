import assert from 'node:assert/strict';
import { test } from 'node:test';
import { licenceFact } from './entitlement.fixtures.ts';
import { type EntitlementFacts, entitlementFor } from './specification.rules.ts';

const spec = { fieldCode: '0613', nqfLevel: 6, occupationalStandardIds: [] as string[] };
const base: EntitlementFacts = { today: '2026-06-01', organizationKind: 'university', licences: [], decisions: [], centre: null, standardLevels: {} };
const licence = licenceFact;

test('a valid licence whose programme group covers the field and level entitles the issuer', () => {
  const r = entitlementFor(spec, { ...base, licences: [licence()] });
  assert.deepEqual(r, { ok: true, entitlement: { basis: 'licence', id: 'l1', reference: 'KZ-1' } });
});

test('a licence for a bachelor group does not cover a master-level micro-credential', () => {
  const r = entitlementFor({ ...spec, nqfLevel: 7 }, { ...base, licences: [licence()] });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.reasons.some((i) => i.messageKey === 'errors.product.entitlement.licenceNotCovering'));
});

test('an expired or suspended licence does not count, and both missing grounds are given as reasons', () => {
  const r = entitlementFor(spec, { ...base, licences: [licence({ validUntil: '2025-12-31' }), licence({ id: 'l2', status: 'suspended' })] });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.reasons.map((i) => i.messageKey),
    ['errors.product.entitlement.noValidLicence', 'errors.product.entitlement.noActiveAccreditation'],
  );
});

test('a licence for another field is refused with the field named', () => {
  const r = entitlementFor({ ...spec, fieldCode: '0311' }, { ...base, licences: [licence()] });
  assert.ok(!r.ok);
  assert.deepEqual(r.reasons[0]?.params, { field: '0311', level: 6 });
});

test('an active programme accreditation in the field entitles without a licence; a withdrawn one does not', () => {
  const decision = {
    id: 'd1',
    kind: 'programme',
    outcome: 'accredited',
    status: 'active',
    validFrom: '2024-01-01',
    validTo: '2029-01-01',
    certificateNumber: 'AC-1',
    programmes: [{ id: 'p', fieldCode: '06', directionCode: '061', nqfLevel: 6 }],
  };
  assert.equal(entitlementFor(spec, { ...base, decisions: [decision] }).ok, true);
  assert.equal(entitlementFor(spec, { ...base, decisions: [{ ...decision, status: 'withdrawn' }] }).ok, false);
});

test('a certification centre needs a valid registration for every linked occupational standard', () => {
  const centre = { ...base, organizationKind: 'certification-centre', centre: { accreditedOn: '2024-01-01', validUntil: null, occupationalStandardIds: ['s1'] }, standardLevels: { s1: [5, 6] } };
  assert.equal(entitlementFor({ ...spec, occupationalStandardIds: ['s1'] }, centre).ok, true);
  const other = entitlementFor({ ...spec, occupationalStandardIds: ['s1', 's2'] }, centre);
  assert.ok(!other.ok && other.reasons[0]?.messageKey === 'errors.product.entitlement.standardNotRegistered');
  const none = entitlementFor({ ...spec, occupationalStandardIds: ['s1'] }, { ...centre, centre: null });
  assert.ok(!none.ok && none.reasons[0]?.messageKey === 'errors.product.entitlement.centreNotRegistered');
  const wrongLevel = entitlementFor({ ...spec, nqfLevel: 4, occupationalStandardIds: ['s1'] }, centre);
  assert.ok(!wrongLevel.ok && wrongLevel.reasons[0]?.messageKey === 'errors.product.entitlement.levelNotInStandards');
});
