// SQL of council meetings, agendas, votes and council members.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

export function findMeeting(db: Db, id: string) {
  return db.selectFrom('council_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMeetings(db: Db, bodyIds: string[] | null, page: { limit: number; offset: number }) {
  let q = db.selectFrom('council_meetings').selectAll();
  if (bodyIds) q = q.where('body_id', 'in', bodyIds.length ? bodyIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('meets_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export async function insertMeeting(db: Db, m: { bodyId: string; meetsOn: string; location: string | null }): Promise<string> {
  const row = await db
    .insertInto('council_meetings')
    .values({ body_id: m.bodyId, meets_on: m.meetsOn, location: m.location })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAgendaItem(
  db: Db,
  meetingId: string,
  item: { caseId: string; position: number; proposedOutcome: string; proposedTermYears: number | null },
) {
  await db
    .insertInto('council_agenda_items')
    .values({
      meeting_id: meetingId,
      case_id: item.caseId,
      position: item.position,
      proposed_outcome: item.proposedOutcome,
      proposed_term_years: item.proposedTermYears,
    })
    .execute();
}

export function agendaOf(db: Db, meetingId: string) {
  return db
    .selectFrom('council_agenda_items as a')
    .innerJoin('accreditation_cases as c', 'c.id', 'a.case_id')
    .select(['a.case_id', 'a.position', 'a.proposed_outcome', 'a.proposed_term_years', 'c.number', 'c.organization_id', 'c.state'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

export function votesOf(db: Db, meetingId: string) {
  return db
    .selectFrom('council_votes as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.case_id', 'v.user_id', 'u.display_name', 'v.choice', 'v.cast_at'])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('v.cast_at')
    .execute();
}

/** Inserts the vote unless the member already voted on this item; false when they had. */
export async function insertVote(db: Db, meetingId: string, caseId: string, userId: string, choice: string): Promise<string | null> {
  const row = await db
    .insertInto('council_votes')
    .values({ meeting_id: meetingId, case_id: caseId, user_id: userId, choice })
    .onConflict((oc) => oc.columns(['meeting_id', 'case_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The body's council members; with `appointedBy`, only those appointed by then, and with
 * `sittingOn`, only those whose term had not ended before that day (a meeting's roster).
 */
export async function councilMemberIds(db: Db, bodyId: string, appointedBy?: Date, sittingOn?: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('r.user_id')
    .distinct()
    .where('r.role', '=', 'council-member')
    .where('r.organization_id', '=', bodyId)
    .where('u.disabled_at', 'is', null)
    // PostgreSQL keeps microseconds, a JavaScript Date milliseconds: a member appointed in the
    // same transaction as the meeting was recorded must not fall a fraction of a millisecond after it.
    .$if(appointedBy !== undefined, (q) => q.where(sql<Date>`date_trunc('milliseconds', r.created_at)`, '<=', appointedBy as Date))
    .$if(sittingOn !== undefined, (q) => q.where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', sittingOn as string)])))
    .execute();
  return rows.map((r) => r.user_id);
}

/** Every council membership of the body, with its appointment time and term end. */
export function councilMemberships(db: Db, bodyId: string) {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name', 'u.email', 'r.created_at', 'r.ends_on'])
    .where('r.role', '=', 'council-member')
    .where('r.organization_id', '=', bodyId)
    .orderBy('u.display_name')
    .execute();
}

/** The latest non-cancelled meeting that has the case on its agenda. */
export function latestMeetingOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('council_agenda_items as a')
    .innerJoin('council_meetings as m', 'm.id', 'a.meeting_id')
    .select(['m.id', 'm.body_id', 'm.status', 'm.meets_on', 'm.created_at', 'a.proposed_outcome', 'a.proposed_term_years'])
    .where('a.case_id', '=', caseId)
    .where('m.status', '<>', 'cancelled')
    .orderBy('m.meets_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function setMeetingStatus(db: Db, id: string, status: string): Promise<void> {
  await db.updateTable('council_meetings').set({ status }).where('id', '=', id).execute();
}
