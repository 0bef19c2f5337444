// Platform's i18n before and after the root hands it the modules' catalogs (src/locales.ts).
// Deliberately imports no entry point: this process starts with nothing registered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogs, registerCatalogs, translator } from './i18n.ts';

test('translating before the modules registered their catalogs fails loudly instead of showing raw keys', () => {
  assert.throws(() => translator('en'), /not registered/);
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
