// `sapa seed --reference`: loads the real reference data from data/reference/. Idempotent.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { inTransaction } from '../platform/context.ts';
import type { LangMap, Source } from '../platform/db/schema.ts';
import { toJson } from '../platform/db/schema.ts';
import { createOrganization } from '../registry/organization.service.ts';
import { addRelationship } from '../registry/relationship.service.ts';
import { readReference } from '../platform/reference/reference-files.ts';
import { seedRecognitions } from '../accreditation/recognition.seed.ts';

export type Progress = (step: string, done: number, total: number) => void;

const CLASSIFIER_VERSION = { version: '2024', validFrom: '2024-01-01' };

/** A standard set is in force from its approval: '2021-06-18' as is, '2015' or 'draft 2022' from 1 January. */
export function inForceFrom(version: string): string {
  const day = version.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (day) return day;
  const year = version.match(/\d{4}/)?.[0];
  return year ? `${year}-01-01` : '2024-01-01';
}

type Entry = { code: string; parentCode?: string | null; name: LangMap; attributes?: Record<string, unknown>; source?: Source };

async function upsertClassifier(ctx: Ctx, classifier: string, title: string, entries: Entry[]): Promise<void> {
  await ctx.db
    .insertInto('classifier_versions')
    .values({ classifier, version: CLASSIFIER_VERSION.version, valid_from: CLASSIFIER_VERSION.validFrom, valid_to: null, title, source: null })
    .onConflict((oc) => oc.columns(['classifier', 'version']).doNothing())
    .execute();
  for (const e of entries) {
    await ctx.db
      .insertInto('classifier_entries')
      .values({
        classifier,
        version: CLASSIFIER_VERSION.version,
        code: e.code,
        parent_code: e.parentCode ?? null,
        name_kk: e.name.kk,
        name_ru: e.name.ru,
        name_en: e.name.en,
        attributes: toJson(e.attributes ?? {}),
        source: e.source ? toJson(e.source) : null,
      })
      .onConflict((oc) =>
        oc.columns(['classifier', 'version', 'code']).doUpdateSet((eb) => ({
          parent_code: eb.ref('excluded.parent_code'),
          name_kk: eb.ref('excluded.name_kk'),
          name_ru: eb.ref('excluded.name_ru'),
          name_en: eb.ref('excluded.name_en'),
          attributes: eb.ref('excluded.attributes'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }
}

async function seedClassifiers(ctx: Ctx): Promise<void> {
  const fields = readReference('fields-of-education');
  await upsertClassifier(ctx, 'field', 'Fields of education (ISCED-F 2013 aligned)', fields.map((f) => ({ code: f.code, name: f.name, source: f.source })));
  await upsertClassifier(
    ctx,
    'direction',
    'Directions of training (ISCED-F narrow fields)',
    fields.flatMap((f) => f.narrowFields.map((n) => ({ code: n.code, parentCode: f.code, name: n.name, source: n.source ?? f.source }))),
  );
  await upsertClassifier(
    ctx,
    'programme-group',
    'Groups of educational programmes',
    readReference('programme-groups').map((g) => ({
      code: g.code,
      parentCode: g.narrowFieldCode ?? g.fieldCode,
      name: g.name,
      attributes: { level: g.level, fieldCode: g.fieldCode, directionCode: g.narrowFieldCode ?? null },
      source: g.source,
    })),
  );
  await upsertClassifier(ctx, 'region', 'Regions and cities of republican significance', readReference('regions').map((r) => ({ code: r.code, name: r.name, attributes: { kind: r.kind, centre: r.centre ?? null }, source: r.source })));
  await upsertClassifier(ctx, 'legal-form', 'Organizational and legal forms', readReference('legal-forms').map((l) => ({ code: l.key, name: l.name, source: l.source })));
  await upsertClassifier(ctx, 'organization-kind', 'Kinds of organization', readReference('organization-kinds').map((l) => ({ code: l.key, name: l.name, source: l.source })));
  await upsertClassifier(ctx, 'language', 'Languages of instruction', readReference('languages').map((l) => ({ code: l.code, name: l.name, source: l.source })));
  await upsertClassifier(ctx, 'study-form', 'Forms of study', readReference('study-forms').map((l) => ({ code: l.code, name: l.name, source: l.source })));
  await upsertClassifier(
    ctx,
    'quality-network',
    'International quality-assurance networks and registers',
    readReference('international-networks').map((n) => ({ code: n.key, name: n.name, attributes: { kind: n.kind, fields: n.fields ?? null }, source: n.source })),
  );
}

async function seedFrameworks(ctx: Ctx): Promise<void> {
  const provenance = new Map(readReference('nqf-provenance').levels.map((p) => [p.level, p.values]));
  for (const l of readReference('nqf-levels')) {
    const values = {
      level: l.level,
      eqf_level: l.eqfLevel,
      qf_ehea: l.qfEhea,
      isced: l.isced,
      descriptors: toJson(l.descriptors),
      education: toJson(l.education),
      typical_qualification: toJson(l.typicalQualification),
      source: l.source ? toJson(l.source) : null,
      provenance: toJson(provenance.get(l.level) ?? {}),
    };
    await ctx.db
      .insertInto('nqf_levels')
      .values(values)
      .onConflict((oc) => oc.column('level').doUpdateSet({ ...values, level: undefined }))
      .execute();
  }
  for (const t of readReference('qualification-types')) {
    const values = {
      key: t.key,
      name_kk: t.name.kk,
      name_ru: t.name.ru,
      name_en: t.name.en,
      nqf_level: t.nqfLevel,
      nqf_levels: t.nqfLevels ?? null,
      source: t.source ? toJson(t.source) : null,
    };
    await ctx.db
      .insertInto('qualification_types')
      .values(values)
      .onConflict((oc) => oc.column('key').doUpdateSet({ ...values, key: undefined }))
      .execute();
  }
}

async function organizationIdsByKey(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'key']).where('key', 'is not', null).execute();
  return new Map(rows.map((r) => [r.key as string, r.id]));
}

/**
 * When a reference organization came into being, where the data says: a university's founding
 * (founding-dates.json), a body's founding year, or the date of the split or branch link that created
 * it; a university with none of these from the year of the report that attests it (founding-dates.json
 * `undated`). Its first version is dated then, not at load time, so `asOf` answers for earlier years are true.
 */
export function referenceOrigins(): { of: (key: string) => Date | undefined; undated: Date } {
  const startOf = (day: string) => new Date(`${day.length === 4 ? `${day}-01-01` : day}T00:00:00+05:00`);
  const origins = new Map<string, Date>();
  const founding = readReference('founding-dates');
  for (const o of founding.organizations) origins.set(o.key, startOf(o.founded));
  for (const b of readReference('accreditation-bodies')) if (b.founded && !origins.has(b.key)) origins.set(b.key, startOf(String(b.founded)));
  for (const r of readReference('organization-relationships')) {
    if ((r.type === 'split' || r.type === 'branch') && r.effectiveDate && !origins.has(r.to)) origins.set(r.to, startOf(r.effectiveDate));
  }
  return { of: (key) => origins.get(key), undated: startOf(founding.undated.validFrom) };
}

async function seedOrganizations(ctx: Ctx, progress: Progress): Promise<void> {
  const existing = await organizationIdsByKey(ctx);
  const origins = referenceOrigins();
  const universities = readReference('universities');
  let done = 0;
  for (const u of universities) {
    if (!existing.has(u.key)) {
      const created = await createOrganization(
        ctx,
        {
          key: u.key,
          identifiers: {},
          name: u.name,
          shortName: u.abbreviation ?? undefined,
          aliases: u.aliases,
          kind: 'university',
          legalForm: u.legalForm ?? undefined,
          regionCode: u.region ?? undefined,
          status: u.status,
          licences: [],
        },
        { source: u.source, at: origins.of(u.key) ?? origins.undated },
      );
      existing.set(u.key, created.id);
    }
    progress('universities', ++done, universities.length);
  }
  const bodies = readReference('accreditation-bodies');
  for (const b of bodies) {
    if (existing.has(b.key)) continue;
    const created = await createOrganization(
      ctx,
      {
        key: b.key,
        identifiers: { ...(b.country && { country: b.country }), ...(b.networks.length && { networks: b.networks.join(',') }) },
        name: b.name,
        shortName: b.abbreviation ?? undefined,
        aliases: b.abbreviation ? [b.abbreviation] : [],
        kind: 'accreditation-body',
        status: 'active',
        licences: [],
      },
      { source: b.source, at: origins.of(b.key) ?? origins.undated },
    );
    existing.set(b.key, created.id);
  }
  progress('accreditation bodies', bodies.length, bodies.length);
  for (const r of readReference('organization-relationships')) {
    const fromId = existing.get(r.from);
    const toId = existing.get(r.to);
    if (!fromId || !toId) throw new Error(`organization-relationships.json: unknown organization key ${fromId ? r.to : r.from}`);
    const already = await ctx.db
      .selectFrom('organization_relationships')
      .select('id')
      .where('from_id', '=', fromId)
      .where('to_id', '=', toId)
      .where('type', '=', r.type)
      .executeTakeFirst();
    if (!already) await addRelationship(ctx, fromId, { type: r.type, toId, effectiveOn: r.effectiveDate, note: (r as { note?: string }).note }, r.source);
  }
}

async function seedStandards(ctx: Ctx): Promise<void> {
  const owners = await organizationIdsByKey(ctx);
  for (const [key, set] of Object.entries(readReference('standards'))) {
    const row = await ctx.db
      .insertInto('standard_sets')
      .values({
        key,
        version: '1',
        owner_organization_id: owners.get(set.owner) ?? null,
        owner_label: set.owner,
        scope: key.includes('institutional') ? 'institutional' : key.includes('programme') ? 'programme' : key.replace(/^guidelines-/, ''),
        title_kk: set.title.kk,
        title_ru: set.title.ru,
        title_en: set.title.en,
        valid_from: inForceFrom(set.version),
        valid_to: null,
        source: set.source ? toJson(set.source) : null,
      })
      .onConflict((oc) => oc.columns(['key', 'version']).doUpdateSet({ title_kk: sql`excluded.title_kk` }))
      .returning('id')
      .executeTakeFirstOrThrow();
    let position = 0;
    for (const s of set.standards) {
      const items = [
        { code: s.code, parent: null as string | null, title: s.title as typeof s.title | null, esg: [] as string[], source: s.source ?? null, interpreted: false },
        ...s.criteria.map((c) => ({ code: c.code, parent: s.code, title: c.title, esg: c.esg ?? [], source: c.source ?? null, interpreted: c.interpreted ?? false })),
      ];
      for (const item of items) {
        await ctx.db
          .insertInto('standards')
          .values({
            set_id: row.id,
            code: item.code,
            parent_code: item.parent,
            position: position++,
            title_kk: item.title?.kk ?? null,
            title_ru: item.title?.ru ?? null,
            title_en: item.title?.en ?? null,
            attributes: toJson({ ...(item.esg.length ? { esg: item.esg } : {}), ...(item.interpreted ? { interpreted: true } : {}) }),
            source: item.source ? toJson(item.source) : null,
          })
          .onConflict((oc) => oc.columns(['set_id', 'code']).doNothing())
          .execute();
      }
    }
  }
}

export async function seedReference(ctx: Ctx, progress: Progress = () => {}): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await seedClassifiers(trx);
    progress('classifiers', 1, 1);
    await seedFrameworks(trx);
    progress('NQF and qualification types', 1, 1);
    await seedOrganizations(trx, progress);
    await seedStandards(trx);
    progress('standards', 1, 1);
    await seedRecognitions(trx);
    progress('Register 1 recognitions', 1, 1);
  });
}
