// Rows are snake_case, API objects camelCase. Presenters and writers name the columns they carry
// over once, and these typed conversions rename them, so a presenter's return type (the inferred
// type of its Zod response schema) checks every field the conversion produces.
/** `organization_id` → `organizationId`, as a type. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** `organizationId` → `organization_id`, as a type. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Uppercase<Head> ? (Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`) : Head}${SnakeCase<Tail>}`
  : S;

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The row's columns under their API names (`organization_id` → `organizationId`), values as they are. */
export function fieldsOf<R extends object, K extends keyof R & string>(row: R, columns: readonly K[]): { [P in K as CamelCase<P>]: R[P] } {
  return Object.fromEntries(columns.map((c) => [camelCase(c), row[c]])) as { [P in K as CamelCase<P>]: R[P] };
}

/** An optional input value as a column takes it: missing is null. */
type ColumnValue<V> = Exclude<V, undefined> | (undefined extends V ? null : never);

/**
 * The input's fields under their column names (`organizationId` → `organization_id`), a missing
 * optional value written as null. For whole records only: a patch, where missing means "keep",
 * must not go through this.
 */
export function columnsOf<T extends object, K extends keyof T & string>(input: T, fields: readonly K[]): { [P in K as SnakeCase<P>]: ColumnValue<T[P]> } {
  return Object.fromEntries(fields.map((f) => [snakeCase(f), input[f] ?? null])) as { [P in K as SnakeCase<P>]: ColumnValue<T[P]> };
}

/** A language map from its three columns: `langMapOf(r, 'name')` is `{ kk: r.name_kk, ru: r.name_ru, en: r.name_en }`. */
export function langMapOf<P extends string, R extends { [L in `${P}_kk` | `${P}_ru`]: string } & { [L in `${P}_en`]: string | null }>(
  row: R,
  prefix: P,
): { kk: R[`${P}_kk`]; ru: R[`${P}_ru`]; en: R[`${P}_en`] } {
  return { kk: row[`${prefix}_kk`], ru: row[`${prefix}_ru`], en: row[`${prefix}_en`] };
}
