// SQL of appeals and complaints (one table, told apart by `kind`; numbered in the body's log of
// incoming information).
import { type Insertable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { AfterDecisionTables, AppealEffect, CommissionMember } from './after.table.ts';
import { whereEqual } from '../platform/db/where-equal.ts';

export async function findAppeal(db: Db, id: string) {
  return db.selectFrom('accreditation_appeals').selectAll().where('id', '=', id).executeTakeFirst();
}
export type AppealRow = NonNullable<Awaited<ReturnType<typeof findAppeal>>>;

export async function appealsOfDecision(db: Db, decisionId: string) {
  return db
    .selectFrom('accreditation_appeals')
    .select(['id', 'number', 'kind', 'status', 'outcome', 'decided_on'])
    .where('decision_id', '=', decisionId)
    .orderBy('received_on')
    .orderBy('number')
    .execute();
}

/** The next log number of the year: APL-2026-0001 for appeals, CMP-2026-0001 for complaints. */
export async function nextNumber(db: Db, prefix: string, year: number): Promise<string> {
  const row = await db
    .selectFrom('accreditation_appeals')
    .select(sql<number | null>`max(split_part(number, '-', 3)::int)`.as('n'))
    .where('number', 'like', `${prefix}-${year}-%`)
    .executeTakeFirst();
  return `${prefix}-${year}-${String(Number(row?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** A new appeal or complaint: the table's insertable columns (status, commission and outcome start empty). */
export async function insertAppeal(
  db: Db,
  values: Insertable<AfterDecisionTables['accreditation_appeals']>,
): Promise<AppealRow> {
  return db.insertInto('accreditation_appeals').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateAppeal(
  db: Db,
  id: string,
  patch: Partial<{ status: string; commission: CommissionMember[]; outcome: string; outcome_reason: string; effect: AppealEffect; decided_on: string }>,
): Promise<AppealRow> {
  const { commission, effect, ...rest } = patch;
  return db
    .updateTable('accreditation_appeals')
    .set({
      ...rest,
      ...(commission ? { commission: toJson(commission) } : {}),
      ...(effect ? { effect: toJson(effect) } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type AppealFilters = {
  caseId?: string;
  decisionId?: string;
  kind?: string;
  status?: string;
  /** Restrict to these organizations or bodies (undefined: everything). */
  visibleTo?: string[];
};

export async function listAppeals(db: Db, f: AppealFilters, page: { limit: number; offset: number }) {
  let q = whereEqual(db.selectFrom('accreditation_appeals'), { case_id: f.caseId, decision_id: f.decisionId, kind: f.kind, status: f.status });
  if (f.visibleTo) {
    const ids = f.visibleTo;
    if (!ids.length) return { items: [], total: 0 };
    q = q.where((eb) => eb.or([eb('organization_id', 'in', ids), eb('body_id', 'in', ids)]));
  }
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('received_on', 'desc').orderBy('number', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
