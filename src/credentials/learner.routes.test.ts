import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { addUser, insertProgramme } from '../../test/helpers/factories.ts';
import { issueApiToken } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { issueFromSpecification } from './specification.issue.ts';
import { getSpecification } from './specification.service.ts';
import { licensedUniversity, orgIdByKey, specBody } from './specification.fixtures.ts';

let t: TestApp;
let university: string;
let programmeId: string;
let otherProgrammeId: string;
let learner: string;
let otherLearner: string;
let admin: string;
const issued: string[] = [];

async function learnerToken(email: string): Promise<string> {
  return inTransaction(t.system, async (ctx) => {
    const id = await addUser(ctx, { email, displayName: email.split('@')[0], role: 'learner' });
    return (await issueApiToken(ctx, id, 'test')).token;
  });
}

const programme = (code: string) =>
  insertProgramme(t.db, university, {
    code,
    fieldCode: '06',
    narrowFieldCode: '061',
    synthetic: false,
    name: { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' },
  });

before(async () => {
  t = await createTestApp();
  university = await licensedUniversity(t);
  admin = await t.tokenFor('org-admin', university);
  programmeId = await programme('6B06199');
  otherProgrammeId = await programme('6B06198');
  learner = await learnerToken('aru@example.kz');
  otherLearner = await learnerToken('other@example.kz');
  const specs: string[] = [];
  for (const [code, credits] of [['A', 5], ['B', 3]] as const) {
    const res = await t.json('POST', '/api/credentials/specifications', {
      token: admin,
      body: specBody(university, { code, workloadEcts: 5, programmeId, programmeCredits: credits, stackability: 'stackable' }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    specs.push(res.body.id);
  }
  await inTransaction(t.system, async (ctx) => {
    for (const [i, specId] of specs.entries()) {
      const spec = await getSpecification(ctx, specId);
      issued.push((await issueFromSpecification(ctx, spec, { name: 'Aru Bekova', email: 'ARU@example.kz', identifier: 'aru@example.kz' }, '2026-01-10', `k${i}`)).id);
    }
    const spec = await getSpecification(ctx, specs[0] as string);
    await issueFromSpecification(ctx, spec, { name: 'Other', email: 'other@example.kz', identifier: 'other@example.kz' }, '2026-01-10', 'other');
  });
});
after(() => t?.close());

test('a learner sees the credentials issued to their e-mail and nobody else\'s', async () => {
  const res = await t.json('GET', '/api/me/credentials', { token: learner });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.items.map((c: { id: string }) => c.id).sort(), [...issued].sort());
  assert.equal(res.body.items[0].specificationTitle.en, 'Foundations of data analysis');
});

test('only a signed-in learner has a credentials list', async () => {
  assert.equal((await t.json('GET', '/api/me/credentials')).status, 401);
  assert.equal((await t.json('GET', '/api/me/credentials', { token: admin })).status, 403);
});

test('a share link shows the credential to anyone holding it until the learner revokes it', async () => {
  const link = await t.json('POST', `/api/me/credentials/${issued[0]}/share-links`, { token: learner });
  assert.equal(link.status, 201);
  assert.ok(link.body.token.length >= 40);
  assert.ok(link.body.url.endsWith(`/api/shared/${link.body.token}`));
  const shared = await t.json('GET', `/api/shared/${link.body.token}`);
  assert.equal(shared.status, 200);
  assert.equal(shared.body.id, issued[0]);
  assert.ok(shared.body.credential.proof);
  assert.equal((await t.json('GET', `/api/shared/${'x'.repeat(43)}`)).status, 404);
  assert.equal((await t.json('DELETE', `/api/me/share-links/${link.body.id}`, { token: otherLearner })).status, 404);
  assert.equal((await t.json('DELETE', `/api/me/share-links/${link.body.id}`, { token: learner })).status, 204);
  assert.equal((await t.json('GET', `/api/shared/${link.body.token}`)).status, 404);
});

test("a learner cannot share someone else's credential", async () => {
  const res = await t.json('POST', `/api/me/credentials/${issued[0]}/share-links`, { token: otherLearner });
  assert.equal(res.status, 403);
});

test('credits toward the programme add up over active credentials and leave out revoked ones', async () => {
  const res = await t.json('GET', '/api/me/credits', { token: learner });
  assert.deepEqual(res.body.map((p: { programmeId: string; earnedCredits: number; remainingCredits: number }) => [p.programmeId, p.earnedCredits, p.remainingCredits]), [[programmeId, 8, 232]]);
  await t.db.updateTable('credentials').set({ status: 'revoked' }).where('id', '=', issued[1] as string).execute();
  const after = await t.json('GET', '/api/me/credits', { token: learner });
  assert.equal(after.body[0].earnedCredits, 5);
  await t.db.updateTable('credentials').set({ status: 'active' }).where('id', '=', issued[1] as string).execute();
});

test('a recognition request goes to the organization running the programme, which decides it once, audited', async () => {
  const req = await t.json('POST', '/api/me/recognition-requests', { token: learner, body: { programmeId, note: 'Please count these' } });
  assert.equal(req.status, 201, JSON.stringify(req.body));
  assert.equal(req.body.credits, 8);
  assert.equal(req.body.organizationId, university);
  assert.equal((await t.json('POST', '/api/me/recognition-requests', { token: learner, body: { programmeId } })).status, 409);
  assert.equal((await t.json('POST', '/api/me/recognition-requests', { token: learner, body: { programmeId: otherProgrammeId } })).status, 422);

  const listed = await t.json('GET', `/api/recognition-requests?organization=${university}&status=pending`, { token: admin });
  assert.deepEqual(listed.body.map((r: { id: string }) => r.id), [req.body.id]);
  const foreign = await t.tokenFor('org-admin', await orgIdByKey(t, 'enu'));
  assert.equal((await t.json('GET', `/api/recognition-requests?organization=${university}`, { token: foreign })).status, 403);
  assert.equal((await t.json('POST', `/api/recognition-requests/${req.body.id}/decision`, { token: learner, body: { decision: 'recognised' } })).status, 403);
  assert.equal((await t.json('POST', `/api/recognition-requests/${req.body.id}/decision`, { token: admin, body: { decision: 'recognised', recognisedCredits: 9 } })).status, 422);

  const decided = await t.json('POST', `/api/recognition-requests/${req.body.id}/decision`, { token: admin, body: { decision: 'recognised', recognisedCredits: 6, note: 'B counts partly' } });
  assert.equal(decided.status, 200);
  assert.deepEqual([decided.body.status, decided.body.recognisedCredits], ['recognised', 6]);
  assert.equal((await t.json('POST', `/api/recognition-requests/${req.body.id}/decision`, { token: admin, body: { decision: 'refused' } })).status, 409);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'credential-recognition-request').where('entity_id', '=', req.body.id).execute();
  assert.deepEqual(audit.map((a) => a.action), ['create', 'decide:recognised']);
  const mine = await t.json('GET', '/api/me/recognition-requests', { token: learner });
  assert.equal(mine.body[0].status, 'recognised');
});

test('revoking a share link ends that link, not the page: every credential page is public by design, and the pages say so in kk, ru and en', async () => {
  const link = await t.json('POST', `/api/me/credentials/${issued[0]}/share-links`, { token: learner });
  assert.equal((await t.json('DELETE', `/api/me/share-links/${link.body.id}`, { token: learner })).status, 204);
  assert.equal((await t.json('GET', `/api/shared/${link.body.token}`)).status, 404);
  assert.equal((await t.json('GET', `/api/credentials/${issued[0]}`)).status, 200, 'the credential stays public by its id (decision 67)');
  const said = { kk: /әдейі ашық/, ru: /открыта намеренно/, en: /public by design/ };
  for (const [lang, words] of Object.entries(said)) {
    const credentialPage = await t.request('GET', `/${lang}/credentials/${issued[0]}`);
    assert.equal(credentialPage.status, 200);
    assert.match(await credentialPage.text(), words);
    const mine = await t.request('GET', `/${lang}/workspace/my-credentials`, { token: learner });
    assert.equal(mine.status, 200);
    assert.match(await mine.text(), words);
  }
});
