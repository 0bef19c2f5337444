import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { sampleDocx, sampleExe, samplePdf, samplePng, sampleText, sampleXlsx } from '../../test/helpers/sample-files.ts';
import { loadConfig } from '../config.ts';
import { settings, useSettings } from '../platform/settings.ts';
import { inTransaction } from '../platform/context.ts';
import { withFileBatch } from '../platform/files/files.ts';
import { certificateSpec } from './certificate.service.ts';
import { seedDemoSar } from './sar.demo.ts';
import { sarFacts } from './sar.facts.ts';

let t: TestApp;
let dir: string;
let orgId: string;
let otherOrgId: string;
let bodyId: string;
let setId: string;
let standardCodes: string[];
const tokens = {} as Record<'admin' | 'editor' | 'otherOrg' | 'staff' | 'ministry' | 'expert' | 'panelExpert', string>;
let caseNumber = 0;

async function orgByKey(key: string): Promise<string> {
  return (await t.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}

async function newCase(state = 'sar-in-preparation', standardSetId: string | null = setId): Promise<string> {
  const row = await t.db
    .insertInto('accreditation_cases')
    .values({
      number: `T-SAR-${++caseNumber}`,
      body_id: bodyId,
      organization_id: orgId,
      kind: 'programme',
      standard_set_id: standardSetId,
      state,
      details: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const setState = (caseId: string, state: string) => t.db.updateTable('accreditation_cases').set({ state }).where('id', '=', caseId).execute();

function upload(caseId: string, version: number, token: string, file: { bytes: Uint8Array; name: string; type?: string }, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/pdf' }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return t.app.request(`/api/accreditation/cases/${caseId}/sar/versions/${version}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

const text = (lang: string, code: string) =>
  ({ kk: `${code} бөлімі бойынша талдау`, ru: `Анализ по разделу ${code}`, en: `Analysis of section ${code}` })[lang] as string;

async function fillAll(caseId: string, version: number, except?: { code: string; lang: 'kk' | 'ru' | 'en' }) {
  for (const code of standardCodes) {
    const body = Object.fromEntries((['kk', 'ru', 'en'] as const).filter((l) => !(except?.code === code && except.lang === l)).map((l) => [l, text(l, code)]));
    const res = await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/${version}/sections/${code}`, { token: tokens.admin, body });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
}

async function storedFiles() {
  const rows = await t.db.selectFrom('files').select('sha256').execute();
  const onDisk = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
  return { rows: rows.length, onDisk: onDisk.length, staged: onDisk.filter((f) => f.startsWith('staging')).length };
}

describe('self-assessment reports, evidence and certificates over HTTP', () => {
  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'sapa-sar-'));
    // A trailing slash as an operator may write it: config drops it once for every link.
    useSettings({ ...settings(), FILES_DIR: dir, MAX_UPLOAD_MB: 1, PUBLIC_URL: loadConfig({ PUBLIC_URL: 'https://sapa.example.kz/' }).PUBLIC_URL });
    orgId = await orgByKey('satbayev-university');
    otherOrgId = await orgByKey('shakarim-university');
    bodyId = await orgByKey('kazsee');
    setId = (await t.db.selectFrom('standard_sets').select('id').where('key', '=', 'kazsee-programme').executeTakeFirstOrThrow()).id;
    standardCodes = (await t.db.selectFrom('standards').select('code').where('set_id', '=', setId).orderBy('position').execute()).map((s) => s.code);
    tokens.admin = await t.tokenFor('org-admin', orgId);
    tokens.editor = await t.tokenFor('org-editor', orgId);
    tokens.otherOrg = await t.tokenFor('org-admin', otherOrgId);
    tokens.staff = await t.tokenFor('agency-staff', bodyId);
    tokens.ministry = await t.tokenFor('ministry');
    tokens.expert = await t.tokenFor('expert');
    tokens.panelExpert = await t.tokenFor('expert');
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the applicant starts version 1 with one section per standard of the case set; the body and other organizations may not', async () => {
    const caseId = await newCase();
    for (const who of ['staff', 'otherOrg', 'ministry'] as const) {
      assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens[who] })).status, 403, who);
    }
    const res = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.editor });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.version, 1);
    assert.equal(res.body.status, 'draft');
    assert.equal(standardCodes.length, 9);
    assert.deepEqual(
      res.body.sections.map((s: { code: string }) => s.code),
      standardCodes,
    );
    assert.equal(res.body.sections[0].title.ru, 'Цели образовательной программы');
    assert.equal(res.body.languagesComplete, false);
    assert.equal(res.body.missing.length, 27);
    const again = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin, lang: 'en' });
    assert.equal(again.status, 409);
    assert.match(again.body.detail, /Version 1 is still a draft/);
  });

  test('a case without a standard set has one general section', async () => {
    const caseId = await newCase('sar-in-preparation', null);
    const res = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin, lang: 'ru' });
    assert.deepEqual(
      res.body.sections.map((s: { code: string; title: { ru: string } }) => [s.code, s.title.ru]),
      [['general', 'Отчёт по самооценке']],
    );
  });

  test('submission needs kk, ru and en text in every section and lists each one missing; then the version is frozen', async () => {
    const caseId = await newCase();
    await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin });
    await fillAll(caseId, 1, { code: '3', lang: 'en' });
    const unknown = await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/1/sections/99`, { token: tokens.admin, body: { kk: 'x' } });
    assert.equal(unknown.status, 422);

    let facts = await sarFacts(t.db, caseId);
    assert.deepEqual(facts, { versions: 1, latestSubmitted: false, languagesComplete: false, evidenceFiles: 0 });

    const incomplete = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/1/submit`, { token: tokens.admin, lang: 'en' });
    assert.equal(incomplete.status, 422);
    assert.deepEqual(
      incomplete.body.errors.map((e: { path: string }) => e.path),
      ['sections.3.en'],
    );
    assert.equal(incomplete.body.errors[0].message, 'Section 3 has no text in en.');

    assert.equal((await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/1/submit`, { token: tokens.staff })).status, 403);
    const fix = await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/1/sections/3`, { token: tokens.editor, body: { en: text('en', '3') } });
    assert.equal(fix.body.languagesComplete, true);
    assert.equal(fix.body.sections[2].text.kk, text('kk', '3'), 'languages not given keep their text');

    const submitted = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/1/submit`, { token: tokens.admin });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.body.status, 'submitted');
    facts = await sarFacts(t.db, caseId);
    assert.deepEqual(facts, { versions: 1, latestSubmitted: true, languagesComplete: true, evidenceFiles: 0 });

    const frozen = await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/1/sections/1`, { token: tokens.admin, body: { kk: 'өзгеріс' } });
    assert.equal(frozen.status, 409);
    assert.equal(frozen.body.code, 'conflict');
  });

  test('after a revision request version 2 starts from version 1, and nothing changes once the case moved on', async () => {
    const caseId = await newCase();
    await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin });
    await fillAll(caseId, 1);
    assert.equal((await upload(caseId, 1, tokens.admin, { bytes: samplePdf('v1 evidence'), name: 'policy.pdf' }, { section: '1' })).status, 201);
    await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/1/submit`, { token: tokens.admin });

    await setState(caseId, 'sar-review');
    const closed = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin, lang: 'en' });
    assert.equal(closed.status, 409);
    assert.match(closed.body.detail, /sar-review/);

    await setState(caseId, 'sar-revision-requested');
    const v2 = await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin });
    assert.equal(v2.status, 201);
    assert.equal(v2.body.version, 2);
    assert.equal(v2.body.languagesComplete, true, 'texts copied');
    assert.equal(v2.body.evidence.length, 1, 'evidence copied');
    assert.equal(v2.body.evidence[0].section, '1');

    await t.json('PUT', `/api/accreditation/cases/${caseId}/sar/versions/2/sections/2`, { token: tokens.admin, body: { ru: '' } });
    const facts = await sarFacts(t.db, caseId);
    assert.deepEqual(facts, { versions: 2, latestSubmitted: false, languagesComplete: false, evidenceFiles: 1 });
    const v1 = await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tokens.admin });
    assert.equal(v1.body.languagesComplete, true, 'version 1 is unchanged');

    const overview = await t.json('GET', `/api/accreditation/cases/${caseId}/sar`, { token: tokens.admin });
    assert.deepEqual(
      overview.body.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
      [
        [1, 'submitted'],
        [2, 'draft'],
      ],
    );
    assert.equal(overview.body.mayEdit, true);
  });

  test('evidence: PDF, DOCX and XLSX are accepted by content; a wrong, renamed, oversized or empty file is refused and nothing is stored', async () => {
    const caseId = await newCase();
    await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin });
    const before = await storedFiles();

    for (const [bytes, name] of [
      [sampleExe(), 'report.pdf'],
      [sampleText(), 'report.pdf'],
      [samplePng(), 'scan.pdf'],
      [sampleDocx(), 'table.xlsx'],
      [new Uint8Array(0), 'empty.pdf'],
      [new Uint8Array(1024 * 1024 + 10).fill(65), 'big.pdf'],
      [new Uint8Array(3 * 1024 * 1024).fill(65), 'huge.pdf'],
    ] as const) {
      const res = await upload(caseId, 1, tokens.admin, { bytes, name });
      assert.equal(res.status, 422, name);
      const body = await res.json();
      assert.equal(body.errors[0].path, 'file', name);
    }
    assert.deepEqual(await storedFiles(), before, 'no row and no file for refused uploads');
    assert.equal((await sarFacts(t.db, caseId)).evidenceFiles, 0);

    const accepted = [
      [samplePdf('accepted'), 'Өзін-өзі бағалау.pdf', 'application/pdf'],
      [sampleDocx(), 'minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [sampleXlsx(), 'indicators.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const;
    for (const [bytes, name, mediaType] of accepted) {
      const res = await upload(caseId, 1, tokens.editor, { bytes, name, type: 'application/octet-stream' }, { section: '2', title: name });
      assert.equal(res.status, 201, name);
      const body = await res.json();
      assert.equal(body.mediaType, mediaType);
      assert.equal(body.fileName, name);
      const download = await t.app.request(body.downloadUrl, { headers: { authorization: `Bearer ${tokens.admin}` } });
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), mediaType);
      assert.match(download.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
    }
    const after = await storedFiles();
    assert.equal(after.rows, before.rows + accepted.length);
    assert.equal(after.staged, 0);
    assert.equal((await sarFacts(t.db, caseId)).evidenceFiles, 3);

    const [first] = (await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tokens.admin })).body.evidence;
    const removeUrl = `/api/accreditation/cases/${caseId}/sar/evidence/${first.id}`;
    assert.equal((await t.json('DELETE', removeUrl, { token: tokens.otherOrg })).status, 403);
    assert.equal((await t.json('DELETE', removeUrl, { token: tokens.staff })).status, 403);
    assert.equal((await t.request('DELETE', removeUrl, { token: tokens.editor })).status, 204);
    assert.equal((await sarFacts(t.db, caseId)).evidenceFiles, 2);

    const unknownSection = await upload(caseId, 1, tokens.admin, { bytes: samplePdf('x'), name: 'x.pdf' }, { section: '42' });
    assert.equal(unknownSection.status, 422);
    const notApplicant = await upload(caseId, 1, tokens.staff, { bytes: samplePdf('staff'), name: 'staff.pdf' });
    assert.equal(notApplicant.status, 403);
    assert.deepEqual((await storedFiles()).rows, after.rows);
  });

  test('the body sees submitted versions only; another organization and anonymous callers are refused, evidence included', async () => {
    const caseId = await newCase();
    await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions`, { token: tokens.admin });
    const res = await upload(caseId, 1, tokens.admin, { bytes: samplePdf('secret'), name: 'secret.pdf' });
    const evidence = await res.json();

    const staffView = await t.json('GET', `/api/accreditation/cases/${caseId}/sar`, { token: tokens.staff });
    assert.equal(staffView.status, 200);
    assert.deepEqual(staffView.body.versions, [], 'a draft is not shown to the body');
    assert.equal(staffView.body.mayEdit, false);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tokens.staff })).status, 404);
    assert.equal((await t.app.request(evidence.downloadUrl, { headers: { authorization: `Bearer ${tokens.staff}` } })).status, 404);

    await fillAll(caseId, 1);
    await t.json('POST', `/api/accreditation/cases/${caseId}/sar/versions/1/submit`, { token: tokens.admin });
    // The second expert sits on this case's panel (the panel table), the first on none.
    const panelExpert = await t.db
      .selectFrom('users')
      .innerJoin('role_assignments as r', 'r.user_id', 'users.id')
      .select('users.id')
      .where('r.role', '=', 'expert')
      .orderBy('users.created_at', 'desc')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('panel_members')
      .values({ case_id: caseId, expert_id: null, user_id: panelExpert.id, role: 'member', conflicts: '[]', override_justification: null, removed_at: null })
      .execute();
    for (const who of ['staff', 'ministry', 'panelExpert'] as const) {
      assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tokens[who] })).status, 200, who);
      assert.equal((await t.app.request(evidence.downloadUrl, { headers: { authorization: `Bearer ${tokens[who]}` } })).status, 200, who);
    }

    for (const who of ['otherOrg', 'expert'] as const) {
      assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/sar`, { token: tokens[who] })).status, 403, who);
      assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tokens[who] })).status, 403, who);
      assert.equal((await t.app.request(evidence.downloadUrl, { headers: { authorization: `Bearer ${tokens[who]}` } })).status, 403, who);
    }
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}/sar`)).status, 401);
    assert.equal((await t.app.request(evidence.downloadUrl)).status, 401);
    // An evidence id of one case cannot be read through another case the caller may see.
    const otherCase = await newCase();
    assert.equal(
      (await t.app.request(`/api/accreditation/cases/${otherCase}/sar/evidence/${evidence.id}`, { headers: { authorization: `Bearer ${tokens.admin}` } }))
        .status,
      404,
    );
  });

  test('demonstration reports have complete trilingual versions and a generated PDF as evidence', async () => {
    const caseId = await newCase('sar-review');
    await withFileBatch((batch) => inTransaction(t.system, (ctx) => seedDemoSar(ctx, caseId, { versions: 2, lastSubmitted: false, batch })));
    assert.deepEqual(await sarFacts(t.db, caseId), { versions: 2, latestSubmitted: false, languagesComplete: true, evidenceFiles: 1 });
    const v1 = await t.json('GET', `/api/accreditation/cases/${caseId}/sar/versions/1`, { token: tokens.staff });
    assert.equal(v1.body.status, 'submitted');
    const download = await t.app.request(v1.body.evidence[0].downloadUrl, { headers: { authorization: `Bearer ${tokens.staff}` } });
    assert.equal(download.status, 200);
    assert.ok(
      Buffer.from(await download.arrayBuffer())
        .toString('latin1')
        .startsWith('%PDF-'),
    );
  });

  test('the certificate PDF of an approved decision is public, trilingual, numbered and links to the decision page; 404 before approval', async () => {
    const caseId = await newCase('approved');
    const programme = await t.json('POST', '/api/programmes', {
      token: tokens.admin,
      body: {
        organizationId: orgId,
        code: '6B07101',
        name: { kk: 'Автоматтандыру және басқару', ru: 'Автоматизация и управление', en: 'Automation and control' },
        fieldCode: '07',
        directionCode: '071',
        nqfLevel: 6,
        degree: 'bachelor',
        creditsEcts: 240,
        languages: ['kk', 'ru'],
      },
    });
    assert.equal(programme.status, 201, JSON.stringify(programme.body));
    const decision = (values: Record<string, unknown>) =>
      t.db
        .insertInto('accreditation_decisions')
        .values({
          case_id: caseId,
          body_id: bodyId,
          organization_id: orgId,
          kind: 'programme',
          outcome: 'accredited',
          term_years: 5,
          proposed_outcome: 'accredited',
          proposed_term_years: 5,
          decided_on: '2026-06-15',
          summary: '{}',
          ...values,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

    const pending = await decision({ status: 'pending-approval' });
    assert.equal((await t.request('GET', `/api/accreditation/decisions/${pending.id}/certificate.pdf`)).status, 404);
    const refused = await decision({ outcome: 'refused', term_years: null, status: 'refused', approved_on: '2026-06-20' });
    assert.equal((await t.request('GET', `/api/accreditation/decisions/${refused.id}/certificate.pdf`)).status, 404);

    const active = await decision({
      status: 'active',
      approved_on: '2026-06-20',
      valid_from: '2026-06-20',
      valid_to: '2031-06-19',
      certificate_number: 'KAZSEE-TEST-0007',
    });
    await t.db.insertInto('accreditation_decision_programmes').values({ decision_id: active.id, programme_id: programme.body.id }).execute();
    const res = await t.request('GET', `/api/accreditation/decisions/${active.id}/certificate.pdf?lang=en`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition') ?? '', /certificate-KAZSEE-TEST-0007\.pdf/);
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-'));
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    assert.ok(pdf.includes(`/URI (https://sapa.example.kz/en/accreditation/decisions/${active.id})`), 'QR link to the public decision page');
    assert.ok(pdf.includes(`(accreditation, programme, KAZSEE-TEST-0007, ${active.id})`), 'number in the metadata keywords');

    const kk = await t.request('GET', `/api/accreditation/decisions/${active.id}/certificate.pdf`, { lang: 'kk' });
    assert.ok(
      Buffer.from(await kk.arrayBuffer())
        .toString('latin1')
        .includes(`/URI (https://sapa.example.kz/kk/accreditation/decisions/${active.id})`),
    );
    assert.equal((await t.request('GET', '/api/accreditation/decisions/00000000-0000-4000-8000-000000000000/certificate.pdf')).status, 404);

    const inForce = await certificateSpec(t.system, active.id, '2027-01-01');
    assert.equal(inForce.notice, undefined);
    assert.equal(inForce.number, '№ KAZSEE-TEST-0007');
    assert.deepEqual(inForce.fields.find((f) => f.label.en === 'Educational programmes')?.value, {
      kk: '6B07101 Автоматтандыру және басқару',
      ru: '6B07101 Автоматизация и управление',
      en: '6B07101 Automation and control',
    });
    assert.equal(inForce.fields.find((f) => f.label.en === 'Period of validity')?.value, '2026-06-20 – 2031-06-19');
    assert.equal((await certificateSpec(t.system, active.id, '2031-06-20')).notice?.ru, 'На 2031-06-20 эта аккредитация не действует: истекло.');
    await t.db.updateTable('accreditation_decisions').set({ status: 'withdrawn' }).where('id', '=', active.id).execute();
    assert.equal((await certificateSpec(t.system, active.id, '2027-01-01')).notice?.en, 'On 2027-01-01 this accreditation is not in force: withdrawn.');
    assert.equal((await t.request('GET', `/api/accreditation/decisions/${active.id}/certificate.pdf`)).status, 200, 'a withdrawn certificate stays verifiable');
  });
});
