// Who may see and change a case's self-assessment report. The applicant organization's admins
// and editors write it and see its drafts; the body's staff and council, the case's panel
// experts and the ministry read submitted versions only; any other organization is refused.
// The answer is the case's access policy (case.access.ts).
import type { Ctx } from '../platform/context.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { type SarViewer, caseAccess } from './case.access.ts';
import { type SarCaseRow, findSarCase } from './sar.repository.ts';

export type { SarViewer };

export async function loadSarCase(ctx: Ctx, caseId: string): Promise<SarCaseRow> {
  const c = await findSarCase(ctx.db, caseId);
  if (!c) throw notFound('accreditation-case', caseId);
  return c;
}

export async function sarViewerOf(ctx: Ctx, c: SarCaseRow): Promise<SarViewer> {
  return (await caseAccess(ctx, c)).sar();
}

export async function requireSarWriter(ctx: Ctx, c: SarCaseRow): Promise<void> {
  if (!(await sarViewerOf(ctx, c)).mayWrite) throw forbidden('accreditation.self-assessment');
}
