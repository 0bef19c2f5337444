// SQL of accreditation cases, their programmes, events and deadlines.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import { toJson } from '../platform/db/schema.ts';
import { type ExpectedVersion, sameVersion } from '../platform/records/versioned.ts';
import { whereEqual } from '../platform/db/where-equal.ts';

export type CaseRow = Selectable<Database['accreditation_cases']>;
export type DeadlineRow = Selectable<Database['accreditation_deadlines']>;
export type EventRow = Selectable<Database['accreditation_case_events']>;

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('accreditation_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('accreditation_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function programmeIdsOf(db: Db, caseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!caseIds.length) return out;
  const rows = await db.selectFrom('accreditation_case_programmes').select(['case_id', 'programme_id']).where('case_id', 'in', caseIds).execute();
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.programme_id]);
  return out;
}

export type CaseFilters = {
  state?: string;
  kind?: string;
  bodyId?: string;
  organizationId?: string;
  /** Only cases with an open deadline past its day (Almaty). */
  overdueOn?: string;
  /** Undefined = everything; otherwise the cases of these organizations, bodies or ids only. */
  visible?: { organizationIds: string[]; bodyIds: string[]; caseIds: string[] };
};

/** The orders a case list may take; `due` is the nearest open deadline (migration 0155 indexes it by case). */
export const CASE_SORTS = ['opened', 'applied', 'number', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export async function listCases(db: Db, f: CaseFilters, page: { limit: number; offset: number; sort?: CaseSort; desc?: boolean }) {
  let q = whereEqual(db.selectFrom('accreditation_cases'), { state: f.state, kind: f.kind, body_id: f.bodyId, organization_id: f.organizationId });
  if (f.overdueOn) {
    const day = f.overdueOn;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('accreditation_deadlines as d')
          .select('d.id')
          .whereRef('d.case_id', '=', 'accreditation_cases.id')
          .where('d.met_at', 'is', null)
          .where('d.due_on', '<', day),
      ),
    );
  }
  if (f.visible) {
    const v = f.visible;
    q = q.where((eb) =>
      eb.or([
        ...(v.organizationIds.length ? [eb('organization_id', 'in', v.organizationIds)] : []),
        ...(v.bodyIds.length ? [eb('body_id', 'in', v.bodyIds)] : []),
        ...(v.caseIds.length ? [eb('id', 'in', v.caseIds)] : []),
        sql<boolean>`false`,
      ]),
    );
  }
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(caseOrder(page.sort), sql.raw(`${(page.desc ?? page.sort === undefined) ? 'desc' : 'asc'} nulls last`))
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

function caseOrder(sort: CaseSort | undefined) {
  if (sort === 'due')
    return sql`(select min(d.due_on) from accreditation_deadlines d where d.case_id = accreditation_cases.id and d.met_at is null)`;
  return sql.ref(sort === 'applied' ? 'applied_on' : sort === 'number' ? 'number' : 'created_at');
}

/** The open deadline due first of each case (overdue ones first of all). */
export async function nearestOpenDeadlines(db: Db, caseIds: string[]): Promise<Map<string, DeadlineRow>> {
  const out = new Map<string, DeadlineRow>();
  if (!caseIds.length) return out;
  const rows = await db.selectFrom('accreditation_deadlines').selectAll().where('case_id', 'in', caseIds).where('met_at', 'is', null).orderBy('due_on').execute();
  for (const r of rows) if (!out.has(r.case_id)) out.set(r.case_id, r);
  return out;
}

