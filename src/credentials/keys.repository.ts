// SQL of issuer keys.
import type { Db } from '../platform/db/database.ts';

const columns = [
  'id',
  'organization_id',
  'did',
  'verification_method',
  'public_key_multibase',
  'secret_key_encrypted',
  'status',
  'created_at',
  'rotated_at',
] as const;

export const activeKey = (db: Db, organizationId: string) =>
  db.selectFrom('issuer_keys').select(columns).where('organization_id', '=', organizationId).where('status', '=', 'active').executeTakeFirst();

export const keysOfOrganization = (db: Db, organizationId: string) =>
  db.selectFrom('issuer_keys').select(columns).where('organization_id', '=', organizationId).orderBy('created_at').execute();

export const keysOfDid = (db: Db, did: string) => db.selectFrom('issuer_keys').select(columns).where('did', '=', did).orderBy('created_at').execute();

export const keyByVerificationMethod = (db: Db, id: string) =>
  db.selectFrom('issuer_keys').select(columns).where('verification_method', '=', id).executeTakeFirst();

export const insertKey = (
  db: Db,
  values: { organization_id: string; did: string; verification_method: string; public_key_multibase: string; secret_key_encrypted: string },
) => db.insertInto('issuer_keys').values(values).returning(columns).executeTakeFirstOrThrow();

export const retireKey = (db: Db, id: string, at: Date) =>
  db.updateTable('issuer_keys').set({ status: 'rotated', rotated_at: at }).where('id', '=', id).execute();

