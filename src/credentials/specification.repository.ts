// SQL of micro-credential specifications and of the register facts that entitle an issuer.
import type { Insertable, Selectable } from 'kysely';
import { currentEntries } from '../frameworks/classifier.repository.ts';
import type { Db } from '../platform/db/database.ts';
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
  const row = await db.selectFrom('organizations').select('kind').where('id', '=', id).executeTakeFirst();
  return row?.kind ?? null;
}

export async function existingIds(db: Db, table: 'organizations' | 'occupational_standards' | 'programmes', ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function eqfLevelOf(db: Db, nqfLevel: number): Promise<number | null> {
  const row = await db.selectFrom('nqf_levels').select('eqf_level').where('level', '=', nqfLevel).executeTakeFirst();
  return row?.eqf_level ?? null;
}

export async function knownCode(db: Db, classifier: string, code: string): Promise<boolean> {
  return !!(await currentEntries(db, classifier).select('e.code').where('e.code', '=', code).executeTakeFirst());
}

/** Everything the entitlement rule looks at, for one organization. */
export async function entitlementFacts(db: Db, organizationId: string, standardIds: string[], today: string): Promise<EntitlementFacts> {
  const [kind, licences, groups, decisions, centre, standards] = await Promise.all([
    organizationKind(db, organizationId),
    db.selectFrom('licences').selectAll().where('organization_id', '=', organizationId).execute(),
    currentEntries(db, 'programme-group').select(['e.code', 'e.attributes']).execute(),
    db
      .selectFrom('accreditation_decisions')
      .select(['id', 'kind', 'outcome', 'status', 'valid_from', 'valid_to', 'certificate_number'])
      .where('organization_id', '=', organizationId)
      .execute(),
    db.selectFrom('certification_centres').selectAll().where('organization_id', '=', organizationId).executeTakeFirst(),
    standardIds.length
      ? db.selectFrom('occupational_standards').select(['id', 'nqf_levels']).where('id', 'in', standardIds).execute()
      : Promise.resolve([]),
  ]);
  const groupByCode = new Map(groups.map((g) => [g.code, g.attributes as { level?: string; fieldCode?: string; directionCode?: string | null }]));
  const decisionProgrammes = decisions.length
    ? await db
        .selectFrom('accreditation_decision_programmes as dp')
        .innerJoin('programmes as p', 'p.id', 'dp.programme_id')
        .select(['dp.decision_id', 'p.id', 'p.field_code', 'p.narrow_field_code', 'p.nqf_level'])
        .where(
          'dp.decision_id',
          'in',
          decisions.map((d) => d.id),
        )
        .execute()
    : [];
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
  const decisionFacts: DecisionFact[] = decisions.map((d) => ({
    id: d.id,
    kind: d.kind,
    outcome: d.outcome,
    status: d.status,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    certificateNumber: d.certificate_number,
    programmes: decisionProgrammes
      .filter((p) => p.decision_id === d.id)
      .map((p) => ({ id: p.id, fieldCode: p.field_code, directionCode: p.narrow_field_code, nqfLevel: p.nqf_level })),
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
