// Computes the national indicators of the catalogue from the owners' read APIs (never their
// tables), puts each beside the figure the seeds publish, and says where every input came from.
// Public. Values are cached by data version (the audit trail's last sequence number; every change
// is audited) — see docs/decisions.md "Indicator values cached by data version".
import { type AccreditedFact, type ActivityFact, type ExpiringFact, accreditationsExpiring, accreditedFactsOn, agencyActivity } from '../accreditation/indicator-facts.api.ts';
import { type IssuedCell, credentialsIssuedCells } from '../credentials/indicator-facts.api.ts';
import { addMonths, todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { LangMap } from '../platform/db/schema.ts';
import { notFound, validationFailed } from '../platform/errors.ts';
import { type OrganizationFact, type ProgrammeFact, type StatisticFact, organizationFacts, programmeFacts, statisticFacts } from '../registry/indicator-facts.api.ts';
import { organizationIdByKey, organizationsByIds } from '../registry/registry.api.ts';
import { CATALOGUE, type DimensionId, type IndicatorDefinition, indicatorById } from './catalogue.ts';
import { type Cell, type Dim, type Filter, compareWithPublished, countBy, shareBy } from './indicators.rules.ts';
import { DIMENSION_NAMES, valueLabel } from './labels.ts';
import { type PublishedFigure, figuresOf, publishedFor } from './published.ts';
import { type Observation, grossEnrolmentRatio, newestCommonYear, sumObservations, yearOf } from './statistics.rules.ts';

type Accredited = { accreditedBy: string[] };
type Facts = {
  organizations: (OrganizationFact & Accredited)[];
  programmes: (ProgrammeFact & Accredited)[];
  activity: { year: string; body: string; measure: string; n: number }[];
  credentials: IssuedCell[];
  expiring: ExpiringFact[];
  statistics: Record<StatisticFact['dataset'], Observation[]>;
  /** demonstration records left out of every figure */
  syntheticLeftOut: number;
};

const MEASURES = ['institutional', 'programme', 'crossBorder', 'eurAce', 'refused'] as const;

async function gatherFacts(db: Db, day: string): Promise<Facts> {
  const [allOrganizations, allProgrammes, accredited, activity, allCredentials, allExpiring, allStatistics] = await Promise.all([
    organizationFacts(db),
    programmeFacts(db),
    accreditedFactsOn(db, day),
    agencyActivity(db, { realOnly: true }),
    credentialsIssuedCells(db),
    accreditationsExpiring(db, day, addMonths(day, 12)),
    statisticFacts(db),
  ]);
  // Demonstration (synthetic) records never count in indicators of real data (decision 120).
  const real = <T extends { isSynthetic: boolean }>(rows: readonly T[]) => rows.filter((r) => !r.isSynthetic);
  const organizations = real(allOrganizations);
  const programmes = real(allProgrammes);
  const credentials = real(allCredentials);
  const expiring = real(allExpiring);
  const statisticRows = real(allStatistics);
  const syntheticLeftOut =
    allOrganizations.length - organizations.length + allProgrammes.length - programmes.length + allStatistics.length - statisticRows.length +
    allCredentials.filter((c) => c.isSynthetic).reduce((n, c) => n + c.count, 0) + allExpiring.length - expiring.length;
  const statistics: Facts['statistics'] = { students: [], population: [], grants: [], faculty: [] };
  for (const r of statisticRows) {
    statistics[r.dataset].push({ period: r.period, value: r.value, source: r.source, region: r.regionCode, level: r.level, gender: r.gender, funding: r.funding, age: r.age, degree: r.degree, title: r.title });
  }
  const bodiesOf = (type: AccreditedFact['entityType']) => {
    const m = new Map<string, string[]>();
    for (const a of accredited) if (a.entityType === type) m.set(a.entityId, [...(m.get(a.entityId) ?? []), a.bodyId]);
    return m;
  };
  const orgBodies = bodiesOf('organization');
  const progBodies = bodiesOf('programme');
  return {
    organizations: organizations.map((o) => ({ ...o, accreditedBy: orgBodies.get(o.id) ?? [] })),
    programmes: programmes.map((p) => ({ ...p, accreditedBy: progBodies.get(p.id) ?? [] })),
    activity: activity.flatMap((a: ActivityFact) =>
      MEASURES.map((m) => ({ year: String(a.year), body: a.body_id, measure: m, n: { institutional: a.institutional, programme: a.programme, crossBorder: a.cross_border, eurAce: a.eur_ace, refused: a.refused }[m] })),
    ),
    credentials,
    expiring,
    statistics,
    syntheticLeftOut,
  };
}

const dims = <T>(of: Partial<Record<DimensionId, (r: T) => string | readonly string[] | null>>, numeratorOnly: DimensionId[] = []): Partial<Record<DimensionId, Dim<T>>> =>
  Object.fromEntries(Object.entries(of).map(([id, f]) => [id, { id, of: f, numeratorOnly: numeratorOnly.includes(id as DimensionId) }]));

const organizationDims = dims<OrganizationFact & Accredited>(
  { kind: (r) => r.kind, legalForm: (r) => r.legalForm, region: (r) => r.regionCode, body: (r) => r.accreditedBy },
  ['body'],
);
const programmeDims = dims<ProgrammeFact & Accredited>(
  { field: (r) => r.fieldCode, level: (r) => String(r.nqfLevel), language: (r) => r.languages, type: (r) => r.programmeType, region: (r) => r.regionCode, body: (r) => r.accreditedBy },
  ['body'],
);
const activityDims = dims<Facts['activity'][number]>({ year: (r) => r.year, body: (r) => r.body, measure: (r) => r.measure });
const credentialDims = dims<IssuedCell>({ field: (r) => r.fieldCode, level: (r) => (r.nqfLevel === null ? null : String(r.nqfLevel)), year: (r) => String(r.year) });
const expiringDims = dims<ExpiringFact>({ body: (r) => r.bodyId, decisionKind: (r) => r.kind });

type View = { by: DimensionId | undefined; filters: Partial<Record<DimensionId, string>> };
type Computation = (facts: Facts, view: View, grouped: boolean) => Cell[];

function viewOf<T>(table: Partial<Record<DimensionId, Dim<T>>>, view: View, grouped: boolean): { by: Dim<T> | undefined; filters: Filter<T>[] } {
  const filters = Object.entries(view.filters).flatMap(([id, value]) => {
    const dim = table[id as DimensionId];
    return dim && value !== undefined ? [{ dim, value }] : [];
  });
  return { by: grouped && view.by ? table[view.by] : undefined, filters };
}

const isUniversity = (o: OrganizationFact) => o.kind === 'university';

const STATISTIC_DIMS: Record<StatisticFact['dataset'], DimensionId[]> = {
  students: ['region', 'level', 'gender', 'funding'],
  population: ['region', 'gender'],
  grants: ['region', 'level'],
  faculty: ['region', 'gender', 'degree', 'title'],
};

/** The rows of the newest year of one dataset (or of the newest year several share). */
const ofYear = (rows: readonly Observation[], year: number | null) => (year === null ? [] : rows.filter((r) => yearOf(r.period) === year));

const datasetSum = (dataset: StatisticFact['dataset']): Computation => (f, v, g) => {
  const rows = f.statistics[dataset];
  return sumObservations(ofYear(rows, newestCommonYear(rows)), STATISTIC_DIMS[dataset], g ? v.by : undefined, v.filters as Record<string, string>);
};

const COMPUTATIONS: Record<string, Computation> = {
  'gross-enrolment-ratio': (f, v, g) => {
    const { students, population } = f.statistics;
    const year = newestCommonYear(students, population);
    return grossEnrolmentRatio(ofYear(students, year), ofYear(population, year), g ? v.by : undefined, v.filters as Record<string, string>);
  },
  students: datasetSum('students'),
  'state-grants': datasetSum('grants'),
  faculty: datasetSum('faculty'),
  organizations: (f, v, g) => {
    const { by, filters } = viewOf(organizationDims, v, g);
    return countBy(f.organizations, by, filters);
  },
  'universities-by-legal-form': (f, v, g) => {
    const { by, filters } = viewOf(organizationDims, v, g);
    return countBy(f.organizations.filter(isUniversity), by, filters);
  },
  programmes: (f, v, g) => {
    const { by, filters } = viewOf(programmeDims, v, g);
    return countBy(f.programmes, by, filters);
  },
  'programmes-innovative-share': (f, v, g) => {
    const { by, filters } = viewOf(programmeDims, v, g);
    return shareBy(f.programmes, by, filters, (p) => p.programmeType === 'innovative');
  },
  'programmes-standard-based-share': (f, v, g) => {
    const { by, filters } = viewOf(programmeDims, v, g);
    return shareBy(f.programmes, by, filters, (p) => p.basedOnStandard);
  },
  'programmes-accredited-share': (f, v, g) => {
    const { by, filters } = viewOf(programmeDims, v, g);
    return shareBy(f.programmes, by, filters, (p) => p.accreditedBy.length > 0);
  },
  'organizations-accredited-share': (f, v, g) => {
    const { by, filters } = viewOf(organizationDims, v, g);
    return shareBy(f.organizations.filter(isUniversity), by, filters, (o) => o.accreditedBy.length > 0);
  },
  'accreditations-expiring': (f, v, g) => {
    const { by, filters } = viewOf(expiringDims, v, g);
    return countBy(f.expiring, by, filters);
  },
  'agency-activity': (f, v, g) => {
    const { by, filters } = viewOf(activityDims, v, g);
    return countBy(f.activity, by, filters, (r) => r.n);
  },
  'credentials-issued': (f, v, g) => {
    const { by, filters } = viewOf(credentialDims, v, g);
    return countBy(f.credentials, by, filters, (r) => r.count);
  },
};

/** Filters an indicator starts from, where a total over every value would mislead (EUR-ACE® labels overlap programme accreditations). */
const DEFAULT_FILTERS: Record<string, Partial<Record<DimensionId, string>>> = { 'agency-activity': { measure: 'programme' } };

export type IndicatorQuery = { by?: DimensionId; asOf?: string } & Partial<Record<DimensionId, string>>;

type PublishedRef = { value: number; year: number; source: { document: string; lines: string }; note?: string };
const publishedRef = (p: PublishedFigure | undefined): PublishedRef | null =>
  p ? { value: p.value, year: p.year, source: p.source, ...(p.note && { note: p.note }) } : null;

// Cache: facts per (data version, day), results per (data version, indicator, query). Only the
// newest data version is kept; a minute's limit covers a write that bypassed the audit trail.
const FRESH_MS = 60_000;
let cache: { version: string; at: number; facts: Map<string, Promise<Facts>>; results: Map<string, unknown> } | undefined;

async function dataVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return String(row?.seq ?? 0);
}

