import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsOf, fieldsOf, langMapOf } from './fields.ts';

test('fieldsOf renames the named columns to camelCase and keeps their values', () => {
  const row = { id: 'a', organization_id: 'o', region_code: null, name_kk: 'х', skipped: 1 };
  assert.deepEqual(fieldsOf(row, ['id', 'organization_id', 'region_code']), { id: 'a', organizationId: 'o', regionCode: null });
});

test('columnsOf renames the named fields to snake_case and writes a missing optional value as null', () => {
  const input: { fromId: string; endedOn?: string | null; note?: string; kept: boolean } = { fromId: 'f', kept: false };
  assert.deepEqual(columnsOf(input, ['fromId', 'endedOn', 'note', 'kept']), { from_id: 'f', ended_on: null, note: null, kept: false });
});

test('langMapOf reads the three language columns of a prefix', () => {
  assert.deepEqual(langMapOf({ title_kk: 'к', title_ru: 'р', title_en: null }, 'title'), { kk: 'к', ru: 'р', en: null });
});
