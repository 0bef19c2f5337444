// Which organizations and programmes are accredited on a day is the accreditation module's
// computation (its read API, accreditedOnQuery); the registry sits below it and may not import it,
// so the root hands it over once per process (src/wiring.ts), as it hands platform the
// organization check. Until then nothing counts as accredited.
import { type Expression, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export type AccreditedRow = { entity_type: string; entity_id: string; body_id: string; eur_ace: boolean };
export type AccreditedSource = (db: Db, day: string) => Expression<AccreditedRow>;

const nothingAccredited: AccreditedSource = () =>
  sql<AccreditedRow>`select null::text as entity_type, null::uuid as entity_id, null::uuid as body_id, false as eur_ace where false`;

let source: AccreditedSource = nothingAccredited;

export function useAccreditedSource(s: AccreditedSource): void {
  source = s;
}

export const accreditedOn = (db: Db, day: string): Expression<AccreditedRow> => source(db, day);
