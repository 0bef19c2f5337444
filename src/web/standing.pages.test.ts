// The public register tells the whole truth (issue 11): standing on record pages, search that
// answers the public's question and list pages, on the demonstration data set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ template: 'demo' });
});
after(() => t.close());

type Hit = { kind: string; id: string; codes: string[]; status: string | null; badges: string[]; organization: { name: { en: string | null } } | null };
const search = async (query: string) => (await t.json('GET', `/api/search?lang=en&${query}`)).body as { items: Hit[]; total: number; hiddenExcluded: number; didYouMean: string | null; facets: Record<string, { value: string; count: number }[]> };
const html = async (path: string) => {
  const res = await t.request('GET', path);
  return { status: res.status, body: await res.text() };
};
/** The demo's programme of this code at this organization (English name). */
async function programmeAt(code: string, organizationEn: string): Promise<Hit> {
  const found = (await search(`q=${code}&includeExcluded=true&limit=50`)).items.find((i) => i.organization?.name.en === organizationEn);
  assert.ok(found, `${code} at ${organizationEn}`);
  return found;
}

describe('excluded programmes and programmes under update say so', () => {
  test('an excluded programme is hidden by default in search, one click away, and never the first hit for its code', async () => {
    const byDefault = await search('q=6B06101');
    assert.ok(byDefault.items.length > 0);
    assert.ok(byDefault.items.every((i) => i.status !== 'excluded'), JSON.stringify(byDefault.items.map((i) => i.status)));
    assert.ok(byDefault.hiddenExcluded >= 1);
    const included = await search('q=6B06101&includeExcluded=true');
    const excluded = included.items.find((i) => i.status === 'excluded');
    assert.ok(excluded?.badges.includes('excluded'));
    assert.notEqual(included.items[0]?.status, 'excluded');
    assert.ok(included.facets.lifecycle?.some((f) => f.value === 'excluded' && f.count >= 1));
  });

  test('a programme under update carries its badge in search', async () => {
    const hit = await programmeAt('6B02101', 'Karaganda Buketov University');
    assert.ok(hit.badges.includes('under-update'));
  });

  test('an excluded programme’s page says so at the top, with the date and the reason', async () => {
    const hit = await programmeAt('6B06101', 'Alikhan Bokeikhan University');
    const page = await html(`/en/programmes/${hit.id}`);
    assert.equal(page.status, 200);
    const banner = page.body.indexOf('class="standing"');
    assert.ok(banner > 0 && banner < page.body.indexOf('<h1'), 'banner above the heading');
    assert.match(page.body, /Excluded from the register on \d/);
  });

  test('the search page hides excluded programmes and offers to show them', async () => {
    const page = await html('/en/search?q=6B06101');
    assert.match(page.body, /Show \d+ excluded programme/);
    assert.match(page.body, /includeExcluded=true/);
  });
});

describe('accreditation is visible where it applies', () => {
  test('an accredited programme hit carries its badge, the EUR-ACE label only when ENAEE approved it, and its university', async () => {
    const [hit] = (await search('q=6B07291')).items;
    assert.deepEqual(hit?.badges.filter((b) => b !== 'synthetic'), ['accredited', 'eur-ace']);
    assert.equal(hit?.organization?.name.en, 'Satbayev University');
    const refused = await programmeAt('6B07301', 'Astana International University');
    assert.ok(refused.badges.includes('accredited') && !refused.badges.includes('eur-ace'), 'ENAEE refused');
    const submitted = await programmeAt('6B07102', 'Amanzholov University');
    assert.ok(!submitted.badges.includes('eur-ace'), 'only submitted to ENAEE');
  });

  test('search has accreditation and body facets that filter', async () => {
    const all = await search('kind=programme&limit=100');
    const accredited = all.facets.accreditation?.find((f) => f.value === 'accredited');
    assert.ok(accredited && accredited.count >= 1);
    const only = await search('kind=programme&accreditation=accredited&limit=100');
    assert.equal(only.total, accredited.count);
    assert.ok(only.items.every((i) => i.badges.includes('accredited')));
    const body = all.facets.body?.[0];
    assert.ok(body);
    assert.equal((await search(`kind=programme&body=${body.value}`)).total, body.count);
  });

  test('the programme page shows body, term and valid-until, linking the decision', async () => {
    const [hit] = (await search('q=6B07291')).items;
    const page = await html(`/en/programmes/${hit?.id}`);
    assert.match(page.body, /id="accreditation"/);
    assert.match(page.body, /Accredited by/);
    assert.match(page.body, /Valid until/);
    assert.match(page.body, /\d+ years?</);
    assert.match(page.body, /href="\/en\/accreditation\/decisions\/[0-9a-f-]+"/);
    assert.match(page.body, /EUR-ACE/);
    assert.match(page.body, /<dt>Licence<\/dt><dd>(Licence .* covers|No licence in force)/);
    assert.match(page.body, /<dt>Credentials issued<\/dt><dd>Credentials: \d+; certificates: \d+/);
  });

  test('the organization page shows its programmes’ accreditation badges', async () => {
    const org = (await search('q=Satbayev&kind=organization')).items[0];
    const page = await html(`/en/organizations/${org?.id}`);
    assert.match(page.body, /id="accreditation"/);
    assert.match(page.body, /badge-accredited/);
  });
});

