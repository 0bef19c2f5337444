// SQL of follow-up after a decision: conditions, recommendations, corrective action plans, interim
// reports and monitoring visits; and the decisions nearing expiry without a new case.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import { organizationsByIds } from '../registry/registry.api.ts';
import type { FollowUpSubmission } from './after.table.ts';

export async function findFollowUp(db: Db, id: string) {
  return db.selectFrom('accreditation_follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
}
export type FollowUpRow = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;

export async function insertFollowUp(
  db: Db,
  values: { decision_id: string; kind: string; title: string; description: string | null; standard_code: string | null; due_on: string },
): Promise<FollowUpRow> {
  return db.insertInto('accreditation_follow_ups').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateFollowUp(
  db: Db,
  id: string,
  patch: Partial<{ status: string; submissions: FollowUpSubmission[]; review_comment: string | null; reviewed_on: string | null }>,
): Promise<FollowUpRow> {
  const { submissions, ...rest } = patch;
  return db
    .updateTable('accreditation_follow_ups')
    .set({ ...rest, ...(submissions ? { submissions: toJson(submissions) } : {}), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function followUpsOf(db: Db, decisionId: string) {
  return db.selectFrom('accreditation_follow_ups').selectAll().where('decision_id', '=', decisionId).orderBy('due_on').orderBy('created_at').execute();
}

/**
 * Positive decisions in force that end between `from` and `to` and whose organization has not
 * opened a new case for the same kind (for programmes: covering one of the programmes) since.
 */
export async function expiringWithoutNewCase(db: Db, from: string, to: string, visibleTo?: string[]) {
  let q = db
    .selectFrom('accreditation_decisions as d')
    .innerJoin('accreditation_cases as c', 'c.id', 'd.case_id')
    .select([
      'd.id',
      'd.case_id',
      'd.kind',
      'd.valid_to',
      'd.certificate_number',
      'd.organization_id',
      'd.body_id',
    ])
    .where('d.status', 'in', ['active', 'extended'])
    .where('d.valid_to', '>=', from)
    .where('d.valid_to', '<=', to)
    .where(
      sql<boolean>`not exists (
        select 1 from accreditation_cases n
        where n.organization_id = d.organization_id and n.kind = d.kind and n.id <> d.case_id
          and n.created_at > c.created_at and n.state not in ('withdrawn', 'terminated-noncompliant')
          and (d.kind <> 'programme' or exists (
            select 1 from accreditation_case_programmes ncp
            join accreditation_decision_programmes dp on dp.programme_id = ncp.programme_id and dp.decision_id = d.id
            where ncp.case_id = n.id)))`,
    );
  if (visibleTo) {
    if (!visibleTo.length) return [];
    q = q.where((eb) => eb.or([eb('d.organization_id', 'in', visibleTo), eb('d.body_id', 'in', visibleTo)]));
  }
  const rows = await q.orderBy('d.valid_to').orderBy('d.id').execute();
  const orgs = new Map((await organizationsByIds(db, rows.flatMap((r) => [r.organization_id, r.body_id]))).map((o) => [o.id, o]));
  // As the inner joins this replaced: a decision whose organization or body is gone is left out.
  return rows.flatMap((r) => {
    const o = orgs.get(r.organization_id);
    const b = orgs.get(r.body_id);
    return o && b ? [{ ...r, org_name_kk: o.name_kk, org_name_ru: o.name_ru, org_name_en: o.name_en, body_short_name: b.short_name }] : [];
  });
}

/** The conditions attached to these decisions (public on a record's accreditation), by due date. */
export async function conditionsOf(db: Db, decisionIds: readonly string[]) {
  if (!decisionIds.length) return [];
  return db
    .selectFrom('accreditation_follow_ups')
    .select(['decision_id', 'title', 'due_on', 'status'])
    .where('decision_id', 'in', decisionIds)
    .where('kind', '=', 'condition')
    .orderBy('due_on')
    .execute();
}
