// The case page's forms for what only the API could do before: the agency records a
// self-assessment seminar and marks publication channels done, the body head extends a term, a
// panel member writes a dissenting opinion. Each saves through the API's service, says what
// happened with the next step, shows a refused field's problem next to it in kk/ru/en, and is
// refused to the wrong role.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { upsertDeadline } from '../../accreditation/decision.repository.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';
import { accreditationFixture, type Fixture, PASSWORD } from './workspace-fixtures.ts';

let t: TestApp;
let f: Fixture;
const { as, get } = sessions(() => t, PASSWORD);
const post = async (path: string, fields: Record<string, string | string[]>, email: string) => postForm(t, path, fields, await as(email));
const caseUrl = (lang: string, id: string) => `/${lang}/workspace/accreditation/cases/${id}`;
const fieldError = (html: string, id: string) => new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(html)?.[1];

before(async () => {
  t = await createTestApp();
  f = await accreditationFixture(t);
  // The decided case's decision went out: its three publication deadlines are running.
  for (const step of ['publication-ueis', 'publication-ministry', 'publication-website']) await upsertDeadline(t.db, f.cases.decided, step, '2025-06-01', '2025-07-15');
});
after(() => t.close());

describe('self-assessment seminars on a case page', () => {
  test('the agency records a seminar with the experts who ran it; the page says what happened and what next', async () => {
    const page = await get(caseUrl('en', f.cases.sar), 'staff@kazsee.test');
    assert.equal(page.status, 200);
    assert.match(page.html, /<h2 id="seminars">Self-assessment seminars<\/h2>/);
    const expertId = /name="expertIds" value="([0-9a-f-]{36})"/.exec(page.html)?.[1] ?? '';
    assert.ok(expertId);
    const res = await post(`${caseUrl('en', f.cases.sar)}/seminars`, { heldOn: '2026-11-20', expertIds: [expertId], note: 'Programme committee' }, 'staff@kazsee.test');
    assert.equal(res.status, 303, await res.clone().text());
    const location = res.headers.get('location') ?? '';
    assert.equal(location, `${caseUrl('en', f.cases.sar)}?done=seminar`);
    const done = await get(location, 'staff@kazsee.test');
    assert.match(done.html, /role="status"><p>The seminar was recorded\./);
    assert.match(done.html, /<a href="#panel">Next: check the panel/);
    assert.match(done.html, /20 Nov(ember)? 2026[^<]*: [^<]*— Programme committee/);
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: a seminar without its date is refused at the date field, what was typed kept`, async () => {
      const res = await post(`${caseUrl(lang, f.cases.sar)}/seminars`, { heldOn: '', note: 'Kept note' }, 'staff@kazsee.test');
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.equal(fieldError(html, 'f-seminar-heldOn'), escaped(text(lang, 'errors.field.required')));
      assert.match(html, /Kept note<\/textarea>/);
    });
  }

  test('the organization may not record a seminar, and sees no form', async () => {
    const page = await get(caseUrl('en', f.cases.sar), 'admin@satbayev.test');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /id="seminars"/);
    const res = await post(`${caseUrl('en', f.cases.sar)}/seminars`, { heldOn: '2026-11-21' }, 'admin@satbayev.test');
    assert.equal(res.status, 403);
  });
});

describe('publication channels of a decision', () => {
  test('the agency marks a channel published; the table shows it and the form offers the others', async () => {
    const res = await post(`${caseUrl('en', f.cases.decided)}/publications`, { channel: 'ueis', doneOn: '2025-06-03' }, 'staff@kazsee.test');
    assert.equal(res.status, 303, await res.clone().text());
    const done = await get(res.headers.get('location') ?? '', 'staff@kazsee.test');
    assert.match(done.html, /The channel was marked published/);
    assert.match(done.html, /Unified education information system<\/td><td>[^<]+<\/td><td>Published on/);
    assert.doesNotMatch(done.html, /<option value="ueis"/);
    assert.match(done.html, /<option value="website"/);
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: no channel chosen is "required" at the channel field`, async () => {
      const res = await post(`${caseUrl(lang, f.cases.decided)}/publications`, { channel: '', doneOn: '' }, 'staff@kazsee.test');
      assert.equal(res.status, 422);
      assert.equal(fieldError(await res.text(), 'f-publication-channel'), escaped(text(lang, 'errors.field.required')));
    });
  }

  test('the organization may not mark a channel', async () => {
    const res = await post(`${caseUrl('en', f.cases.decided)}/publications`, { channel: 'website' }, 'admin@satbayev.test');
    assert.equal(res.status, 403);
  });
});

describe('term extensions', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: a new end date before the current one is refused at its field`, async () => {
      const res = await post(`${caseUrl(lang, f.cases.decided)}/term-changes`, { kind: 'extension', newValidTo: '2026-01-01', reason: 'State of emergency' }, 'head@kazsee.test');
      assert.equal(res.status, 422);
      const message = fieldError(await res.text(), 'f-term-newValidTo') ?? '';
      assert.ok(message.startsWith(escaped(text(lang, 'errors.after.termNotLater').split('{{')[0] ?? '')), message);
    });
  }

  test('the staff (not the head) sees no form and is refused', async () => {
    const page = await get(caseUrl('en', f.cases.decided), 'staff@kazsee.test');
    assert.doesNotMatch(page.html, /id="term-change"/);
    const res = await post(`${caseUrl('en', f.cases.decided)}/term-changes`, { kind: 'extension', newValidTo: '2040-06-01', reason: 'State of emergency' }, 'staff@kazsee.test');
    assert.equal(res.status, 403);
  });

  test('the body head extends the term; the page shows the new end date', async () => {
    const res = await post(
      `${caseUrl('en', f.cases.decided)}/term-changes`,
      { kind: 'extension', newValidTo: '2040-06-01', reason: 'State of emergency', legalBasis: 'Decree 1' },
      'head@kazsee.test',
    );
    assert.equal(res.status, 303, await res.clone().text());
    const done = await get(res.headers.get('location') ?? '', 'head@kazsee.test');
    assert.match(done.html, /The term was changed/);
    assert.match(done.html, /valid until 1 June 2040/);
  });
});

describe('dissenting opinions', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: an opinion shorter than 10 characters is refused at its field`, async () => {
      const res = await post(`${caseUrl(lang, f.cases.council)}/report/dissents`, { standardCode: '', text: 'No.' }, 'chair@experts.test');
      assert.equal(res.status, 422);
      const message = fieldError(await res.text(), 'f-dissent-text') ?? '';
      assert.equal(message, escaped(text(lang, 'errors.field.tooShort').replace('{{minimum}}', '10')));
    });
  }

  test('a panel member adds a dissenting opinion; the report shows it', async () => {
    const res = await post(`${caseUrl('en', f.cases.council)}/report/dissents`, { standardCode: '', text: 'The grade on teaching staff is too generous.' }, 'chair@experts.test');
    assert.equal(res.status, 303, await res.clone().text());
    const done = await get(res.headers.get('location') ?? '', 'chair@experts.test');
    assert.match(done.html, /Your dissenting opinion was added to the report/);
    assert.match(done.html, /The grade on teaching staff is too generous\./);
  });

  test('an expert outside the panel may not dissent', async () => {
    const res = await post(`${caseUrl('en', f.cases.council)}/report/dissents`, { text: 'I was not on this panel at all.' }, 'outsider@experts.test');
    assert.ok([403, 404].includes(res.status), String(res.status));
  });
});
