// Who may see and change a case's self-assessment report. The applicant organization's admins
// and editors write it and see its drafts; the body's staff and council, the case's panel
// experts and the ministry read submitted versions only; any other organization is refused.
import { can, organizationsOf } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { caseIdsOfExpertUser } from './panel.repository.ts';
import { type SarCaseRow, findSarCase } from './sar.repository.ts';

export type SarViewer = { mayWrite: boolean; seesDrafts: boolean };

const WRITER: SarViewer = { mayWrite: true, seesDrafts: true };
const READER: SarViewer = { mayWrite: false, seesDrafts: false };

export async function loadSarCase(ctx: Ctx, caseId: string): Promise<SarCaseRow> {
  const c = await findSarCase(ctx.db, caseId);
  if (!c) throw notFound('accreditation-case', caseId);
  return c;
}

export async function sarViewerOf(ctx: Ctx, c: SarCaseRow): Promise<SarViewer> {
  const actor = ctx.actor;
  if (actor.kind === 'system') return WRITER;
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (organizationsOf(actor, ['org-admin', 'org-editor']).includes(c.organization_id)) return WRITER;
  if (can(actor, 'accreditation.read-case', { organizationIds: [c.organization_id, c.body_id] })) return READER;
  // The council decides on the report, so its members read it like the body's staff.
  if (organizationsOf(actor, ['council-member']).includes(c.body_id)) return READER;
  if ((await caseIdsOfExpertUser(ctx.db, actor.userId)).includes(c.id)) return READER;
  throw forbidden('accreditation.read-case');
}

export async function requireSarWriter(ctx: Ctx, c: SarCaseRow): Promise<void> {
  if (!(await sarViewerOf(ctx, c)).mayWrite) throw forbidden('accreditation.self-assessment');
}
