import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { programmePassport } from './programme.fixtures.ts';

let t: TestApp;
let ministry: string;
let orgA: string;
let orgB: string;
let editorA: string;
let editorB: string;

const passport = (over: Record<string, unknown> = {}) => programmePassport(orgA, over);

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  const make = async (bin: string, name: string) =>
    (await t.json('POST', '/api/organizations', { token: ministry, body: { bin, name: { kk: name, ru: name, en: name }, kind: 'university', regionCode: 'KZ-75' } })).body.id as string;
  orgA = await make('100000000001', 'Alpha University');
  orgB = await make('100000000002', 'Beta University');
  editorA = await t.tokenFor('org-editor', orgA);
  editorB = await t.tokenFor('org-editor', orgB);
});
after(() => t.close());

async function step(id: string, action: string, token: string, comment?: string) {
  return t.json('POST', `/api/programmes/${id}/transitions`, { token, body: { action, comment } });
}

describe('the programme lifecycle', () => {
  test('a draft is invisible to the public until the ministry includes it, then it is found by code', async () => {
    const created = await t.json('POST', '/api/programmes', { token: editorA, body: passport() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.body.status, 'draft');
    assert.equal((await t.json('GET', `/api/programmes/${id}`)).status, 404);
    assert.equal((await t.json('GET', `/api/programmes/${id}`, { token: editorA })).status, 200);
    assert.equal((await t.json('GET', `/api/programmes/${id}`, { token: editorB })).status, 404);
    assert.equal((await t.json('GET', '/api/programmes?code=6B06101')).body.total, 0);

    assert.equal((await step(id, 'submit', editorA)).body.status, 'submitted');
    assert.equal((await step(id, 'start-review', editorA)).status, 403);
    assert.equal((await step(id, 'start-review', ministry)).body.status, 'expert-review');
    const included = await step(id, 'include', ministry);
    assert.equal(included.body.status, 'included');

    const byCode = await t.json('GET', '/api/programmes?code=6B06101');
    assert.deepEqual(byCode.body.items.map((p: { id: string }) => p.id), [id]);
    const byPrefix = await t.json('GET', '/api/programmes?codePrefix=6b061');
    assert.ok(byPrefix.body.items.some((p: { id: string }) => p.id === id));
    const detail = await t.json('GET', `/api/programmes/${id}`);
    assert.equal(detail.body.organization.name.en, 'Alpha University');
    assert.deepEqual(detail.body.allowedActions, ['start-update', 'exclude']);

    const history = await t.json('GET', `/api/programmes/${id}/history`);
    assert.deepEqual(history.body.map((h: { action: string }) => h.action), ['programme.create', 'programme.submit', 'programme.start-review', 'programme.include']);
  });

  test('an out-of-order step is a 409 listing the allowed next steps', async () => {
    const { body } = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06102', name: { kk: 'Бағдарлама 2', ru: 'Программа 2' } }) });
    const res = await step(body.id, 'include', ministry);
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'invalid_transition');
    assert.deepEqual(res.body.allowedActions, ['submit']);
  });

  test('returning needs a comment; the organization edits and resubmits; an included passport is frozen until start-update', async () => {
    const { body } = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06103', name: { kk: 'Бағдарлама 3', ru: 'Программа 3' } }) });
    await step(body.id, 'submit', editorA);
    await step(body.id, 'start-review', ministry);
    assert.equal((await step(body.id, 'return', ministry)).status, 422);
    const returned = await step(body.id, 'return', ministry, 'Outcomes are not measurable');
    assert.equal(returned.body.reviewComment, 'Outcomes are not measurable');
    assert.equal((await t.json('PATCH', `/api/programmes/${body.id}`, { token: editorA, body: { creditsEcts: 250 } })).body.creditsEcts, 250);
    await step(body.id, 'submit', editorA);
    await step(body.id, 'start-review', ministry);
    await step(body.id, 'include', ministry);
    const frozen = await t.json('PATCH', `/api/programmes/${body.id}`, { token: editorA, body: { creditsEcts: 260 } });
    assert.equal(frozen.status, 409);
    assert.deepEqual(frozen.body.allowedActions, ['start-update', 'exclude']);
    await step(body.id, 'start-update', editorA);
    assert.equal((await t.json('PATCH', `/api/programmes/${body.id}`, { token: editorA, body: { creditsEcts: 260 } })).status, 200);
    assert.equal((await t.json('GET', `/api/programmes/${body.id}`)).status, 200, 'stays public during its update');
  });
});

