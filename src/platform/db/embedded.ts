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

// P(arse), B(ind), D(escribe), E(xecute), C(lose), H (flush): parts of one extended-protocol query,
// which S(ync) ends.
const EXTENDED_PARTS = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = 0x53;

type QueuedMessage = { handlerId: number; message: Uint8Array; resolve(bytes: number): void; reject(error: unknown): void; onData(data: Uint8Array): void };
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
};

/**
 * pglite-socket 0.2 runs the messages of every connection through one PGlite session and keeps a
 * connection's messages together only inside a transaction. An extended-protocol query (Parse,
 * Bind, Execute … Sync) is outside any transaction between its messages, so another connection's
 * Parse could replace the unnamed statement in between: "unnamed prepared statement does not
 * exist", seen with pg-boss polling beside the app's pool (electric-sql/pglite#1046). This keeps a
 * connection's messages together until its Sync too, and a failed message no longer stops the queue.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer, pglite: PGlite): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let openBatch: number | null = null;
  q.processQueue = async () => {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    while (q.queue.length > 0) {
      const pinned = openBatch ?? (pglite.isInTransaction() ? q.lastHandlerId : null);
      const index = pinned === null ? 0 : q.queue.findIndex((m) => m.handlerId === pinned);
      // The pinned connection's next message is not here yet: its arrival runs the queue again.
      if (index === -1) break;
      const [item] = q.queue.splice(index, 1);
      if (!item) break;
      const type = item.message[0] ?? 0;
      if (EXTENDED_PARTS.has(type)) openBatch = item.handlerId;
      else if (type === SYNC) openBatch = null;
      let bytes = 0;
      try {
        await pglite.runExclusive(() =>
          pglite.execProtocolRawStream(item.message, {
            onRawData: (data: Uint8Array) => {
              bytes += data.length;
              item.onData(data);
            },
          }),
        );
      } catch (error) {
        item.reject(error);
        continue;
      }
      q.lastHandlerId = item.handlerId;
      item.resolve(bytes);
    }
    q.processing = false;
  };
  const clearTransaction = q.clearTransactionIfNeeded.bind(q);
  // A connection that closes halfway through a query must not keep the others waiting.
  q.clearTransactionIfNeeded = async (handlerId) => {
    if (openBatch === handlerId) openBatch = null;
    await clearTransaction(handlerId);
    await q.processQueue();
  };
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
  keepExtendedQueriesTogether(server, pglite);
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
