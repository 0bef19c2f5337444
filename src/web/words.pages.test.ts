// Words, not codes (issue 11 item 6): history as sentences with who did it, field codes with their
// names, plurals by each language's rules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { addOrganization } from '../../test/helpers/factories.ts';
import { systemActor } from '../platform/access/roles.ts';
import { inTransaction } from '../platform/context.ts';
import { translator } from '../platform/i18n/i18n.ts';

let t: TestApp;
let orgId: string;

const sectionText = (html: string, id: string) =>
  (html.match(new RegExp(`<section[^>]*aria-labelledby="${id}"[\\s\\S]*?</section>`))?.[0] ?? html.match(new RegExp(`id="${id}"[\\s\\S]*?</section>`))?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('words, not codes', () => {
  before(async () => {
    t = await createTestApp();
    orgId = await inTransaction({ ...t.system, actor: systemActor('sapa bootstrap') }, (ctx) =>
      addOrganization(ctx, { kk: 'Сөздер университеті', ru: 'Университет слов', en: 'University of Words' }),
    );
  });
  after(() => t?.close());

  test('history reads as sentences: what happened and who, never programme.create or "sapa bootstrap"', async () => {
    for (const [lang, what, who] of [
      ['en', /Entered in the register/, /Sapa, from the reference documents/],
      ['ru', /Внесение в реестр/, /Sapa, по справочным документам/],
      ['kk', /Тізілімге енгізу/, /Sapa, анықтамалық құжаттар бойынша/],
    ] as const) {
      const html = await (await t.request('GET', `/${lang}/organizations/${orgId}`)).text();
      const history = sectionText(html, 'history');
      assert.match(history, what, lang);
      assert.match(history, who, lang);
      assert.doesNotMatch(html, /organization\.create|sapa bootstrap/);
    }
  });

  test('Register 1 names the fields of a recognition beside their codes', async () => {
    const html = await (await t.request('GET', '/en/registers/1')).text();
    const main = html.slice(html.indexOf('<main'));
    const fields = [...main.matchAll(/fields (\p{L}[^<]*|\d[^<]*)/gu)].map((m) => m[1] ?? '');
    assert.ok(fields.length > 0, 'a recognition limited to some fields');
    // "Natural sciences, mathematics and statistics (05), …", not "05, 06, 07".
    for (const list of fields) for (const item of list.split(/(?<=\)), /)) assert.match(item, /\p{L}.* \(\d{2,3}\)$/u, list);
  });

  test('plurals follow each language: 1 year, 5 years; 1 год, 2 года, 5 лет; 1 жыл', () => {
    const key = 'ui.accreditationPublic.termYears';
    assert.equal(translator('en')(key, { count: 1 }), '1 year');
    assert.equal(translator('en')(key, { count: 5 }), '5 years');
    assert.equal(translator('ru')(key, { count: 1 }), '1 год');
    assert.equal(translator('ru')(key, { count: 3 }), '3 года');
    assert.equal(translator('ru')(key, { count: 5 }), '5 лет');
    assert.equal(translator('kk')(key, { count: 1 }), '1 жыл');
    assert.equal(translator('en')('ui.accreditationPages.visit.days', { count: 1 }), '1 day');
    assert.equal(translator('ru')('ui.accreditationPages.visit.days', { count: 2 }), '2 дня');
  });
});
