import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseIsoDate, parseIsoDateTime } from './dates.ts';

describe('the one date parser', () => {
  test('takes real days only', () => {
    for (const ok of ['2024-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) assert.equal(parseIsoDate(ok), ok);
    for (const bad of ['2024-1-1', '2023-02-29', '1900-02-29', '2025-02-30', '2025-13-01', '0000-01-01', '2024-01-00', ' 2024-01-01', '2024-01-01T00:00:00Z', '']) {
      assert.equal(parseIsoDate(bad), null, bad);
    }
  });

  test('takes date-times with an offset only', () => {
    assert.equal(parseIsoDateTime('2025-06-01T10:00:00Z')?.toISOString(), '2025-06-01T10:00:00.000Z');
    assert.equal(parseIsoDateTime('2025-06-01T10:00:00.5+05:00')?.toISOString(), '2025-06-01T05:00:00.500Z');
    for (const bad of ['2025-06-01', '2025-06-01T10:00:00', '2025-06-31T10:00:00Z', '2025-06-01T24:00:00Z', '2025-06-01T10:00:00+25:00']) {
      assert.equal(parseIsoDateTime(bad), null, bad);
    }
  });

  test('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        parseIsoDate(s);
        parseIsoDateTime(s);
      }),
    );
  });
});
