// Who is looking at a case's panel, visit, report or council item, decided before anything else:
// the body's staff manage; the applicant organization sees its own case; an expert sees only the
// cases whose panel they sit on; the ministry reads.
import { can, canEverywhere } from '../platform/access/roles.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import * as repo from './panel.repository.ts';

export type CaseViewer = { kind: 'agency' } | { kind: 'organization' } | { kind: 'expert'; memberId: string; role: string } | { kind: 'council' } | { kind: 'ministry' };

export async function loadCase(ctx: Ctx, caseId: string): Promise<repo.CaseRow> {
  const c = await repo.findCase(ctx.db, caseId);
  if (!c) throw notFound('accreditation-case', caseId);
  return c;
}

export function requireManager(ctx: Ctx, c: repo.CaseRow): void {
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [c.body_id] });
}

export function requireApplicant(ctx: Ctx, c: repo.CaseRow): void {
  requirePermission(ctx, 'accreditation.apply', { organizationIds: [c.organization_id] });
}

/** The active panel membership of the acting user on this case, if any. */
export async function membershipOf(ctx: Ctx, caseId: string): Promise<repo.MemberRow | undefined> {
  if (ctx.actor.kind !== 'user') return undefined;
  const userId = ctx.actor.userId;
  const members = await repo.listMembers(ctx.db, caseId);
  return members.find((m) => m.expert_user_id === userId || (m.user_id === userId && m.role !== 'coordinator'));
}

export async function viewerOf(ctx: Ctx, c: repo.CaseRow): Promise<CaseViewer> {
  if (can(ctx.actor, 'accreditation.coordinate', { organizationIds: [c.body_id] })) return { kind: 'agency' };
  if (ctx.actor.kind === 'user') {
    const m = await membershipOf(ctx, c.id);
    if (m) return { kind: 'expert', memberId: m.id, role: m.role };
  }
  if (!canEverywhere(ctx.actor, 'accreditation.read-case') && can(ctx.actor, 'accreditation.read-case', { organizationIds: [c.organization_id] }))
    return { kind: 'organization' };
  // The body's council decides on the case: it reads what the public will (the final report), no drafts.
  if (can(ctx.actor, 'council.vote', { organizationIds: [c.body_id] })) return { kind: 'council' };
  requirePermission(ctx, 'accreditation.read-case', { organizationIds: [c.body_id, c.organization_id] });
  return canEverywhere(ctx.actor, 'accreditation.read-case') ? { kind: 'ministry' } : { kind: 'agency' };
}

/** The acting expert's membership, or 403/401: experts act only on their own panels. */
export async function requireMember(ctx: Ctx, c: repo.CaseRow): Promise<repo.MemberRow> {
  const m = await membershipOf(ctx, c.id);
  if (m) return m;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('panel.member');
}
