// The accreditation council of a body (digest 004 §2.1, §3.10): meetings with an agenda of cases,
// one vote per member per case, and recusal: a member with a conflict of interest with the case's
// organization (computed by conflicts.ts, or declared) can neither vote nor see the tally. The
// decision itself is recorded by the case engine's 'decide' action.
import { AppError, type FieldIssue, conflict, forbidden, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { can, organizationsOf } from '../platform/access/roles.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { endOfDayAlmaty, recordChange } from '../platform/history/history.ts';
import { organizationById } from '../registry/registry.api.ts';
import type { CaseState } from './case-states.ts';
import * as repo from './council.repository.ts';
import type { MeetingInput } from './council.schema.ts';
import { userConflicts } from './panel-conflicts.repository.ts';
import { settings } from '../platform/settings.ts';
import { VOTING_STATE, tallyVisible, votePending } from './tally-visibility.ts';
import * as panels from './panel.repository.ts';
import { tellVoteOpened } from './case-notifications.ts';

/** The one case state in which the council votes: after it the case is decided. */
const COUNCIL_AWAITED: CaseState = VOTING_STATE;

type Meeting = NonNullable<Awaited<ReturnType<typeof repo.findMeeting>>>;
type AgendaRow = Awaited<ReturnType<typeof repo.agendaOf>>[number];

const recusedError = (caseNumber: string) => new AppError('forbidden', 403, 'errors.panel.council.recused', { params: { case: caseNumber } });

/** Whether a user is recused on a case: any computed or declared conflict with its organization. */
export async function isRecused(db: Db, userId: string, c: { id: string; organization_id: string }): Promise<boolean> {
  return (await userConflicts(db, userId, c)).length > 0;
}

type Role = 'manager' | 'member';

function roleAt(ctx: Ctx, bodyId: string): Role {
  if (can(ctx.actor, 'accreditation.coordinate', { organizationIds: [bodyId] })) return 'manager';
  requirePermission(ctx, 'council.vote', { organizationIds: [bodyId] });
  return 'member';
}

async function loadMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  const m = await repo.findMeeting(ctx.db, id);
  if (!m) throw notFound('council-meeting', id);
  return m;
}

async function agendaIssues(ctx: Ctx, bodyId: string, agenda: MeetingInput['agenda'], prefix = 'agenda'): Promise<void> {
  const issues: FieldIssue[] = [];
  const unknown: FieldIssue[] = [];
  for (const [i, item] of agenda.entries()) {
    const c = await panels.findCase(ctx.db, item.caseId);
    if (!c || c.body_id !== bodyId)
      unknown.push({ path: `${prefix}.${i}.caseId`, messageKey: 'errors.field.unknownId', params: { entity: 'accreditation-case', id: item.caseId } });
    if (item.proposedOutcome === 'accredited' && !item.proposedTermYears)
      issues.push({ path: `${prefix}.${i}.proposedTermYears`, messageKey: 'errors.panel.council.termRequired', params: {} });
    if (item.proposedOutcome === 'refused' && item.proposedTermYears)
      issues.push({ path: `${prefix}.${i}.proposedTermYears`, messageKey: 'errors.panel.council.noTermForRefusal', params: {} });
  }
  if (unknown.length) throw unknownReferences(unknown);
  if (issues.length) throw validationFailed(issues);
}

async function present(ctx: Ctx, m: Meeting, role: Role) {
  const agenda = await repo.agendaOf(ctx.db, m.id);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const votes = role === 'member' && userId ? (await repo.votesOf(ctx.db, m.id)).filter((v) => v.user_id === userId) : [];
  const items = [];
  for (const a of agenda) {
    let mine: { recused?: boolean; myVote?: string | null; votePending?: boolean } = {};
    if (role === 'member' && userId) {
      const recused = await isRecused(ctx.db, userId, { id: a.case_id, organization_id: a.organization_id });
      const myVote = votes.find((v) => v.case_id === a.case_id)?.choice ?? null;
      mine = { recused, myVote, votePending: votePending({ caseState: a.state, meetingStatus: m.status, recused, myVote }) };
    }
    items.push({
      caseId: a.case_id,
      caseNumber: a.number,
      organizationId: a.organization_id,
      position: a.position,
      proposedOutcome: a.proposed_outcome,
      proposedTermYears: a.proposed_term_years,
      ...mine,
    });
  }
  return { id: m.id, bodyId: m.body_id, meetsOn: m.meets_on, location: m.location, status: m.status, agenda: items };
}

