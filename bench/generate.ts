// A national-scale synthetic data set for the benchmarks: organizations across every region,
// programmes with their version history and search documents, sectoral frameworks and
// occupational standards. Every row is is_synthetic; a seeded generator makes runs comparable.
//
// Run: `npx tsx bench/generate.ts` (fresh embedded database in data/bench/db) or with
// DATABASE_URL set (that PostgreSQL database, which must not hold synthetic data yet).
import { versionSummary } from '../src/platform/history/history.ts';
import { rebuildLexicon, searchDocumentRow } from '../src/platform/search/search-index.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Insertable, sql } from 'kysely';
import type { Occupation, SqfLevel } from '../src/frameworks/frameworks.table.ts';
import type { Db } from '../src/platform/db/database.ts';
import type { Database, LangMap } from '../src/platform/db/schema.ts';
import { toJson } from '../src/platform/db/schema.ts';
import type { Course, Outcome } from '../src/registry/registry.table.ts';
import {
  type CodeEntry,
  FALLBACK_DIRECTIONS,
  FALLBACK_FIELDS,
  FALLBACK_LANGUAGES,
  FALLBACK_ORGANIZATION_KINDS,
  FALLBACK_REGIONS,
  FALLBACK_STUDY_FORMS,
  fallbackNqfLevel,
} from './lib/fallback.ts';
import { Rng } from './lib/prng.ts';
import type { Progress } from './lib/progress.ts';
import { tableProgress } from './lib/progress.ts';
import * as V from './lib/vocabulary.ts';

/** A version's stored JSON and the scalar summary asOf lists read, as recordChange writes them. */
const versionColumns = (data: unknown) => ({ data: toJson(data), summary: toJson(versionSummary(data)) });

export type { Progress };

export type GenerateOptions = {
  organizations?: number;
  programmes?: number;
  sqfs?: number;
  standards?: number;
  /** Same seed, same data set. */
  seed?: string;
  batchSize?: number;
  onProgress?: Progress;
};

export type GeneratedDataSet = {
  rows: Record<string, number>;
  programmeIds: string[];
  /** Programmes anyone may read (included at some point); the others answer 404 to the public. */
  publicProgrammeIds: string[];
  organizationIds: string[];
  /** Region codes ordered by how many generated organizations they hold (most first). */
  regionCodes: string[];
  /** Which classifier codes came from the database and which from the built-in fallback. */
  reference: Record<string, 'database' | 'fallback'>;
  /** Milliseconds spent inserting each table. */
  tableMs: Record<string, number>;
  ms: number;
};

const ACTOR = 'bench generator';
/** Fixed "now" of the data set: dates do not drift between runs. */
const NOW = Date.UTC(2025, 8, 1);
const DAY = 86_400_000;

const LEVELS = { B: 6, M: 7, D: 8 } as const;
type Letter = keyof typeof LEVELS;

type Named = { name_kk: string; name_ru: string; name_en: string };
const names = (n: LangMap): Named => ({
  name_kk: n.kk,
  name_ru: n.ru,
  name_en: n.en,
});
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The row upsertSearchDocument writes, from the generator's flat description of a record. */
function searchRow(doc: {
  entityType: string;
  entityId: string;
  title: LangMap;
  aliases?: string[];
  codes?: string[];
  body?: string[];
  regionCode?: string | null;
  fieldCode?: string | null;
  nqfLevel?: number | null;
  languages?: string[];
  organizationKind?: string | null;
  organizationId?: string | null;
  status?: string | null;
  isPublic?: boolean;
}): Insertable<Database['search_documents']> {
  const { regionCode, fieldCode, nqfLevel, languages, organizationKind, organizationId, status, ...rest } = doc;
  const row = searchDocumentRow({ ...rest, facets: { regionCode, fieldCode, nqfLevel, languages, organizationKind, organizationId, status }, isSynthetic: true });
  // The table type says string (what is read); what is written is this expression.
  return { ...row, tsv: row.tsv as unknown as string, tsv_title: row.tsv_title as unknown as string };
}

/** Kazakhstan BIN: 12 digits, the last a check digit over the first 11 (two weight passes). */
function bin(rng: Rng, n: number): string {
  for (let attempt = 0; ; attempt++) {
    const yymm = `${pad(rng.int(0, 24), 2)}${pad(rng.int(1, 12), 2)}`;
    const body = `${yymm}40${pad((n * 7 + attempt * 9973) % 100_000, 5)}`;
    const digits = [...body].map(Number);
    const sum = (weights: number[]) => digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
    let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if (check < 10) return `${body}${check}`;
  }
}

type Reference = {
  regions: CodeEntry[];
  fields: CodeEntry[];
  directions: CodeEntry[];
  groups: CodeEntry[];
  languages: string[];
  studyForms: string[];
  legalForms: string[];
  kinds: { university: string; college: string };
  degrees: Map<number, string[]>;
  source: Record<string, 'database' | 'fallback'>;
};

