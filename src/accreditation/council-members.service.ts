// A body's council members and their terms: the body's head (or the ministry) sets the last day of
// a member's term. From the day after, the member holds no council role, and a meeting held after
// the term ended does not have them on its roster (council.service.ts), so they cannot vote on it.
import { can, canEverywhere } from '../platform/access/roles.ts';
import { setRoleEnd } from '../platform/auth/auth.service.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import * as repo from './council.repository.ts';

const ACTION = 'accreditation.approve';

/** The body's head, or the ministry (which manages users). */
function requireCouncilManager(ctx: Ctx, bodyId: string): void {
  if (canEverywhere(ctx.actor, 'user.manage') || can(ctx.actor, ACTION, { organizationIds: [bodyId] })) return;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(ACTION);
}

const dayOf = (d: Date) => todayInAlmaty(d);

export type CouncilMembership = { userId: string; name: string; email: string; appointedOn: string; endsOn: string | null; sitting: boolean };

export async function councilMembers(ctx: Ctx, bodyId: string): Promise<CouncilMembership[]> {
  requireCouncilManager(ctx, bodyId);
  const today = todayInAlmaty();
  return (await repo.councilMemberships(ctx.db, bodyId)).map((m) => ({
    userId: m.user_id,
    name: m.display_name,
    email: m.email,
    appointedOn: dayOf(m.created_at),
    endsOn: m.ends_on,
    sitting: m.ends_on === null || m.ends_on >= today,
  }));
}

/** Sets (or, with null, clears) the last day of a member's term; not before the day they were appointed. */
export async function setCouncilTerm(ctx: Ctx, bodyId: string, userId: string, endsOn: string | null): Promise<CouncilMembership> {
  requireCouncilManager(ctx, bodyId);
  const member = (await repo.councilMemberships(ctx.db, bodyId)).find((m) => m.user_id === userId);
  if (!member) throw notFound('council-member', userId);
  const appointedOn = dayOf(member.created_at);
  if (endsOn !== null && endsOn < appointedOn) {
    throw validationFailed([{ path: 'endsOn', messageKey: 'errors.councilTerm.beforeAppointment', params: { date: appointedOn } }]);
  }
  await setRoleEnd(ctx, { userId, role: 'council-member', organizationId: bodyId, endsOn });
  const updated = (await councilMembers(ctx, bodyId)).find((m) => m.userId === userId);
  if (!updated) throw notFound('council-member', userId);
  return updated;
}
