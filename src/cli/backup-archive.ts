// `sapa backup` / `sapa restore`: the database and the file store together, in one gzip tarball
// with a manifest of SHA-256 checksums. The database part is pg_dump's custom format on a server
// database and PGlite's own data-directory dump on the embedded one. The database is dumped first
// and the files copied after it: a file is published only after the row naming it commits, so
// every file a dumped row names is already there (later uploads are extra and harmless).
// Restore checks every checksum before it changes anything.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, copyFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { kyselyFor } from '../platform/db/database.ts';
import { assertEmbeddedIdle, backupEmbedded, restoreEmbedded } from './backup.ts';

const run = promisify(execFile);
export const BACKUP_FORMAT = 'sapa-backup/1';

type Entry = { path: string; sha256: string; size: number };
export type BackupManifest = { format: typeof BACKUP_FORMAT; createdAt: string; database: Entry & { kind: 'embedded' | 'postgres' }; files: Entry[] };

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under dir, as paths relative to it; the store's staging area is left out. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(prefix, d.name);
    if (d.isDirectory()) return path === 'staging' ? [] : filesUnder(join(dir, d.name), path);
    return d.isFile() ? [path] : [];
  });
}

async function tool(command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${command} is not installed; sapa backup and restore need it (PostgreSQL 15 client tools, and tar)`);
    throw new Error(`${command} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/** Writes the database and the file store to `file` (a .tar.gz); returns what it holds. */
export async function backup(config: Config, file: string): Promise<BackupManifest> {
  assertEmbeddedIdle(config, 'backup');
  const target = resolve(file);
  const staging = mkdtempSync(join(dirname(target), '.sapa-backup-'));
  try {
    const kind = config.DATABASE_URL ? 'postgres' : 'embedded';
    const databasePath = kind === 'postgres' ? 'database.dump' : 'database.pgdata.tar.gz';
    if (config.DATABASE_URL) await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${config.DATABASE_URL}`, `--file=${join(staging, databasePath)}`]);
    else await backupEmbedded(config, join(staging, databasePath));

    const store = resolve(config.FILES_DIR);
    const files: Entry[] = [];
    for (const path of filesUnder(store)) {
      const copy = join(staging, 'files', path);
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(join(store, path), copy);
      files.push({ path, sha256: await sha256Of(copy), size: statSync(copy).size });
    }
    const databaseFile = join(staging, databasePath);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: { kind, path: databasePath, sha256: await sha256Of(databaseFile), size: statSync(databaseFile).size },
      files,
    };
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${target}.partial`;
    await tool('tar', ['-czf', partial, '-C', staging, '.']);
    renameSync(partial, target);
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Unpacks a backup beside `near` and checks every checksum; throws naming each mismatch. */
async function unpackChecked(file: string, near: string): Promise<{ dir: string; manifest: BackupManifest }> {
  mkdirSync(near, { recursive: true });
  const dir = mkdtempSync(join(near, '.sapa-restore-'));
  try {
    await tool('tar', ['-xzf', resolve(file), '-C', dir]);
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath)) throw new Error(`${file} is not a backup written by sapa backup (no manifest.json)`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT) throw new Error(`${file} is a backup of format ${manifest.format}; this Sapa reads ${BACKUP_FORMAT}`);
    const bad: string[] = [];
    for (const entry of [manifest.database, ...manifest.files.map((f) => ({ ...f, path: join('files', f.path) }))]) {
      const path = join(dir, entry.path);
      if (!existsSync(path)) bad.push(`${entry.path} is missing`);
      else if ((await sha256Of(path)) !== entry.sha256) bad.push(`${entry.path} does not match its checksum`);
    }
    if (bad.length) throw new Error(`${file} is damaged, nothing was restored:\n  ${bad.join('\n  ')}`);
    return { dir, manifest };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function assertEmptyServerDatabase(url: string): Promise<void> {
  const { db, pool } = kyselyFor(url, 1);
  try {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db);
    if ((rows[0]?.n ?? 0) > 0) throw new Error('the database DATABASE_URL names is not empty: restore into a new database (createdb), then point DATABASE_URL at it');
  } finally {
    await pool.end();
  }
}

/**
 * Restores a backup: the database (a server database must be new and empty; the embedded directory
 * is moved aside) and the file store (an existing FILES_DIR is moved aside, never deleted).
 */
export async function restore(config: Config, file: string): Promise<{ manifest: BackupManifest; keptAside: string[] }> {
  assertEmbeddedIdle(config, 'restore');
  const store = resolve(config.FILES_DIR);
  const { dir, manifest } = await unpackChecked(file, dirname(store));
  try {
    const keptAside: string[] = [];
    const dump = join(dir, manifest.database.path);
    if (manifest.database.kind === 'postgres') {
      if (!config.DATABASE_URL) throw new Error('this backup holds a PostgreSQL server database: set DATABASE_URL to a new, empty database to restore it into');
      await assertEmptyServerDatabase(config.DATABASE_URL);
      await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${config.DATABASE_URL}`, dump]);
    } else {
      const { keptAside: aside } = await restoreEmbedded(config, dump);
      if (aside) keptAside.push(aside);
    }
    if (existsSync(store) && readdirSync(store).length) {
      const aside = `${store}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(store, aside);
      keptAside.push(aside);
    }
    const restoredFiles = join(dir, 'files');
    if (existsSync(restoredFiles)) renameSync(restoredFiles, store);
    else mkdirSync(store, { recursive: true });
    return { manifest, keptAside };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const describeBackup = (m: BackupManifest) =>
  `${m.database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database (${m.database.size} bytes) and ${m.files.length} stored file(s), checksums verified`;

