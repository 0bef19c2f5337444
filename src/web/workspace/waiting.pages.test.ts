// The workspace home says what waits for each role, in kk, ru and en, each entry a link to where
// it is done; someone nothing waits for is told so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { accreditationFixture, type Fixture, PASSWORD } from '../accreditation/workspace-fixtures.ts';
import { escaped, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
let f: Fixture;
const { get } = sessions(() => t, PASSWORD);

before(async () => {
  t = await createTestApp();
  f = await accreditationFixture(t);
});
after(() => t.close());

/** The "waiting for you" section of a home page. */
const waiting = (html: string) => html.split('aria-labelledby="waiting"')[1]?.split('</section>')[0] ?? '';
const counted = (lang: (typeof LANGUAGES)[number], key: string, count: number) =>
  text(lang, `ui.waiting.${key}_${count === 1 ? 'one' : lang === 'ru' ? 'many' : 'other'}`).replace('{{count}}', String(count));

for (const lang of LANGUAGES) {
  test(`${lang}: a council member's home lists the vote pending with a link to the meeting`, async () => {
    const { status, html } = await get(`/${lang}/workspace`, 'member@council.test');
    assert.equal(status, 200);
    const section = waiting(html);
    assert.ok(section.includes(escaped(text(lang, 'ui.waiting.title'))) || html.includes(escaped(text(lang, 'ui.waiting.title'))));
    assert.ok(section.includes(escaped(counted(lang, 'votes', 1))), section);
    assert.ok(section.includes(`href="/${lang}/workspace/accreditation/council/${f.meetingId}"`));
    assert.ok(section.includes(f.numbers.council));
  });

  test(`${lang}: the body's staff and the organization see the case deadlines due or overdue, linked to the case`, async () => {
    for (const email of ['staff@kazsee.test', 'admin@satbayev.test']) {
      const section = waiting((await get(`/${lang}/workspace`, email)).html);
      assert.ok(section.includes(`href="/${lang}/workspace/accreditation/cases/${f.cases.council}"`), email);
      assert.ok(section.includes('class="overdue"'), `${email}: the council's deadline passed`);
    }
  });

  test(`${lang}: the ministry with nothing to review is told nothing waits`, async () => {
    const section = waiting((await get(`/${lang}/workspace`, 'ministry@edu.test')).html);
    assert.ok(section.includes(escaped(text(lang, 'ui.waiting.nothing'))), section);
  });
}

test('an accreditation ending within twelve months, failed imports and unread notifications wait for the organization', async () => {
  const { insertApprovedDecision } = await import('../../accreditation/after.fixtures.ts');
  // Five years from 2022-03-01: it ends on 2027-03-01, within twelve months of today.
  const { decisionId } = await insertApprovedDecision(t.db, { bodyId: f.orgs.kazsee, organizationId: f.orgs.enu, decidedOn: '2022-03-01', termYears: 5 });
  const admin = await t.db.selectFrom('users').select('id').where('email', '=', 'admin@enu.test').executeTakeFirstOrThrow();
  await t.db
    .insertInto('import_jobs')
    .values({ register: 'programmes', state: 'failed', total: 1, done: 0, options: '{}', lang: 'en', created_by: admin.id, created_by_label: 'ENU Admin', file: Buffer.from('x') })
    .execute();
  await t.db.insertInto('notifications').values({ user_id: admin.id, kind: 'decision-published', params: '{"case":"X-1"}', link: null, dedupe_key: 'test:1' }).execute();
  const section = waiting((await get('/en/workspace', 'admin@enu.test')).html);
  assert.ok(section.includes(`href="/en/accreditation/decisions/${decisionId}"`), section);
  assert.ok(section.includes(escaped(counted('en', 'expiring', 1))));
  assert.ok(section.includes('href="/en/workspace/imports"'));
  assert.ok(section.includes(escaped(counted('en', 'imports', 1))));
  assert.ok(section.includes('href="/en/workspace/notifications"'));
});
