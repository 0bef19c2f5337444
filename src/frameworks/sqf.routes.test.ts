import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FrameworksApp, lang, openFrameworksApp } from './frameworks.fixtures.ts';
import { todayInAlmaty } from './classifier.repository.ts';

const itFramework = (over: Record<string, unknown> = {}) => ({
  code: 'SQF-IT',
  name: lang('Information and communication technologies', 'Информационно-коммуникационные технологии', 'Ақпараттық-коммуникациялық технологиялар'),
  sector: lang('Information and communication', 'Информация и связь', 'Ақпарат және байланыс'),
  okedCodes: ['62', '63.11'],
  developer: 'Sector council for ICT',
  approvedOn: '2019-12-20',
  levels: [
    { level: 3, descriptor: lang('Performs standard tasks') },
    { level: 4, sublevel: '4.1', descriptor: lang('Technician') },
    { level: 4, sublevel: '4.2', descriptor: lang('Senior technician') },
    { level: 5, descriptor: lang('Specialist') },
    { level: 6, descriptor: lang('Engineer') },
  ],
  qualifications: [
    { code: 'IT-4-01', name: lang('Computer network technician'), nqfLevel: 4, sublevel: '4.1', iscoCodes: ['3513'], nkzCodes: ['3513-1'], okedCodes: ['61.10'] },
    { code: 'IT-6-01', name: lang('Software developer', 'Разработчик программного обеспечения'), nqfLevel: 6, iscoCodes: ['2512'], nkzCodes: ['2512'], okedCodes: ['62.01'] },
  ],
  ...over,
});

let { t, ministry, council, learner } = {} as FrameworksApp;

async function counts() {
  const n = async (table: 'sqfs' | 'sqf_qualifications') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const versions = await t.db.selectFrom('record_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'sqf').executeTakeFirstOrThrow();
  const audit = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const docs = await t.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'sqf').executeTakeFirstOrThrow();
  return { sqfs: await n('sqfs'), qualifications: await n('sqf_qualifications'), versions: Number(versions.n), audit: Number(audit.n), docs: Number(docs.n) };
}

before(async () => {
  ({ t, ministry, council, learner } = await openFrameworksApp());
});
after(async () => t.close());

