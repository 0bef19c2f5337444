// Relationships need both sides' consent or the ministry (issue 13): an admin of one side
// proposes, an admin of the other side confirms or declines, the public sees only what is in force.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

let t: TestApp;
let ministry: string;
let bin = 990260000100;
before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
});
after(() => t.close());

async function newOrganization(): Promise<string> {
  bin += 1;
  const body = { bin: String(bin), name: { kk: `Ұйым ${bin}`, ru: `Организация ${bin}`, en: `Organization ${bin}` }, kind: 'university', regionCode: 'KZ-75' };
  const res = await t.json('POST', '/api/organizations', { token: ministry, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

const publicRelationships = async (id: string) => (await t.json('GET', `/api/organizations/${id}`)).body.relationships as { type: string }[];

describe('a relationship between two organizations', () => {
  test("one side's admin proposes; it is not public until the other side's admin confirms it", async () => {
    const [parent, branch] = [await newOrganization(), await newOrganization()];
    const [parentAdmin, branchAdmin] = [await t.tokenFor('org-admin', parent), await t.tokenFor('org-admin', branch)];
    const proposed = await t.json('POST', `/api/organizations/${parent}/relationships`, {
      token: parentAdmin,
      body: { type: 'branch', toId: branch, effectiveOn: '2024-09-01' },
    });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
    assert.equal(proposed.body.state, 'proposed');
    assert.deepEqual(await publicRelationships(parent), []);
    assert.deepEqual(await publicRelationships(branch), [], 'not on the other side’s public page');

    const waiting = await t.json('GET', `/api/organizations/${branch}/relationship-proposals`, { token: branchAdmin });
    assert.equal(waiting.status, 200);
    assert.deepEqual(waiting.body.map((p: { id: string; awaitsAnswer: boolean }) => [p.id, p.awaitsAnswer]), [[proposed.body.id, true]]);
    const mine = await t.json('GET', `/api/organizations/${parent}/relationship-proposals`, { token: parentAdmin });
    assert.equal(mine.body[0].awaitsAnswer, false);
    assert.equal((await t.json('GET', `/api/organizations/${branch}/relationship-proposals`, { token: parentAdmin })).status, 403);
    assert.equal((await t.json('GET', `/api/organizations/${branch}/relationship-proposals`)).status, 401);

    const selfConfirm = await t.json('POST', `/api/organizations/${parent}/relationships/${proposed.body.id}/confirm`, { token: parentAdmin, lang: 'ru' });
    assert.equal(selfConfirm.status, 403, 'the proposing side cannot confirm its own proposal');
    assert.match(selfConfirm.body.detail, /другая организация/);
    const throughOther = await t.json('POST', `/api/organizations/${branch}/relationships/${proposed.body.id}/confirm`, { token: parentAdmin });
    assert.equal(throughOther.status, 403);

    const confirmed = await t.json('POST', `/api/organizations/${branch}/relationships/${proposed.body.id}/confirm`, { token: branchAdmin });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.state, 'in-force');
    assert.deepEqual((await publicRelationships(branch)).map((r) => r.type), ['branch']);
    assert.deepEqual((await publicRelationships(parent)).map((r) => r.type), ['branch']);
    const again = await t.json('POST', `/api/organizations/${branch}/relationships/${proposed.body.id}/decline`, { token: branchAdmin, lang: 'kk' });
    assert.equal(again.status, 409);
    assert.match(again.body.detail, /жауап күтпейді/);
  });

  test('the other side may decline: the proposal never becomes public', async () => {
    const [a, b] = [await newOrganization(), await newOrganization()];
    const proposed = await t.json('POST', `/api/organizations/${a}/relationships`, {
      token: await t.tokenFor('org-admin', a),
      body: { type: 'successor', toId: b, effectiveOn: '2023-01-01' },
    });
    const declined = await t.json('POST', `/api/organizations/${b}/relationships/${proposed.body.id}/decline`, { token: await t.tokenFor('org-admin', b) });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.state, 'declined');
    assert.deepEqual(await publicRelationships(a), []);
    assert.deepEqual((await t.json('GET', `/api/organizations/${b}/relationship-proposals`, { token: ministry })).body, []);
  });

  test('the ministry records one in force at once; someone with rights on neither side is refused', async () => {
    const [a, b, third] = [await newOrganization(), await newOrganization(), await newOrganization()];
    const outsider = await t.tokenFor('org-admin', third);
    const refused = await t.json('POST', `/api/organizations/${a}/relationships`, { token: outsider, body: { type: 'parent', toId: b, effectiveOn: '2024-01-01' } });
    assert.equal(refused.status, 403);
    assert.equal((await t.json('POST', `/api/organizations/${a}/relationships`, { body: { type: 'parent', toId: b, effectiveOn: '2024-01-01' } })).status, 401);
    const recorded = await t.json('POST', `/api/organizations/${a}/relationships`, { token: ministry, body: { type: 'parent', toId: b, effectiveOn: '2024-01-01' } });
    assert.equal(recorded.body.state, 'in-force');
    assert.deepEqual((await publicRelationships(b)).map((r) => r.type), ['parent']);
  });

  test('a proposal waiting counts against a contradicting one; confirming rechecks what came into force meanwhile', async () => {
    const [a, b, c] = [await newOrganization(), await newOrganization(), await newOrganization()];
    const adminA = await t.tokenFor('org-admin', a);
    const first = await t.json('POST', `/api/organizations/${a}/relationships`, { token: adminA, body: { type: 'parent', toId: b, effectiveOn: '2024-01-01' } });
    const repeat = await t.json('POST', `/api/organizations/${a}/relationships`, { token: adminA, body: { type: 'parent', toId: b, effectiveOn: '2024-01-01' } });
    assert.equal(repeat.status, 422);
    // Meanwhile the ministry records another parent of b: a's proposal can no longer come into force.
    assert.equal((await t.json('POST', `/api/organizations/${c}/relationships`, { token: ministry, body: { type: 'branch', toId: b, effectiveOn: '2024-02-01' } })).status, 201);
    const late = await t.json('POST', `/api/organizations/${b}/relationships/${first.body.id}/confirm`, { token: await t.tokenFor('org-admin', b) });
    assert.equal(late.status, 422);
    assert.equal(late.body.errors[0].key, 'errors.relationship.twoAbove');
  });
});