export async function createMeeting(ctx: Ctx, input: MeetingInput) {
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [input.bodyId] });
  await agendaIssues(ctx, input.bodyId, input.agenda);
  const id = await repo.insertMeeting(ctx.db, { bodyId: input.bodyId, meetsOn: input.meetsOn, location: input.location ?? null });
  for (const [i, item] of input.agenda.entries())
    await repo.insertAgendaItem(ctx.db, id, {
      caseId: item.caseId,
      position: i + 1,
      proposedOutcome: item.proposedOutcome,
      proposedTermYears: item.proposedTermYears ?? null,
    });
  await recordChange(ctx, { entityType: 'council-meeting', entityId: id, action: 'council.schedule', before: null, after: input });
  const m = await loadMeeting(ctx, id);
  await tellVotesOpened(ctx, m);
  return present(ctx, m, 'manager');
}

export async function addAgendaItem(ctx: Ctx, meetingId: string, item: MeetingInput['agenda'][number]) {
  const m = await loadMeeting(ctx, meetingId);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [m.body_id] });
  await agendaIssues(ctx, m.body_id, [item], 'item');
  const agenda = await repo.agendaOf(ctx.db, meetingId);
  if (agenda.some((a) => a.case_id === item.caseId)) throw conflict('errors.panel.council.alreadyOnAgenda');
  await repo.insertAgendaItem(ctx.db, meetingId, {
    caseId: item.caseId,
    position: agenda.length + 1,
    proposedOutcome: item.proposedOutcome,
    proposedTermYears: item.proposedTermYears ?? null,
  });
  await recordChange(ctx, { entityType: 'council-meeting', entityId: meetingId, action: 'council.agenda-add', before: null, after: item, versioned: false });
  await tellVotesOpened(ctx, m, item.caseId);
  return present(ctx, m, 'manager');
}

/** A scheduled meeting is held (votes stay open for the minutes) or cancelled (no more votes). */
export async function setMeetingStatus(ctx: Ctx, id: string, status: 'held' | 'cancelled') {
  const m = await loadMeeting(ctx, id);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [m.body_id] });
  if (m.status !== 'scheduled') throw conflict('errors.panel.council.notScheduled', { status: m.status });
  await repo.setMeetingStatus(ctx.db, id, status);
  await recordChange(ctx, { entityType: 'council-meeting', entityId: id, action: `council.${status}`, before: { status: m.status }, after: { status } });
  return present(ctx, await loadMeeting(ctx, id), 'manager');
}

export async function getMeeting(ctx: Ctx, id: string) {
  const m = await loadMeeting(ctx, id);
  return present(ctx, m, roleAt(ctx, m.body_id));
}

export async function listMeetings(ctx: Ctx, q: { body?: string; limit: number; offset: number }) {
  let bodies: string[] | null;
  if (q.body) {
    roleAt(ctx, q.body);
    bodies = [q.body];
  } else if (ctx.actor.kind === 'system') bodies = null;
  else {
    bodies = organizationsOf(ctx.actor, ['agency-staff', 'agency-head', 'council-member']);
    if (!bodies.length) requirePermission(ctx, 'council.vote', { organizationIds: [] });
  }
  const rows = await repo.listMeetings(ctx.db, bodies, q);
  const items = [];
  for (const m of rows) items.push(await present(ctx, m, can(ctx.actor, 'accreditation.coordinate', { organizationIds: [m.body_id] }) ? 'manager' : 'member'));
  return { items, total: items.length };
}

/**
 * A vote counts only while the case awaits the council and only at the meeting that now decides it
 * (its latest one that was not cancelled): a vote after the decision would change a published tally.
 */