describe('sectoral qualification frameworks API', () => {
  let itId: string;

  test('a sector council creates a framework with its levels and qualification map', async () => {
    const res = await t.json('POST', '/api/sqfs', { token: council, body: itFramework() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    itId = res.body.id;
    assert.equal(res.body.code, 'SQF-IT');
    assert.equal(res.body.version, 1);
    assert.equal(res.body.edition, '1');
    assert.equal(res.body.status, 'active');
    assert.deepEqual(
      res.body.levels.map((l: { level: number; sublevel: string | null }) => [l.level, l.sublevel]),
      [[3, null], [4, '4.1'], [4, '4.2'], [5, null], [6, null]],
    );
    assert.deepEqual(
      res.body.qualifications.map((q: { code: string; sublevel: string | null; iscoCodes: string[] }) => [q.code, q.sublevel, q.iscoCodes]),
      [['IT-4-01', '4.1', ['3513']], ['IT-6-01', null, ['2512']]],
    );
  });

  test('the ministry may create a framework too', async () => {
    const res = await t.json('POST', '/api/sqfs', {
      token: ministry,
      body: itFramework({ code: 'SQF-EDU', name: lang('Education', 'Образование', 'Білім беру'), sector: lang('Education', 'Образование', 'Білім беру'), okedCodes: ['85.42.1'], developer: 'Ministry of Science and Higher Education', qualifications: [] }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test('anyone reads frameworks without a token', async () => {
    const list = await t.json('GET', '/api/sqfs');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    assert.equal(list.body.items[0].qualifications, undefined, 'lists show the passport, not the map');
    const one = await t.json('GET', `/api/sqfs/${itId}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.qualifications.length, 2);
  });

  test('an unknown framework id is a 404', async () => {
    const res = await t.json('GET', '/api/sqfs/00000000-0000-4000-8000-000000000000');
    assert.equal(res.status, 404);
  });

  test('an anonymous write is refused with 401 and a role without the grant with 403', async () => {
    const anonymous = await t.json('POST', '/api/sqfs', { body: itFramework({ code: 'SQF-X' }) });
    assert.equal(anonymous.status, 401);
    const asLearner = await t.json('POST', '/api/sqfs', { token: learner, body: itFramework({ code: 'SQF-X' }) });
    assert.equal(asLearner.status, 403);
    const patch = await t.json('PATCH', `/api/sqfs/${itId}`, { token: learner, body: { developer: 'Someone' } });
    assert.equal(patch.status, 403);
  });

  test('a body with several bad fields is refused with every field path listed', async () => {
    const before = await counts();
    const body = itFramework({
      code: 'SQF-BAD',
      name: { kk: 'Қате', ru: 'Ошибка' },
      okedCodes: ['8542', '85.42'],
      levels: [
        { level: 9, descriptor: lang('Too high') },
        { level: 4, sublevel: '4.1', descriptor: lang('Technician') },
      ],
      qualifications: [
        { code: 'Q-1', name: lang('One'), nqfLevel: 4, sublevel: '4.1', iscoCodes: ['2512'] },
        { code: 'Q-2', name: lang('Two'), nqfLevel: 4, sublevel: '4.5' },
        { code: 'Q-3', name: lang('Three'), nqfLevel: 4, nkzCodes: ['25x'] },
        { code: 'Q-4', name: lang('Four'), nqfLevel: 4, iscoCodes: ['2512', '251'], okedCodes: ['62-01'] },
      ],
    });
    const res = await t.json('POST', '/api/sqfs', { token: council, body });
    assert.equal(res.status, 422);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, [
      'levels.0.level',
      'name.en',
      'okedCodes.0',
      'qualifications.1.sublevel',
      'qualifications.2.nkzCodes.0',
      'qualifications.3.iscoCodes.1',
      'qualifications.3.okedCodes.0',
    ]);
    assert.deepEqual(await counts(), before, 'nothing is stored');
  });

  test('rule violations alone are refused with localized messages naming the code', async () => {
    const res = await t.json('POST', '/api/sqfs', {
      token: council,
      lang: 'ru',
      body: itFramework({ code: 'SQF-RU', qualifications: [{ code: 'Q', name: lang('Q'), nqfLevel: 7, iscoCodes: ['25'] }] }),
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      res.body.errors.map((e: { path: string; key: string }) => [e.path, e.key]),
      [
        ['qualifications.0.iscoCodes.0', 'errors.field.iscoCode'],
        ['qualifications.0.nqfLevel', 'errors.field.levelUndeclared'],
      ],
    );
    assert.match(res.body.errors[0].message, /25.*МСКЗ-08/);
  });

  test('a second framework with the same code is a 409 and stores nothing', async () => {
    const before = await counts();
    const res = await t.json('POST', '/api/sqfs', { token: council, body: itFramework() });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'duplicate');
    assert.equal(res.body.existingId, itId);
    assert.deepEqual(await counts(), before);
  });

  test('an update writes a new version and asOf answers with the data of that day', async () => {
    const res = await t.json('PATCH', `/api/sqfs/${itId}`, {
      token: council,
      body: {
        version: 1,
        edition: '2',
        developer: 'Sector council for ICT and communications',
        qualifications: [{ code: 'IT-6-01', name: lang('Software engineer'), nqfLevel: 6, iscoCodes: ['2512'] }],
      },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.version, 2);
    assert.equal(res.body.edition, '2');
    assert.deepEqual(res.body.qualifications.map((q: { code: string }) => q.code), ['IT-6-01']);
    assert.equal(res.body.levels.length, 5, 'levels not sent are kept');

    const history = await t.json('GET', `/api/sqfs/${itId}/history`);
    assert.equal(history.status, 200);
    assert.deepEqual(history.body.map((h: { version: number; action: string }) => [h.version, h.action]), [[1, 'sqf.create'], [2, 'sqf.update']]);
    assert.equal(history.body[0].data.qualifications.length, 2, 'the first version keeps the old map');
    assert.notEqual(history.body[0].validTo, null);

    const beforeCreation = await t.json('GET', `/api/sqfs/${itId}?asOf=2020-01-01`);
    assert.equal(beforeCreation.status, 404);
    const today = await t.json('GET', `/api/sqfs/${itId}?asOf=${todayInAlmaty()}`);
    assert.equal(today.status, 200);
    assert.equal(today.body.developer, 'Sector council for ICT and communications');
    assert.equal(today.body.qualifications.length, 1);

    const listToday = await t.json('GET', `/api/sqfs?asOf=${todayInAlmaty()}&status=active`);
    assert.equal(listToday.body.total, 2);
    const listThen = await t.json('GET', '/api/sqfs?asOf=2020-01-01');
    assert.equal(listThen.body.total, 0);
  });

  test('an update from a stale version is a 409', async () => {
    const res = await t.json('PATCH', `/api/sqfs/${itId}`, { token: council, body: { version: 1, developer: 'Late edit' } });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'conflict');
  });

  test('removing a level that the stored map still uses is refused', async () => {
    const res = await t.json('PATCH', `/api/sqfs/${itId}`, { token: council, body: { levels: [{ level: 3, descriptor: lang('Only three') }] } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['qualifications.0.nqfLevel']);
  });

  test('a PATCH does not reset fields it does not mention', async () => {
    const res = await t.json('PATCH', `/api/sqfs/${itId}`, { token: council, body: { status: 'draft' } });
    assert.equal(res.status, 200);
    const again = await t.json('PATCH', `/api/sqfs/${itId}`, { token: council, body: { developer: 'Sector council for ICT' } });
    assert.equal(again.body.status, 'draft');
    assert.deepEqual(again.body.okedCodes, ['62', '63.11']);
    await t.json('PATCH', `/api/sqfs/${itId}`, { token: council, body: { status: 'active' } });
  });

  test('the list filters by sector, developer, OKED, status and text, with a total', async () => {
    const codes = async (query: string) => {
      const res = await t.json('GET', `/api/sqfs?${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items.map((i: { code: string }) => i.code);
    };
    assert.deepEqual(await codes('sector=%D0%BE%D0%B1%D1%80%D0%B0%D0%B7'), ['SQF-EDU'], 'Russian sector substring, any case');
    assert.deepEqual(await codes('developer=ict'), ['SQF-IT']);
    assert.deepEqual(await codes('oked=62.01'), ['SQF-IT'], 'a finer activity of a declared division');
    assert.deepEqual(await codes('oked=85.42'), ['SQF-EDU'], 'a broader activity than a declared subclass');
    assert.deepEqual(await codes('oked=01'), []);
    assert.deepEqual(await codes('status=active'), ['SQF-EDU', 'SQF-IT']);
    assert.deepEqual(await codes('q=communication'), ['SQF-IT']);
    const page = await t.json('GET', '/api/sqfs?limit=1&offset=1');
    assert.deepEqual([page.body.total, page.body.items.length, page.body.items[0].code], [2, 1, 'SQF-IT']);
  });

  test('filters that past versions cannot answer are refused with asOf', async () => {
    const res = await t.json('GET', `/api/sqfs?asOf=${todayInAlmaty()}&sector=x&developer=y`);
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['query.sector', 'query.developer']);
  });

  test('every change keeps the search document of the framework current', async () => {
    const doc = await t.db.selectFrom('search_documents').selectAll().where('entity_type', '=', 'sqf').where('entity_id', '=', itId).executeTakeFirstOrThrow();
    assert.equal(doc.title_en, 'Information and communication technologies');
    assert.ok(doc.codes.includes('SQF-IT'));
    assert.match(doc.folded, /informatsionno/);
  });
});