describe('search answers the public’s question', () => {
  test('the organization-type facet counts organizations, not their programmes', async () => {
    const res = await search('q=university&limit=1');
    const organizations = res.facets.kind?.find((f) => f.value === 'organization')?.count ?? 0;
    const byType = (res.facets.organizationKind ?? []).reduce((n, f) => n + f.count, 0);
    assert.ok(organizations > 0);
    assert.ok(byType <= organizations, `${byType} by type, ${organizations} organizations`);
    const university = res.facets.organizationKind?.find((f) => f.value === 'university');
    if (university) assert.equal((await search('q=university&organizationKind=university')).total, university.count);
  });

  test('sort by code, by Kazakh name and by last change', async () => {
    const byCode = (await search('kind=programme&sort=code&limit=30')).items.map((i) => i.codes[0] ?? '');
    assert.deepEqual(byCode, [...byCode].sort());
    const byName = await t.json('GET', '/api/search?kind=programme&sort=name&limit=50&lang=kk');
    const names: string[] = byName.body.items.map((i: { titles: { kk: string } }) => i.titles.kk);
    const kk = new Intl.Collator('kk');
    assert.deepEqual(names, [...names].sort((a, b) => kk.compare(a, b)));
    assert.equal((await t.json('GET', '/api/search?sort=changed&limit=1')).status, 200);
  });

  test('did you mean: a query found only through typo corrections names what was meant', async () => {
    const res = await search(`q=${encodeURIComponent('Nazarbaev Univrsity')}`);
    assert.equal(res.didYouMean, 'Nazarbayev University');
    assert.equal((await search('q=Satbayev')).didYouMean, null);
  });

  test('a hyphenated Russian word and a Kazakh compound find the programmes', async () => {
    for (const q of ['нефте-газовое', 'мұнайгаз', 'Мұнай-газ']) {
      const res = await search(`q=${encodeURIComponent(q)}&kind=programme`);
      assert.ok(res.total > 0, q);
    }
  });

  test('the search page keeps the query, offers sort and removable filter chips', async () => {
    const page = await html('/en/search?q=university&kind=organization');
    assert.match(page.body, /id="q"[^>]*value="university"/);
    assert.match(page.body, /<select id="find-sort" name="sort">/);
    assert.match(page.body, /class="chip" href="\/en\/search\?q=university"/);
    assert.match(page.body, /Remove filter: Kind: Organization/);
  });
});

describe('browse', () => {
  for (const [path, kind] of [
    ['programmes', 'programme'],
    ['organizations', 'organization'],
    ['qualifications', 'qualification'],
    ['occupational-standards', 'occupational-standard'],
    ['sqfs', 'sqf'],
  ] as const) {
    test(`/kk/${path} lists ${kind} records with paging, sort and filters, in under 30 KB`, async () => {
      const page = await html(`/kk/${path}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /class="results"/);
      assert.match(page.body, /name="sort"/);
      assert.match(page.body, /class="crumbs"/);
      assert.ok(page.body.length < 30_000, `${page.body.length} bytes`);
    });
  }

  test('the programme list has the field → direction → group tree with counts', async () => {
    const page = await html('/en/programmes');
    assert.match(page.body, /class="tree"/);
    assert.match(page.body, /href="\/en\/programmes\?field=06"/);
    assert.match(page.body, /\/en\/classifiers\/direction\//);
    assert.match(page.body, /\/en\/classifiers\/programme-group\//);
  });

  test('record pages with their standing stay under 30 KB of HTML', async () => {
    const [programme] = (await search('q=6B07291')).items;
    const organization = programme?.organization ? (await search('q=Satbayev&kind=organization')).items[0] : undefined;
    for (const path of [`/kk/programmes/${programme?.id}`, `/kk/organizations/${organization?.id}`, '/kk/search?q=6B06101', '/kk/programmes?accreditation=accredited']) {
      const page = await html(path);
      assert.equal(page.status, 200, path);
      assert.ok(page.body.length < 30_000, `${path}: ${page.body.length} bytes`);
    }
  });

  test('record pages have breadcrumbs back to their list', async () => {
    const [hit] = (await search('q=6B07291')).items;
    const page = await html(`/ru/programmes/${hit?.id}`);
    assert.match(page.body, /<nav class="crumbs"[^>]*>.*href="\/ru\/programmes"/s);
  });
});
