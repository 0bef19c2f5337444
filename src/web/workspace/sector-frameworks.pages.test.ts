// The sector council keeps sectoral frameworks in the workspace: a new framework with levels,
// sub-levels and a qualification map saves through the API's service, a new version keeps the map,
// a refused field shows its problem next to it in kk/ru/en, and another role is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { getSqf } from '../../frameworks/sqf.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
const { as, get } = sessions(() => t, TEST_PASSWORD);
const COUNCIL = 'council@sqf.test';

before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, async (ctx) => {
    await addUser(ctx, { email: COUNCIL, displayName: 'Sector Council', role: 'sector-council' });
    await addUser(ctx, { email: 'learner@sqf.test', role: 'learner' });
  });
});
after(() => t.close());

const framework = (over: Record<string, string> = {}) => ({
  levelRows: '3',
  qualificationRows: '2',
  code: 'SQF-IT-1',
  'name.kk': 'АТ салалық шеңбері',
  'name.ru': 'Отраслевая рамка ИТ',
  'name.en': 'IT sectoral framework',
  'sector.kk': 'Ақпараттық технологиялар',
  'sector.ru': 'Информационные технологии',
  'sector.en': 'Information technology',
  developer: 'IT sector council',
  edition: '1',
  status: 'active',
  okedCodes: '62.01, 62.02',
  'levels.0.level': '4',
  'levels.0.descriptor.kk': 'Типтік міндеттерді орындайды',
  'levels.0.descriptor.ru': 'Выполняет типовые задачи',
  'levels.0.descriptor.en': 'Performs typical tasks',
  'levels.1.level': '4',
  'levels.1.sublevel': '4.1',
  'levels.1.descriptor.kk': 'Жетекшілікпен жұмыс істейді',
  'levels.1.descriptor.ru': 'Работает под руководством',
  'levels.1.descriptor.en': 'Works under supervision',
  'qualifications.0.code': 'Q-IT-4',
  'qualifications.0.name.kk': 'Техник-бағдарламашы',
  'qualifications.0.name.ru': 'Техник-программист',
  'qualifications.0.name.en': 'Programming technician',
  'qualifications.0.nqfLevel': '4',
  'qualifications.0.sublevel': '4.1',
  'qualifications.0.iscoCodes': '3512',
  'qualifications.0.okedCodes': '62.01',
  ...over,
});

const post = async (path: string, fields: Record<string, string>, email = COUNCIL) => postForm(t, path, fields, await as(email));

