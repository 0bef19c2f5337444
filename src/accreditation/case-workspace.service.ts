// View functions of the accreditation workspace pages: what the case lists and a case page show,
// gathered here so pages never reach a repository. Every part comes from the service that owns
// it, so it is already limited to what this viewer may read; a part the viewer may not read is
// left empty.
import type { z } from '@hono/zod-openapi';
import { canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { usersWithRole } from '../platform/auth/auth.repository.ts';
import { addWorkingDays, todayInAlmaty } from '../platform/calendar/calendar.ts';
import { decisionsOfOrganization } from './accreditation.api.ts';
import { decisionInForceOn } from './decision-status.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { listAppeals } from './appeal.service.ts';
import { caseAccess } from './case.access.ts';
import { type CaseSummary, getCase, listCases } from './case.service.ts';
import * as caseRepo from './case.repository.ts';
import { meetingInputSchema } from './council.schema.ts';
import { createMeeting, listMeetings } from './council.service.ts';
import * as decisionRepo from './decision.repository.ts';
import { listPublications, proposalFor } from './decision.service.ts';
import { type DeadlineView, presentDeadline } from './deadlines.ts';
import { listExperts } from './experts.service.ts';
import type { FollowUpInput, TermChangeInput } from './follow-up.schema.ts';
import { changeTerm, createFollowUp, listFollowUps } from './follow-up.service.ts';
import { getPanel, listSeminars } from './panel.service.ts';
import { caseIdsOfExpertUser } from './panel.repository.ts';
import { standardsOfSet } from './report.repository.ts';
import { getReport } from './report.service.ts';
import { listRegisterOne } from './recognition.service.ts';
import { getSarVersion, sarOverview } from './sar.service.ts';
import { findSet } from './standards.repository.ts';
import { getVisit } from './visit.service.ts';

/** A read this viewer may be refused (401/403/404) becomes null: the page leaves that part out. */
async function ifAllowed<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404 || status === 401) return null;
    throw error;
  }
}

