// SQL of presentation challenges.
import type { Db } from '../platform/db/database.ts';

export const insertChallenge = (db: Db, challenge: string, expiresAt: Date) =>
  db.insertInto('credential_challenges').values({ challenge, expires_at: expiresAt, used_at: null }).execute();

/** Marks an unexpired, unused challenge used; the row when it was one, else undefined. */
export const useChallenge = (db: Db, challenge: string, at: Date) =>
  db
    .updateTable('credential_challenges')
    .set({ used_at: at })
    .where('challenge', '=', challenge)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .returning('challenge')
    .executeTakeFirst();

export const deleteExpired = (db: Db, before: Date) => db.deleteFrom('credential_challenges').where('expires_at', '<', before).execute();
