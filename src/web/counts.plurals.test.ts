// "label: count" strings read as sentences with the language's plural forms: 1, 2 and 5 of each
// count message in kk, ru and en, and no message in any catalog takes a count without plural forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../locales.ts';
import { catalogs, translator } from '../platform/i18n/i18n.ts';

const said = (lang: 'kk' | 'ru' | 'en', key: string, count: number) => translator(lang)(key, { count, formatted: String(count), q: 'ИТ', shown: '1' });

test('counts 1, 2 and 5 read right in kk, ru and en', () => {
  const expected: Record<string, Record<'kk' | 'ru' | 'en', [string, string, string]>> = {
    'ui.nqf.records': {
      en: ['1 record at this level', '2 records at this level', '5 records at this level'],
      ru: ['1 запись на этом уровне', '2 записи на этом уровне', '5 записей на этом уровне'],
      kk: ['Осы деңгейде 1 жазба', 'Осы деңгейде 2 жазба', 'Осы деңгейде 5 жазба'],
    },
    'ui.results': {
      en: ['1 result for «ИТ»', '2 results for «ИТ»', '5 results for «ИТ»'],
      ru: ['1 результат по запросу «ИТ»', '2 результата по запросу «ИТ»', '5 результатов по запросу «ИТ»'],
      kk: ['«ИТ» сұранысы бойынша 1 нәтиже', '«ИТ» сұранысы бойынша 2 нәтиже', '«ИТ» сұранысы бойынша 5 нәтиже'],
    },
    'ui.allResults': { en: ['1 record', '2 records', '5 records'], ru: ['1 запись', '2 записи', '5 записей'], kk: ['1 жазба', '2 жазба', '5 жазба'] },
    'ui.accreditationPages.council.agendaCount': {
      en: ['1 case on the agenda', '2 cases on the agenda', '5 cases on the agenda'],
      ru: ['1 дело в повестке', '2 дела в повестке', '5 дел в повестке'],
      kk: ['Күн тәртібінде 1 іс', 'Күн тәртібінде 2 іс', 'Күн тәртібінде 5 іс'],
    },
    'ui.accreditationPublic.found': { en: ['1 entry', '2 entries', '5 entries'], ru: ['1 запись', '2 записи', '5 записей'], kk: ['1 жазба', '2 жазба', '5 жазба'] },
  };
  for (const [key, byLang] of Object.entries(expected)) {
    for (const lang of ['kk', 'ru', 'en'] as const) assert.deepEqual([1, 2, 5].map((n) => said(lang, key, n)), byLang[lang], `${lang} ${key}`);
  }
  assert.equal(said('ru', 'ui.nqf.records', 21), '21 запись на этом уровне');
  assert.equal(said('ru', 'ui.nqf.records', 11), '11 записей на этом уровне');
});

test('no message takes {{count}} without plural forms', () => {
  const bare: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      // A count only quoted as a figure ("here 3") needs no plural; a count that labels a quantity does.
      if (value.includes('{{count}}') && !/_(one|few|many|other)$/.test(path) && !/\(here \{\{count\}\}\)/.test(value)) bare.push(path);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(catalogs.en, '');
  assert.deepEqual(bare, []);
});
