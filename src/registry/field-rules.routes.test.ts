// Field-level rules of organizations: what only the ministry changes, the key frozen once the
// organization has issued credentials, and relationships that speak for both sides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

let t: TestApp;
let ministry: string;
let bin = 990250000100;
before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
});
after(() => t.close());

async function newOrganization(key?: string): Promise<string> {
  bin += 1;
  const body = { bin: String(bin), key, name: { kk: `Ұйым ${bin}`, ru: `Организация ${bin}`, en: `Organization ${bin}` }, kind: 'college', regionCode: 'KZ-75' };
  const res = await t.json('POST', '/api/organizations', { token: ministry, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

describe("an organization's registered facts", () => {
  test('its own admin may not lift a suspension or change kind, BIN, identifiers or key; other fields stay editable', async () => {
    const id = await newOrganization('field-rules-own');
    assert.equal((await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { status: 'suspended' } })).status, 200);
    const admin = await t.tokenFor('org-admin', id);
    for (const [field, value] of Object.entries({ status: 'active', kind: 'university', bin: '990250009999', identifiers: { edu: 'x' }, key: 'moved-away' })) {
      const res = await t.json('PATCH', `/api/organizations/${id}`, { token: admin, body: { [field]: value }, lang: 'ru' });
      assert.equal(res.status, 403, `${field}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.errors[0].path, field);
      assert.match(res.body.detail, /министерство/);
    }
    const now = await t.json('GET', `/api/organizations/${id}`);
    assert.deepEqual([now.body.status, now.body.kind, now.body.key], ['suspended', 'college', 'field-rules-own']);
    const same = await t.json('PATCH', `/api/organizations/${id}`, { token: admin, body: { status: 'suspended', kind: 'college', website: 'https://own.edu.kz' } });
    assert.equal(same.status, 200, 'sending a fact unchanged is no change');
    assert.equal((await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { status: 'active', kind: 'university' } })).status, 200);
  });

  test('once a credential is issued, not even the ministry moves the key (the issuer did:web keeps resolving)', async () => {
    const id = await newOrganization('field-rules-issuer');
    assert.equal((await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { key: 'field-rules-issuer-2' } })).status, 200, 'no credential yet');
    const issuer = await t.tokenFor('org-admin', id);
    const credential = {
      organizationId: id,
      learner: { name: 'Ерлан Сәрсенов' },
      achievement: { name: 'Геоинформатика', description: 'ГАЖ негіздері', criteria: { narrative: 'Емтихан' } },
      validFrom: '2025-09-01',
    };
    assert.equal((await t.json('POST', '/api/credentials', { token: issuer, body: credential })).status, 201);
    const moved = await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { key: 'field-rules-issuer-3' } });
    assert.equal(moved.status, 409, JSON.stringify(moved.body));
    assert.equal(moved.body.errors[0].path, 'key');
    assert.equal((await t.request('GET', '/issuers/field-rules-issuer-2/did.json')).status, 200);
    assert.equal((await t.json('GET', `/api/organizations/${id}`)).body.key, 'field-rules-issuer-2');
  });
});

describe('relationships between organizations', () => {
  test("one side's admin cannot attach a branch to another organization's public page; the ministry can", async () => {
    const own = await newOrganization();
    const other = await newOrganization();
    const admin = await t.tokenFor('org-admin', own);
    const body = { type: 'branch', toId: other, effectiveOn: '2024-04-01' };
    const proposed = await t.json('POST', `/api/organizations/${own}/relationships`, { token: admin, body });
    assert.equal(proposed.body.state, 'proposed', 'only a proposal: relationship-consent.routes.test.ts');
    assert.deepEqual((await t.json('GET', `/api/organizations/${other}`)).body.relationships, []);
    const recorded = await t.json('POST', `/api/organizations/${own}/relationships`, { token: ministry, body: { ...body, type: 'host' } });
    assert.equal(recorded.status, 201);
    assert.equal(recorded.body.state, 'in-force');
    assert.equal((await t.json('GET', `/api/organizations/${other}`)).body.relationships.length, 1);
  });
});
