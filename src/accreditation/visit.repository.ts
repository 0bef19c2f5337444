// SQL of site visits and individual expert opinions.
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { InterviewGroup, ScheduleItem } from './panels.table.ts';

export function findVisit(db: Db, caseId: string) {
  return db.selectFrom('accreditation_visits').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function upsertVisit(
  db: Db,
  caseId: string,
  v: { mode: string; startsOn: string; endsOn: string; schedule: ScheduleItem[]; interviewGroups: InterviewGroup[] },
) {
  const values = { mode: v.mode, starts_on: v.startsOn, ends_on: v.endsOn, schedule: toJson(v.schedule), interview_groups: toJson(v.interviewGroups) };
  await db
    .insertInto('accreditation_visits')
    .values({ case_id: caseId, ...values })
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet((eb) => ({ ...values, row_version: eb('accreditation_visits.row_version', '+', 1), updated_at: new Date() })),
    )
    .execute();
}

export async function signProtocol(db: Db, caseId: string, text: string, memberId: string): Promise<void> {
  await db
    .updateTable('accreditation_visits')
    .set({ protocol: text, protocol_signed_at: new Date(), protocol_signed_by: memberId, updated_at: new Date() })
    .where('case_id', '=', caseId)
    .execute();
}

export function listOpinions(db: Db, caseId: string) {
  return db
    .selectFrom('visit_opinions as o')
    .innerJoin('panel_members as m', 'm.id', 'o.member_id')
    .leftJoin('experts as e', 'e.id', 'm.expert_id')
    .select(['o.id', 'o.member_id', 'o.text', 'o.signed_at', 'e.full_name'])
    .where('o.case_id', '=', caseId)
    .orderBy('o.signed_at')
    .execute();
}

export async function insertOpinion(db: Db, caseId: string, memberId: string, text: string): Promise<string | null> {
  const row = await db
    .insertInto('visit_opinions')
    .values({ case_id: caseId, member_id: memberId, text })
    .onConflict((oc) => oc.columns(['case_id', 'member_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
