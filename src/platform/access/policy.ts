// The shape of a module's access policy: a table of the module's actions to the permission each
// needs, asked for one scope of organizations. Services call `require` first; pages call `can` to
// decide which forms to offer, so both read the same table (docs/modules.md, "Access policies").
import { forbidden, unauthenticated } from '../errors.ts';
import { type Action, type Actor, can } from './roles.ts';

export type AccessPolicy<A extends string> = {
  can(action: A): boolean;
  /** Throws 401 for anonymous callers and 403 for signed-in ones without the grant. */
  require(action: A): void;
};

/** What the actor may do, by `permissions`, in the name of these organizations (none: global grants only). */
export function permissionPolicy<A extends string>(actor: Actor, permissions: Record<A, Action>, organizationIds: string[] = []): AccessPolicy<A> {
  const allowed = (action: A) => can(actor, permissions[action], { organizationIds });
  return {
    can: allowed,
    require(action) {
      if (allowed(action)) return;
      throw actor.kind === 'anonymous' ? unauthenticated() : forbidden(permissions[action]);
    },
  };
}
