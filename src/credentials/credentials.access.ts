// The access policy of the credentials module: what an actor may do in one organization's name
// (issue, revoke, keep its specifications, keys and certificates register, decide recognition
// requests). Every service of the module asks it first; pages ask it which forms to offer.
import { type Action, can } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';

export const CREDENTIAL_PERMISSIONS = {
  issue: 'credential.issue',
  revoke: 'credential.revoke',
  'manage-specifications': 'credential-spec.manage',
  'manage-keys': 'issuer-key.manage',
  'register-certificates': 'certificate.register',
  'decide-recognition': 'recognition.decide',
} as const satisfies Record<string, Action>;

export type CredentialAccessAction = keyof typeof CREDENTIAL_PERMISSIONS;

export type CredentialAccess = {
  can(action: CredentialAccessAction): boolean;
  /** Throws 401 for anonymous callers and 403 for signed-in ones without the grant. */
  require(action: CredentialAccessAction): void;
};

/** What this actor may do in the name of one organization. */
export function credentialAccess(ctx: Pick<Ctx, 'actor'>, organizationId: string): CredentialAccess {
  const allowed = (action: CredentialAccessAction) => can(ctx.actor, CREDENTIAL_PERMISSIONS[action], { organizationIds: [organizationId] });
  return {
    can: allowed,
    require(action) {
      if (allowed(action)) return;
      throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(CREDENTIAL_PERMISSIONS[action]);
    },
  };
}
