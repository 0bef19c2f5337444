// Counts for the home page's headline figures. SQL only.
import type { Db } from '../platform/db/database.ts';

export async function registryCounts(db: Db): Promise<{ organizations: number; programmes: number }> {
  const organizations = await db.selectFrom('organizations').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  // "In the register": included, or included and being updated (an update keeps the programme in force).
  const programmes = await db
    .selectFrom('programmes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', 'in', ['included', 'update'])
    .executeTakeFirstOrThrow();
  return { organizations: Number(organizations.n), programmes: Number(programmes.n) };
}
