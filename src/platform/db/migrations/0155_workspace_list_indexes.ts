// Indexes for the workspace lists that sort in SQL (issue 18): an organization's credentials by award
// day, learner or achievement (issue day has credentials_org, 0016), and a case's open deadlines, which
// the case list sorts by (the nearest one) and shows. No new table, so no data version to track.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX credentials_org_awarded ON credentials (organization_id, valid_from, id)`.execute(db);
  await sql`CREATE INDEX credentials_org_learner ON credentials (organization_id, learner_name, id)`.execute(db);
  await sql`CREATE INDEX credentials_org_achievement ON credentials (organization_id, achievement_name, id)`.execute(db);
  await sql`CREATE INDEX accreditation_deadlines_case_open ON accreditation_deadlines (case_id, due_on) WHERE met_at IS NULL`.execute(db);
  await sql`CREATE INDEX accreditation_cases_applied ON accreditation_cases (applied_on, id)`.execute(db);
}