async function cacheFor(db: Db) {
  const version = await dataVersion(db);
  if (!cache || cache.version !== version || Date.now() - cache.at > FRESH_MS) cache = { version, at: Date.now(), facts: new Map(), results: new Map() };
  return cache;
}

/** Forget cached values (tests that write past the services; the data version does it otherwise). */
export function forgetIndicatorCache(): void {
  cache = undefined;
}

export function listIndicators() {
  return { items: CATALOGUE.map((d) => summary(d)), total: CATALOGUE.length };
}

const summary = (d: IndicatorDefinition) => ({
  id: d.id,
  name: d.name,
  definition: d.definition,
  formula: d.formula,
  unit: d.unit,
  refresh: d.refresh,
  theme: d.theme,
  dimensions: d.dimensions.map((id) => ({ id, name: DIMENSION_NAMES[id] })),
  inputs: d.inputs,
});

async function bodyNames(db: Db, ids: readonly string[]): Promise<Map<string, LangMap>> {
  const orgs = await organizationsByIds(db, ids);
  return new Map(orgs.map((o) => [o.id, { kk: o.short_name ?? o.name_kk, ru: o.short_name ?? o.name_ru, en: o.short_name ?? o.name_en ?? o.name_ru }]));
}

/** Published figures name bodies by key ("kazsee"); the register by id. */
async function bodyKeys(db: Db, figures: readonly PublishedFigure[]): Promise<Map<string, string>> {
  const keys = [...new Set(figures.map((f) => f.dims.body).filter((k): k is string => !!k))];
  const pairs = await Promise.all(keys.map(async (k) => [k, await organizationIdByKey(db, k)] as const));
  return new Map(pairs.filter((p): p is readonly [string, string] => !!p[1]));
}

