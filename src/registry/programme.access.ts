// The access policy of the Register of Educational Programmes: which permission each programme
// action needs in the programme's organization. Services check it first; pages ask it which
// forms to offer, so both read the one table below.
import { type AccessPolicy, permissionPolicy } from '../platform/access/policy.ts';
import type { Action } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { ProgrammeAction } from './programme-lifecycle.ts';

export type ProgrammeAccessAction = ProgrammeAction | 'create' | 'update' | 'read-unpublished';

/** The organization's own steps need programme.submit; the ministry's steps review or exclude. */
export const PROGRAMME_PERMISSIONS: Record<ProgrammeAccessAction, Action> = {
  create: 'programme.create',
  update: 'programme.update',
  'read-unpublished': 'programme.read-unpublished',
  submit: 'programme.submit',
  'start-update': 'programme.submit',
  'start-review': 'programme.review',
  include: 'programme.review',
  return: 'programme.review',
  exclude: 'programme.exclude',
};

export type ProgrammeAccess = AccessPolicy<ProgrammeAccessAction>;

/** What this actor may do with the programmes of these organizations (one, or a programme's own). */
export function programmeAccess(ctx: Ctx, organizationIds: string[]): ProgrammeAccess {
  return permissionPolicy(ctx.actor, PROGRAMME_PERMISSIONS, organizationIds);
}
