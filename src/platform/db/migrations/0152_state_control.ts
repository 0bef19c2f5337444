// The state control calendar (issue 16): every result of a state control of an organization —
// preventive control, TVET state attestation, preschool state certification, school achievement
// monitoring — recorded by the authority, with its outcome, document and notes; a preventive
// control may carry the day the next one is planned. The next due dates are computed from these
// (oversight/state-control.rules.ts), never stored.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE state_control_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('preventive-control', 'tvet-attestation', 'preschool-certification', 'school-monitoring')),
      held_on date NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('compliant', 'remarks', 'non-compliant')),
      document text,
      notes text,
      next_planned_on date CHECK (next_planned_on IS NULL OR next_planned_on > held_on),
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX state_control_results_latest ON state_control_results (organization_id, kind, held_on DESC);
  `.execute(db);
  await sql`SELECT sapa_track_data_version('state_control_results'::regclass)`.execute(db);
}