describe('sectoral frameworks in the workspace', () => {
  let id = '';

  test('a new framework saves its levels, sub-levels and map, and the saved page says what next', async () => {
    const form = await get('/en/workspace/sector-frameworks/new', COUNCIL);
    assert.equal(form.status, 200);
    assert.match(form.html, /<label for="f-levels-0-sublevel">Sub-level of row 1<\/label>/);
    const res = await post('/en/workspace/sector-frameworks/new', framework());
    assert.equal(res.status, 303, await res.clone().text());
    const location = res.headers.get('location') ?? '';
    id = /\/en\/workspace\/sector-frameworks\/([0-9a-f-]{36})\/saved$/.exec(location)?.[1] ?? '';
    assert.ok(id, location);
    const saved = await get(location, COUNCIL);
    assert.match(saved.html, /role="status"/);
    assert.match(saved.html, /Changes saved: this is version 1/);
    assert.match(saved.html, /Levels and sub-levels: 2; qualifications in the map: 1\./);
    assert.match(saved.html, new RegExp(`href="/en/sqfs/${id}"`));
    const stored = await inTransaction(t.system, (ctx) => getSqf(ctx, id));
    assert.deepEqual(stored.okedCodes, ['62.01', '62.02']);
    assert.deepEqual(
      stored.levels.map((l) => [l.level, l.sublevel]),
      [
        [4, null],
        [4, '4.1'],
      ],
    );
    assert.deepEqual(stored.qualifications.map((q) => [q.code, q.sublevel, q.iscoCodes]), [['Q-IT-4', '4.1', ['3512']]]);
  });

  test('the edit form shows the stored framework with a spare row; saving writes version 2', async () => {
    const form = await get(`/en/workspace/sector-frameworks/${id}/edit`, COUNCIL);
    assert.equal(form.status, 200);
    assert.match(form.html, /name="qualificationRows" value="2"/);
    assert.match(form.html, /value="Q-IT-4"/);
    const res = await post(`/en/workspace/sector-frameworks/${id}/edit`, {
      ...framework({ version: '1', 'name.en': 'ICT sectoral framework' }),
      'qualifications.1.code': 'Q-IT-5',
      'qualifications.1.name.kk': 'Бағдарламашы',
      'qualifications.1.name.ru': 'Программист',
      'qualifications.1.name.en': 'Programmer',
      'qualifications.1.nqfLevel': '4',
    });
    assert.equal(res.status, 303, await res.clone().text());
    const stored = await inTransaction(t.system, (ctx) => getSqf(ctx, id));
    assert.equal(stored.version, 2);
    assert.equal(stored.name.en, 'ICT sectoral framework');
    assert.deepEqual(
      stored.qualifications.map((q) => q.code),
      ['Q-IT-4', 'Q-IT-5'],
    );
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: an undeclared level and a wrong OKED code are shown next to their fields`, async () => {
      // Row 1 of the map is left empty: the problem of row 2 must land on row 2.
      const res = await post(`/${lang}/workspace/sector-frameworks/new`, {
        ...framework({ code: `SQF-BAD-${lang}`, okedCodes: '62.01, x9' }),
        'qualifications.0.code': '',
        'qualifications.0.name.kk': '',
        'qualifications.0.name.ru': '',
        'qualifications.0.name.en': '',
        'qualifications.0.nqfLevel': '',
        'qualifications.0.sublevel': '',
        'qualifications.0.iscoCodes': '',
        'qualifications.0.okedCodes': '',
        'qualifications.1.code': 'Q-7',
        'qualifications.1.name.kk': 'Инженер',
        'qualifications.1.name.ru': 'Инженер',
        'qualifications.1.name.en': 'Engineer',
        'qualifications.1.nqfLevel': '7',
      });
      assert.equal(res.status, 422);
      const html = await res.text();
      const levelError = /<p class="field-error" id="f-qualifications-1-nqfLevel-error">([^<]*)<\/p>/.exec(html)?.[1];
      assert.equal(levelError, escaped(text(lang, 'errors.field.levelUndeclared').replace('{{level}}', '7')));
      const okedError = /<p class="field-error" id="f-okedCodes-error">([^<]*)<\/p>/.exec(html)?.[1];
      assert.equal(okedError, escaped(text(lang, 'errors.field.okedCode').replace('{{code}}', 'x9')));
      assert.match(html, /aria-describedby="f-okedCodes-hint f-okedCodes-error"/);
      // What was typed comes back.
      assert.match(html, /value="Q-7"/);
    });
  }

  test('a missing name is "required" on its field', async () => {
    const res = await post('/en/workspace/sector-frameworks/new', framework({ code: 'SQF-NONAME', 'name.ru': '' }));
    assert.equal(res.status, 422);
    assert.match(await res.text(), /id="f-name-ru-error">Required\.<\/p>/);
  });

  test('another role is refused the list, the forms and the save', async () => {
    for (const path of ['/en/workspace/sector-frameworks', '/en/workspace/sector-frameworks/new', `/en/workspace/sector-frameworks/${id}/edit`]) {
      assert.equal((await get(path, 'learner@sqf.test')).status, 403, path);
    }
    const res = await post(`/en/workspace/sector-frameworks/${id}/edit`, framework({ version: '2', 'name.en': 'Hijacked' }), 'learner@sqf.test');
    assert.equal(res.status, 403);
    const stored = await inTransaction(t.system, (ctx) => getSqf(ctx, id));
    assert.equal(stored.name.en, 'ICT sectoral framework');
  });

  test('the workspace home links the sector council to its frameworks', async () => {
    const home = await get('/en/workspace', COUNCIL);
    assert.match(home.html, /href="\/en\/workspace\/sector-frameworks">Sectoral qualification frameworks<\/a>/);
  });
});
