// PostgreSQL streaming read replicas (DATABASE_REPLICA_URLS). Health and replay position are
// checked in the background (and again right after a query on a replica fails), never per
// request; a replica that is down, promoted or lagging beyond the limit is skipped, and with no
// healthy replica every read goes to the primary.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** A WAL position ('16/B374D848') as a number, so positions compare. */
export function parseLsn(lsn: string): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

type Replica = {
  url: string;
  db: Db;
  healthy: boolean;
  /** Whether it has been checked once: the first result is always reported. */
  checked: boolean;
  /** What the replica had replayed at its last check: reads needing more go elsewhere. */
  replayed: bigint;
  checking: Promise<void> | null;
};

export type ReplicaSet = {
  /** A replica that has replayed at least `minLsn` (when given), or null: use the primary. */
  forRead(minLsn?: string): Db | null;
  /** The primary's current WAL position, after a write has committed. */
  primaryLsn(): Promise<string>;
  /** Checks every replica now (also run in the background). */
  checkAll(): Promise<void>;
  state(): { url: string; healthy: boolean; replayed: string }[];
  close(): Promise<void>;
};

/** Writes and transactions reach the primary even through a replica's handle. */
const WRITES = new Set(['transaction', 'connection', 'insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'replaceInto']);

function readOnlyView(replica: Db, primary: Db): Db {
  return new Proxy(replica, {
    get(target, property) {
      const owner = typeof property === 'string' && WRITES.has(property) ? primary : target;
      const value = Reflect.get(owner, property, owner);
      return typeof value === 'function' ? value.bind(owner) : value;
    },
  });
}

export function openReplicas(options: {
  urls: string[];
  primary: Db;
  poolSize: number;
  maxLagSeconds: number;
  checkEveryMs?: number;
  onChange?: (url: string, healthy: boolean, reason?: string) => void;
}): ReplicaSet {
  const replicas: Replica[] = options.urls.map((url) => {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize, connectionTimeoutMillis: 2000 });
    const replica: Replica = { url, db: undefined as unknown as Db, healthy: false, checked: false, replayed: 0n, checking: null };
    // An idle connection cut by the server (a replica shutting down) is a reason to look again.
    pool.on('error', () => void check(replica));
    // A connection cut while checked out (between its queries) would emit an error with no listener,
    // an uncaught exception: each client gets one, and the replica is looked at again.
    pool.on('connect', (client) => client.on('error', () => void check(replica)));
    const raw = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      // A failing replica is checked again at once, so the next requests skip it if it is down.
      log: (event) => {
        if (event.level === 'error') void check(replica);
      },
    });
    replica.db = readOnlyView(raw, options.primary);
    return replica;
  });

  const mark = (replica: Replica, healthy: boolean, reason?: string) => {
    if (replica.healthy !== healthy || !replica.checked) options.onChange?.(replica.url, healthy, reason);
    replica.healthy = healthy;
    replica.checked = true;
  };

  const check = (replica: Replica): Promise<void> => {
    replica.checking ??= (async () => {
      try {
        // Lag is how long the replica has been behind what it received: zero when it has
        // replayed everything, so an idle primary does not look like a lagging replica.
        const { rows } = await sql<{ recovery: boolean; replayed: string | null; lag: number | null }>`
          select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replayed,
            case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
              else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 end as lag`.execute(replica.db);
        const row = rows[0];
        const replayed = row?.replayed ? parseLsn(row.replayed) : null;
        if (!row?.recovery || replayed === null) return mark(replica, false, 'not a standby');
        replica.replayed = replayed;
        if ((row.lag ?? 0) > options.maxLagSeconds) return mark(replica, false, `lagging ${Math.round(row.lag ?? 0)} s`);
        mark(replica, true);
      } catch (error) {
        mark(replica, false, (error as Error).message);
      } finally {
        replica.checking = null;
      }
    })();
    return replica.checking;
  };

  const checkAll = async () => {
    await Promise.all(replicas.map(check));
  };
  const timer = setInterval(() => void checkAll(), options.checkEveryMs ?? 2000);
  timer.unref();
  void checkAll();

  let next = 0;
  return {
    forRead(minLsn) {
      const needed = minLsn ? parseLsn(minLsn) : null;
      const usable = replicas.filter((r) => r.healthy && (needed === null || r.replayed >= needed));
      if (usable.length === 0) return null;
      next = (next + 1) % usable.length;
      return usable[next]?.db ?? null;
    },
    async primaryLsn() {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(options.primary);
      return rows[0]?.lsn ?? '0/0';
    },
    checkAll,
    state: () => replicas.map((r) => ({ url: r.url.replace(/\/\/[^@/]*@/, '//'), healthy: r.healthy, replayed: r.replayed.toString(16) })),
    async close() {
      clearInterval(timer);
      await Promise.all(replicas.map((r) => r.db.destroy().catch(() => {})));
    },
  };
}
