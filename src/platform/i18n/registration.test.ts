// Platform's i18n before and after the root hands it the modules' catalogs (src/locales.ts).
// Deliberately imports no entry point. A test lane may have registered the catalogs before this
// file runs, so "nothing registered" is checked in a process of its own; the lane puts the modules'
// catalogs back after this file replaced them (test/helpers/database.ts, endTestFile).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { catalogs, registerCatalogs, translator } from './i18n.ts';

test('translating before the modules registered their catalogs fails loudly instead of showing raw keys', () => {
  const i18n = new URL('./i18n.ts', import.meta.url).href;
  const script = `import { translator } from ${JSON.stringify(i18n)}; try { translator('en'); console.log('translated'); } catch (e) { console.log(e.message); }`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.match(out, /not registered/);
});

test('a key two fragments define is refused', () => {
  const twice = { ui: { demo: { title: 'A' } } };
  assert.throws(() => registerCatalogs({ kk: [twice, twice], ru: [], en: [] }), /defined twice: ui\.demo\.title/);
});

test('registered fragments join the catalogs under their namespace, beside platform keys', () => {
  const fragment = (text: string) => [{ ui: { registrationDemo: { title: text } } }];
  registerCatalogs({ kk: fragment('Тақырып'), ru: fragment('Заголовок'), en: fragment('Title') });
  assert.equal(translator('en')('ui.registrationDemo.title'), 'Title');
  assert.equal(translator('kk')('ui.registrationDemo.title'), 'Тақырып');
  assert.ok('registrationDemo' in catalogs.ru.ui);
  assert.notEqual(translator('en')('ui.backHome'), 'ui.backHome');
});
