// The embedded data directory's part of a backup (see backup-archive.ts for the whole). Both need
// the directory to themselves: PGlite can only dump or load a directory it has open, and only one
// process may open it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { DataDirInUseError, acquireDataDirLock, describeOwner } from '../platform/db/data-dir-lock.ts';
import { startEmbeddedPostgres } from '../platform/db/embedded.ts';

function embeddedOnly(config: Config, what: string): string {
  if (config.DATABASE_URL) throw new Error(`this backup holds an embedded database, and DATABASE_URL names a server: unset DATABASE_URL to ${what} it`);
  return resolve(config.DATA_DIR);
}

function refuseBesideOwner<T>(dataDir: string, what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new Error(`sapa ${what} needs the data directory ${dataDir} to itself, and ${describeOwner(error.owner)} is using it. Stop it first (Ctrl+C in its terminal, or kill ${error.owner.pid}), then run sapa ${what} again.`);
    }
    throw error;
  }
}

/** Refuses at once, naming the running Sapa, when the embedded directory is in use (a server database: nothing to check). */
export function assertEmbeddedIdle(config: Config, what: string): void {
  if (config.DATABASE_URL) return;
  const dataDir = resolve(config.DATA_DIR);
  refuseBesideOwner(dataDir, what, () => acquireDataDirLock(dataDir)).release();
}

/** Writes a gzip tarball of the whole embedded data directory. */
export async function backupEmbedded(config: Config, file: string): Promise<void> {
  const dataDir = embeddedOnly(config, 'backup');
  if (!existsSync(dataDir)) throw new Error(`there is no embedded database in ${dataDir} to back up`);
  const lock = refuseBesideOwner(dataDir, 'backup', () => acquireDataDirLock(dataDir));
  const embedded = await startEmbeddedPostgres({ dataDir, maxConnections: 1, lock });
  try {
    const dump = await embedded.pglite.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await embedded.stop();
  }
}

/**
 * Replaces the embedded data directory with a backup. The directory it replaces is moved aside,
 * never deleted, and put back if the backup cannot be loaded.
 */
export async function restoreEmbedded(config: Config, file: string): Promise<{ keptAside: string | null }> {
  const dataDir = embeddedOnly(config, 'restore');
  const lock = refuseBesideOwner(dataDir, 'restore', () => acquireDataDirLock(dataDir));
  let backup: Blob;
  try {
    backup = new Blob([readFileSync(file)]);
  } catch (error) {
    lock.release();
    throw new Error(`cannot read the backup ${file}: ${(error as Error).message}`);
  }
  const aside = existsSync(dataDir) ? `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
  if (aside) renameSync(dataDir, aside);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir, loadDataDir: backup, maxConnections: 1, lock });
    await embedded.pglite.query('SELECT 1');
    await embedded.stop();
  } catch (error) {
    lock.release();
    if (aside) {
      const failed = `${dataDir}.failed-restore-${Date.now()}`;
      if (existsSync(dataDir)) renameSync(dataDir, failed);
      renameSync(aside, dataDir);
    }
    throw new Error(`${file} could not be restored (${error instanceof Error ? error.message : String(error)}); ${dataDir} is as it was`);
  }
  return { keptAside: aside };
}
