// A record's API detail says what its page shows (issue 11 item 1): as of `asOf`, the public counts
// of credentials and certificates issued against it, its licence coverage, and where a record loaded
// from reference data comes from (item 7). On the demonstration data set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { toJson } from '../platform/db/schema.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ template: 'demo' });
});
after(() => t.close());

const get = async (path: string) => {
  const res = await t.json('GET', path);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const text = async (path: string) => (await (await t.request('GET', path)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('issued counts and licence coverage in the API detail, as of a day', () => {
  test('an organization: credentials and certificates issued, licences in force and the groups they cover', async () => {
    const row = await t.db
      .selectFrom('certificates')
      .innerJoin('organizations as o', 'o.id', 'certificates.organization_id')
      .select(['organization_id', sql<number>`count(*)::int`.as('n'), sql<string>`min(issued_on)`.as('first')])
      .groupBy('organization_id')
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow();
    const credentials = await t.db.selectFrom('credentials').select(sql<number>`count(*)::int`.as('n')).where('organization_id', '=', row.organization_id).executeTakeFirstOrThrow();
    const org = await get(`/api/organizations/${row.organization_id}`);
    assert.deepEqual(org.issued, { credentials: Number(credentials.n), certificates: Number(row.n) });
    assert.match(org.asOf, /^\d{4}-\d{2}-\d{2}$/);
    const inForce = org.licences.filter((l: { status: string; issuedOn: string; validUntil: string | null }) => l.status === 'active' && l.issuedOn <= org.asOf && (!l.validUntil || l.validUntil >= org.asOf));
    assert.deepEqual(org.licenceCoverage.licences.map((l: { number: string }) => l.number).sort(), inForce.map((l: { number: string }) => l.number).sort());
    assert.deepEqual(org.licenceCoverage.programmeGroups, [...new Set(inForce.flatMap((l: { programmeGroups: string[] }) => l.programmeGroups))].sort());
    // As of an earlier day (its first certificate's, or its first version's if later): only what was issued by then.
    const history = (await get(`/api/organizations/${row.organization_id}/history`)) as { at: string }[];
    // The day after the first version's UTC day, so the version exists in Almaty's calendar too.
    const firstVersion = new Date(Date.parse(history.map((h) => h.at).sort()[0] as string) + 86_400_000).toISOString().slice(0, 10);
    const day = [firstVersion, row.first].sort().at(-1) as string;
    const then = await t.db
      .selectFrom('certificates')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', row.organization_id)
      .where('issued_on', '<=', day)
      .executeTakeFirstOrThrow();
    const past = await get(`/api/organizations/${row.organization_id}?asOf=${day}`);
    assert.equal(past.asOf, day);
    assert.equal(past.issued.certificates, Number(then.n), 'certificates issued by that day');
  });

  test('a programme: issued counts and whether a licence covers its group on the day', async () => {
    const programme = await t.db
      .selectFrom('programmes')
      .select(['id', 'organization_id', 'group_code'])
      .where('status', '=', 'included')
      .where('group_code', 'is not', null)
      .where('first_included_at', '<', new Date('2025-01-01'))
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('licences')
      .values({ organization_id: programme.organization_id, number: 'KZ-TEST-0042', issued_on: '2025-01-01', valid_until: null, programme_groups: [programme.group_code as string], attachments: toJson([]), status: 'active' })
      .execute();
    const covered = { id: programme.id, number: 'KZ-TEST-0042' };
    const withLicence = await get(`/api/programmes/${covered.id}`);
    const credentials = await t.db
      .selectFrom('credentials as c')
      .innerJoin('credential_specifications as s', 's.id', 'c.specification_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('s.programme_id', '=', covered.id)
      .executeTakeFirstOrThrow();
    const certificates = await t.db.selectFrom('certificates').select(sql<number>`count(*)::int`.as('n')).where('programme_id', '=', covered.id).executeTakeFirstOrThrow();
    assert.deepEqual(withLicence.issued, { credentials: Number(credentials.n), certificates: Number(certificates.n) });
    assert.deepEqual(withLicence.licenceCoverage, { asOf: withLicence.asOf, covered: true, licenceNumber: covered.number });
    assert.match(await text(`/en/programmes/${covered.id}`), /Licence KZ-TEST-0042 covers this programme group/);
    const before = await get(`/api/programmes/${covered.id}?asOf=2024-12-31`);
    assert.deepEqual(before.licenceCoverage, { asOf: '2024-12-31', covered: false, licenceNumber: null }, 'not yet issued that day');
    const org = await get(`/api/organizations/${programme.organization_id}?asOf=2025-02-01`);
    assert.ok(org.licenceCoverage.licences.some((l: { number: string }) => l.number === 'KZ-TEST-0042'));
    assert.ok(org.licenceCoverage.programmeGroups.includes(programme.group_code));
  });

  test('a qualification: the certificates issued against it, as on its page', async () => {
    const row = await t.db
      .selectFrom('certificates')
      .select(['qualification_id', sql<number>`count(*)::int`.as('n')])
      .where('qualification_id', 'is not', null)
      .groupBy('qualification_id')
      .executeTakeFirst();
    const id = row?.qualification_id ?? (await t.db.selectFrom('qualifications').select('id').executeTakeFirstOrThrow()).id;
    const q = await get(`/api/qualifications/${id}`);
    assert.deepEqual(q.issued, { credentials: 0, certificates: Number(row?.n ?? 0) });
  });
});

describe('provenance of reference records: quoted (document and line) or written by the team', () => {
  test('an organization loaded from reference data says where it comes from, in the API and on its page', async () => {
    const quoted = await t.db.selectFrom('organizations').select(['id', 'source']).where(sql<boolean>`source->>'lines' is not null`).executeTakeFirstOrThrow();
    const org = await get(`/api/organizations/${quoted.id}`);
    assert.deepEqual(org.provenance, { source: { document: quoted.source?.document, lines: quoted.source?.lines } });
    assert.match(await text(`/en/organizations/${quoted.id}`), /Where it comes from Quoted from .*, lines? \d/);
    const entered = await t.db.selectFrom('organizations').select('id').where('source', 'is', null).where('is_synthetic', '=', false).executeTakeFirst();
    if (entered) assert.equal((await get(`/api/organizations/${entered.id}`)).provenance, null, 'entered in Sapa: no provenance claimed');
  });

  test('an occupational standard says where it comes from, in the API and on its page in kk, ru and en', async () => {
    // The demonstration standards are invented by the team: said so, never dressed up as quoted.
    const s = await t.db.selectFrom('occupational_standards').select(['id', 'source']).where('is_synthetic', '=', true).executeTakeFirstOrThrow();
    const body = await get(`/api/occupational-standards/${s.id}`);
    assert.deepEqual(body.provenance, s.source?.lines ? { source: { document: s.source.document, lines: s.source.lines } } : { authored: 'team' });
    assert.match(await text(`/en/occupational-standards/${s.id}`), /Where it comes from Written by the Sapa team/);
    assert.match(await text(`/ru/occupational-standards/${s.id}`), /Откуда это Написано командой Sapa/);
    assert.match(await text(`/kk/occupational-standards/${s.id}`), /Sapa командасы жазған/);
  });

  test('qualification types say whether they are quoted or the team’s, in the API and on the NQF level page', async () => {
    const types = (await get('/api/qualification-types')).items as { key: string; nqfLevel: number | null; source: { lines: string | null } | null; provenance: unknown }[];
    assert.ok(types.length > 0);
    for (const type of types) {
      if (type.source?.lines) assert.ok(type.provenance && typeof type.provenance === 'object' && 'source' in type.provenance, type.key);
      else assert.equal((type.provenance as { authored?: string }).authored, 'team', type.key);
    }
    const level = types.find((x) => x.nqfLevel !== null)?.nqfLevel;
    assert.match(await text(`/en/nqf/${level}`), /Qualification types .*(Quoted from|Written by the Sapa team)/);
  });
});

