// SQL of the change feed: versions of public register records in commit order (change_seq,
// migration 0035). record_versions is platform's table, which any module may read.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { FEED_KINDS, HELD_WHEN, PUBLIC_WHEN } from './public-kinds.ts';

export type ChangeRow = {
  seq: string;
  kind: string;
  id: string;
  version: number;
  at: Date;
  data: unknown;
  is_public: boolean;
  was_public_before: boolean;
  is_held: boolean;
};

/** The SQL truth of "this version (alias `alias`) is public", one branch per kind. */
function isPublic(alias: string): RawBuilder<boolean> {
  const data = sql.ref(`${alias}.data`);
  const exists = sql`jsonb_typeof(${data}) = 'object'`;
  const branches = FEED_KINDS.map((kind) => {
    const condition = PUBLIC_WHEN[kind];
    if (!condition) return sql`when ${kind} then ${exists}`;
    const value = sql`${data}->>${condition.field}`;
    return 'equals' in condition
      ? sql`when ${kind} then ${exists} and ${value} = ${condition.equals}`
      : sql`when ${kind} then ${exists} and ${value} is distinct from ${condition.notEquals}`;
  });
  return sql<boolean>`((case ${sql.ref(`${alias}.entity_type`)} ${sql.join(branches, sql` `)} else false end) and not ${isHeld(alias)})`;
}

/** The SQL truth of "this version (alias `alias`) is a public record's update held back for review". */
function isHeld(alias: string): RawBuilder<boolean> {
  const data = sql.ref(`${alias}.data`);
  const branches = Object.entries(HELD_WHEN).map(([kind, held]) => {
    const values = sql.join(held.notIn.map((v) => sql`${v}`));
    return sql`when ${kind} then jsonb_typeof(${data}) = 'object' and ${data}->>'public' = 'true' and ${data}->>${held.field} not in (${values})`;
  });
  return sql<boolean>`(case ${sql.ref(`${alias}.entity_type`)} ${sql.join(branches, sql` `)} else false end)`;
}

/** Up to `limit` versions after `since` (exclusive), oldest first, each with whether it and an earlier version were public. */
export async function changesAfter(db: Db, since: string, limit: number): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('record_versions as v')
    .select([
      'v.change_seq as seq',
      'v.entity_type as kind',
      'v.entity_id as id',
      'v.version',
      'v.valid_from as at',
      'v.data',
      isPublic('v').as('is_public'),
      isHeld('v').as('is_held'),
      sql<boolean>`exists (
        select 1 from record_versions as p
        where p.entity_type = v.entity_type and p.entity_id = v.entity_id and p.version < v.version and ${isPublic('p')}
      )`.as('was_public_before'),
    ])
    .where('v.entity_type', 'in', [...FEED_KINDS])
    .where('v.change_seq', '>', since)
    .orderBy('v.change_seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: String(r.seq) }));
}
