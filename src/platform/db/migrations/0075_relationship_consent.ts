// A relationship between two organizations speaks for both: an admin of one side proposes it
// (not public), an admin of the other side confirms or declines; the ministry records it in force
// at once. Relationships already in the register were recorded by the ministry or the reference
// documents: they stay in force.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organization_relationships
      ADD COLUMN state text NOT NULL DEFAULT 'in-force' CHECK (state IN ('proposed', 'in-force', 'declined')),
      ADD COLUMN proposed_by_id uuid REFERENCES organizations(id),
      ADD COLUMN decided_at timestamptz;
    CREATE INDEX organization_relationships_proposed ON organization_relationships (to_id, from_id) WHERE state = 'proposed';
  `.execute(db);
}
