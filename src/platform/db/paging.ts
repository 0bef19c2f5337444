// A page of rows and the total behind it, from one filtered query.
import { type SelectQueryBuilder, sql } from 'kysely';

export async function pageWithTotal<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
): Promise<{ items: O[]; total: number }> {
  const [items, count] = await Promise.all([
    page(filtered).execute(),
    filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>,
  ]);
  return { items, total: Number(count.n) };
}
