// End to end (issue 16, item 7): a learner's prior and non-formal learning through the four stages —
// identification, documentation (a credential in Sapa, a certificate, work experience), assessment
// by the organization against a programme's outcomes, certification as a credential in their
// wallet; and against an occupational standard, where a qualification needs every labour function.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { addUser, insertProgramme } from '../../test/helpers/factories.ts';
import { samplePdf } from '../../test/helpers/sample-files.ts';
import { issueApiToken } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { toJson } from '../platform/db/schema.ts';
import { WELDER_STANDARD_NAMES, licensedUniversity } from '../credentials/specification.fixtures.ts';

const PATH = '/api/recognition/prior-learning';

describe('recognition of prior and non-formal learning', () => {
  let t: TestApp;
  let university: string;
  let programmeId: string;
  let standardId: string;
  let learner: string;
  let other: string;
  let admin: string;
  let otherAdmin: string;
  let credentialId: string;

  before(async () => {
    t = await createTestApp();
    university = await licensedUniversity(t);
    admin = await t.tokenFor('org-admin', university);
    const kaznu = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'kaznu').executeTakeFirstOrThrow()).id;
    otherAdmin = await t.tokenFor('org-admin', kaznu);
    programmeId = await insertProgramme(t.db, university, { code: '6B06197', synthetic: false });
    const outcome = (code: string, en: string) => ({ code, text: { kk: en, ru: en, en } });
    await t.db
      .updateTable('programmes')
      .set({ outcomes: toJson([outcome('ON1', 'Designs relational databases'), outcome('ON2', 'Writes SQL queries'), outcome('ON3', 'Administers a DBMS')]) })
      .where('id', '=', programmeId)
      .execute();
    const fn = (code: string, en: string) => ({ code, name: { kk: en, ru: en, en }, skills: [], knowledge: [] });
    standardId = (
      await t.db
        .insertInto('occupational_standards')
        .values({
          code: 'TEST-WELD',
          ...WELDER_STANDARD_NAMES,
          nqf_levels: [3],
          occupations: toJson([{ code: '7212-1', name: { kk: 'Дәнекерлеуші', ru: 'Сварщик', en: 'Welder' }, nqfLevel: 3, sqfSublevel: null, iscoCode: null, nkzCode: null, labourFunctions: [fn('TF1', 'Prepares joints'), fn('TF2', 'Welds steel')] }]),
          status: 'active',
          version: '1',
          is_synthetic: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    [learner, other] = await inTransaction(t.system, async (ctx) => {
      const a = await addUser(ctx, { email: 'dana@example.kz', displayName: 'Dana Omarova', role: 'learner' });
      const b = await addUser(ctx, { email: 'other@example.kz', displayName: 'Other', role: 'learner' });
      return [(await issueApiToken(ctx, a, 'test')).token, (await issueApiToken(ctx, b, 'test')).token];
    });
    // A credential Dana already holds in Sapa (an online course's certificate).
    const issued = await t.json('POST', '/api/credentials', {
      token: admin,
      body: {
        organizationId: university,
        learner: { name: 'Dana Omarova', email: 'dana@example.kz' },
        achievement: { name: 'SQL for analysts', description: 'A 4-week online course', criteria: { narrative: 'Passed the final test' } },
        validFrom: '2025-03-01',
      },
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    credentialId = issued.body.id;
  });
  after(() => t.close());

  test("against a programme's outcomes: identification → documentation → assessment → credits issued as a credential in the learner's wallet", async () => {
    const bad = await t.json('POST', PATH, { token: learner, body: { organizationId: university, programmeId, claimedCodes: ['ON9'], statement: 'x' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].path, 'claimedCodes.0');
    const created = await t.json('POST', PATH, {
      token: learner,
      body: { organizationId: university, programmeId, claimedCodes: ['ON1', 'ON2'], statement: 'Three years as a data analyst; an online SQL course.' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.body.stage, 'identification');
    assert.equal(created.body.claims[0].text.en, 'Designs relational databases');
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: other })).status, 404);
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: otherAdmin })).status, 404, 'another organization learns nothing');

    assert.equal((await t.json('POST', `${PATH}/${id}/advance`, { token: learner })).body.stage, 'documentation');
    assert.equal((await t.json('POST', `${PATH}/${id}/advance`, { token: learner })).status, 422, 'no evidence, no assessment');
    const notMine = await t.json('POST', `${PATH}/${id}/evidence`, { token: other, body: { kind: 'work-experience', description: 'x', months: 3 } });
    assert.equal(notMine.status, 404);
    const foreignCredential = await t.json('POST', `${PATH}/${id}/evidence`, { token: learner, body: { kind: 'credential', description: 'x', credentialId: '00000000-0000-4000-8000-000000000000' } });
    assert.equal(foreignCredential.status, 422);
    assert.equal((await t.json('POST', `${PATH}/${id}/evidence`, { token: learner, body: { kind: 'credential', description: 'The SQL course', credentialId } })).status, 201);
    assert.equal((await t.json('POST', `${PATH}/${id}/evidence`, { token: learner, body: { kind: 'work-experience', description: 'Data analyst at a bank', months: 36 } })).status, 201);
    const form = new FormData();
    form.append('file', new File([samplePdf('certificate') as Uint8Array<ArrayBuffer>], 'oracle.pdf', { type: 'application/pdf' }));
    form.append('description', 'Vendor database certificate');
    const cert = await t.app.request(`${PATH}/${id}/certificates`, { method: 'POST', headers: { authorization: `Bearer ${learner}` }, body: form });
    assert.equal(cert.status, 201);
    const toAssess = await t.json('POST', `${PATH}/${id}/advance`, { token: learner });
    assert.equal(toAssess.body.stage, 'assessment');
    assert.equal(toAssess.body.evidence.length, 3);

    const list = await t.json('GET', `${PATH}?organizationId=${university}`, { token: admin });
    assert.ok(list.body.items.some((r: { id: string }) => r.id === id));
    assert.equal((await t.json('GET', `${PATH}?organizationId=${university}`, { token: otherAdmin })).status, 403);
    assert.equal((await t.json('POST', `${PATH}/${id}/assessment`, { token: learner, body: { results: [] } })).status, 403);
    const half = await t.json('POST', `${PATH}/${id}/assessment`, { token: admin, body: { results: [{ code: 'ON1', met: true, note: '' }], outcomeKind: 'credits', credits: 5, title: 'x' } });
    assert.equal(half.status, 422);
    assert.deepEqual(half.body.errors.map((e: { path: string }) => e.path), ['results.ON2'], 'every claim is judged');
    const assessed = await t.json('POST', `${PATH}/${id}/assessment`, {
      token: admin,
      body: {
        results: [
          { code: 'ON1', met: true, note: 'Shown in the interview and the portfolio' },
          { code: 'ON2', met: true, note: 'Course credential and work tasks' },
        ],
        outcomeKind: 'credits',
        credits: 10,
        title: 'Recognised prior learning: Databases (10 ECTS)',
      },
    });
    assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
    assert.equal(assessed.body.stage, 'certified');
    assert.equal(assessed.body.outcome.credits, 10);
    const issuedId = assessed.body.outcome.credentialId;
    assert.ok(issuedId);
    // The credential is a real one: in Dana's wallet, and it verifies publicly.
    const wallet = await t.json('GET', '/api/me/credentials', { token: learner });
    assert.ok(wallet.body.items.some((c: { id: string; achievementName: string }) => c.id === issuedId && c.achievementName.startsWith('Recognised prior learning')));
    const page = await t.request('GET', `/en/credentials/${issuedId}`);
    assert.equal(page.status, 200);
    assert.equal((await t.json('POST', `${PATH}/${id}/assessment`, { token: admin, body: { results: [] } })).status, 409, 'assessed once');
  });

  test("against an occupational standard: a qualification needs every labour function; refused with a reason when nothing is met", async () => {
    const created = await t.json('POST', PATH, { token: learner, body: { organizationId: university, occupationalStandardId: standardId, claimedCodes: ['TF1', 'TF2'], statement: 'Ten years of welding.' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    await t.json('POST', `${PATH}/${id}/advance`, { token: learner });
    await t.json('POST', `${PATH}/${id}/evidence`, { token: learner, body: { kind: 'work-experience', description: 'Welder at a plant', months: 120 } });
    await t.json('POST', `${PATH}/${id}/advance`, { token: learner });
    const partial = await t.json('POST', `${PATH}/${id}/assessment`, {
      token: admin,
      body: { results: [{ code: 'TF1', met: true }, { code: 'TF2', met: false, note: 'Failed the practical test' }], outcomeKind: 'qualification', title: 'Welder' },
    });
    assert.equal(partial.status, 422);
    assert.equal(partial.body.errors[0].path, 'outcomeKind');
    const noReason = await t.json('POST', `${PATH}/${id}/assessment`, { token: admin, body: { results: [{ code: 'TF1', met: false }, { code: 'TF2', met: false }] } });
    assert.equal(noReason.status, 422);
    const refused = await t.json('POST', `${PATH}/${id}/assessment`, {
      token: admin,
      body: { results: [{ code: 'TF1', met: false }, { code: 'TF2', met: false }], refusalReason: 'The practical test showed neither function.' },
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    assert.equal(refused.body.stage, 'refused');
    assert.equal(refused.body.outcome.credentialId, null);
  });
});