async function loadReference(db: Db): Promise<Reference> {
  const source: Record<string, 'database' | 'fallback'> = {};
  const entries = async (classifier: string, fallback: CodeEntry[], valid: (e: CodeEntry) => boolean = () => true): Promise<CodeEntry[]> => {
    const rows = await db
      .selectFrom('classifier_entries as e')
      .innerJoin('classifier_versions as v', (j) => j.onRef('v.classifier', '=', 'e.classifier').onRef('v.version', '=', 'e.version'))
      .select(['e.code', 'e.parent_code', 'e.name_kk', 'e.name_ru', 'e.name_en', 'e.attributes'])
      .where('e.classifier', '=', classifier)
      .where('v.valid_to', 'is', null)
      .orderBy('e.code')
      .execute();
    const found = rows
      .map((r) => ({
        code: r.code,
        parentCode: r.parent_code,
        name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
        attributes: r.attributes ?? {},
      }))
      .filter(valid);
    source[classifier] = found.length ? 'database' : 'fallback';
    return found.length ? found : fallback;
  };
  const regions = await entries('region', FALLBACK_REGIONS);
  const fields = await entries('field', FALLBACK_FIELDS, (e) => /^\d{2}$/.test(e.code));
  const fieldCodes = new Set(fields.map((f) => f.code));
  const directions = await entries(
    'direction',
    FALLBACK_DIRECTIONS.filter((d) => fieldCodes.has(d.parentCode ?? '')),
    (e) => /^\d{3}$/.test(e.code),
  );
  const groups = await entries('programme-group', []);
  const codes = async (classifier: string, fallback: string[]) =>
    (
      await entries(
        classifier,
        fallback.map((code) => ({
          code,
          parentCode: null,
          name: { kk: code, ru: code, en: code },
          attributes: {},
        })),
      )
    ).map((e) => e.code);
  const languages = await codes('language', FALLBACK_LANGUAGES);
  const studyForms = await codes('study-form', FALLBACK_STUDY_FORMS);
  const legalForms = await codes('legal-form', []);
  const kindCodes = await codes('organization-kind', Object.values(FALLBACK_ORGANIZATION_KINDS));
  const kinds = {
    university: kindCodes.find((k) => k === 'university') ?? kindCodes.find((k) => /univ|higher/i.test(k)) ?? 'university',
    college: kindCodes.find((k) => k === 'college') ?? kindCodes.find((k) => /college|tvet|vocational/i.test(k)) ?? 'college',
  };
  const degrees = new Map<number, string[]>();
  for (const t of await db.selectFrom('qualification_types').select(['key', 'nqf_level']).orderBy('key').execute()) {
    if (t.nqf_level === null) continue;
    degrees.set(t.nqf_level, [...(degrees.get(t.nqf_level) ?? []), t.key]);
  }
  source['qualification-types'] = degrees.size ? 'database' : 'fallback';
  const levels = await db.selectFrom('nqf_levels').select('level').execute();
  source['nqf-levels'] = levels.length >= 8 ? 'database' : 'fallback';
  if (levels.length < 8) {
    const have = new Set(levels.map((l) => l.level));
    const missing = [1, 2, 3, 4, 5, 6, 7, 8].filter((l) => !have.has(l)).map(fallbackNqfLevel);
    await db.insertInto('nqf_levels').values(missing).execute();
  }
  return {
    regions,
    fields,
    directions,
    groups,
    languages,
    studyForms,
    legalForms,
    kinds,
    degrees,
    source,
  };
}

/**
 * Inserts rows in batches of multi-row INSERTs, in one transaction per table. For big tables the
 * secondary indexes (not those behind constraints) are dropped first and rebuilt from their own
 * definitions at the end, in the same transaction: building a GIN index once is several times
 * cheaper than maintaining it row by row.
 */
