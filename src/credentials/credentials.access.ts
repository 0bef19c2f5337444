// The access policy of the credentials module: what an actor may do in one organization's name
// (issue, revoke, keep its specifications, keys and certificates register, decide recognition
// requests). Every service of the module asks it first; pages ask it which forms to offer.
import { type AccessPolicy, permissionPolicy } from '../platform/access/policy.ts';
import type { Action } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';

export const CREDENTIAL_PERMISSIONS = {
  issue: 'credential.issue',
  revoke: 'credential.revoke',
  'manage-specifications': 'credential-spec.manage',
  'manage-keys': 'issuer-key.manage',
  'register-certificates': 'certificate.register',
  'decide-recognition': 'recognition.decide',
} as const satisfies Record<string, Action>;

export type CredentialAccessAction = keyof typeof CREDENTIAL_PERMISSIONS;

export type CredentialAccess = AccessPolicy<CredentialAccessAction>;

/** What this actor may do in the name of one organization. */
export function credentialAccess(ctx: Pick<Ctx, 'actor'>, organizationId: string): CredentialAccess {
  return permissionPolicy(ctx.actor, CREDENTIAL_PERMISSIONS, [organizationId]);
}
