import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { LANGUAGES, type Lang } from '../platform/i18n/i18n.ts';
import { createRecords, ORG, PROGRAMME, QUALIFICATION, type Records } from './record-pages.fixtures.ts';

let t: TestApp;
let r: Records;

const html = async (path: string, token?: string) => {
  const res = await t.request('GET', path, { token });
  return { status: res.status, body: await res.text() };
};

/** The page's JSON-LD, exactly as a crawler reads it (script text is not entity-decoded). */
const jsonLdOf = (body: string) => JSON.parse(body.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1] ?? 'null');

/** The text of the page's h1, tags removed. */
const h1 = (body: string) => (body.match(/<h1>([\s\S]*?)<\/h1>/)?.[1] ?? '').replace(/<[^>]+>/g, '');

before(async () => {
  t = await createTestApp();
  r = await createRecords(t);
});
after(() => t.close());

const literally = (text: string | undefined) => new RegExp((text ?? '(missing name)').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Every page type with the name its h1 must show in each language. */
const pages = (): { kind: string; path: string; api: string; h1: (lang: Lang) => RegExp; jsonLd: string }[] => [
  {
    kind: 'organization',
    path: `/organizations/${r.orgId}`,
    api: `/api/organizations/${r.orgId}`,
    h1: (l) => new RegExp(l === 'en' ? ORG.kk : ORG[l]),
    jsonLd: 'CollegeOrUniversity',
  },
  {
    kind: 'programme',
    path: `/programmes/${r.programmeId}`,
    api: `/api/programmes/${r.programmeId}`,
    h1: (l) => new RegExp(PROGRAMME[l] as string),
    jsonLd: 'EducationalOccupationalProgram',
  },
  {
    kind: 'qualification',
    path: `/qualifications/${r.qualificationId}`,
    api: `/api/qualifications/${r.qualificationId}`,
    h1: (l) => new RegExp(QUALIFICATION[l] as string),
    jsonLd: 'EducationalOccupationalCredential',
  },
  {
    kind: 'nqf',
    path: '/nqf',
    api: '/api/nqf/levels',
    h1: (l) => ({ kk: /біліктілік/i, ru: /квалификаций/i, en: /qualifications framework/i })[l],
    jsonLd: 'DefinedTermSet',
  },
  { kind: 'nqf level', path: '/nqf/6', api: '/api/nqf/levels/6', h1: () => /6/, jsonLd: 'DefinedTerm' },
  { kind: 'sqf', path: `/sqfs/${r.sqfId}`, api: `/api/sqfs/${r.sqfId}`, h1: (l) => literally(r.apiNames.sqf?.[l]), jsonLd: 'DefinedTermSet' },
  {
    kind: 'occupational standard',
    path: `/occupational-standards/${r.standardId}`,
    api: `/api/occupational-standards/${r.standardId}`,
    h1: () => /./,
    jsonLd: 'Occupation',
  },
  {
    kind: 'classifier entry',
    path: '/classifiers/direction/061',
    api: '/api/classifiers/direction/061',
    h1: (l) => literally(r.apiNames.classifier?.[l]),
    jsonLd: 'DefinedTerm',
  },
];

describe('record pages in three languages', () => {
  for (const lang of LANGUAGES) {
    test(`every page type answers in ${lang} with its name as the heading, JSON-LD and a link to its JSON`, async () => {
      for (const p of pages()) {
        const page = await html(`/${lang}${p.path}`);
        assert.equal(page.status, 200, `${p.kind}: ${page.body.slice(0, 500)}`);
        assert.match(page.body, new RegExp(`<html lang="${lang}"`), p.kind);
        assert.match(h1(page.body), p.h1(lang), p.kind);
        assert.equal((page.body.match(/<h1>/g) ?? []).length, 1, `${p.kind}: one h1`);
        assert.match(JSON.stringify(jsonLdOf(page.body)), new RegExp(`"@type":"${p.jsonLd}"`), p.kind);
        assert.ok(page.body.includes(`type="application/json" href="${p.api}"`), `${p.kind}: API link`);
        for (const th of page.body.match(/<th(?=[\s>])[^>]*>/g) ?? []) assert.match(th, /scope="(col|row)"/, `${p.kind}: ${th}`);
        // The API link of the page answers too.
        assert.equal((await t.request('GET', p.api)).status, 200, `${p.kind}: ${p.api}`);
      }
    });
  }

  test('the organization page shows its profile by classifier names, licences, relationships-free state and its public programmes only', async () => {
    const page = await html(`/ru/organizations/${r.orgId}`);
    assert.match(page.body, /<dl class="fields">/);
    assert.match(page.body, /KZ12LAA00000001/);
    assert.match(page.body, /15 января 2020/);
    assert.match(page.body, /href="\/ru\/classifiers\/organization-kind\/university"/);
    assert.ok(!page.body.includes('>KZ-75<'), 'the region is shown by its name, not its code');
    assert.ok(page.body.includes(`href="/ru/programmes/${r.programmeId}"`));
    assert.ok(!page.body.includes(r.draftId), 'a draft is not listed on the public page');
    // History in words (history-words.ts), never the stored action code.
    assert.match(page.body, /Внесение в реестр/);
    assert.doesNotMatch(page.body, /organization\.create/);
  });

  test('an organization’s page charts its programmes by field, a body’s page its decisions per year: title, description, alt text and the data as a table, in each language', async () => {
    const words: Record<Lang, [string, string]> = { kk: ['Білім беру салалары бойынша бағдарламалар', 'Жыл бойынша аккредиттеу шешімдері'], ru: ['Программы по областям образования', 'Решения об аккредитации по годам'], en: ['Programmes by field of education', 'Accreditation decisions per year'] };
    const section = (body: string, id: string) => body.match(new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`))?.[1] ?? '';
    for (const lang of LANGUAGES) {
      const [byField, perYear] = words[lang];
      const org = (await html(`/${lang}/organizations/${r.orgId}`)).body;
      const fields = section(org, 'programmes-by-field');
      assert.ok(fields.includes(`<h2 id="programmes-by-field">${byField}</h2>`), `${lang}: the chart's title`);
      assert.match(fields, /<img src="data:image\/svg\+xml;base64,[^"]+" alt="[^"]{20,}"/, `${lang}: an SVG with its alt text`);
      assert.match(fields, /<figcaption>[^<]{20,}<\/figcaption>/, `${lang}: a description`);
      assert.match(fields, /<th scope="row">[^<]+ \(06\)<\/th><td>1<\/td>/, `${lang}: field 06 by name and code, one programme`);
      const svg = Buffer.from(fields.match(/base64,([^"]+)"/)?.[1] ?? '', 'base64').toString();
      assert.ok(svg.startsWith('<svg') && svg.includes(byField), `${lang}: the SVG carries the title in the page's language`);
      assert.ok(!org.includes('id="decisions-per-year"'), 'a university has no decisions chart');

      const body = (await html(`/${lang}/organizations/${r.bodyId}`)).body;
      const years = section(body, 'decisions-per-year');
      assert.ok(years.includes(`<h2 id="decisions-per-year">${perYear}</h2>`), `${lang}: the body's chart`);
      assert.match(years, /<th scope="row">2023<\/th><td>0<\/td><td>1<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/, `${lang}: 2023, one programme`);
      assert.match(years, /<th scope="row">2024<\/th><td>1<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>1<\/td><td>1<\/td>/, `${lang}: 2024, one institutional and one refusal`);
    }
  });

  test('an organization without an English name shows the Kazakh one with a visible note on the English page', async () => {
    const page = await html(`/en/organizations/${r.orgId}`);
    assert.match(h1(page.body), new RegExp(ORG.kk));
    assert.match(page.body, /<span lang="kk">Альфа университеті<\/span> <small class="note">/);
  });

  test('the programme page shows the passport, outcomes in the page language, the courses table and linked partners', async () => {
    const page = await html(`/kk/programmes/${r.programmeId}`);
    assert.match(page.body, /Деректер қорын жобалайды/);
    assert.ok(!page.body.includes('Designs databases'));
    assert.match(page.body, /<th scope="row">DB101 Деректер қоры<\/th>/);
    assert.match(page.body, /href="#outcome-LO1">LO1</);
    assert.ok(page.body.includes(`href="/kk/organizations/${r.partnerId}"`));
    assert.match(page.body, /href="\/kk\/nqf\/6"/);
    assert.match(page.body, /Тізілімге қосу/);
    assert.doesNotMatch(page.body, /programme\.include/);
    assert.match(page.body, /2024 ж\. 20 мамыр/, 'dates in Kazakh');
  });

  test('the NQF overview lists all eight levels and a level page links to the search filtered by it', async () => {
    const overview = await html('/en/nqf');
    for (let level = 1; level <= 8; level++) assert.ok(overview.body.includes(`href="/en/nqf/${level}"`), `level ${level}`);
    const level = await html('/en/nqf/6');
    assert.match(level.body, /href="\/en\/search\?nqfLevel=6"/);
    assert.match(level.body, /EQF/);
  });

  test('a classifier entry links its parent in the parent classifier and lists its children', async () => {
    const direction = await html('/en/classifiers/direction/061');
    assert.match(direction.body, /href="\/en\/classifiers\/field\/06"/);
    const field = await html('/en/classifiers/field/06');
    assert.match(field.body, /href="\/en\/classifiers\/direction\/061"/);
  });
});

describe('record pages and bad input', () => {
  const unknown = '00000000-0000-4000-8000-000000000000';
  for (const lang of LANGUAGES) {
    test(`unknown records are localized 404 pages in ${lang}`, async () => {
      for (const path of [
        `/organizations/${unknown}`,
        `/programmes/${unknown}`,
        `/qualifications/${unknown}`,
        `/sqfs/${unknown}`,
        `/occupational-standards/${unknown}`,
        '/nqf/9',
        '/classifiers/field/999',
        '/classifiers/nothing/1',
      ]) {
        const page = await html(`/${lang}${path}`);
        assert.equal(page.status, 404, path);
        assert.match(page.body, new RegExp(`<html lang="${lang}"`), path);
      }
    });
  }

  test('malformed ids are a localized 400 naming the parameter', async () => {
    for (const path of [
      '/organizations/not-a-uuid',
      '/programmes/123',
      '/qualifications/x',
      '/sqfs/x',
      '/occupational-standards/x',
      '/nqf/abc',
      '/classifiers/BAD!/1',
    ]) {
      const page = await html(`/ru${path}`);
      assert.equal(page.status, 400, path);
      assert.match(page.body, /<html lang="ru"/);
    }
    assert.match((await html('/en/programmes/123')).body, /Parameter id is not valid/);
  });

  test('a draft programme is a 404 for anonymous visitors and visible to its organization', async () => {
    assert.equal((await html(`/en/programmes/${r.draftId}`)).status, 404);
    assert.equal((await html(`/en/programmes/${r.draftId}`, r.editor)).status, 200);
  });

  test('names with markup are escaped', async () => {
    const res = await t.json('PATCH', `/api/organizations/${r.partnerId}`, { token: r.ministry, body: { aliases: ['<script>alert(1)</script>'] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const page = await html(`/en/organizations/${r.partnerId}`);
    assert.ok(!page.body.includes('<script>alert(1)'));
    assert.ok(page.body.includes('&lt;script&gt;alert(1)'));
  });
});

test('a programme page names the qualifications it leads to, linked, in every language', async () => {
  for (const lang of LANGUAGES) {
    const { status, body } = await html(`/${lang}/programmes/${r.programmeId}`);
    assert.equal(status, 200);
    assert.ok(body.includes(`/${lang}/qualifications/${r.qualificationId}`), `${lang}: a link to the qualification`);
    assert.match(body, literally(lang === 'kk' ? 'Апаратын біліктіліктер' : lang === 'ru' ? 'Ведёт к квалификациям' : 'Leads to qualifications'));
  }
});
