// A university that hosts a foreign university's branch was loaded as the branch's "parent", so its
// page read "Parent organization: <the branch>" and the branch had two organizations above it. Such
// links become "host" (relationship-rules.ts: one organization above another).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE organization_relationships AS p SET type = 'host'
    WHERE p.type = 'parent'
      AND EXISTS (SELECT 1 FROM organization_relationships b WHERE b.type = 'branch' AND b.to_id = p.to_id AND b.from_id <> p.from_id)
  `.execute(db);
}