describe('writes from a stale read', () => {
  test('a PATCH or a step with an old ETag is refused with 412 and changes nothing; the current ETag works', async () => {
    const created = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06120', name: { kk: 'Бағдарлама 20', ru: 'Программа 20' } }) });
    const id = created.body.id;
    assert.equal(created.headers.get('etag'), '"1"');
    const edited = await t.json('PATCH', `/api/programmes/${id}`, { token: editorA, headers: { 'if-match': '"1"' }, body: { creditsEcts: 241 } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.headers.get('etag'), '"2"');
    const stalePatch = await t.json('PATCH', `/api/programmes/${id}`, { token: editorA, lang: 'ru', headers: { 'if-match': '"1"' }, body: { creditsEcts: 242 } });
    assert.equal(stalePatch.status, 412);
    assert.equal(stalePatch.body.code, 'precondition_failed');
    assert.match(stalePatch.body.detail, /версия 2/);
    const staleStep = await t.json('POST', `/api/programmes/${id}/transitions`, { token: editorA, headers: { 'if-match': '"1"' }, body: { action: 'submit' } });
    assert.equal(staleStep.status, 412);
    const read = await t.json('GET', `/api/programmes/${id}`, { token: editorA });
    assert.equal(read.body.creditsEcts, 241);
    assert.equal(read.body.status, 'draft');
    assert.equal(read.headers.get('etag'), '"2"');
    const submitted = await t.json('POST', `/api/programmes/${id}/transitions`, { token: editorA, headers: { 'if-match': '"2"' }, body: { action: 'submit' } });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.headers.get('etag'), '"3"');
    assert.equal((await t.json('PATCH', `/api/programmes/${id}`, { token: editorA, body: { creditsEcts: 243, version: 1 } })).status, 409, 'a stale body version is still a 409');
  });

  test('of two steps fired at once from the same version, exactly one is taken', async () => {
    const created = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06121', name: { kk: 'Бағдарлама 21', ru: 'Программа 21' } }) });
    const id = created.body.id;
    const results = await Promise.all(
      [1, 2].map(() => t.json('PATCH', `/api/programmes/${id}`, { token: editorA, headers: { 'if-match': '"1"' }, body: { creditsEcts: 244 } })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
    const steps = await Promise.all([1, 2].map(() => t.json('POST', `/api/programmes/${id}/transitions`, { token: editorA, headers: { 'if-match': '"2"' }, body: { action: 'submit' } })));
    assert.deepEqual(steps.map((r) => r.status).sort(), [200, 412]);
    const history = await t.json('GET', `/api/programmes/${id}/history`, { token: editorA });
    assert.deepEqual(history.body.map((h: { action: string }) => h.action), ['programme.create', 'programme.update', 'programme.submit']);
  });
});

describe('bad passports', () => {
  test('a duplicate (organization, code, edition) is refused with the existing id', async () => {
    const first = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06104', name: { kk: 'Бағдарлама 4', ru: 'Программа 4' } }) });
    const again = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06104', name: { kk: 'Басқа', ru: 'Другая' } }) });
    assert.equal(again.status, 409);
    assert.equal(again.body.existingId, first.body.id);
    assert.match(again.body.detail, /6B06104/);
  });

  test('the same name at the same level under another code is a duplicate too', async () => {
    await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06105', name: { kk: 'Киберқауіпсіздік', ru: 'Кибербезопасность' } }) });
    const again = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06106', name: { kk: 'Киберқауіпсіздік', ru: 'кибербезопасность' } }) });
    assert.equal(again.status, 409);
    assert.match(again.body.detail, /6B06105/);
  });

  test('the same code at another university is fine: the key is (organization, code, edition)', async () => {
    const res = await t.json('POST', '/api/programmes', { token: editorB, body: passport({ organizationId: orgB }) });
    assert.equal(res.status, 201);
  });

  test('a passport that contradicts itself gets a 422 naming every contradiction', async () => {
    const res = await t.json('POST', '/api/programmes', {
      token: editorA,
      lang: 'ru',
      body: passport({ code: '6B06107', name: { kk: 'Х', ru: 'Х' }, nqfLevel: 7, courses: [{ code: 'X1', name: { kk: 'a', ru: 'a', en: 'a' }, cycle: 'major', component: 'core', credits: 5, outcomes: ['LO9'] }] }),
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'contradiction');
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path).sort(), ['courses.0.outcomes.0', 'degree', 'nqfLevel']);
    assert.match(res.body.errors.find((e: { path: string }) => e.path === 'nqfLevel').message, /НРК/);
  });

  test('unknown codes and references are all named in one 422', async () => {
    const res = await t.json('POST', '/api/programmes', {
      token: editorA,
      body: passport({
        code: '6B06108',
        name: { kk: 'Y', ru: 'Y' },
        languages: ['kk', 'xx'],
        directionCode: '069',
        partnerIds: ['00000000-0000-4000-8000-000000000001'],
        occupationalStandardIds: ['00000000-0000-4000-8000-000000000002'],
        degree: 'wizard',
      }),
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'unknown_reference');
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path).sort(), ['degree', 'directionCode', 'languages.1', 'occupationalStandardIds.0', 'partnerIds.0']);
  });

  test('an editor cannot file a programme for another organization', async () => {
    assert.equal((await t.json('POST', '/api/programmes', { token: editorB, body: passport({ code: '6B06109', name: { kk: 'Z', ru: 'Z' } }) })).status, 403);
  });

  test('a failed create leaves no programme, version or search document behind', async () => {
    const count = async () => Number((await t.db.selectFrom('programmes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06110', name: { kk: 'W', ru: 'W' }, nqfLevel: 8 }) });
    assert.equal(res.status, 422);
    assert.equal(await count(), before);
  });
});

