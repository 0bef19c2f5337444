// The sections of a case page, each shown only when its service lets this viewer read it: the
// self-assessment report with its evidence, the panel, the visit, the report (the service hides
// drafts before their step), the council, appeals and follow-up; and the forms that act on them.
import type { Context } from 'hono';
import { listAppeals } from '../../accreditation/appeal.service.ts';
import { listMeetings } from '../../accreditation/council.service.ts';
import { caseProgrammeIds, findCase as decisionCase, latestDecisionOfCase } from '../../accreditation/decision.repository.ts';
import { proposalFor } from '../../accreditation/decision.service.ts';
import { listExperts } from '../../accreditation/experts.service.ts';
import { listFollowUps } from '../../accreditation/follow-up.service.ts';
import { getPanel } from '../../accreditation/panel.service.ts';
import { membershipOf } from '../../accreditation/panel-access.ts';
import { standardsOfSet } from '../../accreditation/report.repository.ts';
import { getReport } from '../../accreditation/report.service.ts';
import { getSarVersion, sarOverview } from '../../accreditation/sar.service.ts';
import { getVisit } from '../../accreditation/visit.service.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { ifAllowed } from './workspace-common.tsx';

export type CaseView = { id: string; state: string; bodyId: string; standardSetId: string | null; yourRoles: string[] };
export async function loadSections(c: Context<AppEnv>, view: CaseView) {
  const ctx = c.get('ctx');
  const set = view.standardSetId
    ? await ctx.db.selectFrom('standard_sets').select(['key', 'version']).where('id', '=', view.standardSetId).executeTakeFirst()
    : undefined;
  const sar = await ifAllowed(() => sarOverview(ctx, view.id));
  const latest = sar?.versions.at(-1);
  const sarVersion = latest ? await ifAllowed(() => getSarVersion(ctx, view.id, latest.version)) : null;
  const panel = await ifAllowed(() => getPanel(ctx, view.id));
  const member = await membershipOf(ctx, view.id);
  const visit = await ifAllowed(() => getVisit(ctx, view.id));
  const report = await ifAllowed(() => getReport(ctx, view.id));
  const agency = view.yourRoles.includes('agency-staff');
  const meetings = agency ? ((await ifAllowed(() => listMeetings(ctx, { body: view.bodyId, limit: 100, offset: 0 })))?.items ?? []) : [];
  const appeals = await ifAllowed(() => listAppeals(ctx, { caseId: view.id, limit: 50, offset: 0 }));
  const decision = await latestDecisionOfCase(ctx.db, view.id);
  const experts = agency && !panel?.acceptedAt ? ((await ifAllowed(() => listExperts(ctx, { body: view.bodyId, limit: 500, offset: 0 })))?.items ?? []) : [];
  // The decision rule's proposal, for the body preparing and recording the council's decision.
  const facts = agency && ['report-final', 'council-scheduled', 'council-decided'].includes(view.state) ? await decisionCase(ctx.db, view.id) : undefined;
  const proposal = facts ? (await proposalFor(ctx, facts, await caseProgrammeIds(ctx.db, view.id))).proposal : null;
  const drafting = view.state === 'report-drafting' && (agency || member?.role === 'chair');
  const standards = drafting ? await standardsOfSet(ctx.db, view.standardSetId) : [];
  const followUps = decision ? await ifAllowed(() => listFollowUps(ctx, decision.id)) : null;
  return {
    standardSet: set ? `${set.key} ${set.version}` : null,
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
        }
      : null,
    followUps: followUps?.items ?? [],
    standards: standards.map((x) => ({ code: x.code, title: { kk: x.title_kk ?? x.code, ru: x.title_ru ?? x.code, en: x.title_en } })),
    head: view.yourRoles.includes('agency-head'),
    proposal,
    experts: experts.map((e): [string, string] => [e.id, `${e.fullName} (${e.category})`]),
  };
}
export type SectionData = Awaited<ReturnType<typeof loadSections>>;
