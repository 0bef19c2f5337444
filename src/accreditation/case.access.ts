// The access policy of an accreditation case, decided before anything else in every service of
// the module: the case roles the actor holds (the state machine's `by`), whether it may read the
// case at all, how it sees the panel, visit and report, and what it may do with the
// self-assessment report. The actor's seats on the case's panel are read here and nowhere else,
// once per HTTP request for reads (a write's transaction reads them afresh, since it may change them).
import { can, canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';
import type { CaseRole } from './case-states.ts';
import { listMembers, type MemberRow } from './panel.repository.ts';

/** What the policy needs of a case: which organization applied and which body accredits. */
export type CaseKey = { id: string; organization_id: string; body_id: string };

/** How a reader sees a case's panel, visit, report and council item. */
export type CaseViewer =
  | { kind: 'agency' }
  | { kind: 'organization' }
  | { kind: 'expert'; memberId: string; role: string }
  | { kind: 'council' }
  | { kind: 'ministry' };

/** What a reader may do with the self-assessment report: write it (and see drafts), or read submitted versions. */
export type SarViewer = { mayWrite: boolean; seesDrafts: boolean };

const SAR_WRITER: SarViewer = { mayWrite: true, seesDrafts: true };
const SAR_READER: SarViewer = { mayWrite: false, seesDrafts: false };

export type CaseAccessAction = 'read' | 'apply' | 'coordinate' | 'approve';

export type CaseAccess = {
  /** The case roles the actor holds on this case. */
  roles: CaseRole[];
  /** The actor's active seat on the panel as an expert (or chair); a coordinator's seat is not one. */
  member: MemberRow | undefined;
  can(action: CaseAccessAction): boolean;
  /** How the actor sees the panel, visit and report; 401/403 for anyone else. */
  viewer(): CaseViewer;
  /** What the actor may do with the self-assessment report; 401/403 for anyone else. */
  sar(): SarViewer;
};

// Active panel seats per HTTP request context and case. Only a request's own context is cached
// (a read-only one: writes run in a transaction); jobs, the CLI and tests that reuse one context
// across writes read afresh.
const seatCache = new WeakMap<Ctx, Map<string, Promise<MemberRow[]>>>();

/** The active panel seats of the acting user on a case: as an expert, or by user (chair, coordinator). */
function panelSeats(ctx: Ctx, caseId: string): Promise<MemberRow[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return Promise.resolve([]);
  const load = async () => (await listMembers(ctx.db, caseId)).filter((m) => m.expert_user_id === actor.userId || m.user_id === actor.userId);
  if (ctx.requestId === null || ctx.db.isTransaction) return load();
  const perCase = seatCache.get(ctx) ?? new Map<string, Promise<MemberRow[]>>();
  seatCache.set(ctx, perCase);
  const seats = perCase.get(caseId) ?? load();
  perCase.set(caseId, seats);
  return seats;
}

/** The access policy of one case for the acting user. */
export async function caseAccess(ctx: Ctx, c: CaseKey): Promise<CaseAccess> {
  const actor = ctx.actor;
  const seats = await panelSeats(ctx, c.id);
  const onPanel = seats.length > 0;
  const member = seats.find((m) => m.expert_user_id === (actor.kind === 'user' ? actor.userId : null) || m.role !== 'coordinator');
  const grants = (action: Parameters<typeof can>[1], organizationIds: string[]) => can(actor, action, { organizationIds });

  const roles: CaseRole[] = [];
  if (actor.kind === 'system') roles.push('system');
  else if (actor.kind === 'user') {
    if (grants('accreditation.apply', [c.organization_id])) roles.push('applicant');
    if (grants('accreditation.coordinate', [c.body_id])) roles.push('agency-staff');
    if (grants('accreditation.approve', [c.body_id])) roles.push('agency-head');
    if (seats.some((m) => m.role === 'chair')) roles.push('expert-chair');
  }

  // Council members of the body read the cases they decide on; panel experts read their own cases.
  const mayRead =
    grants('accreditation.read-case', [c.organization_id, c.body_id]) || grants('council.vote', [c.body_id]) || (actor.kind === 'user' && onPanel);

  return {
    roles,
    member,
    can(action) {
      switch (action) {
        case 'read':
          return mayRead;
        case 'apply':
          return grants('accreditation.apply', [c.organization_id]);
        case 'coordinate':
          return grants('accreditation.coordinate', [c.body_id]);
        case 'approve':
          return grants('accreditation.approve', [c.body_id]);
      }
    },
    viewer() {
      if (grants('accreditation.coordinate', [c.body_id])) return { kind: 'agency' };
      if (member) return { kind: 'expert', memberId: member.id, role: member.role };
      if (!canEverywhere(actor, 'accreditation.read-case') && grants('accreditation.read-case', [c.organization_id])) return { kind: 'organization' };
      // The body's council decides on the case: it reads what the public will (the final report), no drafts.
      if (grants('council.vote', [c.body_id])) return { kind: 'council' };
      requirePermission(ctx, 'accreditation.read-case', { organizationIds: [c.body_id, c.organization_id] });
      return canEverywhere(actor, 'accreditation.read-case') ? { kind: 'ministry' } : { kind: 'agency' };
    },
    sar() {
      if (actor.kind === 'system') return SAR_WRITER;
      if (actor.kind === 'anonymous') throw unauthenticated();
      if (organizationsOf(actor, ['org-admin', 'org-editor']).includes(c.organization_id)) return SAR_WRITER;
      if (grants('accreditation.read-case', [c.organization_id, c.body_id])) return SAR_READER;
      // The council decides on the report, so its members read it like the body's staff.
      if (organizationsOf(actor, ['council-member']).includes(c.body_id)) return SAR_READER;
      if (onPanel) return SAR_READER;
      throw forbidden('accreditation.read-case');
    },
  };
}
