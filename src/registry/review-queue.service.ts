// The ministry's review queue as its page shows it: one page of waiting programmes with the day
// each was submitted, the total, and the organizations the filter offers.
import { canEverywhere } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';
import * as repo from './review-queue.repository.ts';

export { QUEUE_SORTS, QUEUE_STATUSES } from './review-queue.repository.ts';

export type QueueItem = {
  id: string;
  code: string;
  name: { kk: string; ru: string; en: string | null };
  organizationId: string;
  status: string;
  nqfLevel: number;
  submittedAt: string | null;
};

export async function reviewQueueView(ctx: Ctx, filters: repo.QueueFilters, page: repo.QueuePage) {
  if (!canEverywhere(ctx.actor, 'programme.review')) throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('programme.review');
  const [{ items, total }, organizationIds] = await Promise.all([repo.reviewQueue(ctx.db, filters, page), repo.queueOrganizationIds(ctx.db)]);
  return {
    items: items.map(
      (r): QueueItem => ({
        id: r.id,
        code: r.code,
        name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
        organizationId: r.organization_id,
        status: r.status,
        nqfLevel: r.nqf_level,
        submittedAt: (r.submitted_at ?? r.updated_at).toISOString(),
      }),
    ),
    total,
    organizationIds,
  };
}

/** How many programmes wait for the ministry, for the home page; 0 for anyone who does not review. */
export async function reviewQueueCount(ctx: Ctx): Promise<number> {
  if (!canEverywhere(ctx.actor, 'programme.review')) return 0;
  return (await repo.reviewQueue(ctx.db, {}, { sort: 'submitted', desc: false, limit: 1, offset: 0 })).total;
}
