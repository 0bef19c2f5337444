// `ilike` filters: the text a user typed, matched anywhere in a column, with its own % and _ taken
// literally.
import { type Expression, type SqlBool, sql } from 'kysely';

export const escapeLike = (text: string) => text.trim().replace(/[%_\\]/g, '\\$&');

/** The `ilike` pattern of "contains this text". */
export const likePattern = (text: string) => `%${escapeLike(text)}%`;

/** True when any of the columns contains the text (e.g. a name in any of the three languages). */
export function anyColumnLike(columns: readonly string[], text: string): Expression<SqlBool> {
  const like = likePattern(text);
  return sql<SqlBool>`(${sql.join(
    columns.map((column) => sql`${sql.ref(column)} ilike ${like}`),
    sql` or `,
  )})`;
}

/** A language-map field's three columns: `name` → name_kk, name_ru, name_en. */
export const languageColumns = (field: string) => [`${field}_kk`, `${field}_ru`, `${field}_en`] as const;
