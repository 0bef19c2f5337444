// The access policy of organizations in the register: who may create them, edit a profile, manage
// licences, relate two organizations and change the facts the register vouches for. Services check
// it first; pages ask it which forms to offer.
import { type Action, can, canEverywhere } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, type FieldIssue, forbidden, unauthenticated } from '../platform/errors.ts';

export type OrganizationAccessAction = 'create' | 'update' | 'manage-licences';

export const ORGANIZATION_PERMISSIONS: Record<OrganizationAccessAction, Action> = {
  create: 'organization.create',
  update: 'organization.update',
  'manage-licences': 'licence.manage',
};

/**
 * Fields that say what the organization legally is: its standing (a ministry suspension), kind,
 * identifiers and key (which names its issuer did:web). Only the ministry changes them; an
 * organization's own admin edits the rest of its profile.
 */
export const REGISTERED_FACTS = ['status', 'kind', 'bin', 'identifiers', 'key'] as const;
export type RegisteredFact = (typeof REGISTERED_FACTS)[number];

export type OrganizationAccess = {
  can(action: OrganizationAccessAction): boolean;
  /** Throws 401 for anonymous callers and 403 for signed-in ones without the grant. */
  require(action: OrganizationAccessAction): void;
  /** Throws 403 naming each registered fact the patch would change when the actor is not the ministry. */
  requireRegisteredFacts(changed: readonly RegisteredFact[]): void;
};

/** What this actor may do with these organizations (one, both sides of a relationship, or none for creating one). */
export function organizationAccess(ctx: Ctx, organizationIds: string[]): OrganizationAccess {
  // Every organization named must be within the grant: a relationship needs both of its sides.
  const allowed = (action: OrganizationAccessAction) =>
    organizationIds.length
      ? organizationIds.every((id) => can(ctx.actor, ORGANIZATION_PERMISSIONS[action], { organizationIds: [id] }))
      : can(ctx.actor, ORGANIZATION_PERMISSIONS[action]);
  const deny = (action: string) => (ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(action));
  return {
    can: allowed,
    require(action) {
      if (!allowed(action)) throw deny(ORGANIZATION_PERMISSIONS[action]);
    },
    requireRegisteredFacts(changed) {
      if (!changed.length || canEverywhere(ctx.actor, 'organization.update')) return;
      if (ctx.actor.kind === 'anonymous') throw unauthenticated();
      const issues: FieldIssue[] = changed.map((path) => ({ path, messageKey: 'errors.hardening.ministryOnlyField', params: { field: path } }));
      throw new AppError('forbidden', 403, 'errors.hardening.ministryOnlyFields', { params: { fields: changed.join(', ') }, issues });
    },
  };
}

/** The registered facts a patch would really change (a value sent unchanged is no change). */
export function changedRegisteredFacts(patch: Partial<Record<RegisteredFact, unknown>>, current: Record<RegisteredFact, unknown>): RegisteredFact[] {
  return REGISTERED_FACTS.filter((field) => patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(current[field]));
}
