// SQL of panels, their members and challenges, and the case facts the panel services need.
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { StoredConflict } from './panels.table.ts';

/** Cases where the user (through their expert record) is an active panel member. */
export async function caseIdsOfExpertUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('panel_members as m')
    .leftJoin('experts as e', 'e.id', 'm.expert_id')
    .select('m.case_id')
    .distinct()
    .where('m.status', '=', 'active')
    .where((eb) => eb.or([eb('e.user_id', '=', userId), eb('m.user_id', '=', userId)]))
    .execute();
  return rows.map((r) => r.case_id);
}

/** The accounts of the experts who sit on a case's panel now (an expert without an account has none). */
export async function panelExpertUserIds(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .select('e.user_id')
    .where('m.case_id', '=', caseId)
    .where('m.status', '=', 'active')
    .execute();
  return [...new Set(rows.map((r) => r.user_id).filter((id): id is string => id !== null))];
}

export type CaseRow = {
  id: string;
  number: string;
  body_id: string;
  organization_id: string;
  kind: string;
  state: string;
  standard_set_id: string | null;
  coordinator_user_id: string | null;
};

export async function findCase(db: Db, caseId: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('accreditation_cases')
    .select(['id', 'number', 'body_id', 'organization_id', 'kind', 'state', 'standard_set_id', 'coordinator_user_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export type MemberRow = {
  id: string;
  case_id: string;
  expert_id: string | null;
  user_id: string | null;
  role: string;
  status: string;
  conflicts: StoredConflict[];
  override_justification: string | null;
  added_at: Date;
  removed_at: Date | null;
  full_name: string | null;
  expert_user_id: string | null;
  category: string | null;
  degree: string | null;
};

/** Panel members with the expert's category, degree and name (or the coordinator's user name). */
function members(db: Db) {
  return db
    .selectFrom('panel_members as m')
    .leftJoin('experts as e', 'e.id', 'm.expert_id')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.case_id',
      'm.expert_id',
      'm.user_id',
      'm.role',
      'm.status',
      'm.conflicts',
      'm.override_justification',
      'm.added_at',
      'm.removed_at',
      'e.user_id as expert_user_id',
      'e.category',
      'e.degree',
    ])
    .select((eb) => eb.fn.coalesce('e.full_name', 'u.display_name').as('full_name'));
}

export async function listMembers(db: Db, caseId: string, activeOnly = true): Promise<MemberRow[]> {
  let q = members(db)
    .where('m.case_id', '=', caseId)
    .orderBy('m.added_at')
    .orderBy('m.id');
  if (activeOnly) q = q.where('m.status', '=', 'active');
  return (await q.execute()) as MemberRow[];
}

export async function findMember(db: Db, memberId: string): Promise<MemberRow | undefined> {
  const row = await members(db)
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  return row as MemberRow | undefined;
}

export async function findPanel(db: Db, caseId: string) {
  return db.selectFrom('accreditation_panels').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function ensurePanel(db: Db, caseId: string): Promise<void> {
  await db
    .insertInto('accreditation_panels')
    .values({ case_id: caseId })
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet((eb) => ({
        row_version: eb('accreditation_panels.row_version', '+', 1),
        updated_at: new Date(),
        accepted_at: null,
        accepted_by: null,
        acceptance_letter: null,
      })),
    )
    .execute();
}

export async function acceptPanel(db: Db, caseId: string, by: string, letter: string): Promise<void> {
  await db
    .updateTable('accreditation_panels')
    .set({ accepted_at: new Date(), accepted_by: by, acceptance_letter: letter, updated_at: new Date() })
    .where('case_id', '=', caseId)
    .execute();
}

export type NewMember = {
  expertId: string | null;
  userId: string | null;
  role: string;
  conflicts: StoredConflict[];
  overrideJustification: string | null;
};

export async function insertMember(db: Db, caseId: string, m: NewMember): Promise<string> {
  const row = await db
    .insertInto('panel_members')
    .values({
      case_id: caseId,
      expert_id: m.expertId,
      user_id: m.userId,
      role: m.role,
      conflicts: toJson(m.conflicts),
      override_justification: m.overrideJustification,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setMemberStatus(db: Db, memberId: string, status: string): Promise<void> {
  await db
    .updateTable('panel_members')
    .set({ status, removed_at: status === 'active' ? null : new Date() })
    .where('id', '=', memberId)
    .execute();
}

export async function setMemberRole(db: Db, memberId: string, role: string): Promise<void> {
  await db.updateTable('panel_members').set({ role }).where('id', '=', memberId).execute();
}

export async function listChallenges(db: Db, caseId: string) {
  return db.selectFrom('panel_challenges').selectAll().where('case_id', '=', caseId).orderBy('filed_at').orderBy('id').execute();
}

export async function findChallenge(db: Db, id: string) {
  return db.selectFrom('panel_challenges').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertChallenge(db: Db, caseId: string, memberId: string, reason: string, by: string): Promise<string> {
  const row = await db
    .insertInto('panel_challenges')
    .values({ case_id: caseId, member_id: memberId, reason, filed_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function resolveChallenge(
  db: Db,
  id: string,
  r: { status: 'replaced' | 'rejected'; resolution: string; by: string; replacementMemberId: string | null },
): Promise<void> {
  await db
    .updateTable('panel_challenges')
    .set({ status: r.status, resolution: r.resolution, resolved_by: r.by, resolved_at: new Date(), replacement_member_id: r.replacementMemberId })
    .where('id', '=', id)
    .execute();
}

export async function countOpenChallenges(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('panel_challenges')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Panels served per expert (records kept here), for "accreditation experience". */
export async function panelCounts(db: Db, expertIds: string[], exceptCaseId: string): Promise<Map<string, number>> {
  if (expertIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('panel_members')
    .select(['expert_id'])
    .select((eb) => eb.fn.count<number>('case_id').distinct().as('n'))
    .where('expert_id', 'in', expertIds)
    .where('case_id', '<>', exceptCaseId)
    .where('role', '<>', 'coordinator')
    .groupBy('expert_id')
    .execute();
  return new Map(rows.map((r) => [r.expert_id as string, Number(r.n)]));
}
