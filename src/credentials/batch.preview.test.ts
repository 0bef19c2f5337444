// Learners' files go through the importer's reader and preview before anything is issued.
// Reproduces the defect of issue 12: a Windows-1251 CSV given to `sapa issue --batch` was read as
// UTF-8, so its names were "����� ������" (and later refused); the CLI now hands the bytes over.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import type { TestApp } from '../../test/helpers/app.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { inTransaction } from '../platform/context.ts';
import { createBatch, runBatch } from './batch.service.ts';
import { appWithSpecification } from './specification.fixtures.ts';

let t: TestApp;
let editor: string;
let specId: string;

before(async () => {
  ({ t, editor, specId } = await appWithSpecification());
});
after(() => t?.close());

const TEXT = 'ФИО;Почта;Дата\r\nАсель Нурова;asel@example.kz;15.01.2026\r\nБерик Оспанов;berik@example.kz;16.01.2026\r\n';
const cp1251 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1251'));

const preview = (bytes: Uint8Array, lang = 'en') =>
  t.app.request(`/api/credentials/batches/preview?specification=${specId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor}`, 'content-type': 'text/csv', 'accept-language': lang },
    body: new Uint8Array(bytes),
  });

const count = async (table: 'credentials' | 'credential_batches') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('specification_id', '=', specId).executeTakeFirstOrThrow()).n);

test('preview of a Windows-1251 file with dd.mm.yyyy dates: Cyrillic names, rows to issue, every problem with row, column and message; nothing stored', async () => {
  const res = await preview(cp1251(`${TEXT}Дана Ким;not-a-mail;31.02.2026\r\n`), 'ru');
  assert.equal(res.status, 200, await res.clone().text());
  const body = await res.json();
  assert.deepEqual([body.total, body.create, body.unchanged, body.invalid], [3, 2, 0, 1]);
  assert.deepEqual(body.rows.map((r: { label: string }) => r.label), ['Асель Нурова', 'Берик Оспанов', 'Дана Ким']);
  assert.deepEqual(body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`), ['4:email', '4:date']);
  assert.match(body.problems[1].message, /Строка 4/);
  assert.deepEqual([await count('credentials'), await count('credential_batches')], [0, 0]);
});

test('the CLI path: a Windows-1251 file given as bytes issues "Асель Нурова", never "����� ������"; its preview then says unchanged', async () => {
  const ctx = { ...t.system, actor: { kind: 'system' as const, label: 'sapa issue' } };
  // What `sapa issue --batch` did before: the file read as UTF-8 text. It never reaches a credential intact.
  const asUtf8 = Buffer.from(cp1251(TEXT)).toString('utf8');
  assert.ok(asUtf8.includes('\uFFFD'));
  const { batch } = await inTransaction(ctx, (trx) => createBatch(trx, { specificationId: specId, file: cp1251(TEXT), partial: false }, { enqueue: false }));
  await runBatch(t.db, silentLogger, batch.id);
  const names = await t.db.selectFrom('credentials').select('learner_name').where('specification_id', '=', specId).orderBy('learner_name').execute();
  assert.deepEqual(names.map((n) => n.learner_name), ['Асель Нурова', 'Берик Оспанов']);
  const again = await (await preview(cp1251(TEXT))).json();
  assert.deepEqual([again.create, again.unchanged], [0, 2]);
});

test('a file that cannot be read, or a declared encoding that does not exist, is a 422 naming the file', async () => {
  const res = await t.app.request(`/api/credentials/batches/preview?specification=${specId}&encoding=klingon`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor}`, 'content-type': 'text/csv' },
    body: TEXT,
  });
  assert.equal(res.status, 422);
  assert.equal((await res.json()).errors[0].path, 'csv');
});
