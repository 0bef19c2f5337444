import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FrameworksApp, lang, openFrameworksApp } from './frameworks.fixtures.ts';
import { todayInAlmaty } from './classifier.repository.ts';

let { t, ministry, council, learner } = {} as FrameworksApp;

async function classifierRows(classifier: string) {
  const versions = await t.db.selectFrom('classifier_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('classifier', '=', classifier).executeTakeFirstOrThrow();
  const entries = await t.db.selectFrom('classifier_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('classifier', '=', classifier).executeTakeFirstOrThrow();
  const audit = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { versions: Number(versions.n), entries: Number(entries.n), audit: Number(audit.n) };
}

before(async () => {
  ({ t, ministry, council, learner } = await openFrameworksApp());
});
after(async () => t.close());

describe('classifiers API: reading', () => {
  test('anyone lists the classifiers with their versions', async () => {
    const res = await t.json('GET', '/api/classifiers');
    assert.equal(res.status, 200);
    const region = res.body.items.find((c: { classifier: string }) => c.classifier === 'region');
    assert.deepEqual(region, {
      classifier: 'region',
      current: '2024',
      versions: [{ version: '2024', validFrom: '2024-01-01', validTo: null, title: 'Regions and cities of republican significance' }],
    });
    assert.equal(res.body.total, res.body.items.length);
  });

  test('the entries of the version in force are the default', async () => {
    const res = await t.json('GET', '/api/classifiers/region');
    assert.equal(res.status, 200);
    assert.equal(res.body.version, '2024');
    assert.equal(res.body.total, 20);
    assert.ok(res.body.items.every((e: { name: { kk: string; ru: string } }) => e.name.kk && e.name.ru));
  });

  test('the children of a code are listed with ?parent=', async () => {
    const res = await t.json('GET', '/api/classifiers/direction?parent=01');
    assert.equal(res.status, 200);
    assert.ok(res.body.total > 0);
    assert.ok(res.body.items.every((e: { code: string; parentCode: string }) => e.parentCode === '01' && e.code.startsWith('01')));
  });

  test('one entry is read by its code', async () => {
    const res = await t.json('GET', '/api/classifiers/region/KZ-75');
    assert.equal(res.status, 200);
    assert.equal(res.body.code, 'KZ-75');
    assert.equal(res.body.version, '2024');
  });

  test('an unknown classifier, version or code is a 404', async () => {
    assert.equal((await t.json('GET', '/api/classifiers/no-such-thing')).status, 404);
    assert.equal((await t.json('GET', '/api/classifiers/region?version=1999')).status, 404);
    assert.equal((await t.json('GET', '/api/classifiers/region/KZ-00')).status, 404);
  });
});

describe('classifiers API: publishing a version', () => {
  const languages = [
    { code: 'kk', name: lang('Kazakh', 'Казахский', 'Қазақ') },
    { code: 'ru', name: lang('Russian', 'Русский', 'Орыс') },
    { code: 'en', name: lang('English', 'Английский', 'Ағылшын') },
    { code: 'de', name: lang('German', 'Немецкий', 'Неміс') },
  ];

  test('an anonymous caller gets 401; a learner and a sector council (no framework grant) get 403', async () => {
    const body = { version: '2025', validFrom: todayInAlmaty(), title: 'Languages', entries: languages };
    assert.equal((await t.json('POST', '/api/classifiers/language/versions', { body })).status, 401);
    assert.equal((await t.json('POST', '/api/classifiers/language/versions', { token: learner, body })).status, 403);
    assert.equal((await t.json('POST', '/api/classifiers/language/versions', { token: council, body })).status, 403);
  });

  test('duplicate codes and missing parents are all listed, and nothing is stored', async () => {
    const before = await classifierRows('language');
    const res = await t.json('POST', '/api/classifiers/language/versions', {
      token: ministry,
      body: {
        version: '2025',
        validFrom: todayInAlmaty(),
        title: 'Languages',
        entries: [...languages, { code: 'kk', name: lang('Kazakh again') }, { code: 'kk-arab', parentCode: 'kaz', name: lang('Kazakh in Arabic script') }, { code: 'x', parentCode: 'y', name: lang('X') }],
      },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string; key: string }) => [e.path, e.key]), [
      ['entries.4.code', 'errors.field.duplicateCode'],
      ['entries.5.parentCode', 'errors.field.unknownParent'],
      ['entries.6.parentCode', 'errors.field.unknownParent'],
    ]);
    assert.deepEqual(await classifierRows('language'), before);
  });

  test('schema errors and rule errors of one body come back together', async () => {
    const res = await t.json('POST', '/api/classifiers/language/versions', {
      token: ministry,
      body: { version: '2025', validFrom: 'soon', title: 'Languages', entries: [{ code: 'kk', name: lang('Kazakh') }, { code: 'kk', parentCode: 'zz', name: { kk: 'Қазақ' } }] },
    });
    assert.equal(res.status, 422);
    // A bad date draws two messages from the shared dateSchema (format and "not a date"); the paths are what count here.
    assert.deepEqual([...new Set(res.body.errors.map((e: { path: string }) => e.path))].sort(), [
      'entries.1.code',
      'entries.1.name.en',
      'entries.1.name.ru',
      'entries.1.parentCode',
      'validFrom',
    ]);
  });

  test('a version must start after the version in force', async () => {
    const res = await t.json('POST', '/api/classifiers/language/versions', { token: ministry, body: { version: '2023', validFrom: '2023-06-01', title: 'Languages', entries: languages } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['validFrom']);
  });

  test('publishing a version ends the one in force on its first day and takes over', async () => {
    const today = todayInAlmaty();
    const res = await t.json('POST', '/api/classifiers/language/versions', { token: ministry, body: { version: '2025', validFrom: today, title: 'Languages of instruction', entries: languages } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body, { classifier: 'language', version: '2025', validFrom: today, validTo: null, title: 'Languages of instruction', entries: 4 });

    const list = await t.json('GET', '/api/classifiers');
    const language = list.body.items.find((c: { classifier: string }) => c.classifier === 'language');
    assert.equal(language.current, '2025');
    assert.deepEqual(language.versions.map((v: { version: string; validTo: string | null }) => [v.version, v.validTo]), [['2024', today], ['2025', null]]);

    const current = await t.json('GET', '/api/classifiers/language');
    assert.deepEqual([current.body.version, current.body.total], ['2025', 4]);
    const old = await t.json('GET', '/api/classifiers/language?version=2024');
    assert.deepEqual([old.body.version, old.body.total], ['2024', 3]);
    assert.equal((await t.json('GET', '/api/classifiers/language/de')).status, 200);
    assert.equal((await t.json('GET', '/api/classifiers/language/de?version=2024')).status, 404);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'classifier.publish').execute();
    assert.deepEqual(audit.map((a) => a.entity_id), ['language/2025']);
  });

  test('the same version cannot be published twice', async () => {
    const res = await t.json('POST', '/api/classifiers/language/versions', { token: ministry, body: { version: '2025', validFrom: '2031-01-01', title: 'Again', entries: languages } });
    assert.equal(res.status, 409);
    assert.equal(res.body.errors[0].path, 'version');
  });

  test('a version published for a future date is not in force before that date', async () => {
    const res = await t.json('POST', '/api/classifiers/language/versions', {
      token: ministry,
      body: { version: '2030', validFrom: '2030-01-01', title: 'Languages', entries: languages.slice(0, 2) },
    });
    assert.equal(res.status, 201);
    const current = await t.json('GET', '/api/classifiers/language');
    assert.deepEqual([current.body.version, current.body.validTo, current.body.total], ['2025', '2030-01-01', 4]);
    assert.equal((await t.json('GET', '/api/classifiers')).body.items.find((c: { classifier: string }) => c.classifier === 'language').current, '2025');
  });

  test('codes of the version in force are what other records are checked against', async () => {
    const org = await t.json('POST', '/api/organizations', {
      token: ministry,
      body: { name: { kk: 'Тест', ru: 'Тест' }, kind: 'university', regionCode: 'KZ-NOPE' },
    });
    assert.equal(org.status, 422);
    assert.equal(org.body.errors[0].path, 'regionCode');
  });

  test('a new classifier can be started with its first version', async () => {
    const res = await t.json('POST', '/api/classifiers/isco-08/versions', {
      token: ministry,
      body: {
        version: '2008',
        validFrom: '2024-01-01',
        title: 'ISCO-08',
        entries: [
          { code: '2', name: lang('Professionals', 'Специалисты-профессионалы', 'Кәсіби мамандар') },
          { code: '25', parentCode: '2', name: lang('Information and communications technology professionals') },
          { code: '251', parentCode: '25', name: lang('Software and applications developers and analysts') },
          { code: '2512', parentCode: '251', name: lang('Software developers', 'Разработчики программного обеспечения', 'Бағдарламалық қамтамасыз етуді әзірлеушілер') },
        ],
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const entry = await t.json('GET', '/api/classifiers/isco-08/2512');
    assert.deepEqual([entry.body.parentCode, entry.body.name.ru], ['251', 'Разработчики программного обеспечения']);
  });
});
