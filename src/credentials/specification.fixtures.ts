// Test fixtures of the credential products: a licensed university, an unlicensed one, a
// registered certification centre, and a complete specification body.
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';

/** The names, sector and developer of the welder occupational standard the tests register. */
export const WELDER_STANDARD_NAMES = {
  name_kk: 'Дәнекерлеуші',
  name_ru: 'Сварщик',
  name_en: 'Welder',
  sector_kk: 'Өнеркәсіп',
  sector_ru: 'Промышленность',
  sector_en: 'Industry',
  developer: 'Atameken',
};

export async function orgIdByKey(t: TestApp, key: string): Promise<string> {
  const id = await organizationIdByKey(t.db, key);
  if (!id) throw new Error(`no organization with key ${key}`);
  return id;
}

/** Satbayev University with a valid licence for group B057 (information technologies, bachelor). */
export async function licensedUniversity(t: TestApp): Promise<string> {
  const id = await orgIdByKey(t, 'satbayev-university');
  await t.db
    .insertInto('licences')
    .values({ organization_id: id, number: 'KZ-TEST-0001', issued_on: '2020-01-01', valid_until: null, programme_groups: ['B057'], attachments: '[]', status: 'active' })
    .onConflict((oc) => oc.columns(['organization_id', 'number']).doNothing())
    .execute();
  return id;
}

/** A certification centre registered for one occupational standard at NQF levels 4–5. */
export async function registeredCentre(t: TestApp): Promise<{ organizationId: string; standardId: string }> {
  const org = await t.db
    .insertInto('organizations')
    .values({ name_kk: 'Біліктілік орталығы', name_ru: 'Центр сертификации', name_en: 'Certification centre', kind: 'certification-centre', identifiers: '{}', aliases: [], status: 'active', is_synthetic: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const standard = await t.db
    .insertInto('occupational_standards')
    .values({
      code: `TEST-${org.id.slice(0, 8)}`,
      ...WELDER_STANDARD_NAMES,
      nqf_levels: [4, 5],
      occupations: '[]',
      status: 'active',
      version: '1',
      is_synthetic: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('certification_centres')
    .values({ organization_id: org.id, sector: 'industry', occupational_standard_ids: [standard.id], accredited_on: sql<string>`current_date - 30`, valid_until: null, is_synthetic: false })
    .execute();
  return { organizationId: org.id, standardId: standard.id };
}

export function specBody(organizationId: string, over: Record<string, unknown> = {}) {
  return {
    organizationId,
    title: { kk: 'Деректерді талдау негіздері', ru: 'Основы анализа данных', en: 'Foundations of data analysis' },
    learnerIdentification: 'email',
    countryCode: 'KZ',
    awardingBodyId: organizationId,
    learningOutcomes: [
      { kk: 'Деректерді тазалай алады', ru: 'Умеет очищать данные', en: 'Can clean data sets' },
      { kk: 'Қорытынды жасай алады', ru: 'Умеет делать выводы', en: 'Can draw conclusions' },
    ],
    workloadEcts: 5,
    nqfLevel: 6,
    assessmentType: 'project',
    participationForm: 'blended',
    qualityAssurance: 'licensing',
    fieldCode: '0613',
    ...over,
  };
}

/** An editor's token at the licensed university and an active specification of it, as batch tests start. */
export async function editorWithSpecification(t: TestApp): Promise<{ editor: string; specId: string }> {
  const university = await licensedUniversity(t);
  const editor = await t.tokenFor('org-editor', university);
  const spec = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university) });
  if (spec.status !== 201) throw new Error(`creating the specification: ${JSON.stringify(spec.body)}`);
  return { editor, specId: spec.body.id };
}

/** A fresh test app with an editor and a specification of theirs, for files whose tests all issue from it. */
export async function appWithSpecification(): Promise<{ t: TestApp; editor: string; specId: string }> {
  const t = await createTestApp();
  return { t, ...(await editorWithSpecification(t)) };
}