export async function indicatorValues(ctx: Ctx, id: string, query: IndicatorQuery) {
  const definition = indicatorById(id);
  if (!definition) throw notFound('indicator', id);
  const asOf = query.asOf ?? todayInAlmaty();
  const by: DimensionId = query.by ?? (definition.dimensions[0] as DimensionId);
  if (!definition.dimensions.includes(by)) throw validationFailed([{ path: 'by', messageKey: 'errors.indicators.dimension', params: { dimension: by } }]);
  const filters: Partial<Record<DimensionId, string>> = { ...DEFAULT_FILTERS[id] };
  for (const dim of Object.keys(DIMENSION_NAMES) as DimensionId[]) {
    const value = query[dim];
    if (value === undefined || value === '') continue;
    if (!definition.dimensions.includes(dim)) throw validationFailed([{ path: dim, messageKey: 'errors.indicators.dimension', params: { dimension: dim } }]);
    filters[dim] = value;
  }
  delete filters[by];
  if (filters.body && !/^[0-9a-f-]{36}$/i.test(filters.body)) filters.body = (await organizationIdByKey(ctx.db, filters.body)) ?? filters.body;

  const store = await cacheFor(ctx.db);
  const resultKey = JSON.stringify([id, by, filters, asOf]);
  const cached = store.results.get(resultKey);
  if (cached) return cached as Awaited<ReturnType<typeof computeValues>>;
  const result = await computeValues(ctx.db, store, definition, { by, filters }, asOf);
  store.results.set(resultKey, result);
  return result;
}

