// Twenty queries people actually type (names, abbreviations, transliterations, codes, hyphenated
// and compound words) against the demonstration data set, each with the first hit it must give.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type TestApp, createTestApp } from './helpers/app.ts';

type Row = { query: string; kind: string; title_en: string; organization_en: string; why: string };
const rows: Row[] = parse(readFileSync(new URL('./search-queries.csv', import.meta.url)), { columns: true, skip_empty_lines: true });

let t: TestApp;
before(async () => {
  t = await createTestApp({ template: 'demo' });
});
after(() => t.close());

test(`all ${rows.length} real-world queries give the expected first hit`, async () => {
  const misses: string[] = [];
  for (const row of rows) {
    const res = await t.json('GET', `/api/search?q=${encodeURIComponent(row.query)}&lang=en&limit=3`);
    const first = res.body.items[0];
    const ok =
      first?.kind === row.kind && first.titles.en === row.title_en && (!row.organization_en || first.organization?.name.en === row.organization_en);
    if (!ok) misses.push(`${row.query} (${row.why}): got ${first ? `${first.kind} ${first.titles.en} / ${first.organization?.name.en ?? '-'}` : 'nothing'}`);
  }
  const hits = rows.length - misses.length;
  console.log(`search hit rate: ${hits}/${rows.length}`);
  assert.deepEqual(misses, [], `hit rate ${hits}/${rows.length}`);
});
