// The accreditation case list on the shared list helper: paged, sorted and filtered in SQL, each case
// with its nearest deadline (overdue in red with the working days), downloadable as shown, and only
// the cases the viewer may read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { escaped, sessions, text } from '../page-session.fixtures.ts';
import { accreditationFixture, type Fixture, PASSWORD } from './workspace-fixtures.ts';

let t: TestApp;
let f: Fixture;
const { as, get } = sessions(() => t, PASSWORD);
const LIST = '/workspace/accreditation/cases';

before(async () => {
  t = await createTestApp();
  f = await accreditationFixture(t);
});
after(() => t.close());

describe('the accreditation case list', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: the body's staff see their cases with the nearest deadline, overdue in red with the working days`, async () => {
      const { status, html } = await get(`/${lang}${LIST}`, 'staff@kazsee.test');
      assert.equal(status, 200);
      assert.ok(html.includes(escaped(text(lang, 'ui.caseList.title'))));
      for (const n of Object.values(f.numbers)) assert.ok(html.includes(n), n);
      const row = html.split(`id="case-${f.cases.council}"`)[1]?.split('</tr>')[0] ?? '';
      assert.match(row, /class="overdue"/, 'the passed council deadline is red');
      assert.ok(html.includes(`href="/${lang}/workspace/accreditation/cases?`), 'sortable headings link to the list');
    });
  }

  test('sorts by the nearest deadline first, by number on request, and filters by state, organization and overdue', async () => {
    const byDue = (await get(`/en${LIST}`, 'staff@kazsee.test')).html;
    assert.ok(byDue.indexOf(f.numbers.council) < byDue.indexOf(f.numbers.other), 'the overdue case comes first');
    const byNumber = (await get(`/en${LIST}?sort=number&dir=desc`, 'staff@kazsee.test')).html;
    const numbers = [...byNumber.matchAll(/<a href="\/en\/workspace\/accreditation\/cases\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
    assert.deepEqual(numbers, [...numbers].sort().reverse(), 'sorted by number, descending');
    const overdue = (await get(`/en${LIST}?overdue=yes`, 'staff@kazsee.test')).html;
    assert.ok(overdue.includes(f.numbers.council) && !overdue.includes(f.numbers.other), 'overdue only');
    const enu = (await get(`/en${LIST}?organization=${f.orgs.enu}`, 'staff@kazsee.test')).html;
    assert.ok(enu.includes(f.numbers.other) && !enu.includes(f.numbers.council), 'by organization');
    const state = (await get(`/en${LIST}?state=council-decided`, 'staff@kazsee.test')).html;
    assert.ok(state.includes(f.numbers.toApprove) && !state.includes(f.numbers.other), 'by state');
    const junk = await get(`/en${LIST}?organization=nonsense&state=nonsense&sort=nonsense&page=-4`, 'staff@kazsee.test');
    assert.equal(junk.status, 200, 'bad filters are ignored, never a 5xx');
  });

  test('pages on the server and downloads what it shows as CSV and XLSX', async () => {
    const far = (await get(`/en${LIST}?page=50`, 'staff@kazsee.test')).html;
    assert.ok(!far.includes(f.numbers.council), 'a page past the end shows no case');
    const csv = await t.app.request(`/en${LIST}?overdue=yes&format=csv`, { headers: { cookie: await as('staff@kazsee.test') } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const body = await csv.text();
    assert.ok(body.includes(f.numbers.council) && !body.includes(f.numbers.other), 'the export carries the filtered rows');
    assert.match(body, /overdue by \d+ working days?/);
    const xlsx = await t.app.request(`/en${LIST}?format=xlsx`, { headers: { cookie: await as('staff@kazsee.test') } });
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
  });

  test("an organization sees only its own cases; another organization's filter shows nothing of it", async () => {
    const own = (await get(`/en${LIST}`, 'admin@satbayev.test')).html;
    assert.ok(own.includes(f.numbers.council), 'its own case');
    assert.ok(!own.includes(f.numbers.other) && !own.includes(f.numbers.toApprove), "no other organization's case");
    const asked = (await get(`/en${LIST}?organization=${f.orgs.enu}`, 'admin@satbayev.test')).html;
    assert.ok(!asked.includes(f.numbers.other), 'a filter does not widen what one may read');
    const anonymous = await t.app.request(`/en${LIST}`);
    assert.equal(anonymous.status, 303);
  });
});
