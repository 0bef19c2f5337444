// SQL of Registers 2 (accredited organizations) and 3 (accredited programmes): projections of
// approved decisions through the status period that covered the requested day.
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { likePattern } from '../platform/db/like.ts';
import {
  organizationIdsWhere,
  organizationSortKey,
  organizationsByIds,
  programmeIdsWhere,
  programmeSortKey,
  programmesByIds,
  programmeStandingFacts,
} from '../registry/registry.api.ts';
import { IN_FORCE_STATUSES, decisionStatusOnSql, eurAceLabelledSql } from './decision-status.ts';

export type RegisterFilters = {
  day: string;
  bodyId?: string;
  organizationId?: string;
  /** Register 2: these organizations' decisions; Register 3: the decisions covering these programmes */
  organizationIds?: readonly string[];
  programmeIds?: readonly string[];
  regionCode?: string;
  fieldCode?: string;
  /** 'accredited' | 'refused'; undefined: both */
  outcome?: string;
  /** effective statuses on `day` (active, extended, expired, refused, suspended, withdrawn) */
  statuses?: string[];
  eurAce?: boolean;
  q?: string;
};

/** The status of the period on the day (decision-status.ts): a positive period past its validity reads as expired. */
const effectiveStatus = (day: string) => decisionStatusOnSql(sql.ref('s.status'), sql.ref('s.valid_to'), day);

// Organizations and programmes belong to the registry: filters on them are its id subqueries and
// the order its sort keys, so a register still filters, sorts and pages in one query.
function base(db: Db, register: 2 | 3, f: RegisterFilters) {
  let q = db
    .selectFrom('accreditation_decisions as d')
    .innerJoin('accreditation_decision_states as s', (join) =>
      join
        .onRef('s.decision_id', '=', 'd.id')
        .on(sql<boolean>`s.effective_from <= ${f.day}::date`)
        .on(sql<boolean>`(s.effective_to is null or s.effective_to > ${f.day}::date)`),
    )
    .where('d.kind', '=', register === 2 ? 'institutional' : 'programme');
  if (register === 3) {
    q = q.innerJoin('accreditation_decision_programmes as dp', 'dp.decision_id', 'd.id') as typeof q;
  }
  if (f.bodyId) q = q.where('d.body_id', '=', f.bodyId);
  if (f.organizationId) q = q.where('d.organization_id', '=', f.organizationId);
  if (f.organizationIds) q = q.where('d.organization_id', 'in', f.organizationIds.length ? f.organizationIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.programmeIds && register === 3) q = q.where(sql.ref('dp.programme_id'), 'in', f.programmeIds.length ? f.programmeIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.regionCode) q = q.where('d.organization_id', 'in', organizationIdsWhere(db, { regionCode: f.regionCode }));
  if (f.outcome) q = q.where('s.outcome', '=', f.outcome);
  if (f.statuses?.length) q = q.where(effectiveStatus(f.day), 'in', f.statuses);
  if (f.eurAce !== undefined) q = q.where(eurAceLabelledSql('d'), '=', f.eurAce);
  if (f.fieldCode) {
    const field = f.fieldCode;
    q =
      register === 3
        ? q.where(sql.ref('dp.programme_id'), 'in', programmeIdsWhere(db, { fieldCode: field }))
        : // An organization belongs to a field when it runs a programme in it.
          q.where('d.organization_id', 'in', organizationIdsWhere(db, { programmeFieldCode: field }));
  }
  if (f.q?.trim()) {
    const like = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('d.organization_id', 'in', organizationIdsWhere(db, { nameLike: like })),
        eb('d.certificate_number', 'ilike', like),
        ...(register === 3 ? [eb(sql.ref('dp.programme_id'), 'in', programmeIdsWhere(db, { textLike: like }))] : []),
      ]),
    );
  }
  return q;
}

function columns(day: string) {
  return [
    'd.id as decision_id',
    'd.case_id',
    'd.kind',
    eurAceLabelledSql('d').as('eur_ace'),
    'd.enaee_status',
    'd.cross_border',
    'd.decided_on',
    'd.certificate_number',
    's.outcome',
    's.term_years',
    's.valid_from',
    's.valid_to',
    effectiveStatus(day).as('status'),
    'd.organization_id as org_id',
    'd.body_id',
    'd.is_synthetic',
  ] as const;
}

