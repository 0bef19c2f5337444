// The access policy of the qualifications register and the register of certification centres:
// both are kept by the national bodies (the ministry, and sector councils for centres), never by
// the organizations they describe. Services check it first; pages ask it which forms to offer.
import { type AccessPolicy, permissionPolicy } from '../platform/access/policy.ts';
import type { Action } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';

export type QualificationAccessAction = 'manage-qualifications' | 'manage-certification-centres';

export const QUALIFICATION_PERMISSIONS: Record<QualificationAccessAction, Action> = {
  'manage-qualifications': 'qualification.manage',
  'manage-certification-centres': 'certification-centre.manage',
};

export type QualificationAccess = AccessPolicy<QualificationAccessAction>;

export function qualificationAccess(ctx: Ctx): QualificationAccess {
  return permissionPolicy(ctx.actor, QUALIFICATION_PERMISSIONS);
}
