// Registry's read API for national indicators (src/indicators): one plain row per active
// organization and per programme in the register, with the dimensions indicators group by. The
// indicators module computes its formulas over these rows; it never names registry tables.
import type { Db } from '../platform/db/database.ts';
import { publicProgrammes } from './programme.repository.ts';
import { allObservations } from './statistics.repository.ts';
import type { Observation } from './statistics.schema.ts';
import { presentObservation } from './statistics.service.ts';

export type OrganizationFact = { id: string; kind: string; legalForm: string | null; regionCode: string | null; isSynthetic: boolean };

export type ProgrammeFact = {
  id: string;
  organizationId: string;
  fieldCode: string;
  nqfLevel: number;
  programmeType: string;
  languages: string[];
  /** designed on at least one occupational standard */
  basedOnStandard: boolean;
  regionCode: string | null;
  legalForm: string | null;
  isSynthetic: boolean;
};

/** Active organizations (the registry's own headline count uses the same condition). */
export async function organizationFacts(db: Db): Promise<OrganizationFact[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'kind', 'legal_form', 'region_code', 'is_synthetic'])
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, legalForm: r.legal_form, regionCode: r.region_code, isSynthetic: r.is_synthetic }));
}

/** Programmes in the register (included, or included and being updated), as the public sees them. */
export async function programmeFacts(db: Db): Promise<ProgrammeFact[]> {
  const rows = await db
    .selectFrom(publicProgrammes(db))
    .innerJoin('organizations as o', 'o.id', 'programmes.organization_id')
    .select([
      'programmes.id',
      'programmes.organization_id',
      'programmes.field_code',
      'programmes.nqf_level',
      'programmes.programme_type',
      'programmes.languages',
      'programmes.occupational_standard_ids',
      'programmes.is_synthetic',
      'o.region_code',
      'o.legal_form',
    ])
    .where('programmes.status', 'in', ['included', 'update'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    fieldCode: r.field_code,
    nqfLevel: r.nqf_level,
    programmeType: r.programme_type,
    languages: r.languages,
    basedOnStandard: r.occupational_standard_ids.length > 0,
    regionCode: r.region_code,
    legalForm: r.legal_form,
    isSynthetic: r.is_synthetic,
  }));
}

export type StatisticFact = Omit<Observation, 'id'>;

/** Every observation of the imported statistics datasets (a blank dimension is the total over it). */
export async function statisticFacts(db: Db): Promise<StatisticFact[]> {
  return (await allObservations(db)).map((r) => {
    const { id: _id, ...fact } = presentObservation(r);
    return fact;
  });
}