describe('joint programmes and search', () => {
  test('a joint programme appears under every partner', async () => {
    const { body } = await t.json('POST', '/api/programmes', {
      token: editorA,
      body: passport({ code: '7M06101', nqfLevel: 7, degree: 'master-scientific-pedagogical', name: { kk: 'Деректер ғылымы', ru: 'Наука о данных', en: 'Data science' }, partnerIds: [orgB], partnership: 'joint' }),
    });
    assert.ok(body.id, JSON.stringify(body));
    await step(body.id, 'submit', editorA);
    await step(body.id, 'start-review', ministry);
    await step(body.id, 'include', ministry);
    const underB = await t.json('GET', `/api/programmes?organization=${orgB}`);
    assert.ok(underB.body.items.some((p: { id: string }) => p.id === body.id));
  });

  test('search finds an included programme by Kazakh name, Latin spelling, Russian stem and code prefix, with facets', async () => {
    for (const q of ['Ақпараттық жүйелер', 'Aqparattyq juieler', 'информационных систем', '6B061']) {
      const res = await t.json('GET', `/api/search?q=${encodeURIComponent(q)}&lang=en`);
      assert.equal(res.status, 200);
      assert.ok(res.body.items.some((i: { kind: string; codes: string[] }) => i.kind === 'programme' && i.codes.includes('6B06101')), q);
      assert.ok(res.body.facets.kind.length > 0);
    }
  });

  test('words found in no name are looked for in outcomes and courses', async () => {
    const res = await t.json('GET', `/api/search?q=${encodeURIComponent('Designs databases')}`);
    assert.ok(res.body.items.some((i: { codes: string[] }) => i.codes.includes('6B06101')));
  });

  test('a query that matches names answers from names, not from every programme of that university', async () => {
    const res = await t.json('GET', '/api/search?q=Alpha%20University');
    assert.ok(res.body.items.length > 0);
    assert.ok(res.body.items.every((i: { kind: string }) => i.kind === 'organization'), JSON.stringify(res.body.items.map((i: { kind: string }) => i.kind)));
  });

  test('search never returns drafts', async () => {
    await t.json('POST', '/api/programmes', { token: editorA, body: passport({ code: '6B06111', name: { kk: 'Құпия жоба', ru: 'Секретный проект', en: 'Secret project' } }) });
    const res = await t.json('GET', '/api/search?q=Secret%20project');
    assert.equal(res.body.items.filter((i: { kind: string }) => i.kind === 'programme').length, 0);
  });
});
