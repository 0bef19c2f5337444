// The records many tests start from: people with a role, organizations, reference organizations
// by key. Each goes through the services (audit included), as the app would write them.
import type { Role } from '../../src/platform/access/roles.ts';
import { createUser } from '../../src/platform/auth/auth.service.ts';
import type { Ctx } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { type LangMap, toJson } from '../../src/platform/db/schema.ts';
import { organizationInputSchema } from '../../src/registry/organization.schema.ts';
import { createOrganization } from '../../src/registry/organization.service.ts';

/** The password of every person a test creates (sign-in forms and the API take it). */
export const TEST_PASSWORD = 'correct horse battery';

/** The id of a reference organization (data/reference) by its stable key. */
export async function orgIdByKey(db: Db, key: string): Promise<string> {
  return (await db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}

/** A person with one role (at an organization, for organization roles) who signs in with TEST_PASSWORD. */
export async function addUser(ctx: Ctx, user: { email: string; displayName?: string; role: Role; organizationId?: string | null }): Promise<string> {
  const roles = [{ role: user.role, organizationId: user.organizationId ?? null }];
  return (await createUser(ctx, { email: user.email, displayName: user.displayName ?? user.email, password: TEST_PASSWORD, roles })).id;
}

/** A university (by default) in Almaty, with its name in the three languages. */
export async function addOrganization(ctx: Ctx, name: LangMap, options: { kind?: string; regionCode?: string } = {}): Promise<string> {
  const input = organizationInputSchema.parse({ name, kind: options.kind ?? 'university', regionCode: options.regionCode ?? 'KZ-75' });
  return (await createOrganization(ctx, input)).id;
}

/** The level facts of a bachelor's programme passport in ICT (field 06, direction 061), taught in kk and ru. */
export function bachelorIctPassport() {
  return { fieldCode: '06', directionCode: '061', nqfLevel: 6, degree: 'bachelor', creditsEcts: 240, languages: ['kk', 'ru'] };
}

let programmeSeq = 0;

/**
 * An included programme written straight into the register's table (no review flow), for tests
 * about what follows inclusion: decisions, credentials, pages. Synthetic unless told otherwise.
 */
export async function insertProgramme(
  db: Db,
  organizationId: string,
  p: { code?: string; fieldCode?: string; narrowFieldCode?: string; nameRu?: string; name?: LangMap; synthetic?: boolean } = {},
): Promise<string> {
  const n = ++programmeSeq;
  const code = p.code ?? `6B07${String(100 + n).padStart(3, '0')}`;
  const name = p.nameRu ?? `Программа ${n}`;
  const row = await db
    .insertInto('programmes')
    .values({
      organization_id: organizationId,
      code,
      edition: 1,
      name_kk: p.name?.kk ?? `Бағдарлама ${n}`,
      name_ru: p.name?.ru ?? name,
      name_en: p.name?.en ?? `Programme ${n}`,
      field_code: p.fieldCode ?? '07',
      narrow_field_code: p.narrowFieldCode ?? null,
      group_code: null,
      programme_type: 'existing',
      nqf_level: 6,
      degree: null,
      credits_ects: 240,
      languages: ['kk', 'ru'],
      study_forms: ['full-time'],
      occupational_standard_ids: [],
      atlas_entries: [],
      partner_ids: [],
      partnership: null,
      licence_id: null,
      council_approved_on: null,
      objective: null,
      distinctive_features: null,
      outcomes: toJson([]),
      courses: toJson([]),
      status: 'included',
      review_comment: null,
      first_included_at: new Date(),
      is_synthetic: p.synthetic ?? true,
      source: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
