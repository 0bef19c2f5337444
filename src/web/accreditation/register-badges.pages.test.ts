// Registers 2 and 3 carry the same standing badges as search hits and record pages (issue 11):
// accredited only while a positive decision is in force, EUR-ACE® only when ENAEE approved,
// excluded and under update from the programme's register status, demonstration data; the API's
// register entries carry the same list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from '../../accreditation/after.fixtures.ts';

let t: TestApp;
const id = {} as Record<'approved' | 'submitted' | 'excluded' | 'update' | 'lapsed' | 'org', string>;

/** The badges of the register row that mentions `needle`, by class. */
async function rowBadges(path: string, needle: string): Promise<string[]> {
  const body = await (await t.request('GET', path)).text();
  const row = body.split('<tr>').find((r) => r.includes(needle));
  assert.ok(row, `${needle} on ${path}`);
  return [...row.matchAll(/class="badge badge-([a-z-]+)"/g)].map((m) => m[1] as string);
}

before(async () => {
  t = await createTestApp();
  const bodyId = await orgByKey(t.db, 'kazsee');
  id.org = await orgByKey(t.db, 'satbayev-university');
  id.approved = await insertProgramme(t.db, id.org, { code: '6B07131', synthetic: false });
  id.submitted = await insertProgramme(t.db, id.org, { code: '6B07132', synthetic: false });
  id.excluded = await insertProgramme(t.db, id.org, { code: '6B07133' });
  id.update = await insertProgramme(t.db, id.org, { code: '6B07134', synthetic: false });
  id.lapsed = await insertProgramme(t.db, id.org, { code: '6B07135', synthetic: false });
  await t.db.updateTable('programmes').set({ status: 'excluded' }).where('id', '=', id.excluded).execute();
  await t.db.updateTable('programmes').set({ status: 'update' }).where('id', '=', id.update).execute();
  const decision = (programmeId: string, more: { eurAce?: boolean; enaeeStatus?: string; termYears?: number; decidedOn?: string } = {}) =>
    insertApprovedDecision(t.db, { bodyId, organizationId: id.org, programmeIds: [programmeId], termYears: more.termYears ?? 5, decidedOn: more.decidedOn ?? '2025-03-10', ...more });
  await decision(id.approved, { eurAce: true, enaeeStatus: 'approved' });
  await decision(id.submitted, { eurAce: true });
  await decision(id.excluded);
  await decision(id.update);
  await decision(id.lapsed, { termYears: 1, decidedOn: '2021-06-01' });
  await insertApprovedDecision(t.db, { bodyId, organizationId: id.org, kind: 'institutional', termYears: 5, decidedOn: '2024-02-01' });
});
after(() => t.close());

test('Register 3: accredited, and EUR-ACE® only where ENAEE approved it', async () => {
  assert.deepEqual(await rowBadges('/en/registers/3', '6B07131'), ['accredited', 'eur-ace']);
  assert.deepEqual(await rowBadges('/en/registers/3', '6B07132'), ['accredited'], 'EUR-ACE only submitted: no label');
});

test('Register 3: an excluded programme and one under update say so; demonstration data is marked', async () => {
  assert.deepEqual(await rowBadges('/en/registers/3', '6B07133'), ['accredited', 'excluded', 'synthetic']);
  assert.deepEqual(await rowBadges('/en/registers/3', '6B07134'), ['accredited', 'under-update']);
  const ru = await (await t.request('GET', '/ru/registers/3')).text();
  assert.match(ru, /Исключена|Исключено|исключ/i);
});

test('Register 3: a lapsed decision is listed without the accredited badge; it had it while in force', async () => {
  assert.deepEqual(await rowBadges('/en/registers/3?outcome=any&asOf=2027-01-01', '6B07135'), []);
  assert.deepEqual(await rowBadges('/en/registers/3?asOf=2021-12-01', '6B07135'), ['accredited']);
});

test('Register 2: the accredited organization carries its badge, in every language', async () => {
  for (const lang of ['kk', 'ru', 'en']) {
    const body = await (await t.request('GET', `/${lang}/registers/2`)).text();
    const row = body.split('<tr>').find((r) => r.includes(`/${lang}/organizations/${id.org}`));
    assert.ok(row?.includes('class="badge badge-accredited"'), lang);
  }
});

test('the API’s register entries carry the same badges', async () => {
  const res = await t.json('GET', '/api/registers/3');
  const badges = (code: string) => res.body.items.find((i: { programme: { code: string } }) => i.programme.code === code)?.badges;
  assert.deepEqual(badges('6B07131'), ['accredited', 'eur-ace']);
  assert.deepEqual(badges('6B07132'), ['accredited']);
  assert.deepEqual(badges('6B07134'), ['accredited', 'under-update']);
});
