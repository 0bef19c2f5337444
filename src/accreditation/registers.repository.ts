// SQL of Registers 2 (accredited organizations) and 3 (accredited programmes): projections of
// approved decisions through the status period that covered the requested day.
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

export type RegisterFilters = {
  day: string;
  bodyId?: string;
  organizationId?: string;
  regionCode?: string;
  fieldCode?: string;
  /** 'accredited' | 'refused'; undefined: both */
  outcome?: string;
  /** effective statuses on `day` (active, extended, expired, refused, suspended, withdrawn) */
  statuses?: string[];
  eurAce?: boolean;
  q?: string;
};

/** The status on the day: a positive period past its validity reads as expired. */
const effectiveStatus = (day: string) =>
  sql<string>`case when s.status in ('active', 'extended') and s.valid_to < ${day}::date then 'expired' else s.status end`;

function base(db: Db, register: 2 | 3, f: RegisterFilters) {
  let q = db
    .selectFrom('accreditation_decisions as d')
    .innerJoin('accreditation_decision_states as s', (join) =>
      join
        .onRef('s.decision_id', '=', 'd.id')
        .on(sql<boolean>`s.effective_from <= ${f.day}::date`)
        .on(sql<boolean>`(s.effective_to is null or s.effective_to > ${f.day}::date)`),
    )
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .innerJoin('organizations as b', 'b.id', 'd.body_id')
    .where('d.kind', '=', register === 2 ? 'institutional' : 'programme');
  if (register === 3) {
    q = q.innerJoin('accreditation_decision_programmes as dp', 'dp.decision_id', 'd.id').innerJoin('programmes as p', 'p.id', 'dp.programme_id') as typeof q;
  }
  if (f.bodyId) q = q.where('d.body_id', '=', f.bodyId);
  if (f.organizationId) q = q.where('d.organization_id', '=', f.organizationId);
  if (f.regionCode) q = q.where('o.region_code', '=', f.regionCode);
  if (f.outcome) q = q.where('s.outcome', '=', f.outcome);
  if (f.statuses?.length) q = q.where(effectiveStatus(f.day), 'in', f.statuses);
  if (f.eurAce !== undefined) q = q.where('d.eur_ace', '=', f.eurAce);
  if (f.fieldCode) {
    const field = f.fieldCode;
    q =
      register === 3
        ? q.where(sql<boolean>`p.field_code = ${field}`)
        : // An organization belongs to a field when it runs a programme in it.
          q.where(sql<boolean>`exists (select 1 from programmes op where op.organization_id = d.organization_id and op.field_code = ${field})`);
  }
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const programmeText =
      register === 3 ? sql`or p.code ilike ${like} or p.name_kk ilike ${like} or p.name_ru ilike ${like} or p.name_en ilike ${like}` : sql``;
    q = q.where(
      sql<boolean>`(o.name_kk ilike ${like} or o.name_ru ilike ${like} or o.name_en ilike ${like} or o.short_name ilike ${like} or d.certificate_number ilike ${like} ${programmeText})`,
    );
  }
  return q;
}

function columns(day: string) {
  return [
    'd.id as decision_id',
    'd.case_id',
    'd.kind',
    'd.eur_ace',
    'd.enaee_status',
    'd.cross_border',
    'd.decided_on',
    'd.certificate_number',
    's.outcome',
    's.term_years',
    's.valid_from',
    's.valid_to',
    effectiveStatus(day).as('status'),
    'o.id as org_id',
    'o.name_kk as org_name_kk',
    'o.name_ru as org_name_ru',
    'o.name_en as org_name_en',
    'o.short_name as org_short_name',
    'o.region_code as org_region_code',
    'b.id as body_id',
    'b.name_kk as body_name_kk',
    'b.name_ru as body_name_ru',
    'b.name_en as body_name_en',
    'b.short_name as body_short_name',
  ] as const;
}

export async function listRegister(db: Db, register: 2 | 3, f: RegisterFilters, page: { limit: number; offset: number }) {
  const q = base(db, register, f);
  // biome-ignore lint/suspicious/noExplicitAny: the joined programme columns exist only for Register 3
  const withColumns = q.select(columns(f.day) as any) as SelectQueryBuilder<any, any, any>;
  const rows =
    register === 3
      ? withColumns.select([
          'p.id as programme_id',
          'p.code as programme_code',
          'p.name_kk as programme_name_kk',
          'p.name_ru as programme_name_ru',
          'p.name_en as programme_name_en',
          'p.field_code as programme_field_code',
          'p.nqf_level as programme_nqf_level',
          'p.degree as programme_degree',
        ])
      : withColumns;
  const ordered =
    register === 3
      ? rows.orderBy('o.name_kk_sort').orderBy('p.code').orderBy('d.decided_on', 'desc')
      : rows.orderBy('o.name_kk_sort').orderBy('d.decided_on', 'desc');
  const [items, count] = await Promise.all([
    ordered.orderBy('d.id').limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as RegisterRow[], total: Number((count as { n: number }).n) };
}

export type RegisterRow = {
  decision_id: string;
  case_id: string;
  kind: string;
  eur_ace: boolean;
  enaee_status: string | null;
  cross_border: boolean;
  decided_on: string;
  certificate_number: string | null;
  outcome: string;
  term_years: number | null;
  valid_from: string | null;
  valid_to: string | null;
  status: string;
  org_id: string;
  org_name_kk: string;
  org_name_ru: string;
  org_name_en: string | null;
  org_short_name: string | null;
  org_region_code: string | null;
  body_id: string;
  body_name_kk: string;
  body_name_ru: string;
  body_name_en: string | null;
  body_short_name: string | null;
  programme_id?: string;
  programme_code?: string;
  programme_name_kk?: string;
  programme_name_ru?: string;
  programme_name_en?: string | null;
  programme_field_code?: string;
  programme_nqf_level?: number;
  programme_degree?: string | null;
};
