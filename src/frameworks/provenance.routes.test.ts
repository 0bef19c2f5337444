// Every reference value says whether it is quoted from a source (document and line) or written by
// the team (issue 11 item 7): the NQF competences and ways of achievement are the team's, and the
// API and pages say so in kk, ru and en instead of presenting them as cited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const text = async (path: string) => (await (await t.request('GET', path)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('an NQF level tells quoted values (document and line) from values the team wrote', async () => {
  const level = (await t.json('GET', '/api/nqf/levels/6')).body;
  assert.deepEqual(level.provenance.knowledge, { source: { document: '003_a6b45dff19754c58.txt', lines: 'L813' } });
  assert.deepEqual(level.provenance.education, { source: { document: '003_a6b45dff19754c58.txt', lines: 'L779' } });
  assert.deepEqual(level.provenance.competences, { authored: 'team' });
  assert.deepEqual(level.provenance.achievement, { authored: 'team' });
  const levelOne = (await t.json('GET', '/api/nqf/levels/1')).body;
  assert.deepEqual(levelOne.provenance.typicalQualification, { authored: 'team' }, 'Figure 1.1.1 leaves level 1 blank');
});

test('the NQF level page says which descriptor is quoted and which the team wrote, in kk, ru and en', async () => {
  const en = await text('/en/nqf/6');
  assert.match(en, /Quoted from National Report on the State and Development of the Higher Education System \(2024\), line 813/);
  assert.equal(en.match(/Written by the Sapa team/g)?.length, 3, 'competences, achievement and ISCED');
  assert.match(await text('/ru/nqf/6'), /Написано командой Sapa.*Цитата: Национальный доклад/);
  assert.match(await text('/kk/nqf/6'), /Sapa командасы жазған/);
  assert.match(await text('/kk/nqf/6'), /Дәйексөз: .*813-жол/);
});

test('classifier entries: a seed line is a quotation, a recalled code is the team’s, in the API and on the page', async () => {
  const field = (await t.json('GET', '/api/classifiers/field/06')).body;
  assert.deepEqual(field.provenance, { source: { document: '003_a6b45dff19754c58.txt', lines: 'L1553' } });
  const group = (await t.json('GET', '/api/classifiers/programme-group/B001')).body;
  assert.equal(group.provenance.authored, 'team');
  assert.match(group.provenance.note, /official classifier, not in the seeds/);
  assert.match(await text('/en/classifiers/field/06'), /Where it comes from Quoted from National Report .*, line 1553/);
  assert.match(await text('/ru/classifiers/programme-group/B001'), /Откуда это Написано командой Sapa/);
});
