import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RecognitionLike, recognitionCovers } from './recognition.rules.ts';

const kazsee: RecognitionLike = {
  status: 'active',
  validFrom: '2017-09-27',
  validTo: null,
  scopeTypes: ['institutional', 'programme'],
  scopeLevels: [6, 7, 8],
  scopeFields: ['05', '06', '07'],
  networks: ['ENAEE', 'INQAAHE'],
};
const q = { kind: 'programme' as const, nqfLevels: [6], fieldCodes: ['061'], eurAce: false, onDate: '2025-05-01' };
const codes = (r: ReturnType<typeof recognitionCovers>) => (r.ok ? [] : r.reasons.map((x) => x.code));

describe('recognition coverage', () => {
  test('covers a programme in a recognized field and level', () => {
    const r = recognitionCovers([kazsee], q);
    assert.equal(r.ok, true);
  });
  test('a body without any recognition is not recognized', () => {
    assert.deepEqual(codes(recognitionCovers([], q)), ['not-recognized']);
  });
  test('an expired or suspended recognition does not cover', () => {
    assert.deepEqual(codes(recognitionCovers([{ ...kazsee, validTo: '2024-12-31' }], q)), ['expired']);
    assert.deepEqual(codes(recognitionCovers([{ ...kazsee, status: 'suspended' }], q)), ['not-active']);
    assert.deepEqual(codes(recognitionCovers([{ ...kazsee, validFrom: '2026-01-01' }], q)), ['not-yet-valid']);
  });
  test('lists every scope gap: type, level and field', () => {
    const r = recognitionCovers([{ ...kazsee, scopeTypes: ['institutional'] }], { ...q, nqfLevels: [5, 6], fieldCodes: ['101', '061'] });
    assert.deepEqual(codes(r), ['scope-type', 'level', 'field', 'wfme-required']);
  });
  test('EUR-ACE® needs ENAEE membership and medicine needs WFME', () => {
    assert.deepEqual(codes(recognitionCovers([{ ...kazsee, networks: [] }], { ...q, eurAce: true })), ['enaee-required']);
    assert.equal(recognitionCovers([kazsee], { ...q, eurAce: true }).ok, true);
    const med = { ...kazsee, scopeFields: [] };
    assert.deepEqual(codes(recognitionCovers([med], { ...q, fieldCodes: ['101'] })), ['wfme-required']);
    assert.equal(recognitionCovers([{ ...med, networks: ['WFME'] }], { ...q, fieldCodes: ['101'] }).ok, true);
  });
  test('institutional cases check only the type; the best of several recognitions is used', () => {
    assert.equal(recognitionCovers([kazsee], { ...q, kind: 'institutional', nqfLevels: [], fieldCodes: [] }).ok, true);
    const old = { ...kazsee, validTo: '2020-01-01' };
    assert.equal(recognitionCovers([old, kazsee], q).ok, true);
    assert.deepEqual(codes(recognitionCovers([old, { ...kazsee, scopeFields: ['05'] }], q)), ['field']);
  });
});
