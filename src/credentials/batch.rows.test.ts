import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBatchCsv, contentHash, isValidIin, rowKey } from './batch.rows.ts';

const opts = { specificationId: 's1', identification: 'email', today: '2026-06-01' };

test('reads a comma or semicolon CSV with a BOM and localized headers', () => {
  const comma = checkBatchCsv('\uFEFFname,email,date,grade\nAsel,asel@example.kz,2026-05-01,A\n', opts);
  assert.ok(comma.ok);
  assert.deepEqual(comma.rows[0]?.value, { name: 'Asel', email: 'asel@example.kz', identifier: 'asel@example.kz', awardedOn: '2026-05-01', grade: 'A' });
  const semi = checkBatchCsv('ФИО;Почта;Дата\nАсель;asel@example.kz;2026-05-01\n', opts);
  assert.ok(semi.ok && semi.rows[0]?.value?.name === 'Асель');
});

test('lists every bad row and column with the line number, not only the first', () => {
  const r = checkBatchCsv('name,email,date\nAsel,asel@example.kz,2026-05-01\n,bad-mail,2026-13-01\nBerik,berik@example.kz,2027-01-01\n', opts);
  assert.ok(r.ok);
  assert.deepEqual(r.rows[0]?.issues, []);
  assert.deepEqual(
    r.rows[1]?.issues.map((i) => [i.params.row, i.column, i.messageKey]),
    [
      [3, 'name', 'errors.product.row.required'],
      [3, 'email', 'errors.product.row.invalidEmail'],
      [3, 'date', 'errors.product.row.invalidDate'],
    ],
  );
  assert.deepEqual(r.rows[2]?.issues.map((i) => [i.params.row, i.messageKey]), [[4, 'errors.product.row.futureDate']]);
});

test('the same learner and date twice in one file is a bad row pointing at the first', () => {
  const r = checkBatchCsv('name,email,date\nAsel,asel@example.kz,2026-05-01\nAsel K,ASEL@example.kz,2026-05-01\n', opts);
  assert.ok(r.ok);
  assert.deepEqual(r.rows[1]?.issues[0]?.params, { row: 3, column: 'email', first: 2 });
});

test('refuses a file without a required column or without rows', () => {
  const noDate = checkBatchCsv('name,email\nAsel,a@b.kz\n', opts);
  assert.deepEqual(noDate, { ok: false, problem: { messageKey: 'errors.product.batch.missingColumn', params: { column: 'awardedOn' } } });
  const empty = checkBatchCsv('name,email,date\n', opts);
  assert.ok(!empty.ok && empty.problem.messageKey === 'errors.product.batch.emptyFile');
});

test('checks IINs by their check digit when learners are identified by IIN', () => {
  assert.equal(isValidIin('900101300017'), true);
  assert.equal(isValidIin('850515400230'), true);
  assert.equal(isValidIin('900101300015'), false);
  assert.equal(isValidIin('12345'), false);
  const r = checkBatchCsv('name,iin,date\nAsel,000000000001,2026-05-01\n', { ...opts, identification: 'iin' });
  assert.ok(r.ok && r.rows[0]?.issues[0]?.messageKey === 'errors.product.row.invalidIin');
});

test('row and content keys ignore case, whitespace and line endings', () => {
  assert.equal(rowKey('s', ' A@B.kz ', '2026-01-01'), rowKey('s', 'a@b.kz', '2026-01-01'));
  assert.notEqual(rowKey('s', 'a@b.kz', '2026-01-01'), rowKey('s', 'a@b.kz', '2026-01-02'));
  assert.equal(contentHash('s', false, 'a,b\r\nc,d\r\n'), contentHash('s', false, '\uFEFFa,b\nc,d'));
  assert.notEqual(contentHash('s', false, 'a'), contentHash('s', true, 'a'));
});
