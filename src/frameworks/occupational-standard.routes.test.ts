import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type FrameworksApp, lang, openFrameworksApp } from './frameworks.fixtures.ts';
import { todayInAlmaty } from './classifier.repository.ts';

const teacherStandard = (sqfId: string | null, over: Record<string, unknown> = {}) => ({
  code: 'PS-EDU-TEACHER',
  name: lang('Teacher', 'Педагог', 'Педагог'),
  sector: lang('Education', 'Образование', 'Білім беру'),
  developer: 'National Chamber of Entrepreneurs "Atameken"',
  approvedOn: '2022-12-15',
  sqfId,
  occupations: [
    {
      code: 'O-1',
      name: lang('Mathematics teacher', 'Учитель математики', 'Математика мұғалімі'),
      nqfLevel: 6,
      sqfSublevel: '6.1',
      iscoCode: '2330',
      nkzCode: '2330-1',
      labourFunctions: [
        {
          code: 'LF-1',
          name: lang('Lesson planning', 'Планирование уроков', 'Сабақты жоспарлау'),
          skills: [lang('Writes a lesson plan', 'Составляет план урока', 'Сабақ жоспарын құрады')],
          knowledge: [lang('State standard of secondary education')],
        },
      ],
    },
    { code: 'O-2', name: lang('Teacher-researcher', 'Педагог-исследователь', 'Педагог-зерттеуші'), nqfLevel: 7, labourFunctions: [] },
  ],
  ...over,
});

let { t, ministry, council, learner } = {} as FrameworksApp;
let sqfId: string;

