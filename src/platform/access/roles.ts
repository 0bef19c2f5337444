// Roles, actors and the permission table. Pure: no database, tested on its own.
export const ROLES = [
  'ministry',
  'org-admin',
  'org-editor',
  'agency-staff',
  'agency-head',
  'expert',
  'council-member',
  'sector-council',
  'learner',
] as const;
export type Role = (typeof ROLES)[number];

export type RoleAssignment = { role: Role; organizationId: string | null };

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; label: string }
  | { kind: 'user'; userId: string; label: string; roles: RoleAssignment[] };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const systemActor = (label = 'system'): Actor => ({ kind: 'system', label });

export const ACTIONS = [
  'organization.create',
  'organization.update',
  'licence.manage',
  'programme.create',
  'programme.update',
  'programme.submit',
  'programme.review',
  'programme.exclude',
  'programme.read-unpublished',
  'qualification.manage',
  'framework.manage',
  'sqf.manage',
  'occupational-standard.manage',
  'certification-centre.manage',
  'statistics.manage',
  'user.manage',
  'audit.read',
  'accreditation-body.manage',
  'standards.manage',
  'accreditation.apply',
  'accreditation.read-case',
  'accreditation.coordinate',
  'accreditation.approve',
  'expert.manage',
  'council.vote',
  'appeal.decide',
  'accreditation.statistics',
  'credential-spec.manage',
  'credential.issue',
  'credential.revoke',
  'issuer-key.manage',
  'certificate.register',
  'recognition.decide',
  'internal-qa.assess',
  'internal-qa.read',
  'internal-qa.review',
  'foreign-recognition.decide',
  'indicators.report',
] as const;
export type Action = (typeof ACTIONS)[number];

type Grant = { scope: 'global' } | { scope: 'own-organization' };

/**
 * Who may do what. "own-organization" grants hold only for records of the organization the
 * role is assigned in; "global" grants hold everywhere.
 */
const GRANTS: Record<Role, Partial<Record<Action, Grant>>> = {
  ministry: {
    'organization.create': { scope: 'global' },
    'organization.update': { scope: 'global' },
    'licence.manage': { scope: 'global' },
    'programme.review': { scope: 'global' },
    'programme.exclude': { scope: 'global' },
    'programme.read-unpublished': { scope: 'global' },
    'qualification.manage': { scope: 'global' },
    'framework.manage': { scope: 'global' },
    'sqf.manage': { scope: 'global' },
    'occupational-standard.manage': { scope: 'global' },
    'certification-centre.manage': { scope: 'global' },
    'statistics.manage': { scope: 'global' },
    'user.manage': { scope: 'global' },
    'audit.read': { scope: 'global' },
    'accreditation-body.manage': { scope: 'global' },
    'standards.manage': { scope: 'global' },
    'accreditation.read-case': { scope: 'global' },
    'accreditation.statistics': { scope: 'global' },
    'internal-qa.read': { scope: 'global' },
    'internal-qa.review': { scope: 'global' },
    'foreign-recognition.decide': { scope: 'global' },
    'indicators.report': { scope: 'global' },
  },
  'org-admin': {
    'organization.update': { scope: 'own-organization' },
    'programme.create': { scope: 'own-organization' },
    'programme.update': { scope: 'own-organization' },
    'programme.submit': { scope: 'own-organization' },
    'programme.read-unpublished': { scope: 'own-organization' },
    'accreditation.apply': { scope: 'own-organization' },
    'accreditation.read-case': { scope: 'own-organization' },
    'credential-spec.manage': { scope: 'own-organization' },
    'credential.issue': { scope: 'own-organization' },
    'credential.revoke': { scope: 'own-organization' },
    'issuer-key.manage': { scope: 'own-organization' },
    'certificate.register': { scope: 'own-organization' },
    'recognition.decide': { scope: 'own-organization' },
    'internal-qa.assess': { scope: 'own-organization' },
    'internal-qa.read': { scope: 'own-organization' },
  },
  'org-editor': {
    'programme.create': { scope: 'own-organization' },
    'programme.update': { scope: 'own-organization' },
    'programme.submit': { scope: 'own-organization' },
    'programme.read-unpublished': { scope: 'own-organization' },
    'accreditation.read-case': { scope: 'own-organization' },
    'credential-spec.manage': { scope: 'own-organization' },
    'credential.issue': { scope: 'own-organization' },
    'certificate.register': { scope: 'own-organization' },
    'internal-qa.read': { scope: 'own-organization' },
  },
  // Scoped to the accreditation body they work for: cases where that body is the agency.
  'agency-staff': {
    'standards.manage': { scope: 'own-organization' },
    'accreditation.read-case': { scope: 'own-organization' },
    'accreditation.coordinate': { scope: 'own-organization' },
    'expert.manage': { scope: 'own-organization' },
    'accreditation.statistics': { scope: 'own-organization' },
    'indicators.report': { scope: 'own-organization' },
  },
  'agency-head': {
    'standards.manage': { scope: 'own-organization' },
    'accreditation.read-case': { scope: 'own-organization' },
    'accreditation.coordinate': { scope: 'own-organization' },
    'accreditation.approve': { scope: 'own-organization' },
    'expert.manage': { scope: 'own-organization' },
    'appeal.decide': { scope: 'own-organization' },
    'accreditation.statistics': { scope: 'own-organization' },
    'indicators.report': { scope: 'own-organization' },
  },
  // Experts act only on cases they are assigned to; services check the assignment.
  expert: {},
  // Council members vote in their own body's council; a conflicted member is recused by the service.
  'council-member': {
    'council.vote': { scope: 'own-organization' },
  },
  'sector-council': {
    'sqf.manage': { scope: 'global' },
    'occupational-standard.manage': { scope: 'global' },
    'certification-centre.manage': { scope: 'global' },
  },
  learner: {},
};

/** Whether the actor may perform the action, optionally on a record owned by an organization. */
export function can(actor: Actor, action: Action, scope: { organizationIds?: string[] } = {}): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  return actor.roles.some(({ role, organizationId }) => {
    const grant = GRANTS[role][action];
    if (!grant) return false;
    if (grant.scope === 'global') return true;
    return organizationId !== null && (scope.organizationIds ?? []).includes(organizationId);
  });
}

/** Whether the actor holds the action everywhere, not just for its own organization. */
export function canEverywhere(actor: Actor, action: Action): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  return actor.roles.some(({ role }) => GRANTS[role][action]?.scope === 'global');
}

/** Whether the actor holds the action at all: everywhere or for at least one organization. */
export function holdsAnywhere(actor: Actor, action: Action): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  return actor.roles.some(({ role }) => GRANTS[role][action] !== undefined);
}

/** Organizations where the actor holds any of the given roles (for "my organization" defaults). */
export function organizationsOf(actor: Actor, roles: readonly Role[] = ROLES): string[] {
  if (actor.kind !== 'user') return [];
  return actor.roles.filter((r) => roles.includes(r.role) && r.organizationId).map((r) => r.organizationId as string);
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'anonymous' : actor.label;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
