// Data that tells the truth (issue 11 item 7): relationships read the right way round and are
// checked by a rule; the programme code grammar holds on create and update, with a message naming
// the wrong part.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { orgIdByKey } from '../../test/helpers/factories.ts';

let t: TestApp;
let ministry: string;

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
});
after(() => t.close());

const mainText = async (path: string) => {
  const body = await (await t.request('GET', path)).text();
  return (body.match(/<main[\s\S]*<\/main>/)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};

describe('relationships between organizations', () => {
  test("Satbayev University hosts CityU's branch; the branch belongs to CityU; nobody reads as the other's parent", async () => {
    const satbayev = await orgIdByKey(t.db, 'satbayev-university');
    const branch = await orgIdByKey(t.db, 'cityu-satbayev-branch');
    const satbayevPage = await mainText(`/en/organizations/${satbayev}`);
    assert.doesNotMatch(satbayevPage, /Parent organization/);
    assert.match(satbayevPage, /Hosts: City University of Hong Kong branch at Satbayev University/);
    const branchPage = await mainText(`/en/organizations/${branch}`);
    assert.match(branchPage, /Branch of: City University of Hong Kong(?! branch)/);
    assert.match(branchPage, /Hosted by: Satbayev University|Hosted by: .*Satbayev/);
    const ru = await mainText(`/ru/organizations/${satbayev}`);
    assert.doesNotMatch(ru, /Головная организация/);
  });

  test('a second organization above a branch, a cycle or a reversed succession is refused with a clear message', async () => {
    const satbayev = await orgIdByKey(t.db, 'satbayev-university');
    const branch = await orgIdByKey(t.db, 'cityu-satbayev-branch');
    const parent = await t.json('POST', `/api/organizations/${satbayev}/relationships`, { token: ministry, lang: 'en', body: { type: 'parent', toId: branch, effectiveOn: '2024-01-01' } });
    assert.equal(parent.status, 422);
    assert.match(parent.body.errors[0].message, /already has a parent organization or is already a branch/);
    const cycle = await t.json('POST', `/api/organizations/${branch}/relationships`, { token: ministry, body: { type: 'host', toId: satbayev, effectiveOn: '2024-01-01' } });
    assert.equal(cycle.status, 422);
    assert.equal(cycle.body.errors[0].key, 'errors.relationship.reversed');
  });
});

describe('the programme code grammar', () => {
  let editor: string;
  let orgId: string;
  const passport = (code: string) => ({
    organizationId: orgId,
    code,
    name: { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' },
    fieldCode: '06',
    nqfLevel: 6,
    creditsEcts: 240,
    languages: ['kk'],
  });
  before(async () => {
    orgId = (await t.json('POST', '/api/organizations', { token: ministry, body: { bin: '100000000011', name: { kk: 'Code U', ru: 'Code U', en: 'Code U' }, kind: 'university', regionCode: 'KZ-75' } })).body.id;
    editor = await t.tokenFor('org-editor', orgId);
  });

  test('6X01901, 7B… and 6M… are refused on create with a localized message naming the part', async () => {
    const cases: [string, string, RegExp][] = [
      ['6X01901', 'en', /second character of «6X01901» is the degree letter of level 6: B, not X/],
      ['7B06101', 'ru', /Второй знак кода «7B06101» — буква степени уровня 7: M, а не B/],
      ['6M06101', 'kk', /«6M06101» кодының екінші таңбасы/],
      ['6B13101', 'en', /Characters 3–4 of «6B13101» are the field of education/],
    ];
    for (const [code, lang, message] of cases) {
      const res = await t.json('POST', '/api/programmes', { token: editor, lang, body: passport(code) });
      assert.equal(res.status, 422, code);
      assert.equal(res.body.errors[0].path, 'code');
      assert.match(res.body.errors[0].message, message);
      assert.doesNotMatch(JSON.stringify(res.body), /regex/i);
    }
  });

  test('an update to a malformed code is refused too, and a good code is accepted', async () => {
    const created = await t.json('POST', '/api/programmes', { token: editor, body: passport('6B06131') });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const patched = await t.json('PATCH', `/api/programmes/${created.body.id}`, { token: editor, lang: 'en', body: { code: '6X06131' } });
    assert.equal(patched.status, 422);
    assert.equal(patched.body.errors[0].key, 'errors.programmeCode.letter');
  });
});