async function refuseVoteOutsideCouncil(db: Db, meetingId: string, item: AgendaRow): Promise<void> {
  if (item.state !== COUNCIL_AWAITED) throw conflict('errors.hardening.caseNotAwaitingCouncil', { case: item.number });
  const current = await repo.latestMeetingOfCase(db, item.case_id);
  if (current?.id !== meetingId) throw conflict('errors.hardening.notTheDecidingMeeting', { case: item.number });
}

/**
 * Who sits on a meeting's council: the members appointed by the end of its day or, for a meeting
 * put on record after its day, by the time it was recorded, whose term had not ended before its
 * day. Role assignments are only ever added, so their `created_at` is the day of appointment.
 */
function meetingRoster(db: Db, m: { body_id: string; meets_on: string; created_at: Date }): Promise<string[]> {
  const dayEnds = endOfDayAlmaty(m.meets_on);
  return repo.councilMemberIds(db, m.body_id, new Date(Math.max(m.created_at.getTime(), dayEnds.getTime())), m.meets_on);
}

/** The meeting's council members are told that its agenda (or one item of it) waits for their vote. */
async function tellVotesOpened(ctx: Ctx, m: Meeting, caseId?: string): Promise<void> {
  const members = await meetingRoster(ctx.db, m);
  for (const a of await repo.agendaOf(ctx.db, m.id)) {
    if (caseId && a.case_id !== caseId) continue;
    const voters = [];
    for (const u of members) if (!(await isRecused(ctx.db, u, { id: a.case_id, organization_id: a.organization_id }))) voters.push(u);
    await tellVoteOpened(ctx, { id: m.id, meetsOn: m.meets_on }, { caseId: a.case_id, caseNumber: a.number }, voters);
  }
}

export async function castVote(ctx: Ctx, meetingId: string, input: { caseId: string; choice: string }) {
  const m = await loadMeeting(ctx, meetingId);
  requirePermission(ctx, 'council.vote', { organizationIds: [m.body_id] });
  if (ctx.actor.kind !== 'user') throw forbidden('council.vote');
  const item = (await repo.agendaOf(ctx.db, meetingId)).find((a) => a.case_id === input.caseId);
  if (!item) throw notFound('council-agenda-item', input.caseId);
  if (m.status === 'cancelled') throw conflict('errors.panel.council.cancelled');
  await refuseVoteOutsideCouncil(ctx.db, meetingId, item);
  if (!(await meetingRoster(ctx.db, m)).includes(ctx.actor.userId)) {
    throw new AppError('forbidden', 403, 'errors.councilRoster.notOnCouncil', { params: { date: m.meets_on } });
  }
  if (await isRecused(ctx.db, ctx.actor.userId, { id: item.case_id, organization_id: item.organization_id })) throw recusedError(item.number);
  const id = await repo.insertVote(ctx.db, meetingId, input.caseId, ctx.actor.userId, input.choice);
  if (!id) throw conflict('errors.panel.council.alreadyVoted');
  await recordChange(ctx, { entityType: 'council-vote', entityId: id, action: 'council.vote', before: null, after: { meetingId, ...input }, versioned: false });
  return { caseId: input.caseId, choice: input.choice };
}

type RosterMeeting = Parameters<typeof meetingRoster>[1];

async function tallyOf(db: Db, m: RosterMeeting, a: AgendaRow, votes: Awaited<ReturnType<typeof repo.votesOf>>, withNames: boolean) {
  const mine = votes.filter((v) => v.case_id === a.case_id);
  const members = await meetingRoster(db, m);
  let recused = 0;
  for (const u of members) if (await isRecused(db, u, { id: a.case_id, organization_id: a.organization_id })) recused += 1;
  return {
    caseId: a.case_id,
    proposedOutcome: a.proposed_outcome,
    proposedTermYears: a.proposed_term_years,
    for: mine.filter((v) => v.choice === 'for').length,
    against: mine.filter((v) => v.choice === 'against').length,
    abstain: mine.filter((v) => v.choice === 'abstain').length,
    recused,
    eligible: members.length - recused,
    ...(withNames && { votes: mine.map((v) => ({ userId: v.user_id, name: v.display_name, choice: v.choice, at: v.cast_at.toISOString() })) }),
  };
}

