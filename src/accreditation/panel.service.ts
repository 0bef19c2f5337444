// A case's expert panel: composition under panel-rules.ts, conflicts of interest with overrides,
// the organization's written challenges and acceptance, and self-assessment seminars.
import { actorLabel } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { type FieldIssue, conflict, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { organizationById } from '../registry/registry.api.ts';
import { CASE_STATES, type CaseState } from './case-states.ts';
import type { Conflict } from './conflicts.ts';
import * as experts from './experts.repository.ts';
import { tellPanelSeats } from './case-notifications.ts';
import { type CaseViewer, loadCase, requireApplicant, requireManager, viewerOf } from './panel-access.ts';
import { expertConflicts, today, userConflicts } from './panel-conflicts.repository.ts';
import {
  type Declaration,
  type Degree,
  type ExpertCategory,
  type PanelCandidate,
  type PanelRole,
  type PanelViolation,
  panelViolations,
} from './panel-rules.ts';
import type { PanelInput, ResolutionInput, SeminarInput } from './panel.schema.ts';
import * as repo from './panel.repository.ts';

// Once the visit has started the panel is what it was; challenges and changes come before it.
const LOCKED_FROM = CASE_STATES.indexOf('visit-in-progress');
function requireOpenPanel(c: repo.CaseRow): void {
  if (CASE_STATES.indexOf(c.state as CaseState) >= LOCKED_FROM) throw conflict('errors.panel.locked', { state: c.state });
}

type MemberSpec = { expertId?: string; userId?: string; role: PanelRole; overrideJustification?: string };

/** Panel candidates from expert records, with experience = panels served before and here. */
export async function candidatesOf(db: Db, caseId: string, specs: { expertId: string | null; userId: string | null; role: string; name?: string | null }[]) {
  const ids = specs.flatMap((s) => (s.expertId ? [s.expertId] : []));
  const [rows, counts] = await Promise.all([experts.findExperts(db, ids), repo.panelCounts(db, ids, caseId)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return specs.map((s): PanelCandidate => {
    const e = s.expertId ? byId.get(s.expertId) : undefined;
    return {
      name: e?.full_name ?? s.name ?? s.userId ?? s.expertId ?? '?',
      role: s.role as PanelRole,
      expert: e
        ? {
            id: e.id,
            category: e.category as ExpertCategory,
            degree: e.degree as Degree,
            experience: e.prior_panels + (counts.get(e.id) ?? 0),
            certifiedOn: e.certified_on,
            certificationExpiresOn: e.certification_expires_on,
            excluded: e.excluded_at !== null,
            declarations: e.declarations as Partial<Record<Declaration, string | null>>,
          }
        : null,
    };
  });
}

const violationIssue = (v: PanelViolation): FieldIssue => ({
  path: v.member === undefined ? 'members' : `members.${v.member}`,
  messageKey: `errors.panel.rule.${v.code}`,
  params: v.params,
});

async function organizationName(db: Db, id: string, lang: string): Promise<string> {
  const o = await organizationById(db, id);
  if (!o) return id;
  return lang === 'kk' ? o.name_kk : lang === 'ru' ? o.name_ru : (o.name_en ?? o.name_ru);
}

async function conflictIssues(ctx: Ctx, path: string, name: string, conflicts: Conflict[]): Promise<FieldIssue[]> {
  const t = translator(ctx.lang);
  const out: FieldIssue[] = [];
  for (const c of conflicts)
    out.push({
      path,
      messageKey: `errors.panel.conflict.${c.code}`,
      params: {
        name,
        organization: await organizationName(ctx.db, c.organizationId, ctx.lang),
        relation: t(`ui.panel.relation.${c.relation}`),
        detail: c.detail ?? '',
      },
    });
  return out;
}

type Checked = { spec: MemberSpec; conflicts: Conflict[] };

/** Every problem of a proposed panel: unknown people, broken rules, unjustified conflicts. */
async function checkPanel(ctx: Ctx, c: repo.CaseRow, specs: MemberSpec[]): Promise<Checked[]> {
  const expertIds = specs.flatMap((s) => (s.expertId ? [s.expertId] : []));
  const found = new Map((await experts.findExperts(ctx.db, expertIds)).map((e) => [e.id, e]));
  const unknown: FieldIssue[] = [];
  specs.forEach((s, i) => {
    const e = s.expertId ? found.get(s.expertId) : undefined;
    if (s.expertId && (!e || e.body_id !== c.body_id))
      unknown.push({ path: `members.${i}.expertId`, messageKey: 'errors.panel.unknownExpert', params: { id: s.expertId } });
  });
  for (const [i, s] of specs.entries()) {
    if (s.role !== 'coordinator' || !s.userId) continue;
    const staff = await ctx.db
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', s.userId)
      .where('organization_id', '=', c.body_id)
      .where('role', 'in', ['agency-staff', 'agency-head'])
      .executeTakeFirst();
    if (!staff) unknown.push({ path: `members.${i}.userId`, messageKey: 'errors.panel.coordinatorNotStaff', params: { id: s.userId } });
  }
  if (unknown.length) throw unknownReferences(unknown);

  const candidates = await candidatesOf(
    ctx.db,
    c.id,
    specs.map((s) => ({ expertId: s.role === 'coordinator' ? null : (s.expertId ?? null), userId: s.userId ?? null, role: s.role })),
  );
  const issues: FieldIssue[] = panelViolations(c.kind === 'institutional' ? 'institutional' : 'programme', candidates, today()).map(violationIssue);
  const checked: Checked[] = [];
  for (const [i, s] of specs.entries()) {
    const conflicts = s.role === 'coordinator' ? await userConflicts(ctx.db, s.userId as string, c) : await expertConflicts(ctx.db, s.expertId as string, c);
    if (conflicts.length && !s.overrideJustification) issues.push(...(await conflictIssues(ctx, `members.${i}`, candidates[i]?.name ?? '', conflicts)));
    checked.push({ spec: s, conflicts });
  }
  if (issues.length) throw validationFailed(issues);
  return checked;
}

const keyOf = (m: { expert_id?: string | null; user_id?: string | null; expertId?: string | null; userId?: string | null; role: string }) =>
  m.role === 'coordinator' ? `u:${m.user_id ?? m.userId}` : `e:${m.expert_id ?? m.expertId}`;

async function auditOverrides(ctx: Ctx, c: repo.CaseRow, memberId: string, x: Checked): Promise<void> {
  if (!x.conflicts.length || !x.spec.overrideJustification) return;
  await recordChange(ctx, {
    entityType: 'panel-member',
    entityId: memberId,
    action: 'panel.conflict-override',
    before: null,
    after: {
      caseId: c.id,
      expertId: x.spec.expertId ?? null,
      userId: x.spec.userId ?? null,
      conflicts: x.conflicts,
      justification: x.spec.overrideJustification,
    },
    versioned: false,
  });
}

export async function setPanel(ctx: Ctx, caseId: string, input: PanelInput) {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  requireOpenPanel(c);
  const checked = await checkPanel(ctx, c, input.members);
  const before = await repo.listMembers(ctx.db, caseId);
  const wanted = new Map(checked.map((x) => [keyOf({ ...x.spec }), x]));
  const challenges = await repo.listChallenges(ctx.db, caseId);
  for (const m of before) {
    if (wanted.has(keyOf(m))) continue;
    await repo.setMemberStatus(ctx.db, m.id, 'removed');
    // Taking a challenged member off the panel answers the challenge.
    for (const open of challenges.filter((x) => x.member_id === m.id && x.status === 'open'))
      await repo.resolveChallenge(ctx.db, open.id, {
        status: 'replaced',
        resolution: 'removed from the panel',
        by: actorLabel(ctx.actor),
        replacementMemberId: null,
      });
  }
  for (const x of checked) {
    const existing = before.find((m) => keyOf(m) === keyOf({ ...x.spec }));
    let id: string;
    if (existing) {
      id = existing.id;
      if (existing.role !== x.spec.role) await repo.setMemberRole(ctx.db, id, x.spec.role);
      await ctx.db
        .updateTable('panel_members')
        .set({ conflicts: JSON.stringify(x.conflicts), override_justification: x.spec.overrideJustification ?? null })
        .where('id', '=', id)
        .execute();
    } else {
      id = await repo.insertMember(ctx.db, caseId, {
        expertId: x.spec.role === 'coordinator' ? null : (x.spec.expertId ?? null),
        userId: x.spec.role === 'coordinator' ? (x.spec.userId ?? null) : null,
        role: x.spec.role,
        conflicts: x.conflicts,
        overrideJustification: x.spec.overrideJustification ?? null,
      });
    }
    if (!existing || existing.override_justification !== (x.spec.overrideJustification ?? null)) await auditOverrides(ctx, c, id, x);
  }
  await repo.ensurePanel(ctx.db, caseId);
  await tellPanelSeats(ctx, c, await repo.panelExpertUserIds(ctx.db, caseId));
  const after = await getPanel(ctx, caseId);
  await recordChange(ctx, {
    entityType: 'accreditation-panel',
    entityId: caseId,
    action: 'panel.set',
    before: before.map((m) => ({ id: m.id, expertId: m.expert_id, userId: m.user_id, role: m.role })),
    after: { members: after.members.map((m) => ({ id: m.id, expertId: m.expertId, userId: m.userId, role: m.role })) },
  });
  return after;
}

function presentChallenge(r: Awaited<ReturnType<typeof repo.listChallenges>>[number]) {
  return {
    id: r.id,
    memberId: r.member_id,
    reason: r.reason,
    filedBy: r.filed_by,
    filedAt: r.filed_at.toISOString(),
    status: r.status,
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    replacementMemberId: r.replacement_member_id,
  };
}

/** Rule violations of the stored panel, re-judged today (certificates expire, experts get excluded). */
export async function storedViolations(db: Db, c: repo.CaseRow): Promise<PanelViolation[]> {
  const members = await repo.listMembers(db, c.id);
  const candidates = await candidatesOf(
    db,
    c.id,
    members.map((m) => ({ expertId: m.expert_id, userId: m.user_id, role: m.role, name: m.full_name })),
  );
  return panelViolations(c.kind === 'institutional' ? 'institutional' : 'programme', candidates, today());
}

export async function getPanel(ctx: Ctx, caseId: string, viewer?: CaseViewer) {
  const c = await loadCase(ctx, caseId);
  const who = viewer ?? (await viewerOf(ctx, c));
  const t = translator(ctx.lang);
  const [panel, members, challenges, violations] = await Promise.all([
    repo.findPanel(ctx.db, caseId),
    repo.listMembers(ctx.db, caseId),
    repo.listChallenges(ctx.db, caseId),
    storedViolations(ctx.db, c),
  ]);
  const agency = who.kind === 'agency';
  return {
    caseId,
    exists: panel !== undefined,
    version: panel?.row_version ?? 0,
    members: members.map((m) => ({
      id: m.id,
      expertId: m.expert_id,
      userId: m.user_id,
      name: m.full_name ?? '',
      role: m.role,
      voting: m.role !== 'coordinator',
      status: m.status,
      category: m.category,
      degree: m.degree,
      since: m.added_at.toISOString(),
      ...(agency && { conflicts: m.conflicts, overrideJustification: m.override_justification }),
    })),
    ruleViolations: panel ? violations.map((v) => ({ code: v.code, message: t(`errors.panel.rule.${v.code}`, v.params) })) : [],
    acceptedAt: panel?.accepted_at?.toISOString() ?? null,
    acceptedBy: panel?.accepted_by ?? null,
    acceptanceLetter: panel?.acceptance_letter ?? null,
    challenges: who.kind === 'expert' ? [] : challenges.map(presentChallenge),
  };
}

export async function readPanel(ctx: Ctx, caseId: string) {
  return getPanel(ctx, caseId);
}

export async function fileChallenge(ctx: Ctx, caseId: string, input: { memberId: string; reason: string }) {
  const c = await loadCase(ctx, caseId);
  requireApplicant(ctx, c);
  requireOpenPanel(c);
  const member = await repo.findMember(ctx.db, input.memberId);
  if (!member || member.case_id !== caseId || member.status !== 'active' || member.role === 'coordinator')
    throw validationFailed([{ path: 'memberId', messageKey: 'errors.panel.challenge.notAMember', params: { id: input.memberId } }]);
  const open = (await repo.listChallenges(ctx.db, caseId)).find((x) => x.member_id === member.id && x.status === 'open');
  if (open) throw conflict('errors.panel.challenge.alreadyOpen', { name: member.full_name ?? '' });
  const id = await repo.insertChallenge(ctx.db, caseId, member.id, input.reason, actorLabel(ctx.actor));
  const created = presentChallenge((await repo.findChallenge(ctx.db, id)) as NonNullable<Awaited<ReturnType<typeof repo.findChallenge>>>);
  await recordChange(ctx, { entityType: 'panel-challenge', entityId: id, action: 'panel.challenge', before: null, after: created });
  return created;
}

export async function listChallenges(ctx: Ctx, caseId: string) {
  const c = await loadCase(ctx, caseId);
  const who = await viewerOf(ctx, c);
  if (who.kind === 'expert') return { items: [], total: 0 };
  const items = (await repo.listChallenges(ctx.db, caseId)).map(presentChallenge);
  return { items, total: items.length };
}

export async function resolveChallenge(ctx: Ctx, caseId: string, challengeId: string, input: ResolutionInput) {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  const challenge = await repo.findChallenge(ctx.db, challengeId);
  if (!challenge || challenge.case_id !== caseId) throw notFound('panel-challenge', challengeId);
  if (challenge.status !== 'open') throw conflict('errors.panel.challenge.closed', { status: challenge.status });
  const before = presentChallenge(challenge);
  let replacementId: string | null = null;
  if (input.decision === 'replace') {
    requireOpenPanel(c);
    const members = await repo.listMembers(ctx.db, caseId);
    const old = members.find((m) => m.id === challenge.member_id);
    if (!old) throw conflict('errors.panel.challenge.closed', { status: 'removed' });
    const role = old.role as PanelRole;
    // The replacement is checked inside the whole panel it joins, as any new member.
    const specs: MemberSpec[] = members.map((m) =>
      m.id === old.id
        ? { expertId: input.replacement.expertId, role, overrideJustification: input.replacement.overrideJustification }
        : {
            expertId: m.expert_id ?? undefined,
            userId: m.user_id ?? undefined,
            role: m.role as PanelRole,
            overrideJustification: m.override_justification ?? undefined,
          },
    );
    const checked = await checkPanel(ctx, c, specs);
    const x = checked[members.indexOf(old)] as Checked;
    await repo.setMemberStatus(ctx.db, old.id, 'replaced');
    replacementId = await repo.insertMember(ctx.db, caseId, {
      expertId: input.replacement.expertId,
      userId: null,
      role,
      conflicts: x.conflicts,
      overrideJustification: x.spec.overrideJustification ?? null,
    });
    await auditOverrides(ctx, c, replacementId, x);
    await repo.ensurePanel(ctx.db, caseId);
  }
  await repo.resolveChallenge(ctx.db, challengeId, {
    status: input.decision === 'replace' ? 'replaced' : 'rejected',
    resolution: input.comment ?? '',
    by: actorLabel(ctx.actor),
    replacementMemberId: replacementId,
  });
  const after = presentChallenge((await repo.findChallenge(ctx.db, challengeId)) as NonNullable<Awaited<ReturnType<typeof repo.findChallenge>>>);
  await recordChange(ctx, { entityType: 'panel-challenge', entityId: challengeId, action: `panel.challenge-${input.decision}`, before, after });
  return after;
}

export async function acceptPanel(ctx: Ctx, caseId: string, letter: string) {
  const c = await loadCase(ctx, caseId);
  requireApplicant(ctx, c);
  const panel = await repo.findPanel(ctx.db, caseId);
  if (!panel) throw conflict('errors.panel.notFormed');
  const open = await repo.countOpenChallenges(ctx.db, caseId);
  if (open > 0) throw conflict('errors.panel.openChallenges', { count: open });
  await repo.acceptPanel(ctx.db, caseId, actorLabel(ctx.actor), letter);
  const after = await getPanel(ctx, caseId, { kind: 'organization' });
  await recordChange(ctx, {
    entityType: 'accreditation-panel',
    entityId: caseId,
    action: 'panel.accept',
    before: { acceptedAt: null },
    after: { acceptedAt: after.acceptedAt, letter },
  });
  return after;
}

export async function recordSeminar(ctx: Ctx, caseId: string, input: SeminarInput) {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  const row = await ctx.db
    .insertInto('self_assessment_seminars')
    .values({
      organization_id: c.organization_id,
      case_id: caseId,
      held_on: input.heldOn,
      expert_ids: input.expertIds,
      user_ids: input.userIds,
      note: input.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = { id: row.id, caseId, organizationId: c.organization_id, ...input };
  await recordChange(ctx, { entityType: 'self-assessment-seminar', entityId: row.id, action: 'seminar.record', before: null, after });
  return after;
}

/** The self-assessment seminars recorded on a case, oldest first, with the names of the experts who ran them. */
export async function listSeminars(ctx: Ctx, caseId: string) {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  const rows = await ctx.db
    .selectFrom('self_assessment_seminars')
    .select(['id', 'held_on', 'expert_ids', 'note'])
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const ids = [...new Set(rows.flatMap((r) => r.expert_ids))];
  const names = new Map((await Promise.all(ids.map((id) => experts.findExpert(ctx.db, id)))).flatMap((e) => (e ? [[e.id, e.full_name] as const] : [])));
  return rows.map((r) => ({ id: r.id, heldOn: r.held_on, experts: r.expert_ids.map((id) => names.get(id) ?? id), note: r.note }));
}

/** What the conflict check finds for an expert on this case, before seating them. */
export async function previewConflicts(ctx: Ctx, caseId: string, expertId: string): Promise<Conflict[]> {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  const e = await experts.findExpert(ctx.db, expertId);
  if (!e || e.body_id !== c.body_id) throw notFound('expert', expertId);
  return expertConflicts(ctx.db, expertId, c);
}