type DecisionPart = Omit<RegisterRow, `org_${string}` | `body_${string}` | `programme_${string}`> & { org_id: string; body_id: string; programme_id?: string };

export async function listRegister(db: Db, register: 2 | 3, f: RegisterFilters, page: { limit: number; offset: number }) {
  const q = base(db, register, f);
  // biome-ignore lint/suspicious/noExplicitAny: the joined programme columns exist only for Register 3
  const withColumns = q.select(columns(f.day) as any) as SelectQueryBuilder<any, any, any>;
  const rows = register === 3 ? withColumns.select(['dp.programme_id as programme_id']) : withColumns;
  const byOrganization = rows.orderBy(organizationSortKey('d.organization_id', 'name_kk_sort'));
  const ordered =
    register === 3
      ? byOrganization.orderBy(programmeSortKey('dp.programme_id', 'code')).orderBy('d.decided_on', 'desc')
      : byOrganization.orderBy('d.decided_on', 'desc');
  const [found, count] = await Promise.all([
    ordered.orderBy('d.id').limit(page.limit).offset(page.offset).execute() as Promise<DecisionPart[]>,
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withNames(db, found), total: Number((count as { n: number }).n) };
}

/** The page's organization, body and programme columns, read through the registry's API. */
async function withNames(db: Db, found: DecisionPart[]): Promise<RegisterRow[]> {
  const programmeIds = found.flatMap((r) => (r.programme_id ? [r.programme_id] : []));
  const [orgs, programmes, facts] = await Promise.all([
    organizationsByIds(
      db,
      found.flatMap((r) => [r.org_id, r.body_id]),
    ),
    programmesByIds(db, programmeIds),
    programmeStandingFacts(db, programmeIds),
  ]);
  const fact = new Map(facts.map((f) => [f.id, f]));
  const org = new Map(orgs.map((o) => [o.id, o]));
  const programme = new Map(programmes.map((p) => [p.id, p]));
  // The inner joins this replaced left out rows whose organization, body or programme is gone; so does this.
  return found.flatMap((r) => {
    const o = org.get(r.org_id);
    const b = org.get(r.body_id);
    const p = r.programme_id ? programme.get(r.programme_id) : undefined;
    if (!o || !b || (r.programme_id && !p)) return [];
    const row: RegisterRow = {
      ...r,
      org_name_kk: o.name_kk,
      org_name_ru: o.name_ru,
      org_name_en: o.name_en,
      org_short_name: o.short_name,
      org_region_code: o.region_code,
      org_is_synthetic: o.is_synthetic,
      body_name_kk: b.name_kk,
      body_name_ru: b.name_ru,
      body_name_en: b.name_en,
      body_short_name: b.short_name,
    };
    if (p) {
      Object.assign(row, {
        programme_code: p.code,
        programme_name_kk: p.name_kk,
        programme_name_ru: p.name_ru,
        programme_name_en: p.name_en,
        programme_field_code: p.field_code,
        programme_nqf_level: p.nqf_level,
        programme_degree: p.degree,
        programme_status: fact.get(p.id)?.status ?? p.status,
        programme_is_synthetic: fact.get(p.id)?.is_synthetic ?? false,
      });
    }
    return [row];
  });
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
  org_is_synthetic: boolean;
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
  /** live register status: an update under review reads 'update' though the row shown is the included one */
  programme_status?: string;
  programme_is_synthetic?: boolean;
  is_synthetic: boolean;
};

/**
 * Organizations (Register 2) and programmes (Register 3) accredited on `day`: the same period join
 * and in-force statuses as the registers' default view, as a subquery of (entity_type, entity_id,
 * body_id, eur_ace) other modules' lists filter and count by.
 */
export function accreditedOnQuery(db: Db, day: string) {
  const inForce = { day, outcome: 'accredited', statuses: [...IN_FORCE_STATUSES] };
  const organizations = base(db, 2, inForce).select([sql.lit('organization').as('entity_type'), 'd.organization_id as entity_id', 'd.body_id', eurAceLabelledSql('d').as('eur_ace')]);
  const programmes = base(db, 3, inForce).select([sql.lit('programme').as('entity_type'), sql.ref('dp.programme_id').as('entity_id'), 'd.body_id', eurAceLabelledSql('d').as('eur_ace')]);
  return organizations.unionAll(programmes as unknown as typeof organizations);
}
