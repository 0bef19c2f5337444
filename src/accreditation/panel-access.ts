// Who is looking at a case's panel, visit, report or council item, decided before anything else:
// the body's staff manage; the applicant organization sees its own case; an expert sees only the
// cases whose panel they sit on; the ministry reads. Each answer is the case's access policy
// (case.access.ts); these are its shapes for the panel, visit and report services.
import { type Ctx, requirePermission } from '../platform/context.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { type CaseViewer, caseAccess } from './case.access.ts';
import * as repo from './panel.repository.ts';

export type { CaseViewer };

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
  const c = await repo.findCase(ctx.db, caseId);
  return c ? (await caseAccess(ctx, c)).member : undefined;
}

export async function viewerOf(ctx: Ctx, c: repo.CaseRow): Promise<CaseViewer> {
  return (await caseAccess(ctx, c)).viewer();
}

/** The acting expert's membership, or 403/401: experts act only on their own panels. */
export async function requireMember(ctx: Ctx, c: repo.CaseRow): Promise<repo.MemberRow> {
  const m = (await caseAccess(ctx, c)).member;
  if (m) return m;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('panel.member');
}