export async function nextNumber(db: Db, prefix: string): Promise<string> {
  const row = await db
    .selectFrom('accreditation_cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}-%`)
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(Number(row.n) + 1).padStart(4, '0')}`;
}

export type NewCase = {
  number: string;
  body_id: string;
  organization_id: string;
  kind: string;
  eur_ace: boolean;
  cross_border: boolean;
  standard_set_id: string | null;
  state: string;
  has_students: boolean;
  has_graduates: boolean;
  previous_decision_id: string | null;
  is_synthetic: boolean;
};

export async function insertCase(db: Db, v: NewCase, programmeIds: string[], at: Date): Promise<CaseRow> {
  const row = await db
    .insertInto('accreditation_cases')
    .values({ ...v, details: toJson({}), state_since: at, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (programmeIds.length) {
    await db
      .insertInto('accreditation_case_programmes')
      .values(programmeIds.map((programme_id) => ({ case_id: row.id, programme_id })))
      .execute();
  }
  return row;
}

export type CaseUpdate = Partial<{
  state: string;
  state_since: Date;
  coordinator_user_id: string | null;
  reject_reason: string | null;
  applied_on: string | null;
  started_on: string | null;
  standard_set_id: string | null;
  details: Record<string, unknown>;
  updated_at: Date;
}>;

/** Undefined when `expected` names a version the case has already left (another step came first). */
export async function updateCase(db: Db, id: string, v: CaseUpdate, expected?: ExpectedVersion): Promise<CaseRow | undefined> {
  const { details, ...rest } = v;
  let query = db
    .updateTable('accreditation_cases')
    .set((eb) => ({ ...rest, ...(details !== undefined && { details: toJson(details) }), row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id);
  if (expected) query = query.where(sameVersion(expected));
  return query.returningAll().executeTakeFirst();
}

export async function insertEvent(
  db: Db,
  e: { case_id: string; action: string; from_state: string | null; to_state: string; actor_id: string | null; actor_label: string; at: Date; comment: string | null; payload: Record<string, unknown> },
): Promise<void> {
  await db.insertInto('accreditation_case_events').values({ ...e, payload: toJson(e.payload) }).execute();
}

export async function eventsOf(db: Db, caseId: string): Promise<EventRow[]> {
  return db.selectFrom('accreditation_case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

export async function deadlinesOf(db: Db, caseId: string): Promise<DeadlineRow[]> {
  return db.selectFrom('accreditation_deadlines').selectAll().where('case_id', '=', caseId).orderBy('starts_on').orderBy('step').execute();
}

/** A step's clock (re)starts: a repeated step (a second SAR revision) replaces the earlier one. */
export async function startDeadline(db: Db, caseId: string, step: string, startsOn: string, dueOn: string): Promise<void> {
  await db
    .insertInto('accreditation_deadlines')
    .values({ case_id: caseId, step, starts_on: startsOn, due_on: dueOn, met_at: null, reminded_at: null })
    .onConflict((oc) => oc.columns(['case_id', 'step']).doUpdateSet({ starts_on: startsOn, due_on: dueOn, met_at: null, reminded_at: null }))
    .execute();
}

export async function meetDeadlines(db: Db, caseId: string, steps: string[], at: Date): Promise<void> {
  if (!steps.length) return;
  await db.updateTable('accreditation_deadlines').set({ met_at: at }).where('case_id', '=', caseId).where('step', 'in', steps).where('met_at', 'is', null).execute();
}

export async function userRoles(db: Db, userId: string) {
  return db.selectFrom('role_assignments').select(['role', 'organization_id']).where('user_id', '=', userId).execute();
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', userId).where('disabled_at', 'is', null).executeTakeFirst());
}

export async function latestDecision(db: Db, caseId: string) {
  return db
    .selectFrom('accreditation_decisions')
    .select(['id', 'outcome', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The open deadlines past their day, per case. */
export async function overdueStepsOf(db: Db, caseIds: string[], today: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('accreditation_deadlines')
    .select(['case_id', 'step'])
    .where('case_id', 'in', caseIds)
    .where('met_at', 'is', null)
    .where('due_on', '<', today)
    .orderBy('due_on')
    .execute();
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.step]);
  return out;
}

/** The open deadlines of these cases due by a day (overdue ones too), soonest first. */
export async function openDeadlinesDueBy(db: Db, caseIds: readonly string[], by: string): Promise<DeadlineRow[]> {
  if (!caseIds.length) return [];
  return db
    .selectFrom('accreditation_deadlines')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .where('met_at', 'is', null)
    .where('due_on', '<=', by)
    .orderBy('due_on')
    .orderBy('step')
    .execute();
}