async function counts() {
  const one = async (q: Promise<{ n: number }>) => Number((await q).n);
  return {
    standards: await one(t.db.selectFrom('occupational_standards').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
    versions: await one(
      t.db.selectFrom('record_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'occupational-standard').executeTakeFirstOrThrow(),
    ),
    audit: await one(t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
    docs: await one(
      t.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'occupational-standard').executeTakeFirstOrThrow(),
    ),
  };
}

before(async () => {
  ({ t, ministry, council, learner } = await openFrameworksApp());
  const sqf = await t.json('POST', '/api/sqfs', {
    token: ministry,
    body: {
      code: 'SQF-EDU',
      name: lang('Education', 'Образование', 'Білім беру'),
      sector: lang('Education', 'Образование', 'Білім беру'),
      developer: 'Ministry of Enlightenment',
      levels: [
        { level: 6, sublevel: '6.1', descriptor: lang('Teacher') },
        { level: 6, sublevel: '6.2', descriptor: lang('Teacher-moderator') },
        { level: 7, descriptor: lang('Teacher-researcher') },
      ],
    },
  });
  assert.equal(sqf.status, 201, JSON.stringify(sqf.body));
  sqfId = sqf.body.id;
});
after(async () => t.close());

describe('occupational standards API', () => {
  let id: string;

  test('a sector council creates a standard; its levels come from its occupations', async () => {
    const res = await t.json('POST', '/api/occupational-standards', { token: council, body: teacherStandard(sqfId) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    id = res.body.id;
    assert.deepEqual(res.body.nqfLevels, [6, 7]);
    assert.equal(res.body.sqfId, sqfId);
    assert.equal(res.body.occupations[1].sqfSublevel, null);
    assert.equal(res.body.occupations[1].iscoCode, null);
    assert.equal(res.body.version, 1);
  });

  test('the ministry may create a standard too, without an SQF', async () => {
    const res = await t.json('POST', '/api/occupational-standards', {
      token: ministry,
      body: {
        code: 'PS-IT-DEV',
        name: lang('Software development', 'Разработка программного обеспечения', 'Бағдарламалық қамтамасыз етуді әзірлеу'),
        sector: lang('Information and communication'),
        developer: 'Association of IT companies',
        occupations: [
          {
            code: 'D-1',
            name: lang('Software developer', 'Разработчик программного обеспечения', 'Бағдарламалық қамтамасыз етуді әзірлеуші'),
            nqfLevel: 6,
            iscoCode: '2512',
            labourFunctions: [{ code: 'F-1', name: lang('Code review', 'Рецензирование кода', 'Кодты тексеру'), skills: [], knowledge: [] }],
          },
        ],
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test('anyone reads standards without a token', async () => {
    const list = await t.json('GET', '/api/occupational-standards');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    const one = await t.json('GET', `/api/occupational-standards/${id}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.occupations[0].labourFunctions[0].skills[0].ru, 'Составляет план урока');
  });

  test('an anonymous write is refused with 401 and a learner with 403', async () => {
    assert.equal((await t.json('POST', '/api/occupational-standards', { body: teacherStandard(sqfId, { code: 'PS-X' }) })).status, 401);
    assert.equal((await t.json('POST', '/api/occupational-standards', { token: learner, body: teacherStandard(sqfId, { code: 'PS-X' }) })).status, 403);
    assert.equal((await t.json('PATCH', `/api/occupational-standards/${id}`, { token: learner, body: { developer: 'x' } })).status, 403);
  });

  test('a body with several bad fields is refused with every field path listed', async () => {
    const before = await counts();
    const body = teacherStandard(null, {
      code: 'PS-BAD',
      developer: '',
      occupations: [
        { code: 'A', name: lang('A'), nqfLevel: 9, iscoCode: '233' },
        { code: 'A', name: lang('B'), nqfLevel: 5, sqfSublevel: '5.1', nkzCode: 'abc' },
      ],
    });
    const res = await t.json('POST', '/api/occupational-standards', { token: council, body });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path).sort(), [
      'developer',
      'occupations.0.iscoCode',
      'occupations.0.nqfLevel',
      'occupations.1.code',
      'occupations.1.nkzCode',
      'occupations.1.sqfSublevel',
    ]);
    assert.deepEqual(await counts(), before, 'nothing is stored');
  });

  test('an unknown SQF id is refused with 422 naming it, and nothing is stored', async () => {
    const before = await counts();
    const unknown = '11111111-1111-4111-8111-111111111111';
    const res = await t.json('POST', '/api/occupational-standards', { token: council, body: teacherStandard(unknown, { code: 'PS-ORPHAN' }) });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'unknown_reference');
    assert.deepEqual(res.body.errors.map((e: { path: string; key: string }) => [e.path, e.key]), [['sqfId', 'errors.field.unknownId']]);
    assert.match(res.body.errors[0].message, new RegExp(unknown));
    assert.deepEqual(await counts(), before);
  });

  test('a duplicate code is a 409', async () => {
    const res = await t.json('POST', '/api/occupational-standards', { token: council, body: teacherStandard(sqfId) });
    assert.equal(res.status, 409);
    assert.equal(res.body.existingId, id);
  });

  test('searching by profession finds the standard in any language and by ISCO code', async () => {
    for (const profession of ['учитель матем', 'МАТЕМАТИКА МҰҒАЛІМІ', 'mathematics', '2330']) {
      const res = await t.json('GET', `/api/occupational-standards?profession=${encodeURIComponent(profession)}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((i: { code: string }) => i.code), ['PS-EDU-TEACHER'], profession);
    }
    const none = await t.json('GET', '/api/occupational-standards?profession=astronaut');
    assert.equal(none.body.total, 0);
  });

  test('searching by labour function and by developer finds the standard', async () => {
    const byFunction = await t.json('GET', `/api/occupational-standards?labourFunction=${encodeURIComponent('планирование')}`);
    assert.deepEqual(byFunction.body.items.map((i: { code: string }) => i.code), ['PS-EDU-TEACHER']);
    const byDeveloper = await t.json('GET', '/api/occupational-standards?developer=atameken');
    assert.deepEqual(byDeveloper.body.items.map((i: { code: string }) => i.code), ['PS-EDU-TEACHER']);
    const byOther = await t.json('GET', `/api/occupational-standards?developer=${encodeURIComponent('IT companies')}`);
    assert.deepEqual(byOther.body.items.map((i: { code: string }) => i.code), ['PS-IT-DEV']);
  });

  test('the list filters by level, SQF, sector and text', async () => {
    const codes = async (query: string) => (await t.json('GET', `/api/occupational-standards?${query}`)).body.items.map((i: { code: string }) => i.code);
    assert.deepEqual(await codes('nqfLevel=7'), ['PS-EDU-TEACHER']);
    assert.deepEqual(await codes('nqfLevel=6'), ['PS-EDU-TEACHER', 'PS-IT-DEV']);
    assert.deepEqual(await codes(`sqfId=${sqfId}`), ['PS-EDU-TEACHER']);
    assert.deepEqual(await codes(`sector=${encodeURIComponent('білім')}`), ['PS-EDU-TEACHER']);
    assert.deepEqual(await codes('q=software'), ['PS-IT-DEV']);
  });

  test('the search document carries occupations, labour functions, skills and developer', async () => {
    const doc = await t.db.selectFrom('search_documents').selectAll().where('entity_type', '=', 'occupational-standard').where('entity_id', '=', id).executeTakeFirstOrThrow();
    assert.ok(doc.codes.includes('PS-EDU-TEACHER') && doc.codes.includes('2330'));
    assert.match(doc.folded, /uchitel matematiki/, 'occupation names are searchable as headline text');
    const hit = await t.db
      .selectFrom('search_documents')
      .select('entity_id')
      .where('entity_type', '=', 'occupational-standard')
      .where(sql<boolean>`tsv @@ plainto_tsquery('simple', 'atameken')`)
      .execute();
    assert.deepEqual(hit.map((h) => h.entity_id), [id], 'the developer is in the indexed body');
  });

  test('an update writes a new version; asOf before creation is 404 and today gives the current data', async () => {
    const res = await t.json('PATCH', `/api/occupational-standards/${id}`, {
      token: council,
      body: { version: 1, edition: '2', occupations: [{ code: 'O-1', name: lang('Mathematics teacher'), nqfLevel: 6, labourFunctions: [] }] },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.version, res.body.edition, res.body.nqfLevels], [2, '2', [6]]);
    assert.equal(res.body.developer, 'National Chamber of Entrepreneurs "Atameken"', 'fields not sent are kept');

    const history = await t.json('GET', `/api/occupational-standards/${id}/history`);
    assert.deepEqual(history.body.map((h: { version: number }) => h.version), [1, 2]);
    assert.deepEqual(history.body[0].data.nqfLevels, [6, 7]);

    assert.equal((await t.json('GET', `/api/occupational-standards/${id}?asOf=2020-01-01`)).status, 404);
    const today = await t.json('GET', `/api/occupational-standards/${id}?asOf=${todayInAlmaty()}`);
    assert.deepEqual([today.status, today.body.version, today.body.nqfLevels], [200, 2, [6]]);
    const listed = await t.json('GET', `/api/occupational-standards?asOf=${todayInAlmaty()}&sqfId=${sqfId}`);
    assert.deepEqual(listed.body.items.map((i: { id: string }) => i.id), [id]);
    const refused = await t.json('GET', `/api/occupational-standards?asOf=${todayInAlmaty()}&profession=x`);
    assert.deepEqual([refused.status, refused.body.errors[0].path], [422, 'query.profession']);
  });

  test('a stale version is a 409 and unlinking the SQF from a standard with sub-levels is refused', async () => {
    assert.equal((await t.json('PATCH', `/api/occupational-standards/${id}`, { token: council, body: { version: 1, status: 'draft' } })).status, 409);
    const withSublevel = await t.json('PATCH', `/api/occupational-standards/${id}`, {
      token: council,
      body: { occupations: [{ code: 'O-1', name: lang('Mathematics teacher'), nqfLevel: 6, sqfSublevel: '6.2' }] },
    });
    assert.equal(withSublevel.status, 200, JSON.stringify(withSublevel.body));
    const res = await t.json('PATCH', `/api/occupational-standards/${id}`, { token: council, body: { sqfId: null } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['occupations.0.sqfSublevel']);
  });

  test('a history of an unknown standard is a 404', async () => {
    assert.equal((await t.json('GET', '/api/occupational-standards/00000000-0000-4000-8000-000000000000/history')).status, 404);
  });
});