async function computeValues(db: Db, store: NonNullable<typeof cache>, definition: IndicatorDefinition, view: View & { by: DimensionId }, asOf: string) {
  const compute = COMPUTATIONS[definition.id];
  let facts = store.facts.get(asOf);
  if (compute && !facts) {
    facts = gatherFacts(db, asOf);
    store.facts.set(asOf, facts);
  }
  const ready = facts ? await facts : undefined;
  const cells = compute && ready ? compute(ready, view, true) : [];
  const total = compute && ready ? (compute(ready, view, false)[0] ?? null) : null;

  // Published figures name bodies by key; compare in the register's ids.
  const bodyFilter = view.filters.body;
  const keyOfBody = await bodyKeys(db, figuresOf(definition.id));
  const idToKey = new Map([...keyOfBody].map(([k, v]) => [v, k]));
  const publishedFilters = { ...view.filters, ...(bodyFilter && { body: idToKey.get(bodyFilter) ?? bodyFilter }) } as Record<string, string>;
  const published = publishedFor(definition.id, view.by, publishedFilters);
  const groupKey = (p: PublishedFigure) => {
    const k = p.dims[view.by] as string;
    return view.by === 'body' ? (keyOfBody.get(k) ?? k) : k;
  };
  const compared = compareWithPublished(
    compute ? cells : [],
    published.groups.map((p) => ({ key: groupKey(p), value: p.value })),
    compute && definition.unit === 'count' ? 0 : null,
  );
  const bodies = await bodyNames(db, view.by === 'body' ? compared.flatMap((c) => (c.key ? [c.key] : [])) : []);
  const values = compared.map((c) => {
    const cell = cells.find((x) => x.key === c.key);
    const figure = published.groups.find((p) => groupKey(p) === c.key);
    return {
      key: c.key,
      label: valueLabel(view.by, c.key, bodies),
      value: c.computed,
      ...(cell?.denominator !== undefined && { numerator: cell.numerator, denominator: cell.denominator }),
      published: publishedRef(figure),
      difference: c.difference,
    };
  });
  const totalPublished = publishedRef(published.total);
  const totalValue = total?.value ?? null;
  return {
    ...summary(definition),
    by: view.by,
    filters: view.filters,
    asOf,
    dataVersion: store.version,
    values,
    total: {
      value: totalValue,
      ...(total?.denominator !== undefined && { numerator: total.numerator, denominator: total.denominator }),
      published: totalPublished,
      difference: totalValue === null || !totalPublished ? null : Math.round((totalValue - totalPublished.value) * 10) / 10,
    },
    lineage: [...lineageOf(definition, [...published.groups, ...(published.total ? [published.total] : [])]), ...(ready ? datasetLineage(definition, ready) : [])],
    syntheticLeftOut: ready?.syntheticLeftOut ?? 0,
  };
}

function lineageOf(definition: IndicatorDefinition, figures: readonly PublishedFigure[]) {
  const registers = definition.inputs.flatMap((i) => (i.source.kind === 'register' ? [{ input: i.name, kind: 'register' as const, module: i.source.module, api: i.source.api }] : []));
  const documents = [...new Map(figures.map((f) => [`${f.source.document}#${f.source.lines}`, f.source])).values()].map((s) => ({
    input: 'published',
    kind: 'published' as const,
    document: s.document,
    lines: s.lines,
  }));
  return [...registers, ...documents];
}

/** The imported datasets a value comes from: the periods used, the sources they name, how many observations. */
function datasetLineage(definition: IndicatorDefinition, facts: Facts) {
  const names = definition.inputs.flatMap((i) => (i.source.kind === 'dataset' ? [i.source.dataset as StatisticFact['dataset']] : []));
  const year = newestCommonYear(...names.map((n) => facts.statistics[n]));
  return names.map((name) => {
    const rows = ofYear(facts.statistics[name], year);
    return {
      input: name,
      kind: 'dataset' as const,
      dataset: name,
      periods: [...new Set(rows.map((r) => r.period))].sort(),
      sources: [...new Set(rows.map((r) => String(r.source)))].sort(),
      observations: rows.length,
    };
  });
}

export type IndicatorValues = Awaited<ReturnType<typeof indicatorValues>>;
