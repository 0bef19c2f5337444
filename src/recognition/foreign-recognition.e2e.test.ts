// End to end (issue 16, item 6): a foreign diploma from application to a certificate of recognition
// that verifies publicly; and a qualification with a substantial difference recognized partially,
// appealed, and decided on appeal. The foreign institution's standing comes from an imported DEQAR
// report; overdue applications alert the authority.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { samplePdf } from '../../test/helpers/sample-files.ts';
import { addMonths, todayInAlmaty } from '../platform/calendar/calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { pdfText } from '../platform/pdf/pdf-text.fixtures.ts';
import { settings } from '../platform/settings.ts';
import { alertOverdue } from './foreign-recognition.service.ts';

const PATH = '/api/recognition/foreign-applications';

describe('recognition of a foreign qualification', () => {
  let t: TestApp;
  const tok = {} as Record<'applicant' | 'other' | 'ministry' | 'expert' | 'expertOther', string>;
  let expertEmail = '';
  const today = todayInAlmaty();

  function upload(id: string, token: string, kind: string, name = `${kind}.pdf`) {
    const form = new FormData();
    form.append('file', new File([samplePdf(kind) as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
    form.append('kind', kind);
    return t.app.request(`${PATH}/${id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  }

  const application = (over: Record<string, unknown> = {}) => ({
    holderName: 'Aigerim Sadykova',
    track: 'higher',
    countryCode: 'DE',
    qualificationTitle: 'Master of Science in Computer Science',
    documentLanguage: 'de',
    awardedOn: '2024-07-15',
    foreignLevel: 7,
    requestedLevel: 7,
    purpose: 'Employment as a software engineer',
    institutionName: 'Technische Universität Beispielstadt',
    institutionDeqarId: 'DEQARINST9001',
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    tok.ministry = await t.tokenFor('ministry');
    tok.applicant = await t.tokenFor('learner');
    tok.other = await t.tokenFor('learner');
    tok.expert = await t.tokenFor('expert');
    tok.expertOther = await t.tokenFor('expert');
    expertEmail = (await t.db.selectFrom('users').select('email').where('email', 'like', 'expert-%').orderBy('email').executeTakeFirstOrThrow()).email;
    // A foreign university DEQAR knows, accredited by a recognized agency through an imported report.
    const org = await t.json('POST', '/api/organizations', {
      token: tok.ministry,
      body: { kind: 'university', regionCode: 'KZ-75', name: { kk: 'TU Beispielstadt', ru: 'ТУ Бейшпильштадт', en: 'TU Beispielstadt' }, identifiers: { deqar: 'DEQARINST9001' } },
    });
    assert.equal(org.status, 201, JSON.stringify(org.body));
    const agency = await t.json('POST', '/api/organizations', {
      token: tok.ministry,
      body: { kind: 'accreditation-body', regionCode: 'KZ-75', shortName: 'ZEvA', name: { kk: 'ZEvA', ru: 'ZEvA', en: 'ZEvA' } },
    });
    assert.equal(agency.status, 201, JSON.stringify(agency.body));
    const recognition = { orderNumber: 'R-ZEVA', orderDate: '2015-01-01', validFrom: '2015-01-01', scopeTypes: ['institutional', 'programme'] };
    assert.equal((await t.json('POST', `/api/accreditation/bodies/${agency.body.id}/recognitions`, { token: tok.ministry, body: recognition })).status, 201);
    const report = { agency: 'ZEvA', local_identifier: 'Z-1', status: '1', decision: '1', valid_from: '2020-01-01', valid_to: '2030-12-31', date_format: '%Y-%m-%d', institutions: [{ deqar_id: 'DEQARINST9001' }] };
    const imported = await t.json('POST', '/api/interop/deqar/reports', { token: tok.ministry, body: [report] });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
  });
  after(() => t.close());

  test('a German master: application → files → complete file → decision → certificate that verifies publicly', async () => {
    const created = await t.json('POST', PATH, { token: tok.applicant, body: application() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.body.state, 'draft');
    assert.equal(created.body.legalBasis, 'order-268-2023');
    assert.equal(created.body.institution.status, 'accredited', 'found in imported DEQAR data with an accreditation in force on the award day');
    assert.equal(created.body.levels.comparison, 'same');
    assert.equal(created.body.expertNeeded, false);
    assert.deepEqual(created.body.missingDocuments, ['document', 'translation', 'apostille']);
    assert.equal(created.body.timeliness.status, 'awaiting-complete-file');

    assert.equal((await t.json('POST', `${PATH}/${id}/submit`, { token: tok.applicant })).status, 422, 'no document, no submission');
    assert.equal((await upload(id, tok.other, 'document')).status, 404, 'another person learns nothing of it');
    assert.equal((await upload(id, tok.applicant, 'document')).status, 201);
    const submitted = await t.json('POST', `${PATH}/${id}/submit`, { token: tok.applicant });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.state, 'submitted');

    // The authority finds the translation and apostille missing: the file goes back; no clock yet.
    const notYet = await t.json('POST', `${PATH}/${id}/file-check`, { token: tok.ministry, body: { complete: true } });
    assert.equal(notYet.status, 422);
    assert.deepEqual(notYet.body.errors.map((e: { path: string }) => e.path), ['complete', 'complete']);
    assert.equal((await t.json('POST', `${PATH}/${id}/file-check`, { token: tok.applicant, body: { complete: false, note: 'x' } })).status, 403);
    const returned = await t.json('POST', `${PATH}/${id}/file-check`, { token: tok.ministry, body: { complete: false, note: 'Add the notarized translation and the apostille.' } });
    assert.equal(returned.body.state, 'incomplete');
    assert.equal(returned.body.timeliness.status, 'awaiting-complete-file');
    assert.equal((await upload(id, tok.applicant, 'translation')).status, 201);
    assert.equal((await upload(id, tok.applicant, 'apostille')).status, 201);
    assert.equal((await t.json('POST', `${PATH}/${id}/submit`, { token: tok.applicant })).body.state, 'submitted');
    const complete = await t.json('POST', `${PATH}/${id}/file-check`, { token: tok.ministry, body: { complete: true } });
    assert.equal(complete.status, 200, JSON.stringify(complete.body));
    assert.equal(complete.body.state, 'evaluation');
    assert.equal(complete.body.completeOn, today);
    assert.deepEqual(complete.body.timeliness, { status: 'in-time', dueOn: addMonths(today, 4), daysLeft: complete.body.timeliness.daysLeft });

    const decided = await t.json('POST', `${PATH}/${id}/decision`, { token: tok.ministry, body: { outcome: 'recognized', recognizedLevel: 7 } });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.state, 'decided');
    assert.equal(decided.body.timeliness.status, 'decided-in-time');
    const number = decided.body.decision.certificateNumber;
    assert.match(number, /^HE-\d{4}-[0-9A-F]{8}$/);
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: tok.applicant })).body.can.appeal, false, 'a full recognition is not appealed');

    // Anyone verifies the certificate: API and the page its QR code opens.
    const verified = await t.json('GET', `/api/recognition/certificates/${number}`);
    assert.equal(verified.status, 200);
    assert.equal(verified.body.holderName, 'Aigerim Sadykova');
    assert.equal(verified.body.outcome, 'recognized');
    assert.equal(verified.body.recognizedLevel, 7);
    assert.equal((await t.json('GET', '/api/recognition/certificates/HE-2000-00000000')).status, 404);
    const page = await t.request('GET', `/en/recognition/certificates/${number}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Aigerim Sadykova/);
    assert.match(html, /<svg[^>]*role="img"/, 'the page carries its QR code');
    assert.ok(html.includes(`href="/api/recognition/certificates/${number}/certificate.pdf"`), 'the verification page offers the PDF');
    const workspace = await t.json('GET', `${PATH}/${id}`, { token: tok.applicant });
    assert.equal(workspace.body.decision.certificateNumber, number);

    // The PDF certificate, in the language the applicant chose (their account's), with the QR code's address.
    const row = await t.db.selectFrom('foreign_recognition_applications').select('applicant_user_id').where('id', '=', id).executeTakeFirstOrThrow();
    await t.db.updateTable('users').set({ preferred_lang: 'kk' }).where('id', '=', row.applicant_user_id).execute();
    const pdf = await t.request('GET', `/api/recognition/certificates/${number}/certificate.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const kk = pdfText(bytes);
    for (const words of ['Шетелдік біліктілікті тану туралы куәлік', 'Aigerim Sadykova', 'Master of Science in Computer Science', 'Technische Universität Beispielstadt', 'Танылды', 'ҰБШ 7-деңгейі']) {
      assert.ok(kk.includes(words), `${words} in ${kk.slice(0, 400)}`);
    }
    assert.match(kk, /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/, 'Kazakh letters');
    // The QR code (a link over it, and the address printed beside it) opens the verification page in that language.
    assert.ok(Buffer.from(bytes).toString('latin1').includes(`/URI (${settings().PUBLIC_URL}/kk/recognition/certificates/${number})`));
    assert.ok(!kk.includes('Recognized'), 'one language: the applicant’s');
    // Another language when asked (the test text reader garbles Latin glyphs, so the QR address tells the language).
    const enBytes = new Uint8Array(await (await t.request('GET', `/api/recognition/certificates/${number}/certificate.pdf?lang=en`)).arrayBuffer());
    assert.ok(!pdfText(enBytes).includes('Танылды'));
    assert.ok(Buffer.from(enBytes).toString('latin1').includes(`/URI (${settings().PUBLIC_URL}/en/recognition/certificates/${number})`));
    assert.equal((await t.request('GET', '/api/recognition/certificates/HE-2000-00000000/certificate.pdf')).status, 404);
    // The applicant was told of the decision in the workspace.
    const notes = await t.json('GET', '/api/notifications', { token: tok.applicant });
    assert.ok(notes.body.items.some((n: { kind: string }) => n.kind === 'recognition.decided'));
  });

  test('a substantial difference: an expert evaluates, partial recognition with reasons, the applicant appeals, the authority decides the appeal', async () => {
    // A bachelor's degree from an institution DEQAR does not know, asked as a master's level.
    const created = await t.json('POST', PATH, {
      token: tok.applicant,
      body: application({ qualificationTitle: 'Bachelor of Engineering (Honours)', documentLanguage: 'en', countryCode: 'GB', foreignLevel: 6, requestedLevel: 7, institutionName: 'Example College', institutionDeqarId: undefined }),
    });
    const id = created.body.id;
    assert.equal(created.body.institution.status, 'not-found');
    assert.equal(created.body.levels.comparison, 'lower');
    assert.equal(created.body.expertNeeded, true);
    for (const kind of ['document', 'translation', 'apostille']) assert.equal((await upload(id, tok.applicant, kind)).status, 201);
    await t.json('POST', `${PATH}/${id}/submit`, { token: tok.applicant });
    assert.equal((await t.json('POST', `${PATH}/${id}/file-check`, { token: tok.ministry, body: { complete: true } })).body.state, 'evaluation');

    const early = await t.json('POST', `${PATH}/${id}/decision`, { token: tok.ministry, body: { outcome: 'substantial-difference', differenceKind: 'partial', recognizedLevel: 6 } });
    assert.equal(early.status, 422);
    assert.deepEqual(early.body.errors.map((e: { path: string }) => e.path).sort(), ['outcome', 'reasons'], 'reasons and the expert opinion are required');

    const notExpert = await t.json('POST', `${PATH}/${id}/expert`, { token: tok.ministry, body: { email: 'nobody@test.sapa.kz' } });
    assert.equal(notExpert.status, 422);
    assert.equal((await t.json('POST', `${PATH}/${id}/expert`, { token: tok.ministry, body: { email: expertEmail } })).status, 200);
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: tok.expertOther })).status, 404, 'only the assigned expert sees it');
    const list = await t.json('GET', PATH, { token: tok.expert });
    assert.deepEqual(list.body.items.map((a: { id: string }) => a.id), [id]);
    const opinion = await t.json('POST', `${PATH}/${id}/opinion`, {
      token: tok.expert,
      body: { opinion: 'Three-year bachelor: 180 ECTS; the master-level research component is absent.', recommendation: 'substantial-difference' },
    });
    assert.equal(opinion.status, 200, JSON.stringify(opinion.body));

    const partial = await t.json('POST', `${PATH}/${id}/decision`, {
      token: tok.ministry,
      body: { outcome: 'substantial-difference', differenceKind: 'partial', recognizedLevel: 6, reasons: 'No research component at master level: recognized as a bachelor (NQF 6).' },
    });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    assert.equal(partial.body.decision.differenceKind, 'partial');
    assert.equal(partial.body.decision.recognizedLevel, 6);
    assert.ok(partial.body.decision.appealUntil);
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: tok.applicant })).body.can.appeal, true, 'the applicant may appeal');
    assert.equal(partial.body.can.appeal, false, 'the authority does not appeal its own decision');
    const number = partial.body.decision.certificateNumber;
    assert.equal((await t.json('GET', `/api/recognition/certificates/${number}`)).body.differenceKind, 'partial');

    assert.equal((await t.json('POST', `${PATH}/${id}/appeal`, { token: tok.other, body: { reason: 'x' } })).status, 404);
    const appealed = await t.json('POST', `${PATH}/${id}/appeal`, { token: tok.applicant, body: { reason: 'My honours year included a research dissertation (annex 2).' } });
    assert.equal(appealed.status, 200, JSON.stringify(appealed.body));
    assert.equal(appealed.body.state, 'appealed');
    assert.equal((await t.json('GET', `/api/recognition/certificates/${number}`)).body.appealPending, true);
    assert.equal((await t.json('POST', `${PATH}/${id}/appeal`, { token: tok.applicant, body: { reason: 'again' } })).status, 409, 'one appeal');
    assert.equal((await t.json('POST', `${PATH}/${id}/appeal-decision`, { token: tok.ministry, body: { result: 'upheld', note: 'Upheld.' } })).status, 422, 'an upheld appeal needs the new decision');
    const upheld = await t.json('POST', `${PATH}/${id}/appeal-decision`, {
      token: tok.ministry,
      body: {
        result: 'upheld',
        note: 'The dissertation shows research at level 7 in part.',
        decision: { outcome: 'substantial-difference', differenceKind: 'conditional', recognizedLevel: 7, reasons: 'Research shown in part.', conditions: 'A 30-credit research module at a Kazakh university.' },
      },
    });
    assert.equal(upheld.status, 200, JSON.stringify(upheld.body));
    assert.equal(upheld.body.state, 'decided');
    assert.equal(upheld.body.appeal.result, 'upheld');
    assert.equal(upheld.body.decision.differenceKind, 'conditional');
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: tok.applicant })).body.can.appeal, false, 'appealed once');
    const cert = await t.json('GET', `/api/recognition/certificates/${number}`);
    assert.equal(cert.body.conditions, 'A 30-credit research module at a Kazakh university.');
    assert.equal(cert.body.appealPending, false);
    assert.ok(upheld.body.history.length >= 7, 'every step is in the history');
  });

  test('a refusal gives reasons; an application past its deadline alerts the authority once', async () => {
    const created = await t.json('POST', PATH, { token: tok.applicant, body: application({ documentLanguage: 'ru', qualificationTitle: 'Диплом специалиста' }) });
    const id = created.body.id;
    assert.deepEqual(created.body.missingDocuments, ['document', 'apostille'], 'a Russian-language document needs no translation');
    await upload(id, tok.applicant, 'document');
    await t.json('POST', `${PATH}/${id}/submit`, { token: tok.applicant });
    const exempt = await t.json('POST', `${PATH}/${id}/file-check`, { token: tok.ministry, body: { complete: true, apostilleExempt: true } });
    assert.equal(exempt.body.state, 'evaluation');
    const later = addMonths(today, 5);
    const alerted = await inTransaction(t.system, (ctx) => alertOverdue(ctx, later));
    assert.ok(alerted >= 1);
    assert.equal(await inTransaction(t.system, (ctx) => alertOverdue(ctx, later)), 0, 'once a day');
    const notes = await t.json('GET', '/api/notifications', { token: tok.ministry });
    assert.ok(notes.body.items.some((n: { kind: string }) => n.kind === 'recognition.overdue'));
    const refused = await t.json('POST', `${PATH}/${id}/decision`, { token: tok.ministry, body: { outcome: 'refused' } });
    assert.equal(refused.status, 422);
    const ok = await t.json('POST', `${PATH}/${id}/decision`, { token: tok.ministry, body: { outcome: 'refused', reasons: 'The awarding body was not authorized to award degrees.' } });
    assert.equal(ok.body.decision.certificateNumber, null);
    assert.equal((await t.json('GET', `${PATH}/${id}`, { token: tok.applicant })).body.can.appeal, true, 'a refusal may be appealed');
  });
});
