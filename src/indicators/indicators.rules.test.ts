import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pickLang } from '../platform/i18n/lang-map.ts';
import { CATALOGUE } from './catalogue.ts';
import { type Dim, compareWithPublished, countBy, percent, shareBy } from './indicators.rules.ts';
import { publishedFigures, publishedFor } from './published.ts';

type P = { field: string; langs: string[]; innovative: boolean; bodies: string[] };
const rows: P[] = [
  { field: '06', langs: ['kk', 'ru'], innovative: true, bodies: ['kazsee'] },
  { field: '06', langs: ['ru'], innovative: false, bodies: [] },
  { field: '07', langs: [], innovative: false, bodies: ['kazsee', 'iqaa'] },
];
const field: Dim<P> = { id: 'field', of: (r) => r.field };
const lang: Dim<P> = { id: 'language', of: (r) => r.langs };
const body: Dim<P> = { id: 'body', of: (r) => r.bodies, numeratorOnly: true };

test('countBy groups, counts a row once in each of its values, and puts unstated values last', () => {
  assert.deepEqual(countBy(rows, field, []), [
    { key: '06', value: 2 },
    { key: '07', value: 1 },
  ]);
  assert.deepEqual(countBy(rows, lang, []), [
    { key: 'kk', value: 1 },
    { key: 'ru', value: 2 },
    { key: null, value: 1 },
  ]);
  assert.deepEqual(countBy(rows, undefined, [{ dim: field, value: '06' }]), [{ key: null, value: 2 }]);
});

test('an empty group or an empty input gives zero counts and null shares, never a division by zero', () => {
  assert.deepEqual(countBy([], field, []), []);
  assert.deepEqual(countBy([], undefined, []), [{ key: null, value: 0 }]);
  assert.deepEqual(shareBy([], undefined, [], () => true), [{ key: null, value: null, numerator: 0, denominator: 0 }]);
  assert.deepEqual(shareBy(rows, undefined, [{ dim: field, value: '99' }], () => true), [{ key: null, value: null, numerator: 0, denominator: 0 }]);
  assert.equal(percent(1, 3), 33.3);
});

test('shareBy: a share per group; a body narrows the numerator only', () => {
  assert.deepEqual(shareBy(rows, field, [], (r) => r.innovative), [
    { key: '06', value: 50, numerator: 1, denominator: 2 },
    { key: '07', value: 0, numerator: 0, denominator: 1 },
  ]);
  const accredited = (r: P) => r.bodies.length > 0;
  assert.deepEqual(shareBy(rows, undefined, [{ dim: body, value: 'iqaa' }], accredited), [{ key: null, value: 33.3, numerator: 1, denominator: 3 }]);
  assert.deepEqual(shareBy(rows, body, [], accredited), [
    { key: 'iqaa', value: 33.3, numerator: 1, denominator: 3 },
    { key: 'kazsee', value: 66.7, numerator: 2, denominator: 3 },
  ]);
});

test('computed and published side by side, with the difference where both exist', () => {
  assert.deepEqual(
    compareWithPublished(
      [
        { key: 'private', value: 0 },
        { key: 'national', value: 12 },
      ],
      [
        { key: 'private', value: 52 },
        { key: 'national', value: 12 },
        { key: 'state', value: 31 },
      ],
    ),
    [
      { key: 'private', computed: 0, published: 52, difference: -52 },
      { key: 'national', computed: 12, published: 12, difference: 0 },
      { key: 'state', computed: null, published: 31, difference: null },
    ],
  );
  assert.deepEqual(compareWithPublished([], [{ key: 'state', value: 31 }], 0), [{ key: 'state', computed: 0, published: 31, difference: -31 }], 'a count the register lacks is 0');
});

test('a missing translation of a name falls back and says so', () => {
  const name = { kk: 'Ұйымдар саны', ru: '', en: 'Organizations' };
  assert.deepEqual(pickLang(name, 'ru', ['kk', 'ru', 'en']), { text: 'Ұйымдар саны', lang: 'kk', missing: true });
});

test('every indicator of the catalogue is named and defined in kk, ru and en, and has dimensions', () => {
  for (const i of CATALOGUE) {
    for (const l of ['kk', 'ru', 'en'] as const) assert.ok(i.name[l] && i.definition[l], `${i.id} ${l}`);
    assert.ok(i.dimensions.length > 0, i.id);
  }
});

test('the published 2024 legal-form split and KAZSEE 2018–2022 are reference data with their lines', () => {
  const split = publishedFor('universities-by-legal-form', 'legalForm', {});
  assert.deepEqual(Object.fromEntries(split.groups.map((g) => [g.dims.legalForm, g.value])), {
    private: 52,
    state: 31,
    'non-civil': 14,
    national: 12,
    'joint-stock': 11,
    autonomous: 1,
    international: 1,
  });
  assert.ok(split.groups.every((g) => g.source.lines === 'L2907-2909'));
  assert.equal(split.total?.value, 122);
  const kazsee = publishedFor('agency-activity', 'year', { body: 'kazsee', measure: 'programme' });
  assert.deepEqual(
    kazsee.groups.map((g) => [g.dims.year, g.value]),
    [
      ['2018', 18],
      ['2019', 113],
      ['2020', 135],
      ['2021', 129],
      ['2022', 60],
    ],
  );
});

const SEEDS = '/work/shared/seeds/';
test('each published figure is written on the lines it cites', { skip: !safeExists(SEEDS) }, () => {
  const cache = new Map<string, string[]>();
  for (const f of publishedFigures()) {
    const lines = cache.get(f.source.document) ?? readFileSync(SEEDS + f.source.document, 'utf8').split('\n');
    cache.set(f.source.document, lines);
    const [from, to = from] = f.source.lines.slice(1).split('-').map(Number) as [number, number?];
    const text = lines.slice(from - 1, (to as number) ?? from).join(' ');
    const spaced = f.value.toLocaleString('en').replace(/,/g, ' ');
    assert.ok(text.includes(spaced) || text.includes(String(f.value)), `${f.indicator} ${JSON.stringify(f.dims)} ${f.value} not on ${f.source.lines}`);
  }
});

function safeExists(path: string): boolean {
  try {
    readFileSync(`${path}003_a6b45dff19754c58.txt`, { flag: 'r' });
    return true;
  } catch {
    return false;
  }
}
