// SQL of issued credentials.
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { CredentialTables } from './credentials.table.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { toJson } from '../platform/db/schema.ts';

/** A credential row as issued; the signed JSON is passed as an object and stored as jsonb. */
export type NewCredentialRow = Omit<Insertable<CredentialTables['credentials']>, 'credential'> & { id: string; credential: Record<string, unknown> };

export const insertCredential = (db: Db, row: NewCredentialRow) =>
  db
    .insertInto('credentials')
    .values({ ...row, credential: toJson(row.credential) })
    .execute();

const listColumns = [
  'id',
  'organization_id',
  'learner_name',
  'learner_email',
  'learner_user_id',
  'achievement_name',
  'specification_id',
  'valid_from',
  'valid_until',
  'issued_at',
  'status',
  'status_reason',
  'status_changed_at',
  'is_synthetic',
] as const;

export const credentialRow = (db: Db, id: string) =>
  db
    .selectFrom('credentials')
    .select([...listColumns, 'credential', 'hash', 'learner_identifier', 'idempotency_key'])
    .where('id', '=', id)
    .executeTakeFirst();

export const byIdempotencyKey = (db: Db, organizationId: string, key: string) =>
  db.selectFrom('credentials').select('id').where('organization_id', '=', organizationId).where('idempotency_key', '=', key).executeTakeFirst();

export type CredentialFilter = {
  organizationId?: string;
  /** The learner's account, or (with learnerEmail) the e-mail the credential was issued to before the account existed. */
  learnerUserId?: string;
  learnerEmail?: string;
  status?: string;
  specificationId?: string;
  /** Part of the learner's name or the achievement's (the workspace list's search). */
  q?: string;
  /** Awarded (valid from) on or after / on or before these days. */
  from?: string;
  to?: string;
  sort?: keyof typeof CREDENTIAL_SORTS;
  desc?: boolean;
  limit: number;
  offset: number;
};

/** The orders a credential list may take, each backed by an index with the organization first (migrations 0016, 0155). */
export const CREDENTIAL_SORTS = { issued: 'issued_at', awarded: 'valid_from', learner: 'learner_name', achievement: 'achievement_name' } as const;

export function listCredentials(db: Db, f: CredentialFilter) {
  let q = db.selectFrom('credentials');
  if (f.organizationId) q = q.where('organization_id', '=', f.organizationId);
  const { learnerUserId, learnerEmail } = f;
  if (learnerUserId && learnerEmail)
    q = q.where((eb) => eb.or([eb('learner_user_id', '=', learnerUserId), eb('learner_email', '=', learnerEmail.trim().toLowerCase())]));
  else if (learnerUserId) q = q.where('learner_user_id', '=', learnerUserId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.specificationId) q = q.where('specification_id', '=', f.specificationId);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('learner_name', 'ilike', like), eb('achievement_name', 'ilike', like)]));
  }
  if (f.from) q = q.where('valid_from', '>=', new Date(`${f.from}T00:00:00+05:00`));
  if (f.to) q = q.where('valid_from', '<', new Date(new Date(`${f.to}T00:00:00+05:00`).getTime() + 86_400_000));
  const column = CREDENTIAL_SORTS[f.sort ?? 'issued'];
  const desc = f.desc ?? true;
  return pageWithTotal(q, (page) =>
    page
      .select(listColumns)
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('id', desc ? 'desc' : 'asc')
      .limit(f.limit)
      .offset(f.offset),
  );
}

export const userIdByEmail = (db: Db, email: string) =>
  db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();

/** Whether the organization has issued any credential: its issuer did:web is then fixed for good. */
export async function hasIssuedCredentials(db: Db, organizationId: string): Promise<boolean> {
  const row = await db.selectFrom('credentials').select('id').where('organization_id', '=', organizationId).limit(1).executeTakeFirst();
  return row !== undefined;
}
