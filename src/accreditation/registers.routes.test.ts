import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { decisionStatusOn, decisionStatusOnSql } from './decision-status.ts';
import { insertApprovedDecision, insertCase, insertProgramme, orgByKey } from './after.fixtures.ts';

describe('Registers 2 and 3, the decision page and statistics', () => {
  let t: TestApp;
  const id = {} as Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5' | 'enu' | 'iqaa' | 'kazsee' | 'p1' | 'p2' | 'p3' | 'pending' | 'satbayev', string>;

  before(async () => {
    t = await createTestApp();
    const db = t.db;
    id.kazsee = await orgByKey(db, 'kazsee');
    id.iqaa = await orgByKey(db, 'iqaa');
    id.satbayev = await orgByKey(db, 'satbayev-university');
    id.enu = await orgByKey(db, 'enu');
    id.p1 = await insertProgramme(db, id.satbayev, { code: '6B07101', fieldCode: '07', nameRu: 'Электроэнергетика' });
    id.p2 = await insertProgramme(db, id.satbayev, { code: '6B06102', fieldCode: '06', nameRu: 'Информационные системы' });
    id.p3 = await insertProgramme(db, id.enu, { code: '6B07103', fieldCode: '07', nameRu: 'Машиностроение' });
    // 5 years from 2021-06-01: ended 2026-05-31, so expired today but in force in 2022.
    id.d1 = (
      await insertApprovedDecision(db, {
        bodyId: id.kazsee,
        organizationId: id.satbayev,
        programmeIds: [id.p1],
        termYears: 5,
        decidedOn: '2021-06-01',
        certificateNumber: 'KAZSEE-2021-0007-C',
      })
    ).decisionId;
    id.d2 = (
      await insertApprovedDecision(db, {
        bodyId: id.kazsee,
        organizationId: id.satbayev,
        programmeIds: [id.p2],
        termYears: 3,
        decidedOn: '2025-03-10',
        eurAce: true,
        enaeeStatus: 'approved',
      })
    ).decisionId;
    id.d3 = (
      await insertApprovedDecision(db, { bodyId: id.iqaa, organizationId: id.enu, programmeIds: [id.p3], outcome: 'refused', decidedOn: '2025-05-05' })
    ).decisionId;
    id.d4 = (
      await insertApprovedDecision(db, { bodyId: id.kazsee, organizationId: id.satbayev, kind: 'institutional', termYears: 5, decidedOn: '2024-02-01' })
    ).decisionId;
    id.d5 = (
      await insertApprovedDecision(db, {
        bodyId: id.iqaa,
        organizationId: id.enu,
        kind: 'institutional',
        termYears: 1,
        crossBorder: true,
        decidedOn: '2023-01-10',
      })
    ).decisionId;
    // A decision awaiting approval is in no register and not public.
    const pendingCase = await insertCase(db, { bodyId: id.kazsee, organizationId: id.enu, programmeIds: [id.p3] });
    const pending = await db
      .insertInto('accreditation_decisions')
      .values({
        case_id: pendingCase,
        body_id: id.kazsee,
        organization_id: id.enu,
        kind: 'programme',
        outcome: 'accredited',
        term_years: 5,
        proposed_outcome: 'accredited',
        proposed_term_years: 5,
        departure_reason: null,
        decided_on: '2026-10-01',
        approved_on: null,
        valid_from: null,
        valid_to: null,
        status_reason: null,
        certificate_number: null,
        enaee_status: null,
        summary: '{}',
        published_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id.pending = pending.id;
  });
  after(() => t.close());

  const codes = (body: { items: { programme: { code: string } | null }[] }) => body.items.map((i) => i.programme?.code).sort();

  test('Register 3 lists only programmes accredited and in force today by default', async () => {
    const res = await t.json('GET', '/api/registers/3');
    assert.equal(res.status, 200);
    assert.deepEqual(codes(res.body), ['6B06102']);
    assert.equal(res.body.total, 1);
    const e = res.body.items[0];
    assert.equal(e.status, 'active');
    assert.equal(e.termYears, 3);
    assert.equal(e.validTo, '2028-03-09');
    assert.equal(e.eurAce, true);
    assert.equal(e.organization.id, id.satbayev);
    assert.equal(e.body.shortName, 'KAZSEE');
    assert.equal(e.decisionUrl, `/api/accreditation/decisions/${id.d2}`);
  });

  test('Register 3 as of a past day shows what was in force then', async () => {
    const res = await t.json('GET', '/api/registers/3?asOf=2022-01-01');
    assert.deepEqual(codes(res.body), ['6B07101']);
    assert.equal(res.body.items[0].status, 'active');
  });

  test('negative decisions are public: outcome=refused lists refusals', async () => {
    const res = await t.json('GET', '/api/registers/3?outcome=refused');
    assert.deepEqual(codes(res.body), ['6B07103']);
    assert.equal(res.body.items[0].status, 'refused');
    assert.equal(res.body.items[0].termYears, null);
  });

  test('outcome=any lists every approved decision and status filters by the status on the day', async () => {
    const any = await t.json('GET', '/api/registers/3?outcome=any');
    assert.deepEqual(codes(any.body), ['6B06102', '6B07101', '6B07103']);
    const expired = await t.json('GET', '/api/registers/3?outcome=any&status=expired');
    assert.deepEqual(codes(expired.body), ['6B07101']);
    const bad = await t.json('GET', '/api/registers/3?status=lost');
    assert.equal(bad.status, 422);
  });

  test('Register 3 filters by body, organization, region, field, EUR-ACE and text', async () => {
    const q = async (query: string) => codes((await t.json('GET', `/api/registers/3?outcome=any&${query}`)).body);
    assert.deepEqual(await q(`body=${id.iqaa}`), ['6B07103']);
    assert.deepEqual(await q(`organization=${id.satbayev}`), ['6B06102', '6B07101']);
    assert.deepEqual(await q('region=KZ-75'), ['6B06102', '6B07101']);
    assert.deepEqual(await q('field=07'), ['6B07101', '6B07103']);
    assert.deepEqual(await q('eurAce=true'), ['6B06102']);
    assert.deepEqual(await q('eurAce=false'), ['6B07101', '6B07103']);
    assert.deepEqual(await q('q=Машиностр'), ['6B07103']);
    assert.deepEqual(await q('q=6B07101'), ['6B07101']);
    assert.deepEqual(await q('q=KAZSEE-2021-0007'), ['6B07101']);
  });

  test('Register 3 pages with a total of every match', async () => {
    const page = await t.json('GET', '/api/registers/3?outcome=any&limit=1&offset=1');
    assert.equal(page.body.total, 3);
    assert.equal(page.body.items.length, 1);
  });

  test('Register 2 lists institutional decisions, as of today and as of a past day', async () => {
    const today = await t.json('GET', '/api/registers/2');
    assert.deepEqual(
      today.body.items.map((i: { decisionId: string }) => i.decisionId),
      [id.d4],
    );
    assert.equal(today.body.items[0].programme, null);
    const then = await t.json('GET', '/api/registers/2?asOf=2023-06-01');
    assert.deepEqual(
      then.body.items.map((i: { decisionId: string }) => i.decisionId),
      [id.d5],
    );
    assert.equal(then.body.items[0].crossBorder, true);
    const field = await t.json('GET', '/api/registers/2?outcome=any&field=06');
    assert.deepEqual(
      field.body.items.map((i: { decisionId: string }) => i.decisionId),
      [id.d4],
    );
  });

  test('Register 2 filters by the organization\'s region and name', async () => {
    const ids = async (query: string) =>
      (await t.json('GET', `/api/registers/2?outcome=any&asOf=2024-06-01&${query}`)).body.items.map((i: { decisionId: string }) => i.decisionId);
    assert.deepEqual(await ids('region=KZ-75'), [id.d4]);
    assert.deepEqual(await ids('region=KZ-71'), [id.d5]);
    assert.deepEqual(await ids('q=Гумилев'), [id.d5]);
    assert.deepEqual(await ids('q=Сатпаев'), [id.d4]);
    assert.deepEqual(new Set(await ids('')), new Set([id.d4, id.d5]));
  });

  test('the decision page of a refusal is public, with organization, programmes and history', async () => {
    const res = await t.json('GET', `/api/accreditation/decisions/${id.d3}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.outcome, 'refused');
    assert.equal(res.body.status, 'refused');
    assert.equal(res.body.organization.id, id.enu);
    assert.equal(res.body.body.id, id.iqaa);
    assert.deepEqual(
      res.body.programmes.map((p: { code: string }) => p.code),
      ['6B07103'],
    );
    assert.deepEqual(
      res.body.history.map((h: { status: string; source: string; effectiveFrom: string }) => [h.status, h.source, h.effectiveFrom]),
      [['refused', 'approval', '2025-05-05']],
    );
  });

  test('an expired decision reads as expired on its page', async () => {
    const res = await t.json('GET', `/api/accreditation/decisions/${id.d1}`);
    assert.equal(res.body.status, 'expired');
    assert.equal(res.body.validTo, '2026-05-31');
  });

  test('a decision awaiting approval is hidden from the public but visible to its body', async () => {
    assert.equal((await t.json('GET', `/api/accreditation/decisions/${id.pending}`)).status, 404);
    const staff = await t.tokenFor('agency-staff', id.kazsee);
    const res = await t.json('GET', `/api/accreditation/decisions/${id.pending}`, { token: staff });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'pending-approval');
    const other = await t.tokenFor('agency-staff', id.iqaa);
    assert.equal((await t.json('GET', `/api/accreditation/decisions/${id.pending}`, { token: other })).status, 404);
  });

  test('the registers\' SQL status rule agrees with decisionStatusOn for every status, validity and day', async () => {
    for (const status of ['pending-approval', 'active', 'extended', 'expired', 'refused', 'suspended', 'withdrawn']) {
      for (const validTo of [null, '2026-06-14']) {
        for (const day of ['2026-06-13', '2026-06-14', '2026-06-15']) {
          const { rows } = await sql<{ status: string }>`select ${decisionStatusOnSql(sql.val(status), sql`${validTo}::date`, day)} as status`.execute(t.db);
          assert.equal(rows[0]?.status, decisionStatusOn(status, validTo, day), JSON.stringify({ status, validTo, day }));
        }
      }
    }
  });

  test('statistics count per body and year like KAZSEE’s table (public)', async () => {
    const res = await t.json('GET', `/api/accreditation/statistics?body=${id.kazsee}`);
    assert.equal(res.status, 200);
    const rows = res.body.items.map((i: { year: number; institutional: number; programme: number; crossBorder: number; eurAce: number; refused: number }) => [
      i.year,
      i.institutional,
      i.programme,
      i.crossBorder,
      i.eurAce,
      i.refused,
    ]);
    assert.deepEqual(rows, [
      [2021, 0, 1, 0, 0, 0],
      [2024, 1, 0, 0, 0, 0],
      [2025, 0, 1, 0, 1, 0],
    ]);
    assert.deepEqual(res.body.totals, [{ bodyId: id.kazsee, institutional: 1, programme: 2, crossBorder: 0, eurAce: 1, refused: 0, total: 3 }]);
    const iqaa = await t.json('GET', `/api/accreditation/statistics?body=${id.iqaa}&from=2024&to=2025`);
    assert.deepEqual(
      iqaa.body.items.map((i: { year: number; crossBorder: number; refused: number }) => [i.year, i.crossBorder, i.refused]),
      [[2025, 0, 1]],
    );
  });
});