/** The open deadline due first (overdue ones first of all), or null when nothing is open. */
function nearestDeadline(deadlines: DeadlineView[]): DeadlineView | null {
  return deadlines.filter((d) => !d.met).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

export type CaseListRow = CaseSummary & { deadline: DeadlineView | null };

/**
 * The workspace home of a signed-in user: the cases they may read with their nearest deadline,
 * the cases whose panel they sit on, the council meetings and open appeals they may see, and
 * Register 1 for the ministry.
 */
export async function caseListsWorkspace(ctx: Ctx) {
  const actor = ctx.actor;
  const all = await listCases(ctx, { limit: 500, offset: 0 });
  const today = todayInAlmaty();
  const rows: CaseListRow[] = await Promise.all(
    all.items.map(async (i) => ({ ...i, deadline: nearestDeadline((await caseRepo.deadlinesOf(ctx.db, i.id)).map((d) => presentDeadline(d, today))) })),
  );
  const expert = actor.kind === 'user' && actor.roles.some((r) => r.role === 'expert');
  const expertCaseIds = expert ? await caseIdsOfExpertUser(ctx.db, actor.userId) : [];
  const bodyIds = organizationsOf(actor, ['agency-staff', 'agency-head']);
  const councilOf = organizationsOf(actor, ['council-member']);
  const meetings = councilOf.length || bodyIds.length ? ((await ifAllowed(() => listMeetings(ctx, { limit: 50, offset: 0 })))?.items ?? []) : [];
  const headOf = organizationsOf(actor, ['agency-head']);
  const appeals = headOf.length
    ? ((await ifAllowed(() => listAppeals(ctx, { limit: 100, offset: 0 })))?.items ?? []).filter((a) => a.status !== 'decided')
    : [];
  const register = canEverywhere(actor, 'accreditation.read-case') ? await listRegisterOne(ctx, { limit: 100, offset: 0 }) : null;
  return { rows, expertCaseIds, meetings, appeals, register };
}

export { CASE_SORTS, type CaseSort } from './case.repository.ts';

/**
 * One page of the cases this viewer may read, filtered, sorted and paged in SQL, each with its
 * nearest open deadline, and the organizations and bodies the filters offer (those of the viewer's
 * roles, or every one for the ministry).
 */
export async function caseListView(
  ctx: Ctx,
  f: { state?: string; kind?: string; bodyId?: string; organizationId?: string; overdue?: boolean },
  page: { sort: caseRepo.CaseSort; desc: boolean; limit: number; offset: number },
) {
  const { items, total } = await listCases(ctx, { ...f, ...page });
  const today = todayInAlmaty();
  const nearest = await caseRepo.nearestOpenDeadlines(
    ctx.db,
    items.map((i) => i.id),
  );
  const rows: CaseListRow[] = items.map((i) => {
    const d = nearest.get(i.id);
    return { ...i, deadline: d ? presentDeadline(d, today) : null };
  });
  return { rows, total };
}

/** One case for its workspace page: the case, every section this viewer may read, and the choices its forms offer. */
export async function caseWorkspace(ctx: Ctx, id: string) {
  const view = await getCase(ctx, id);
  const agency = view.yourRoles.includes('agency-staff');
  const [sections, coordinators] = await Promise.all([
    caseSections(ctx, view, agency),
    view.allowedActions.includes('assign-coordinator') ? usersWithRole(ctx.db, 'agency-staff', view.bodyId) : Promise.resolve([]),
  ]);
  return { view, sections, coordinators: coordinators.map((u): [string, string] => [u.id, u.display_name]) };
}

type CaseView = Awaited<ReturnType<typeof getCase>>;

async function caseSections(ctx: Ctx, view: CaseView, agency: boolean) {
  const set = view.standardSetId ? await findSet(ctx.db, view.standardSetId) : undefined;
  const sar = await ifAllowed(() => sarOverview(ctx, view.id));
  const latest = sar?.versions.at(-1);
  const sarVersion = latest ? await ifAllowed(() => getSarVersion(ctx, view.id, latest.version)) : null;
  const panel = await ifAllowed(() => getPanel(ctx, view.id));
  const { member } = await caseAccess(ctx, { id: view.id, organization_id: view.organizationId, body_id: view.bodyId });
  const visit = await ifAllowed(() => getVisit(ctx, view.id));
  const report = await ifAllowed(() => getReport(ctx, view.id));
  const meetings = agency ? ((await ifAllowed(() => listMeetings(ctx, { body: view.bodyId, limit: 100, offset: 0 })))?.items ?? []) : [];
  const appeals = await ifAllowed(() => listAppeals(ctx, { caseId: view.id, limit: 50, offset: 0 }));
  const decision = await decisionRepo.latestDecisionOfCase(ctx.db, view.id);
  // The body's experts: seats of the panel until the organization accepts it, and who ran a self-assessment seminar.
  const experts = agency ? ((await ifAllowed(() => listExperts(ctx, { body: view.bodyId, limit: 500, offset: 0 })))?.items ?? []) : [];
  const seminars = agency ? ((await ifAllowed(() => listSeminars(ctx, view.id))) ?? []) : [];
  const publications = agency && decision?.published_on ? ((await ifAllowed(() => listPublications(ctx, view.id))) ?? []) : [];
  // The decision rule's proposal, for the body preparing and recording the council's decision.
  const facts =
    agency && ['report-final', 'council-scheduled', 'council-decided'].includes(view.state) ? await decisionRepo.findCase(ctx.db, view.id) : undefined;
  const proposal = facts ? (await proposalFor(ctx, facts, await decisionRepo.caseProgrammeIds(ctx.db, view.id))).proposal : null;
  // Only the panel's chair writes report versions (report.service.ts).
  const drafting = view.state === 'report-drafting' && member?.role === 'chair';
  const standards = drafting ? await standardsOfSet(ctx.db, view.standardSetId) : [];
  const followUps = decision ? await ifAllowed(() => listFollowUps(ctx, decision.id)) : null;
  return {
    // The set by its title and version, never by its key (kazsee-programme): the key is for machines.
    standardSet: set ? { title: { kk: set.title_kk, ru: set.title_ru, en: set.title_en }, version: set.version } : null,
    sar,
    sarVersion,
    panel,
    member: member ? { id: member.id, role: member.role } : null,
    visit,
    report,
    agency,
    meetings: meetings.filter((m) => m.agenda.some((a) => a.caseId === view.id)),
    appeals: appeals?.items ?? [],
    decision: decision
      ? {
          id: decision.id,
          outcome: decision.outcome,
          termYears: decision.term_years,
          status: decision.status,
          published: decision.published_on !== null,
          certificate: decision.certificate_number,
          validTo: decision.valid_to,
        }
      : null,
    followUps: followUps?.items ?? [],
    standards: standards.map((x) => ({ code: x.code, title: { kk: x.title_kk ?? x.code, ru: x.title_ru ?? x.code, en: x.title_en } })),
    head: view.yourRoles.includes('agency-head'),
    proposal,
    experts: experts.map((e): [string, string] => [e.id, `${e.fullName} (${e.category})`]),
    seminars,
    publications,
  };
}
export type CaseSections = Awaited<ReturnType<typeof caseSections>>;

/** The user id of the panel's active coordinator, when this viewer may read the panel: re-seating the experts keeps it. */
export async function panelCoordinatorOf(ctx: Ctx, caseId: string): Promise<string | null> {
  const panel = await ifAllowed(() => getPanel(ctx, caseId));
  return panel?.members.find((m) => m.role === 'coordinator' && m.status === 'active' && m.userId)?.userId ?? null;
}

/** A follow-up item on the case's latest decision; a case without an approved decision has none to follow up. */
export async function createCaseFollowUp(ctx: Ctx, caseId: string, input: FollowUpInput) {
  const decision = await decisionRepo.latestDecisionOfCase(ctx.db, caseId);
  if (!decision) throw conflict('errors.after.notApproved');
  return createFollowUp(ctx, decision.id, input);
}

/** An extension or postponement of the term of the case's latest decision (the body head; the service's rules). */
export async function changeCaseTerm(ctx: Ctx, caseId: string, input: TermChangeInput) {
  const decision = await decisionRepo.latestDecisionOfCase(ctx.db, caseId);
  if (!decision) throw conflict('errors.after.notApproved');
  return changeTerm(ctx, decision.id, input);
}

/** A council meeting of the case's body with this case on its agenda. */
export async function scheduleCaseForCouncil(ctx: Ctx, caseId: string, input: Omit<z.input<typeof meetingInputSchema>, 'bodyId'>) {
  const found = await caseRepo.findCase(ctx.db, caseId);
  if (!found) throw notFound('accreditation-case', caseId);
  return createMeeting(ctx, meetingInputSchema.parse({ ...input, bodyId: found.body_id }));
}

export type WaitingInAccreditation = {
  votes: { meetingId: string; meetsOn: string; caseNumber: string }[];
  deadlines: (DeadlineView & { caseId: string; caseNumber: string })[];
  expiring: { organizationId: string; decisionId: string; validTo: string }[];
};

/** How far ahead the workspace home looks for deadlines (working days) and expiring accreditations (months). */
export const WAITING_DEADLINE_DAYS = 5;
export const WAITING_EXPIRY_MONTHS = 12;

/**
 * What in accreditation waits for this person (their workspace home): council votes still to cast,
 * open deadlines within five working days (or overdue) of the cases they act on, and the
 * accreditations of their organizations that end within twelve months.
 */
export async function accreditationWaiting(ctx: Ctx, today = todayInAlmaty()): Promise<WaitingInAccreditation> {
  const actor = ctx.actor;
  const out: WaitingInAccreditation = { votes: [], deadlines: [], expiring: [] };
  if (actor.kind !== 'user') return out;
  if (organizationsOf(actor, ['council-member']).length) {
    for (const m of (await ifAllowed(() => listMeetings(ctx, { limit: 100, offset: 0 })))?.items ?? [])
      for (const a of m.agenda) if (a.votePending) out.votes.push({ meetingId: m.id, meetsOn: m.meetsOn, caseNumber: a.caseNumber });
  }
  const orgIds = organizationsOf(actor, ['org-admin', 'org-editor']);
  // Those who act on cases: the body's staff and head, the applicant organization's people.
  if (orgIds.length || organizationsOf(actor, ['agency-staff', 'agency-head']).length) {
    const cases = (await listCases(ctx, { limit: 500, offset: 0 })).items.filter((c) => !['withdrawn', 'published', 'terminated-noncompliant'].includes(c.state));
    const numbers = new Map(cases.map((c) => [c.id, c.number]));
    const due = await caseRepo.openDeadlinesDueBy(
      ctx.db,
      cases.map((c) => c.id),
      addWorkingDays(today, WAITING_DEADLINE_DAYS),
    );
    out.deadlines = due.map((d) => ({ ...presentDeadline(d, today), caseId: d.case_id, caseNumber: numbers.get(d.case_id) ?? '' }));
  }
  const horizon = addMonths(today, WAITING_EXPIRY_MONTHS);
  for (const organizationId of [...new Set(orgIds)])
    for (const d of await decisionsOfOrganization(ctx.db, organizationId))
      if (d.validTo && d.validTo <= horizon && decisionInForceOn(d, today)) out.expiring.push({ organizationId, decisionId: d.id, validTo: d.validTo });
  out.expiring.sort((a, b) => a.validTo.localeCompare(b.validTo));
  return out;
}

const addMonths = (day: string, months: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