/** Tallies per agenda item. A recused member gets 403 for their case and never sees its tally in the list. */
export async function listVotes(ctx: Ctx, meetingId: string, caseId?: string) {
  const m = await loadMeeting(ctx, meetingId);
  const role = roleAt(ctx, m.body_id);
  const [agenda, votes] = await Promise.all([repo.agendaOf(ctx.db, meetingId), repo.votesOf(ctx.db, meetingId)]);
  const items = [];
  let hidden = false;
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  for (const a of agenda) {
    if (caseId && a.case_id !== caseId) continue;
    if (role === 'member' && userId && (await isRecused(ctx.db, userId, { id: a.case_id, organization_id: a.organization_id }))) {
      if (caseId) throw recusedError(a.number);
      continue;
    }
    // A member reads the others' votes only when the body's rule says so (tally-visibility.ts).
    const votedOwn = votes.some((v) => v.case_id === a.case_id && v.user_id === userId);
    // A tally not shown yet is left out of the list (an empty list for its case, not a 404: the item exists).
    if (!tallyVisible({ role, votedOwn }, { caseState: a.state, meetingStatus: m.status }, settings().COUNCIL_TALLY_SHOWN)) {
      hidden = true;
      continue;
    }
    items.push(await tallyOf(ctx.db, m, a, votes, role === 'manager'));
  }
  if (caseId && !items.length && !hidden) throw notFound('council-agenda-item', caseId);
  return { items, total: items.length };
}

/** A council member declares a conflict of interest with an organization. */
export async function declareConflict(ctx: Ctx, input: { organizationId: string; reason: string }) {
  if (ctx.actor.kind !== 'user' || !organizationsOf(ctx.actor, ['council-member']).length) throw forbidden('council.declare');
  const org = await organizationById(ctx.db, input.organizationId);
  if (!org)
    throw unknownReferences([{ path: 'organizationId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id: input.organizationId } }]);
  const row = await ctx.db
    .insertInto('declared_conflicts')
    .values({ user_id: ctx.actor.userId, organization_id: input.organizationId, reason: input.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordChange(ctx, {
    entityType: 'declared-conflict',
    entityId: row.id,
    action: 'council.declare-conflict',
    before: null,
    after: input,
    versioned: false,
  });
  return { id: row.id, ...input };
}

/** A council member records their own employment or study (feeds the computed conflicts). */
export async function addAffiliation(ctx: Ctx, input: { organizationId: string; kind: string; from?: string | null; to?: string | null }) {
  if (ctx.actor.kind !== 'user' || !organizationsOf(ctx.actor, ['council-member']).length) throw forbidden('council.declare');
  const org = await organizationById(ctx.db, input.organizationId);
  if (!org)
    throw unknownReferences([{ path: 'organizationId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id: input.organizationId } }]);
  const row = await ctx.db
    .insertInto('expert_affiliations')
    .values({ user_id: ctx.actor.userId, organization_id: input.organizationId, kind: input.kind, from_on: input.from ?? null, to_on: input.to ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordChange(ctx, {
    entityType: 'council-member-affiliation',
    entityId: row.id,
    action: 'council.affiliation',
    before: null,
    after: input,
    versioned: false,
  });
  return { id: row.id, ...input };
}

/** Facts for the case engine: whether a meeting has the case and the tally of its latest one. */
export async function councilFacts(db: Db, caseId: string) {
  const meeting = await repo.latestMeetingOfCase(db, caseId);
  if (!meeting) return { scheduled: false, votes: { for: 0, against: 0, abstain: 0, recused: 0 } };
  const agenda = (await repo.agendaOf(db, meeting.id)).find((a) => a.case_id === caseId) as AgendaRow;
  const t = await tallyOf(db, meeting, agenda, await repo.votesOf(db, meeting.id), false);
  return { scheduled: true, meetingId: meeting.id, votes: { for: t.for, against: t.against, abstain: t.abstain, recused: t.recused } };
}
