// How many credentials Sapa has issued (revoked ones included: they were issued). SQL only.
import type { Db } from '../platform/db/database.ts';

export async function credentialCount(db: Db): Promise<number> {
  const row = await db.selectFrom('credentials').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
