import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { type TestDatabase, createTestDatabase } from '../../../test/helpers/database.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { sampleDocx, sampleExe, sampleJpeg, samplePdf, samplePlainZip, samplePng, sampleText, sampleXlsx } from '../../../test/helpers/sample-files.ts';
import { systemActor } from '../access/roles.ts';
import { type Ctx, inTransaction } from '../context.ts';
import { AppError } from '../errors.ts';
import { useSettings } from '../settings.ts';
import { FILE_KINDS } from './file-kinds.ts';
import { putFile, readFileBytes, sha256Hex, withFileBatch } from './files.ts';

let database: TestDatabase;
let dir: string;
let ctx: Ctx;
const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });

/** Every regular file under FILES_DIR (stored and staged). */
function filesOnDisk(): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

const store = (bytes: Uint8Array, declaredName: string) => withFileBatch((batch) => inTransaction(ctx, (trx) => putFile(trx, bytes, { declaredName, batch })));

async function refusal(bytes: Uint8Array, declaredName: string): Promise<AppError> {
  try {
    await store(bytes, declaredName);
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail(`${declaredName} was accepted`);
}

async function assertNothingStored(): Promise<void> {
  const rows = await database.db.selectFrom('files').select('sha256').execute();
  assert.deepEqual(rows, []);
  assert.deepEqual(filesOnDisk(), []);
}

describe('file store', () => {
  before(async () => {
    database = await createTestDatabase();
    ctx = { db: database.db, actor: systemActor('test'), lang: 'en', log: silentLogger, requestId: null };
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'sapa-files-'));
    useSettings({ ...config, FILES_DIR: dir, MAX_UPLOAD_MB: 1 });
    await database.db.deleteFrom('files').execute();
  });

  test('accepts PDF, DOCX, XLSX, PNG and JPEG, telling DOCX from XLSX by content, and stores each under its hash', async () => {
    const cases = [
      [samplePdf(), 'report.pdf', FILE_KINDS.pdf.mediaType],
      [sampleDocx(), 'Өзін-өзі бағалау.docx', FILE_KINDS.docx.mediaType],
      [sampleXlsx(), 'indicators.XLSX', FILE_KINDS.xlsx.mediaType],
      [samplePng(), 'chart.png', FILE_KINDS.png.mediaType],
      [sampleJpeg(), 'photo.jpeg', FILE_KINDS.jpeg.mediaType],
      [sampleJpeg().slice(0, -1), 'photo.jpg', FILE_KINDS.jpeg.mediaType],
    ] as const;
    for (const [bytes, name, mediaType] of cases) {
      const file = await store(bytes, name);
      assert.equal(file.mediaType, mediaType, name);
      assert.equal(file.sha256, sha256Hex(bytes));
      assert.equal(file.size, bytes.byteLength);
      assert.deepEqual(await readFileBytes(file.sha256), bytes);
    }
    assert.equal((await database.db.selectFrom('files').select('sha256').execute()).length, cases.length);
    assert.ok(
      filesOnDisk().every((f) => f.startsWith('sha256')),
      'nothing left in staging',
    );
  });

  test('stores the same content once however often it is uploaded', async () => {
    const first = await store(samplePdf('same'), 'a.pdf');
    const second = await store(samplePdf('same'), 'b.pdf');
    assert.equal(first.sha256, second.sha256);
    assert.equal((await database.db.selectFrom('files').select('sha256').execute()).length, 1);
    assert.equal(filesOnDisk().length, 1);
  });

  test('refuses a .pdf that is really a zip, an executable or plain text, and stores nothing', async () => {
    for (const bytes of [samplePlainZip(), sampleExe(), sampleText()]) {
      const error = await refusal(bytes, 'report.pdf');
      assert.equal(error.status, 422);
      assert.equal(error.details.issues?.[0]?.messageKey, 'errors.documents.fileTypeNotAllowed');
      assert.equal(error.details.issues?.[0]?.path, 'file');
    }
    await assertNothingStored();
  });

  test('refuses a renamed file (a PNG called .pdf, a DOCX called .xlsx, no extension) and stores nothing', async () => {
    for (const [bytes, name, detected] of [
      [samplePng(), 'scan.pdf', 'png'],
      [sampleDocx(), 'table.xlsx', 'docx'],
      [samplePdf(), 'report', 'pdf'],
    ] as const) {
      const error = await refusal(bytes, name);
      assert.equal(error.details.issues?.[0]?.messageKey, 'errors.documents.fileNameMismatch', name);
      assert.equal(error.details.issues?.[0]?.params?.detected, detected);
    }
    await assertNothingStored();
  });

  test('refuses an oversized file and an empty one, and stores nothing', async () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(samplePdf());
    const tooLarge = await refusal(big, 'big.pdf');
    assert.equal(tooLarge.details.issues?.[0]?.messageKey, 'errors.documents.fileTooLarge');
    assert.equal(tooLarge.details.issues?.[0]?.params?.maxMb, 1);
    const empty = await refusal(new Uint8Array(0), 'empty.pdf');
    assert.equal(empty.details.issues?.[0]?.messageKey, 'errors.documents.fileEmpty');
    await assertNothingStored();
  });

  test('leaves neither a row nor a file when the transaction that stored it rolls back', async () => {
    await assert.rejects(
      withFileBatch((batch) =>
        inTransaction(ctx, async (trx) => {
          await putFile(trx, samplePdf('rolled back'), { declaredName: 'r.pdf', batch });
          throw new Error('a later step failed');
        }),
      ),
      /a later step failed/,
    );
    await assertNothingStored();
  });
});
