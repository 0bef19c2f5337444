// The database references of api.bench.ts (issue 17): endpoints on the bare Hono app that do the
// least a figure's database work can be, through the same pg pool as Sapa, so each figure shows
// what the app adds on top of the database.
// - /bare-db/{id}: one programme row by primary key, returned as its stored JSON (one round trip);
// - /bare-search?q=…: the statements the search itself sends for that query (captured once from
//   Sapa with its cache off), run straight through `pg`, their rows returned as JSON.
import type { Hono } from 'hono';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { createApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { benchLogger } from './database.ts';

type Statement = { sql: string; parameters: readonly unknown[] };

/** The search's own SQL for each query: what Sapa sends to answer GET /api/search?q=… (search tables only). */
export async function captureSearchSql(pool: pg.Pool, config: Config, queries: readonly string[]): Promise<Map<string, Statement[]>> {
  let captured: Statement[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' && /search_documents|search_terms/.test(event.query.sql)) captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const app = createApp({ db, config: { ...config, RESPONSE_CACHE_MB: 0 }, log: benchLogger });
  const byQuery = new Map<string, Statement[]>();
  for (const q of queries) {
    captured = [];
    const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
    if (res.status !== 200) throw new Error(`capturing the search SQL of ${q}: ${res.status} ${await res.text()}`);
    byQuery.set(q, captured);
  }
  return byQuery;
}

export function addDatabaseReferences(app: Hono, pool: pg.Pool, searchSql: Map<string, Statement[]>): void {
  app.get('/bare-db/:id', async (c) => {
    const { rows } = await pool.query('SELECT to_jsonb(p) AS row FROM programmes p WHERE id = $1', [c.req.param('id')]);
    return rows[0] ? c.json(rows[0].row) : c.json({ error: 'not found' }, 404);
  });
  app.get('/bare-search', async (c) => {
    const statements = searchSql.get(c.req.query('q') ?? '');
    if (!statements) return c.json({ error: 'not captured' }, 404);
    const results: unknown[] = [];
    for (const s of statements) results.push((await pool.query(s.sql, s.parameters as unknown[])).rows);
    return c.json(results);
  });
}
