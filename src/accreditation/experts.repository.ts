// SQL of the experts database.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { organizationsByIds } from '../registry/registry.api.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { toJson } from '../platform/db/schema.ts';
import type { PanelTables } from './panels.table.ts';

export type ExpertRow = Selectable<PanelTables['experts']>;

export type ExpertFilters = {
  bodyIds: string[] | null;
  category?: string;
  field?: string;
  language?: string;
  name?: string;
  /** Only experts who are certified on this date and not excluded. */
  availableOn?: string;
};

export async function listExperts(db: Db, f: ExpertFilters, page: { limit: number; offset: number }) {
  let q = db.selectFrom('experts');
  if (f.bodyIds) q = q.where('body_id', 'in', f.bodyIds.length ? f.bodyIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.field) q = q.where((eb) => eb(eb.val(f.field as string), '=', eb.fn.any('fields')));
  if (f.language) q = q.where((eb) => eb(eb.val(f.language as string), '=', eb.fn.any('languages')));
  if (f.name) q = q.where('full_name', 'ilike', `%${f.name.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.availableOn) {
    const on = f.availableOn;
    q = q
      .where('excluded_at', 'is', null)
      .where('certified_on', 'is not', null)
      .where((eb) => eb.or([eb('certification_expires_on', 'is', null), eb('certification_expires_on', '>=', on)]));
  }
  return pageWithTotal(q, (x) => x.selectAll().orderBy('full_name').orderBy('id').limit(page.limit).offset(page.offset));
}

export function findExpert(db: Db, id: string) {
  return db.selectFrom('experts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findExperts(db: Db, ids: string[]): Promise<ExpertRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('experts').selectAll().where('id', 'in', ids).execute();
}

export type ExpertValues = {
  user_id?: string | null;
  full_name?: string;
  email?: string | null;
  country?: string | null;
  category?: string;
  degree?: string;
  academic_title?: string | null;
  fields?: string[];
  languages?: string[];
  certificate_number?: string | null;
  certified_on?: string | null;
  certification_expires_on?: string | null;
  training?: unknown;
  declarations?: unknown;
  prior_panels?: number;
};

function serialize(v: ExpertValues) {
  const { training, declarations, ...rest } = v;
  return {
    ...rest,
    ...(training !== undefined && { training: toJson(training) }),
    ...(declarations !== undefined && { declarations: toJson(declarations) }),
  };
}

export async function insertExpert(db: Db, bodyId: string, v: ExpertValues & { full_name: string; category: string }): Promise<ExpertRow> {
  return db
    .insertInto('experts')
    .values({
      ...serialize(v),
      body_id: bodyId,
      full_name: v.full_name,
      category: v.category,
      training: toJson(v.training ?? []),
      declarations: toJson(v.declarations ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateExpert(db: Db, id: string, v: ExpertValues & { excluded_at?: Date | null; exclusion_reason?: string | null }): Promise<ExpertRow> {
  return db
    .updateTable('experts')
    .set((eb) => ({ ...serialize(v), row_version: eb('row_version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Affiliation = { organizationId: string; kind: string; from?: string | null; to?: string | null; note?: string };

export async function replaceAffiliations(db: Db, expertId: string, list: Affiliation[]): Promise<void> {
  await db.deleteFrom('expert_affiliations').where('expert_id', '=', expertId).execute();
  if (!list.length) return;
  await db
    .insertInto('expert_affiliations')
    .values(
      list.map((a) => ({
        expert_id: expertId,
        organization_id: a.organizationId,
        kind: a.kind,
        from_on: a.from ?? null,
        to_on: a.to ?? null,
        note: a.note ?? null,
      })),
    )
    .execute();
}

export async function replaceDeclaredConflicts(db: Db, expertId: string, list: { organizationId: string; reason: string }[]): Promise<void> {
  await db.deleteFrom('declared_conflicts').where('expert_id', '=', expertId).execute();
  if (!list.length) return;
  await db
    .insertInto('declared_conflicts')
    .values(list.map((d) => ({ expert_id: expertId, organization_id: d.organizationId, reason: d.reason })))
    .execute();
}

/** The expert's affiliations with the organizations' names (from the registry's read API). */
export async function affiliationsOf(db: Db, expertId: string) {
  const rows = await db
    .selectFrom('expert_affiliations as a')
    .select(['a.organization_id', 'a.kind', 'a.from_on', 'a.to_on', 'a.note'])
    .where('a.expert_id', '=', expertId)
    .orderBy('a.from_on')
    .execute();
  const orgs = new Map((await organizationsByIds(db, rows.map((r) => r.organization_id))).map((o) => [o.id, o]));
  // The inner join this replaced dropped an affiliation whose organization is gone; so does this.
  return rows.flatMap((r) => {
    const o = orgs.get(r.organization_id);
    return o ? [{ ...r, name_ru: o.name_ru, name_en: o.name_en }] : [];
  });
}

export function declaredConflictsOf(db: Db, expertId: string) {
  return db.selectFrom('declared_conflicts').selectAll().where('expert_id', '=', expertId).orderBy('declared_at').execute();
}

export function panelHistoryOf(db: Db, expertId: string) {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('accreditation_cases as c', 'c.id', 'm.case_id')
    .select(['m.case_id', 'c.number', 'c.organization_id', 'm.role', 'm.status', 'm.added_at'])
    .where('m.expert_id', '=', expertId)
    .orderBy('m.added_at', 'desc')
    .execute();
}

export function ratingsOf(db: Db, expertId: string) {
  return db.selectFrom('expert_ratings').selectAll().where('expert_id', '=', expertId).orderBy('created_at').execute();
}

export async function insertRating(
  db: Db,
  r: { expertId: string; caseId: string | null; by: string | null; byLabel: string; score: number; criteria: Record<string, number>; comment: string | null },
): Promise<string> {
  const row = await db
    .insertInto('expert_ratings')
    .values({
      expert_id: r.expertId,
      case_id: r.caseId,
      rated_by: r.by,
      rated_by_label: r.byLabel,
      score: r.score,
      criteria: toJson(r.criteria),
      comment: r.comment,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userHasRole(db: Db, userId: string, role: string): Promise<boolean> {
  const row = await db.selectFrom('role_assignments').select('id').where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
  return row !== undefined;
}
