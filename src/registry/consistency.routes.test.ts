import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

const lang = (en: string, ru = `${en} (ru)`, kk = `${en} (kk)`) => ({ kk, ru, en });

let t: TestApp;
const ids: Record<string, string> = {};

// Programmes and qualifications have their own modules; the rows are written directly so this
// test depends only on their tables.
async function programme(code: string, nqfLevel: number, degree: string | null, status: string, organizationId: string) {
  const includedAt = status === 'draft' ? null : new Date('2024-06-01T00:00:00Z');
  const { rows } = await sql<{ id: string }>`
    INSERT INTO programmes (organization_id, code, name_kk, name_ru, field_code, nqf_level, degree, credits_ects, status, first_included_at)
    VALUES (${organizationId}, ${code}, ${code}, ${code}, ${code.slice(2, 4)}, ${nqfLevel}, ${degree}, 240, ${status}, ${includedAt}) RETURNING id`.execute(t.db);
  ids[code] = rows[0]?.id ?? '';
}

async function qualification(code: string, nqfLevel: number, type: string) {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO qualifications (code, name_kk, name_ru, kind, qualification_type, nqf_level)
    VALUES (${code}, ${code}, ${code}, 'higher-education', ${type}, ${nqfLevel}) RETURNING id`.execute(t.db);
  ids[code] = rows[0]?.id ?? '';
}

before(async () => {
  t = await createTestApp();
  const ministry = await t.tokenFor('ministry');
  const org = await t.db.selectFrom('organizations').select('id').where('kind', '=', 'university').orderBy('key').executeTakeFirstOrThrow();
  await programme('6B06101', 7, 'bachelor', 'included', org.id);
  await programme('7M01101', 7, 'master-profile', 'included', org.id);
  await programme('6B01101', 6, 'bachelor', 'update', org.id);
  await programme('6B02101', 8, 'phd', 'draft', org.id);
  await qualification('Q-BACHELOR-5', 5, 'bachelor');
  await qualification('Q-PHD-8', 8, 'phd');
  await qualification('Q-MICRO-4', 4, 'micro-qualification');
  await qualification('Q-MICRO-6', 6, 'micro-qualification');

  const sqf = await t.json('POST', '/api/sqfs', {
    token: ministry,
    body: {
      code: 'SQF-EDU',
      name: lang('Education'),
      sector: lang('Education'),
      developer: 'Ministry of Enlightenment',
      levels: [
        { level: 5, descriptor: lang('Assistant teacher') },
        { level: 6, sublevel: '6.1', descriptor: lang('Teacher') },
      ],
    },
  });
  assert.equal(sqf.status, 201, JSON.stringify(sqf.body));
  const standard = await t.json('POST', '/api/occupational-standards', {
    token: ministry,
    body: {
      code: 'PS-TEACHER',
      name: lang('Teacher'),
      sector: lang('Education'),
      developer: 'Atameken',
      sqfId: sqf.body.id,
      occupations: [
        { code: 'O-OK', name: lang('Teacher'), nqfLevel: 6, sqfSublevel: '6.1' },
        { code: 'O-HIGH', name: lang('Teacher-researcher'), nqfLevel: 7 },
        { code: 'O-SUB', name: lang('Teacher-expert'), nqfLevel: 6, sqfSublevel: '6.3' },
      ],
    },
  });
  assert.equal(standard.status, 201, JSON.stringify(standard.body));
  ids['PS-TEACHER'] = standard.body.id;
});
after(async () => t.close());

describe('level-consistency checker API', () => {
  test('anyone sees every disagreement between levels, with counts per kind', async () => {
    const res = await t.json('GET', '/api/consistency');
    assert.equal(res.status, 200);
    const found = res.body.items.map((f: { kind: string; code: string; expected: string; actual: string }) => `${f.kind} ${f.code} ${f.expected}/${f.actual}`).sort();
    assert.deepEqual(found, [
      'declared-level-range Q-MICRO-6 4–5/6',
      'occupation-sqf-level PS-TEACHER/O-HIGH 5, 6/7',
      'occupation-sqf-sublevel PS-TEACHER/O-SUB 6.1/6.3',
      'programme-code-level 6B06101 6/7',
      'programme-degree-level 6B06101 6/7',
      'qualification-type-level Q-BACHELOR-5 6/5',
    ]);
    assert.equal(res.body.total, 6);
    assert.deepEqual(res.body.counts, {
      'programme-degree-level': 1,
      'programme-code-level': 1,
      'occupation-sqf-level': 1,
      'occupation-sqf-sublevel': 1,
      'qualification-type-level': 1,
      'declared-level-range': 1,
    });
  });

  test('a finding names the record it concerns', async () => {
    const res = await t.json('GET', '/api/consistency?kind=programme-degree-level', { lang: 'en' });
    assert.deepEqual(res.body.items, [
      {
        kind: 'programme-degree-level',
        entityType: 'programme',
        entityId: ids['6B06101'],
        code: '6B06101',
        expected: '6',
        actual: '7',
        messageKey: 'errors.field.levelMismatchDegree',
        message: '6B06101: NQF level 7, but its degree is at level 6.',
      },
    ]);
  });

  test('programmes never included in the Register are not shown to the public', async () => {
    const res = await t.json('GET', '/api/consistency?kind=programme-code-level');
    assert.deepEqual(res.body.items.map((f: { code: string }) => f.code), ['6B06101']);
  });

  test('occupational-standard findings point at the standard and explain in the asked language', async () => {
    const res = await t.json('GET', '/api/consistency?kind=occupation-sqf-level', { lang: 'ru' });
    assert.equal(res.body.total, 1);
    assert.equal(res.body.items[0].entityId, ids['PS-TEACHER']);
    assert.equal(res.body.items[0].message, 'PS-TEACHER/O-HIGH: уровня 7 нет среди уровней связанной ОРК (5, 6).');
    const kk = await t.json('GET', '/api/consistency?kind=occupation-sqf-sublevel', { lang: 'kk' });
    assert.match(kk.body.items[0].message, /6\.3 ішкі деңгейі/);
  });

  test('the findings are paginated', async () => {
    const res = await t.json('GET', '/api/consistency?limit=2&offset=5');
    assert.deepEqual([res.body.total, res.body.items.length], [6, 1]);
  });

  test('an unknown kind is refused', async () => {
    const res = await t.json('GET', '/api/consistency?kind=everything');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].path, 'query.kind');
  });
});
