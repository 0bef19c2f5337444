// SQL of micro-credential specifications; the register facts that entitle an issuer come through
// the registry's, frameworks' and accreditation's read APIs.
import type { Insertable, Selectable } from 'kysely';
import { decisionsOfOrganization } from '../accreditation/accreditation.api.ts';
import { currentEntriesOf, occupationalStandardLevels } from '../frameworks/frameworks.api.ts';
import type { Db } from '../platform/db/database.ts';
import { certificationCentreOf, licencesOf, organizationById, programmesByIds } from '../registry/registry.api.ts';
import type { CredentialProductTables } from './credential-products.table.ts';
import type { DecisionFact, EntitlementFacts, LicenceFact } from './specification.rules.ts';

export type SpecificationRow = Selectable<CredentialProductTables['credential_specifications']>;

export function findSpecification(db: Db, id: string): Promise<SpecificationRow | undefined> {
  return db.selectFrom('credential_specifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSpecifications(
  db: Db,
  q: { organizationId?: string; programmeId?: string; includeWithdrawn: boolean; limit: number; offset: number },
): Promise<{ items: SpecificationRow[]; total: number }> {
  let query = db.selectFrom('credential_specifications');
  if (q.organizationId) query = query.where('organization_id', '=', q.organizationId);
  if (q.programmeId) query = query.where('programme_id', '=', q.programmeId);
  if (!q.includeWithdrawn) query = query.where('status', '=', 'active');
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertSpecification(db: Db, values: Insertable<CredentialProductTables['credential_specifications']>): Promise<SpecificationRow> {
  return db.insertInto('credential_specifications').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateSpecification(db: Db, id: string, values: Record<string, unknown>): Promise<SpecificationRow> {
  return db
    .updateTable('credential_specifications')
    .set((eb) => ({ ...(values as object), row_version: eb('row_version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function organizationKind(db: Db, id: string): Promise<string | null> {
  return (await organizationById(db, id))?.kind ?? null;
}

/** Everything the entitlement rule looks at, for one organization, read through the owners' APIs. */
export async function entitlementFacts(db: Db, organizationId: string, standardIds: string[], today: string): Promise<EntitlementFacts> {
  const [kind, licences, groups, decisions, centre, standards] = await Promise.all([
    organizationKind(db, organizationId),
    licencesOf(db, organizationId),
    currentEntriesOf(db, 'programme-group'),
    decisionsOfOrganization(db, organizationId),
    certificationCentreOf(db, organizationId),
    occupationalStandardLevels(db, standardIds),
  ]);
  const groupByCode = new Map(groups.map((g) => [g.code, g.attributes as { level?: string; fieldCode?: string; directionCode?: string | null }]));
  const programmes = new Map((await programmesByIds(db, decisions.flatMap((d) => d.programmeIds))).map((p) => [p.id, p]));
  const licenceFacts: LicenceFact[] = licences.map((l) => ({
    id: l.id,
    number: l.number,
    status: l.status,
    issuedOn: l.issued_on,
    validUntil: l.valid_until,
    groups: l.programme_groups.map((code) => {
      const g = groupByCode.get(code);
      return { code, level: g?.level ?? null, fieldCode: g?.fieldCode ?? null, directionCode: g?.directionCode ?? null };
    }),
  }));
  const decisionFacts: DecisionFact[] = decisions.map(({ programmeIds, ...d }) => ({
    ...d,
    programmes: programmeIds.flatMap((id) => {
      const p = programmes.get(id);
      return p ? [{ id: p.id, fieldCode: p.field_code, directionCode: p.narrow_field_code, nqfLevel: p.nqf_level }] : [];
    }),
  }));
  return {
    today,
    organizationKind: kind ?? 'unknown',
    licences: licenceFacts,
    decisions: decisionFacts,
    centre: centre ? { accreditedOn: centre.accredited_on, validUntil: centre.valid_until, occupationalStandardIds: centre.occupational_standard_ids } : null,
    standardLevels: Object.fromEntries(standards.map((s) => [s.id, s.nqf_levels])),
  };
}
