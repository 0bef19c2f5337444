// SQL of the learner's side: their credentials (by account or e-mail), share links, credits
// toward programmes and requests to recognise them.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { programmesByIds } from '../registry/registry.api.ts';

export async function userEmail(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}

/** Credentials of a learner with the specification they were issued from, if any. */
export function credentialsOf(db: Db, learner: { userId: string; email: string | null }) {
  return db
    .selectFrom('credentials as c')
    .leftJoin('credential_specifications as s', 's.id', 'c.specification_id')
    .select([
      'c.id',
      'c.organization_id',
      'c.learner_name',
      'c.achievement_name',
      'c.specification_id',
      'c.valid_from',
      'c.valid_until',
      'c.issued_at',
      'c.status',
      'c.status_reason',
      's.title_kk',
      's.title_ru',
      's.title_en',
      's.workload_ects',
      's.programme_id',
      's.programme_credits',
    ])
    .where((eb) =>
      eb.or([
        eb('c.learner_user_id', '=', learner.userId),
        ...(learner.email ? [eb(sql`lower(c.learner_email)`, '=', learner.email.toLowerCase())] : []),
      ]),
    )
    .orderBy('c.issued_at', 'desc')
    .orderBy('c.id')
    .execute();
}

export type LearnerCredentialRow = Awaited<ReturnType<typeof credentialsOf>>[number];

export const programmesById = (db: Db, ids: string[]) => programmesByIds(db, ids);

export const insertShareLink = (db: Db, v: { token_hash: string; credential_id: string; user_id: string }) =>
  db.insertInto('credential_share_links').values(v).returning(['id', 'created_at']).executeTakeFirstOrThrow();

export const shareLinksOf = (db: Db, userId: string) =>
  db
    .selectFrom('credential_share_links')
    .select(['id', 'credential_id', 'created_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export const findShareLink = (db: Db, tokenHash: string) =>
  db.selectFrom('credential_share_links').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();

export const revokeShareLink = (db: Db, id: string, userId: string) =>
  db
    .updateTable('credential_share_links')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const pendingRequest = (db: Db, userId: string, programmeId: string) =>
  db
    .selectFrom('credential_recognition_requests')
    .select('id')
    .where('user_id', '=', userId)
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const insertRequest = (
  db: Db,
  v: { user_id: string; programme_id: string; organization_id: string; credential_ids: string[]; credits: number; note: string | null },
) => db.insertInto('credential_recognition_requests').values(v).returning('id').executeTakeFirstOrThrow();

const requestColumns = [
  'r.id',
  'r.user_id',
  'u.display_name',
  'u.email',
  'r.programme_id',
  'r.organization_id',
  'r.credential_ids',
  'r.credits',
  'r.note',
  'r.status',
  'r.recognised_credits',
  'r.decision_note',
  'r.decided_at',
  'r.created_at',
] as const;

const requests = (db: Db) =>
  db.selectFrom('credential_recognition_requests as r').innerJoin('users as u', 'u.id', 'r.user_id').select(requestColumns);

type RequestPart = Awaited<ReturnType<ReturnType<typeof requests>['execute']>>[number];

/** The requests with their programme's code, names and credits, read through the registry's API. */
async function withProgrammes(db: Db, rows: RequestPart[]) {
  const programmes = new Map((await programmesByIds(db, rows.map((r) => r.programme_id))).map((p) => [p.id, p]));
  // As the inner join this replaced: a request whose programme is gone is left out.
  return rows.flatMap((r) => {
    const p = programmes.get(r.programme_id);
    return p ? [{ ...r, programme_code: p.code, name_kk: p.name_kk, name_ru: p.name_ru, name_en: p.name_en, credits_ects: p.credits_ects }] : [];
  });
}

export type RequestRow = Awaited<ReturnType<typeof withProgrammes>>[number];

export const findRequest = async (db: Db, id: string): Promise<RequestRow | undefined> =>
  (await withProgrammes(db, await requests(db).where('r.id', '=', id).execute()))[0];

export const requestsOfUser = async (db: Db, userId: string) =>
  withProgrammes(db, await requests(db).where('r.user_id', '=', userId).orderBy('r.created_at', 'desc').execute());

export const requestsOfOrganization = async (db: Db, organizationId: string, status: string | undefined) => {
  let q = requests(db).where('r.organization_id', '=', organizationId);
  if (status) q = q.where('r.status', '=', status);
  return withProgrammes(db, await q.orderBy('r.created_at').execute());
};

export const decideRequest = (
  db: Db,
  id: string,
  v: { status: string; recognised_credits: number | null; decision_note: string | null; decided_by: string | null },
) =>
  db
    .updateTable('credential_recognition_requests')
    .set({ ...v, decided_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
