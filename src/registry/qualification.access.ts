// The access policy of the qualifications register and the register of certification centres:
// both are kept by the national bodies (the ministry, and sector councils for centres), never by
// the organizations they describe. Services check it first; pages ask it which forms to offer.
import { type Action, can } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';

export type QualificationAccessAction = 'manage-qualifications' | 'manage-certification-centres';

export const QUALIFICATION_PERMISSIONS: Record<QualificationAccessAction, Action> = {
  'manage-qualifications': 'qualification.manage',
  'manage-certification-centres': 'certification-centre.manage',
};

export type QualificationAccess = {
  can(action: QualificationAccessAction): boolean;
  /** Throws 401 for anonymous callers and 403 for signed-in ones without the grant. */
  require(action: QualificationAccessAction): void;
};

export function qualificationAccess(ctx: Ctx): QualificationAccess {
  const allowed = (action: QualificationAccessAction) => can(ctx.actor, QUALIFICATION_PERMISSIONS[action]);
  return {
    can: allowed,
    require(action) {
      if (allowed(action)) return;
      throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(QUALIFICATION_PERMISSIONS[action]);
    },
  };
}
