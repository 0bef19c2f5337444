// The restore drill: back up a database and its file store, restore both into a new database and
// an empty directory, and find the audit trail intact (checkpoints included) and every evidence
// file with the same bytes. On PGlite (the embedded data directory) or, with DATABASE_URL, on a
// PostgreSQL server through pg_dump / pg_restore.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import '../wiring.ts';
import { type TestDatabase, createTestDataDir, createTestDatabase, testConfig } from '../../test/helpers/database.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { samplePdf } from '../../test/helpers/sample-files.ts';
import type { Config } from '../config.ts';
import { systemActor } from '../platform/access/roles.ts';
import { verifyAuditTrail } from '../platform/audit/audit.service.ts';
import { makeAuditCheckpoint } from '../platform/audit/checkpoints.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { fileMeta, readFileBytes, sha256Hex, storeFile } from '../platform/files/files.ts';
import { useSettings } from '../platform/settings.ts';
import { backup, restore } from './backup-archive.ts';

const serverUrl = process.env.DATABASE_URL;
const root = mkdtempSync(join(tmpdir(), 'sapa-drill-'));
const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(root, { recursive: true, force: true });
});

const base = (name: string): Config => ({
  ...testConfig(),
  DATA_DIR: join(root, `db-${name}`),
  FILES_DIR: join(root, `files-${name}`),
  AUDIT_KEY_FILE: join(root, 'keys', 'audit.pem'),
});

/** A new, empty database on the server (pg_restore's target), dropped after the test. */
async function newServerDatabase(): Promise<string> {
  const name = `sapa_drill_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

test('restore drill: backup, a new database, audit verify passes, the same evidence files come back', async () => {
  const source = base('source');
  let sourceDb: TestDatabase | null = null;
  if (serverUrl) {
    sourceDb = await createTestDatabase();
    const opened = sourceDb;
    cleanups.push(() => opened.close());
    source.DATABASE_URL = sourceDb.url;
  } else {
    source.DATABASE_URL = undefined;
    await createTestDataDir(source.DATA_DIR);
  }
  useSettings(source);
  const work = async (db: Db) => {
    const ctx = { db, actor: systemActor('drill'), lang: 'en' as const, log: silentLogger, requestId: null };
    const stored = [await storeFile(ctx, samplePdf('self-assessment evidence'), { declaredName: 'evidence.pdf' }), await storeFile(ctx, samplePdf('panel report'), { declaredName: 'report.pdf' })];
    assert.ok(await makeAuditCheckpoint(db));
    assert.equal((await verifyAuditTrail(db)).ok, true);
    return stored;
  };
  // On a server the data stays where it is; the embedded directory must be closed for its dump.
  const stored = sourceDb ? await work(sourceDb.db) : await withDb(source, work);

  const file = join(root, 'sapa-backup.tar.gz');
  const manifest = await backup(source, file);
  assert.equal(manifest.database.kind, serverUrl ? 'postgres' : 'embedded');
  for (const s of stored) assert.ok(manifest.files.some((f) => f.path.endsWith(s.sha256) && f.sha256 === s.sha256), `${s.sha256} is in the backup`);

  const target = base('target');
  target.DATABASE_URL = serverUrl ? await newServerDatabase() : undefined;
  await restore(target, file);
  useSettings(target);
  await withDb(target, async (db) => {
    const verified = await verifyAuditTrail(db);
    assert.equal(verified.ok, true, JSON.stringify(verified.firstBreak));
    assert.ok(verified.checkpoints >= 1);
    for (const s of stored) {
      assert.deepEqual(await fileMeta(db, s.sha256), s);
      const bytes = await readFileBytes(s.sha256);
      assert.ok(bytes, `${s.sha256} downloads`);
      assert.equal(sha256Hex(bytes), s.sha256);
    }
  });
});

test('a damaged backup is refused before anything is restored, naming what does not match', async () => {
  // A backup is a tarball with a manifest: rebuild one whose evidence file was altered.
  const { execFileSync } = await import('node:child_process');
  const dir = join(root, 'damaged-unpacked');
  const good = join(root, 'sapa-backup.tar.gz');
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['-xzf', good, '-C', dir]);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const victim = join(dir, 'files', manifest.files[0].path);
  writeFileSync(victim, Buffer.concat([readFileSync(victim), Buffer.from('tampered')]));
  const damaged = join(root, 'damaged.tar.gz');
  execFileSync('tar', ['-czf', damaged, '-C', dir, '.']);
  const target = base('after-damage');
  target.DATABASE_URL = serverUrl ? await newServerDatabase() : undefined;
  await assert.rejects(restore(target, damaged), new RegExp(`damaged, nothing was restored:\\n  files/${manifest.files[0].path} does not match its checksum`));
});