async function insertAll<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  batchSize: number,
  onProgress: Progress,
): Promise<number> {
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    const deferred =
      rows.length >= 5000
        ? (
            await sql<{ name: string; definition: string }>`
              SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
              FROM pg_index i
              WHERE i.indrelid = ${table}::regclass
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(trx)
          ).rows
        : [];
    for (const index of deferred) await sql`DROP INDEX ${sql.raw(index.name)}`.execute(trx);
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      // Kysely cannot narrow a generic table's insert type; the rows are typed by the caller.
      await trx
        .insertInto(table)
        .values(batch as never)
        .execute();
      onProgress(table, i + batch.length, rows.length);
    }
    for (const index of deferred) await sql.raw(index.definition).execute(trx);
  });
  return Math.round(performance.now() - started);
}

/** Fields a kind of university (V.UNIVERSITY_TYPES, same order) mostly teaches; empty: all. */
const UNIVERSITY_PROFILES: string[][] = [
  [],
  ['06', '07', '05'],
  ['01'],
  ['10'],
  ['08', '09'],
  ['04', '03'],
  ['02', '03', '01'],
  ['07', '06'],
  ['04', '06', '03'],
  ['03', '04', '02', '06'],
  ['02'],
  ['11', '01'],
];

/** The degrees new programmes mostly lead to, per NQF level (others of the level are rarer). */
const USUAL_DEGREES: Record<number, string[]> = {
  6: ['bachelor'],
  7: ['master-scientific-pedagogical', 'master-profile'],
  8: ['phd', 'doctor-by-profile'],
};

export async function generateNationalDataSet(db: Db, options: GenerateOptions = {}): Promise<GeneratedDataSet> {
  const started = performance.now();
  const total = {
    organizations: options.organizations ?? 1000,
    programmes: options.programmes ?? 10_000,
    sqfs: options.sqfs ?? 50,
    standards: options.standards ?? 600,
  };
  const seed = options.seed ?? 'sapa-bench-1';
  const batchSize = options.batchSize ?? 500;
  const onProgress = options.onProgress ?? (() => {});
  const rng = (purpose: string) => new Rng(`${seed}:${purpose}`);
  const ref = await loadReference(db);
  const rows: Record<string, number> = {};
  const tableMs: Record<string, number> = {};
  const searchDocuments: Insertable<Database['search_documents']>[] = [];

  // Sectoral qualifications frameworks and their qualification maps.
  const r = rng('sqfs');
  const sqfs: Insertable<Database['sqfs']>[] = [];
  const sqfQualifications: Insertable<Database['sqf_qualifications']>[] = [];
  const sqfIdsBySector = new Map<number, string[]>();
  for (let i = 0; i < total.sqfs; i++) {
    const sectorIndex = i % V.SECTORS.length;
    const sector = V.SECTORS[sectorIndex] as (typeof V.SECTORS)[number];
    const part = Math.floor(i / V.SECTORS.length);
    const id = r.uuid();
    const code = `SYN-SQF-${pad(i + 1, 3)}`;
    const suffix = part
      ? {
          kk: ` (${part + 1}-бөлім)`,
          ru: ` (часть ${part + 1})`,
          en: ` (part ${part + 1})`,
        }
      : { kk: '', ru: '', en: '' };
    const name = {
      kk: `${sector.name.kk} саласының біліктілік шеңбері${suffix.kk}`,
      ru: `Отраслевая рамка квалификаций: ${sector.name.ru.toLowerCase()}${suffix.ru}`,
      en: `Sectoral qualifications framework: ${sector.name.en.toLowerCase()}${suffix.en}`,
    };
    const minLevel = r.int(1, 3);
    const maxLevel = r.int(6, 8);
    const levels: SqfLevel[] = [];
    for (let l = minLevel; l <= maxLevel; l++) levels.push({ level: l, sublevel: null, descriptor: V.LEVEL_DESCRIPTOR });
    sqfs.push({
      id,
      code,
      ...names(name),
      sector_kk: sector.name.kk,
      sector_ru: sector.name.ru,
      sector_en: sector.name.en,
      oked_codes: sector.oked,
      developer: `Synthetic sector council: ${sector.name.en}`,
      approved_on: isoDate(NOW - r.int(200, 2500) * DAY),
      version: String(r.int(1, 3)),
      status: 'active',
      levels: toJson(levels),
      is_synthetic: true,
      source: null,
    });
    sqfIdsBySector.set(sectorIndex, [...(sqfIdsBySector.get(sectorIndex) ?? []), id]);
    const count = r.int(10, 25);
    for (let q = 0; q < count; q++) {
      const role = r.pick(V.OCCUPATION_ROLES);
      const level = r.int(minLevel, maxLevel);
      const isco = r.pick(sector.isco);
      sqfQualifications.push({
        sqf_id: id,
        code: `${code}-${pad(q + 1, 2)}`,
        name_kk: `${role.kk} (${sector.name.kk.toLowerCase()}), ${level}-деңгей`,
        name_ru: `${role.ru} (${sector.name.ru.toLowerCase()}), уровень ${level}`,
        name_en: `${role.en} (${sector.name.en.toLowerCase()}), level ${level}`,
        nqf_level: level,
        sublevel: r.chance(0.3) ? `${level}.${r.int(1, 3)}` : null,
        isco_codes: [isco],
        nkz_codes: [`${isco}-${r.int(1, 9)}-${pad(r.int(1, 999), 3)}`],
        oked_codes: r.sample(sector.oked, r.int(1, sector.oked.length)),
      });
    }
    searchDocuments.push(
      searchRow({
        entityType: 'sqf',
        entityId: id,
        title: name,
        codes: [code, ...sector.oked],
        body: [sector.name.kk, sector.name.ru, sector.name.en],
        status: 'active',
      }),
    );
  }
  tableMs.sqfs = await insertAll(db, 'sqfs', sqfs, batchSize, onProgress);
  tableMs.sqf_qualifications = await insertAll(db, 'sqf_qualifications', sqfQualifications, batchSize, onProgress);
  rows.sqfs = sqfs.length;
  rows.sqf_qualifications = sqfQualifications.length;

  // Occupational standards with occupations and labour functions.
  const rs = rng('standards');
  const standards: Insertable<Database['occupational_standards']>[] = [];
  const standardIds: string[] = [];
  for (let i = 0; i < total.standards; i++) {
    const sectorIndex = rs.int(0, V.SECTORS.length - 1);
    const sector = V.SECTORS[sectorIndex] as (typeof V.SECTORS)[number];
    const id = rs.uuid();
    const code = `SYN-OS-${pad(i + 1, 4)}`;
    const occupations: Occupation[] = [];
    const occupationCount = rs.int(1, 4);
    for (let o = 0; o < occupationCount; o++) {
      const role = rs.pick(V.OCCUPATION_ROLES);
      const nqfLevel = rs.int(2, 8);
      const isco = rs.pick(sector.isco);
      occupations.push({
        code: `${code}-${o + 1}`,
        name: {
          kk: `${role.kk} (${sector.name.kk.toLowerCase()})`,
          ru: `${role.ru} (${sector.name.ru.toLowerCase()})`,
          en: `${role.en} (${sector.name.en.toLowerCase()})`,
        },
        nqfLevel,
        sqfSublevel: rs.chance(0.3) ? `${nqfLevel}.${rs.int(1, 3)}` : null,
        iscoCode: isco,
        nkzCode: `${isco}-${rs.int(1, 9)}-${pad(rs.int(1, 999), 3)}`,
        labourFunctions: rs.sample(V.LABOUR_FUNCTIONS, rs.int(2, 4)).map((f, k) => ({
          code: `${code}-${o + 1}.${k + 1}`,
          name: f,
          skills: rs.sample(V.SKILLS, rs.int(2, 3)),
          knowledge: rs.sample(V.KNOWLEDGE, rs.int(2, 3)),
        })),
      });
    }
    const first = occupations[0] as Occupation;
    const name = {
      kk: `Кәсіптік стандарт: ${first.name.kk}`,
      ru: `Профессиональный стандарт: ${first.name.ru}`,
      en: `Occupational standard: ${first.name.en}`,
    };
    const status = rs.chance(0.9) ? 'active' : 'superseded';
    standards.push({
      id,
      code,
      ...names(name),
      sector_kk: sector.name.kk,
      sector_ru: sector.name.ru,
      sector_en: sector.name.en,
      developer: `Synthetic sector council: ${sector.name.en}`,
      approved_on: isoDate(NOW - rs.int(100, 2500) * DAY),
      version: String(rs.int(1, 3)),
      status,
      sqf_id: rs.chance(0.8) ? rs.pick(sqfIdsBySector.get(sectorIndex) ?? [null]) : null,
      nqf_levels: [...new Set(occupations.map((o) => o.nqfLevel))].sort(),
      occupations: toJson(occupations),
      is_synthetic: true,
      source: null,
    });
    standardIds.push(id);
    searchDocuments.push(
      searchRow({
        entityType: 'occupational-standard',
        entityId: id,
        title: name,
        codes: [code, ...occupations.map((o) => o.iscoCode ?? '').filter(Boolean)],
        body: occupations.flatMap((o) => [o.name.kk, o.name.ru, o.name.en]),
        status,
      }),
    );
  }
  tableMs.occupational_standards = await insertAll(db, 'occupational_standards', standards, batchSize, onProgress);
  rows.occupational_standards = standards.length;

  // Organizations: universities and colleges in every region, cities weighted up.
  const ro = rng('organizations');
  const regionWeights = ref.regions.map((reg) => [reg, reg.attributes.kind === 'city' ? 4 : 1] as const);
  const universityCount = Math.max(1, Math.round(total.organizations * 0.13));
  type Org = {
    id: string;
    kind: string;
    regionCode: string;
    typeIndex: number;
    row: Insertable<Database['organizations']>;
    name: LangMap;
  };
  const orgs: Org[] = [];
  const collegeNumbers = new Map<string, number>();
  for (let i = 0; i < total.organizations; i++) {
    const isUniversity = i < universityCount;
    const reg = ro.weighted(regionWeights);
    const centre = (reg.attributes.centre as LangMap | undefined) ?? reg.name;
    const typeIndex = ro.int(0, (isUniversity ? V.UNIVERSITY_TYPES : V.COLLEGE_TYPES).length - 1);
    let name: LangMap;
    let shortName: string | null = null;
    if (isUniversity) {
      const type = V.UNIVERSITY_TYPES[typeIndex] as LangMap;
      const person = ro.pick(V.NAMED_AFTER);
      name = {
        kk: `${person.kk} атындағы ${centre.kk} ${type.kk}`,
        ru: `${type.ru} имени ${person.ru} (${centre.ru})`,
        en: `${person.en} ${centre.en} ${type.en}`,
      };
      shortName = name.en
        .split(/[\s-]+/)
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w[0])
        .join('');
    } else {
      const type = V.COLLEGE_TYPES[typeIndex] as LangMap;
      const n = (collegeNumbers.get(reg.code) ?? 0) + 1;
      collegeNumbers.set(reg.code, n);
      name = {
        kk: `${centre.kk} №${n} ${type.kk}`,
        ru: `${type.ru} № ${n} (${centre.ru})`,
        en: `${centre.en} ${type.en} No. ${n}`,
      };
    }
    const id = ro.uuid();
    const createdAt = new Date(NOW - ro.int(400, 3000) * DAY);
    const kind = isUniversity ? ref.kinds.university : ref.kinds.college;
    const status = ro.weighted([
      ['active', 97],
      ['reorganized', 2],
      ['closed', 1],
    ] as const);
    orgs.push({
      id,
      kind,
      regionCode: reg.code,
      typeIndex,
      name,
      row: {
        id,
        key: null,
        bin: bin(ro, i),
        identifiers: toJson({}),
        ...names(name),
        short_name: shortName,
        aliases: shortName ? [shortName] : [],
        kind,
        legal_form: ref.legalForms.length ? ro.pick(ref.legalForms) : null,
        region_code: reg.code,
        status,
        website: `https://example.org/sapa-synthetic/${isUniversity ? 'u' : 'c'}${pad(i + 1, 4)}`,
        is_synthetic: true,
        source: null,
        row_version: 1,
        created_at: createdAt,
        updated_at: createdAt,
      },
    });
  }

  // Programmes, allocated to universities by a skewed weight (a few large, many small).
  const rp = rng('programmes');
  const universities = orgs.filter((o) => o.kind === ref.kinds.university);
  const weights = universities.map((u) => [u, 0.2 + rp.next() ** 2 * 3] as const);
  const directionsByField = new Map<string, CodeEntry[]>();
  for (const d of ref.directions) directionsByField.set(d.parentCode ?? '', [...(directionsByField.get(d.parentCode ?? '') ?? []), d]);
  const fieldsWithDirections = ref.fields.filter((f) => directionsByField.has(f.code));
  const groupsFor = (letter: Letter, direction: string) =>
    ref.groups.filter(
      (g) => (g.attributes.level === letter || g.attributes.level === undefined) && (g.attributes.directionCode === direction || g.parentCode === direction),
    );
  const sequences = new Map<string, number>();
  const programmes: Insertable<Database['programmes']>[] = [];
  const versions: Insertable<Database['record_versions']>[] = [];
  const groupsByOrg = new Map<string, Set<string>>();
  const licenceIdByOrg = new Map(orgs.map((o) => [o.id, rp.uuid()]));
  const programmeIds: string[] = [];
  const publicProgrammeIds: string[] = [];
  for (let i = 0; i < total.programmes; i++) {
    const org = rp.weighted(weights);
    const profile = (UNIVERSITY_PROFILES[org.typeIndex] ?? []).filter((f) => directionsByField.has(f));
    const preferred = profile.length && rp.chance(0.75) ? rp.pick(profile) : null;
    const field = (preferred && ref.fields.find((f) => f.code === preferred)) || rp.pick(fieldsWithDirections);
    const direction = rp.pick(directionsByField.get(field.code) ?? []);
    const letter = rp.weighted([
      ['B', 60],
      ['M', 28],
      ['D', 12],
    ] as const);
    const nqfLevel = LEVELS[letter];
    const seqKey = `${org.id}:${letter}:${direction.code}`;
    const seq = (sequences.get(seqKey) ?? 0) + 1;
    sequences.set(seqKey, seq);
    const code = `${nqfLevel}${letter}${direction.code}${pad(seq % 100, 2)}`;
    const edition = Math.floor(seq / 100) + 1;
    const groups = groupsFor(letter, direction.code);
    const group = groups.length ? rp.pick(groups).code : null;
    if (group) groupsByOrg.set(org.id, (groupsByOrg.get(org.id) ?? new Set()).add(group));
    const topic = rp.pick(V.TOPICS);
    const name: LangMap =
      seq === 1
        ? direction.name
        : {
            kk: `${direction.name.kk}: ${topic.kk}`,
            ru: `${direction.name.ru}: ${topic.ru}`,
            en: `${direction.name.en}: ${topic.en}`,
          };
    const outcomes: Outcome[] = [];
    const outcomeCount = rp.int(6, 10);
    for (let o = 1; o <= outcomeCount; o++) {
      const verb = rp.pick(V.OUTCOME_VERBS);
      const object = rp.pick(V.OUTCOME_OBJECTS);
      outcomes.push({
        code: `LO${o}`,
        text: {
          kk: `${direction.name.kk} саласында ${object.kk} ${verb.kk}`,
          ru: `${capitalize(verb.ru)} ${object.ru} в области «${direction.name.ru.toLowerCase()}»`,
          en: `${capitalize(verb.en)} ${object.en} in ${direction.name.en.toLowerCase()}`,
        },
      });
    }
    const outcomeCodes = outcomes.map((o) => o.code);
    const courses: Course[] = [];
    const general = rp.sample(V.GENERAL_COURSES, letter === 'B' ? rp.int(8, 12) : rp.int(3, 5));
    const modules = rp.int(6, letter === 'B' ? 12 : 8);
    const prefix = `${direction.code}${letter}`;
    for (const g of general) {
      courses.push({
        code: `${prefix}${pad(courses.length + 1, 3)}`,
        name: g.name,
        cycle: g.cycle,
        component: g.component,
        credits: rp.int(3, 6),
        outcomes: rp.sample(outcomeCodes, rp.int(1, 2)),
      });
    }
    for (let k = 1; k <= modules; k++) {
      const kindOf = rp.pick(V.MODULE_KINDS);
      const about = rp.pick(V.TOPICS);
      courses.push({
        code: `${prefix}${pad(courses.length + 1, 3)}`,
        name: {
          kk: `${kindOf.kk} ${k}: ${about.kk}`,
          ru: `${kindOf.ru} ${k}: ${about.ru}`,
          en: `${kindOf.en} ${k}: ${about.en}`,
        },
        cycle: letter === 'B' ? 'major' : rp.pick(['major', 'research'] as const),
        component: rp.chance(0.5) ? 'core' : 'elective',
        credits: rp.int(4, 8),
        outcomes: rp.sample(outcomeCodes, rp.int(1, 3)),
      });
    }
    courses.push({
      code: `${prefix}${pad(courses.length + 1, 3)}`,
      name: V.FINAL_ATTESTATION,
      cycle: 'final-attestation',
      component: 'mandatory',
      credits: rp.int(8, 12),
      outcomes: rp.sample(outcomeCodes, 2),
    });
    const status = rp.weighted([
      ['included', 85],
      ['update', 4],
      ['excluded', 3],
      ['expert-review', 2],
      ['submitted', 2],
      ['returned', 2],
      ['draft', 2],
    ] as const);
    const everIncluded = status === 'included' || status === 'update' || status === 'excluded';
    const languages = rp.chance(0.6) ? ref.languages.filter((l) => l === 'kk' || l === 'ru') : rp.sample(ref.languages, rp.int(1, 2));
    const studyForms = rp.chance(0.8) ? ref.studyForms.slice(0, 1) : rp.sample(ref.studyForms, 2);
    const partner = rp.chance(0.05) ? rp.pick(universities).id : null;
    const partnerIds = partner && partner !== org.id ? [partner] : [];
    const degrees = ref.degrees.get(nqfLevel) ?? [];
    const usual = degrees.filter((d) => USUAL_DEGREES[nqfLevel]?.includes(d));
    const degree = usual.length && rp.chance(0.95) ? rp.pick(usual) : degrees.length ? rp.pick(degrees) : null;
    // Version history: created between 2018 and mid-2024, then revised every few months to years.
    const versionCount = rp.weighted([
      [1, 30],
      [2, 35],
      [3, 25],
      [4, 10],
    ] as const);
    const times = [NOW - rp.int(450, 2700) * DAY];
    while (times.length < versionCount) {
      const next = (times[times.length - 1] as number) + rp.int(60, 500) * DAY;
      if (next >= NOW - DAY) break;
      times.push(next);
    }
    const id = rp.uuid();
    programmeIds.push(id);
    if (everIncluded) publicProgrammeIds.push(id);
    const row = {
      id,
      organization_id: org.id,
      code,
      edition,
      name_kk: name.kk,
      name_ru: name.ru,
      name_en: name.en,
      field_code: field.code,
      narrow_field_code: direction.code,
      group_code: group,
      programme_type: rp.weighted([
        ['existing', 85],
        ['new', 10],
        ['innovative', 5],
      ] as const),
      nqf_level: nqfLevel,
      degree,
      credits_ects: letter === 'B' ? 240 : letter === 'M' ? (degree === 'master-profile' ? rp.pick([60, 90]) : 120) : 180,
      languages,
      study_forms: studyForms,
      occupational_standard_ids: rp.sample(standardIds, rp.int(0, 2)),
      atlas_entries: [] as string[],
      partner_ids: partnerIds,
      partnership: partnerIds.length ? rp.pick(['double', 'joint']) : null,
      licence_id: licenceIdByOrg.get(org.id) ?? null,
      council_approved_on: isoDate(times[0] as number),
      objective: {
        kk: `${direction.name.kk} саласындағы бәсекеге қабілетті мамандарды даярлау`,
        ru: `Подготовка конкурентоспособных специалистов в области «${direction.name.ru.toLowerCase()}»`,
        en: `To prepare competitive professionals in ${direction.name.en.toLowerCase()}`,
      },
      distinctive_features: rp.chance(0.3)
        ? {
            kk: `Ерекшелігі: ${topic.kk}`,
            ru: `Особенность: ${topic.ru}`,
            en: `Distinctive feature: ${topic.en}`,
          }
        : null,
      outcomes,
      courses,
      status,
      review_comment: status === 'returned' || status === 'excluded' ? 'Synthetic review comment: the learning outcomes need revision.' : null,
    };
    // The same shape as presentProgramme (src/registry/programme.service.ts), as recordChange stores it.
    const presented = (version: number, at: number, versionCourses: Course[], versionStatus: string) => ({
      id,
      organizationId: org.id,
      code,
      edition,
      name,
      fieldCode: field.code,
      directionCode: direction.code,
      groupCode: group,
      programmeType: row.programme_type,
      nqfLevel,
      degree: row.degree,
      creditsEcts: row.credits_ects,
      languages,
      studyForms,
      occupationalStandardIds: row.occupational_standard_ids,
      atlasEntries: [],
      partnerIds,
      partnership: row.partnership,
      licenceId: row.licence_id,
      councilApprovedOn: row.council_approved_on,
      objective: row.objective,
      distinctiveFeatures: row.distinctive_features,
      outcomes,
      courses: versionCourses,
      status: versionStatus,
      reviewComment: versionStatus === status ? row.review_comment : null,
      public: everIncluded,
      isSynthetic: true,
      source: null,
      version,
      updatedAt: new Date(at).toISOString(),
    });
    // Public programmes enter as included (migrated from the previous register) and are revised;
    // the others are drafts that moved on to their current step.
    const lastAction: Record<string, string> = {
      included: 'programme.update',
      update: 'programme.start-update',
      excluded: 'programme.exclude',
      submitted: 'programme.submit',
      'expert-review': 'programme.start-review',
      returned: 'programme.return',
      draft: 'programme.update',
    };
    times.forEach((at, v) => {
      const last = v === times.length - 1;
      // Earlier editions of the passport had fewer courses; the latest is the row itself.
      const versionCourses = last ? courses : courses.slice(0, Math.max(1, courses.length - (times.length - 1 - v) * rp.int(1, 2)));
      const versionStatus = last ? status : everIncluded ? 'included' : 'draft';
      const action =
        v === 0 ? (everIncluded ? 'programme.include' : 'programme.create') : last ? (lastAction[status] ?? 'programme.update') : 'programme.update';
      versions.push({
        entity_type: 'programme',
        entity_id: id,
        version: v + 1,
        valid_from: new Date(at),
        valid_to: last ? null : new Date(times[v + 1] as number),
        action,
        actor_id: null,
        actor_label: ACTOR,
        request_id: null,
        ...versionColumns(presented(v + 1, at, versionCourses, versionStatus)),
      });
    });
    const lastAt = new Date(times[times.length - 1] as number);
    programmes.push({
      ...row,
      objective: toJson(row.objective),
      distinctive_features: row.distinctive_features ? toJson(row.distinctive_features) : null,
      outcomes: toJson(outcomes),
      courses: toJson(courses),
      is_synthetic: true,
      source: null,
      first_included_at: everIncluded ? new Date(times[0] as number) : null,
      row_version: times.length,
      created_at: new Date(times[0] as number),
      updated_at: lastAt,
    });
    // As indexProgramme builds it (src/registry/programme.service.ts).
    searchDocuments.push(
      searchRow({
        entityType: 'programme',
        entityId: id,
        title: name,
        codes: [code],
        body: [
          org.name.kk,
          org.name.ru,
          org.name.en,
          ...outcomes.flatMap((o) => [o.text.kk, o.text.ru, o.text.en]),
          ...courses.flatMap((c) => [c.name.kk, c.name.ru, c.name.en]),
          row.objective.kk,
          row.objective.ru,
          row.objective.en,
        ],
        regionCode: org.regionCode,
        fieldCode: field.code,
        nqfLevel,
        languages,
        organizationKind: org.kind,
        organizationId: org.id,
        status,
        isPublic: everIncluded,
      }),
    );
  }

  // Organizations' own history (a create, sometimes an update) and their search documents.
  const orgVersions: Insertable<Database['record_versions']>[] = [];
  for (const o of orgs) {
    const created = o.row.created_at as Date;
    const updated = ro.chance(0.2) ? new Date(created.getTime() + ro.int(30, 300) * DAY) : null;
    if (updated) {
      o.row.row_version = 2;
      o.row.updated_at = updated;
    }
    const presented = (version: number, at: Date, website: string | null) => ({
      id: o.id,
      key: null,
      bin: o.row.bin,
      identifiers: {},
      name: o.name,
      shortName: o.row.short_name,
      aliases: o.row.aliases,
      kind: o.kind,
      legalForm: o.row.legal_form,
      regionCode: o.regionCode,
      status: o.row.status,
      website,
      isSynthetic: true,
      source: null,
      version,
      updatedAt: at.toISOString(),
    });
    const base = {
      entity_type: 'organization',
      entity_id: o.id,
      actor_id: null,
      actor_label: ACTOR,
      request_id: null,
    };
    orgVersions.push({
      ...base,
      version: 1,
      valid_from: created,
      valid_to: updated,
      action: 'organization.create',
      ...versionColumns(presented(1, created, updated ? null : (o.row.website ?? null))),
    });
    if (updated)
      orgVersions.push({
        ...base,
        version: 2,
        valid_from: updated,
        valid_to: null,
        action: 'organization.update',
        ...versionColumns(presented(2, updated, o.row.website ?? null)),
      });
    searchDocuments.push(
      searchRow({
        entityType: 'organization',
        entityId: o.id,
        title: o.name,
        aliases: o.row.aliases as string[],
        codes: o.row.bin ? [o.row.bin] : [],
        regionCode: o.regionCode,
        organizationKind: o.kind,
        organizationId: o.id,
        status: o.row.status as string,
      }),
    );
  }
  tableMs.organizations = await insertAll(
    db,
    'organizations',
    orgs.map((o) => o.row),
    batchSize,
    onProgress,
  );
  rows.organizations = orgs.length;

  const rl = rng('licences');
  const licences: Insertable<Database['licences']>[] = orgs.map((o, i) => ({
    id: licenceIdByOrg.get(o.id) as string,
    organization_id: o.id,
    number: `KZ${pad(rl.int(10, 99), 2)}LAA${pad(i + 1, 8)}`,
    issued_on: isoDate((o.row.created_at as Date).getTime() + rl.int(10, 200) * DAY),
    valid_until: null,
    programme_groups: [...(groupsByOrg.get(o.id) ?? [])].sort(),
    attachments: toJson([]),
    status: 'active',
  }));
  tableMs.licences = await insertAll(db, 'licences', licences, batchSize, onProgress);
  rows.licences = licences.length;

  tableMs.programmes = await insertAll(db, 'programmes', programmes, batchSize, onProgress);
  rows.programmes = programmes.length;
  tableMs.record_versions = await insertAll(db, 'record_versions', [...orgVersions, ...versions], batchSize, onProgress);
  rows.record_versions = orgVersions.length + versions.length;
  tableMs.search_documents = await insertAll(db, 'search_documents', searchDocuments, batchSize, onProgress);
  await rebuildLexicon(db);
  rows.search_documents = searchDocuments.length;
  // National statistics (the importer's datasets, decision 118) for six years and every region:
  // students by level, gender and funding; population aged 18–22 by gender; grants by level; faculty
  // by degree and title — what the gross enrolment ratio and the other statistics indicators read.
  const rStat = rng('statistics');
  const observations: Insertable<Database['statistical_observations']>[] = [];
  const source = 'Bureau of National Statistics (synthetic bench data)';
  for (let year = 2019; year <= 2024; year++) {
    const academic = `${year}-${year + 1}`;
    for (const region of ref.regions) {
      const base = { region_code: region.code, source, is_synthetic: true };
      for (const gender of ['female', 'male']) {
        observations.push({ ...base, dataset: 'population', period: String(year), gender, age: '18-22', value: rStat.int(20_000, 90_000) });
        for (const level of ['5', '6', '7', '8']) {
          for (const funding of ['state', 'paid']) observations.push({ ...base, dataset: 'students', period: academic, level, gender, funding, value: rStat.int(200, 20_000) });
        }
        for (const degree of ['doctor-of-sciences', 'candidate-of-sciences', 'phd', 'none']) {
          for (const title of ['professor', 'associate-professor', 'none']) observations.push({ ...base, dataset: 'faculty', period: academic, gender, degree, title, value: rStat.int(5, 800) });
        }
      }
      for (const level of ['5', '6', '7', '8']) observations.push({ ...base, dataset: 'grants', period: academic, level, value: rStat.int(100, 8_000) });
    }
  }
  tableMs.statistical_observations = await insertAll(db, 'statistical_observations', observations, batchSize, onProgress);
  rows.statistical_observations = observations.length;
  // Fresh statistics, as a production database would have, so plans are not made on guesses.
  await sql`ANALYZE`.execute(db);

  const perRegion = new Map<string, number>();
  for (const o of orgs) perRegion.set(o.regionCode, (perRegion.get(o.regionCode) ?? 0) + 1);
  return {
    rows,
    programmeIds,
    publicProgrammeIds,
    organizationIds: orgs.map((o) => o.id),
    regionCodes: [...perRegion.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code),
    reference: ref.source,
    tableMs,
    ms: Math.round(performance.now() - started),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      organizations: { type: 'string' },
      programmes: { type: 'string' },
      sqfs: { type: 'string' },
      standards: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const count = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const { openDatabase } = await import('../src/platform/db/database.ts');
  const { prepareDatabase } = await import('./lib/database.ts');
  const url = process.env.DATABASE_URL;
  const dataDir = join(fileURLToPath(new URL('..', import.meta.url)), 'data', 'bench', 'db');
  if (!url) {
    // Never delete a directory another process has open (a server started on it, another run).
    const { liveOwnerOf, describeOwner } = await import('../src/platform/db/data-dir-lock.ts');
    const owner = liveOwnerOf(dataDir);
    if (owner) throw new Error(`${describeOwner(owner)} is using ${dataDir}; stop it before generating a fresh data set`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stderr.write(`database: ${url ? 'PostgreSQL from DATABASE_URL' : `fresh embedded PGlite in ${dataDir}`}\n`);
  const handle = await openDatabase({ databaseUrl: url, dataDir, poolSize: 2 });
  try {
    await prepareDatabase(handle.db);
    const existing = await handle.db.selectFrom('programmes').select('id').where('is_synthetic', '=', true).limit(1).executeTakeFirst();
    if (existing) throw new Error('the database already holds synthetic programmes: generate into a fresh database');
    const result = await generateNationalDataSet(handle.db, {
      organizations: count(values.organizations),
      programmes: count(values.programmes),
      sqfs: count(values.sqfs),
      standards: count(values.standards),
      seed: values.seed,
      onProgress: tableProgress(),
    });
    process.stdout.write(`${JSON.stringify({ generated: result.rows, reference: result.reference, tableMs: result.tableMs, ms: result.ms })}\n`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
