// The ministry's review queue in SQL: programmes waiting for it, filtered, sorted and paged in the
// database so a national queue never comes to the page whole.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { pageWithTotal } from '../platform/db/paging.ts';

export const QUEUE_STATUSES = ['submitted', 'expert-review'] as const;
export const QUEUE_SORTS = { submitted: 'submitted_at', code: 'code', name: 'name_kk_sort' } as const;

export type QueueFilters = { status?: (typeof QUEUE_STATUSES)[number]; organizationId?: string; name?: string };
export type QueuePage = { sort: keyof typeof QUEUE_SORTS; desc: boolean; limit: number; offset: number };

function waiting(db: Db, f: QueueFilters) {
  let q = db.selectFrom('programmes').where('status', 'in', f.status ? [f.status] : [...QUEUE_STATUSES]);
  if (f.organizationId) q = q.where('organization_id', '=', f.organizationId);
  if (f.name) {
    const like = `%${f.name.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('name_kk', 'ilike', like), eb('name_ru', 'ilike', like), eb('name_en', 'ilike', like)]));
  }
  return q;
}

export function reviewQueue(db: Db, f: QueueFilters, page: QueuePage) {
  return pageWithTotal(waiting(db, f), (q) =>
    q
      .select(['id', 'code', 'name_kk', 'name_ru', 'name_en', 'organization_id', 'status', 'nqf_level', 'submitted_at', 'updated_at'])
      .orderBy(sql.ref(QUEUE_SORTS[page.sort]), sql.raw(page.desc ? 'desc nulls last' : 'asc nulls last'))
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset),
  );
}

/** The organizations with a programme in the queue, for the filter's choices. */
export async function queueOrganizationIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('programmes').select('organization_id').distinct().where('status', 'in', [...QUEUE_STATUSES]).execute();
  return rows.map((r) => r.organization_id);
}
