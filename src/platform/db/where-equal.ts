// The list filters of every register: "column = value" for each filter the caller gave.
import { type SelectQueryBuilder, sql } from 'kysely';

type Filterable = string | number | boolean | null | undefined;

/**
 * Narrows a query of one table by `column = value` for each value given; an absent or empty one
 * (undefined, null, '') does not filter, while `false` does (synthetic=false is a filter).
 */
export function whereEqual<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  filters: { [C in keyof DB[TB] & string]?: Filterable },
): SelectQueryBuilder<DB, TB, O> {
  let q = query;
  for (const [column, value] of Object.entries(filters as Record<string, Filterable>)) {
    if (value !== undefined && value !== null && value !== '') q = q.where(sql.ref(column), '=', value);
  }
  return q;
}
