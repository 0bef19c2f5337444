// Embedded PostgreSQL: PGlite with its data in a directory, served over a local socket so the app
// speaks to it through the same `pg` driver as to a real server. A directory on disk is opened by
// one process only (see data-dir-lock.ts); other processes reach it through that socket.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { type DataDirLock, acquireDataDirLock } from './data-dir-lock.ts';

export type EmbeddedPostgres = {
  url: string;
  pglite: PGlite;
  /** The lock of the data directory (null in memory). */
  lock: DataDirLock | null;
  stop(): Promise<void>;
};

export const pgliteExtensions = { pg_trgm, unaccent };

/** A data directory PGlite cannot open: said in plain words, with what to do about it. */
export class DataDirUnreadableError extends Error {
  readonly dataDir: string;
  constructor(dataDir: string, cause: unknown) {
    super(
      [
        `The embedded database in ${dataDir} cannot be opened (${cause instanceof Error ? cause.message : String(cause)}).`,
        'Your data is still in that directory; Sapa has not changed it. To go on, either:',
        `  - restore a backup: npm run sapa -- restore <backup.tar.gz>  (the damaged directory is kept beside it), or`,
        `  - move it aside and start fresh: mv ${dataDir} ${dataDir}.damaged && npm start`,
      ].join('\n'),
      { cause },
    );
    this.dataDir = dataDir;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  loadDataDir?: Blob;
  maxConnections: number;
  /** The directory's lock when the caller took it already (restore). */
  lock?: DataDirLock;
}): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const lock = options.lock ?? (dataDir ? acquireDataDirLock(dataDir) : null);
  let pglite: PGlite;
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    pglite = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir, extensions: pgliteExtensions });
  } catch (error) {
    lock?.release();
    throw dataDir ? new DataDirUnreadableError(dataDir, error) : error;
  }
  // Above every pool's size: extra clients would otherwise be cut off (see ARCHITECTURE.md).
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  lock?.publish({ databaseUrl: url });
  return {
    url,
    pglite,
    lock,
    async stop() {
      await server.stop();
      await pglite.close();
      lock?.release();
    },
  };
}
