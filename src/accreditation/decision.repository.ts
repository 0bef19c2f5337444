// SQL of accreditation decisions: the case facts behind them, the decision rows, their status
// periods and programmes, and the publication deadlines of a case.
import { type Insertable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import { byProgrammeCode, programmesByIds } from '../registry/registry.api.ts';
import type { AccreditationCoreTables } from './accreditation.table.ts';
import type { AfterDecisionTables } from './after.table.ts';

export async function findCase(db: Db, caseId: string) {
  return db
    .selectFrom('accreditation_cases')
    .select([
      'id',
      'number',
      'body_id',
      'organization_id',
      'kind',
      'eur_ace',
      'cross_border',
      'state',
      'previous_decision_id',
      'has_students',
      'has_graduates',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
}
export type CaseFacts = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function caseProgrammeIds(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('accreditation_case_programmes').select('programme_id').where('case_id', '=', caseId).execute();
  return rows.map((r) => r.programme_id);
}

export async function findDecisionById(db: Db, id: string) {
  return db.selectFrom('accreditation_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecisionById>>>;

/** The case's most recent decision (a case may be decided again after an appeal). */
export async function latestDecisionOfCase(db: Db, caseId: string): Promise<DecisionRow | undefined> {
  return db
    .selectFrom('accreditation_decisions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The accreditation a new case renews: the case's named previous decision, else the latest positive
 * decision of the same body for the same organization and kind (for programmes: sharing a programme).
 */
export async function previousDecision(db: Db, c: CaseFacts, programmeIds: string[]): Promise<DecisionRow | undefined> {
  if (c.previous_decision_id) return findDecisionById(db, c.previous_decision_id);
  let q = db
    .selectFrom('accreditation_decisions as d')
    .selectAll('d')
    .where('d.organization_id', '=', c.organization_id)
    .where('d.body_id', '=', c.body_id)
    .where('d.kind', '=', c.kind)
    .where('d.case_id', '!=', c.id)
    .where('d.outcome', '=', 'accredited')
    .where('d.status', 'not in', ['pending-approval', 'withdrawn']);
  if (c.kind === 'programme') {
    if (programmeIds.length === 0) return undefined;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('accreditation_decision_programmes as dp')
          .select('dp.decision_id')
          .whereRef('dp.decision_id', '=', 'd.id')
          .where('dp.programme_id', 'in', programmeIds),
      ),
    );
  }
  return q.orderBy('d.decided_on', 'desc').limit(1).executeTakeFirst();
}

/** A decision as the council's vote leaves it: pending the agency head's approval. */
export type NewDecision = Pick<
  Insertable<AccreditationCoreTables['accreditation_decisions']>,
  | 'case_id'
  | 'body_id'
  | 'organization_id'
  | 'kind'
  | 'eur_ace'
  | 'cross_border'
  | 'outcome'
  | 'term_years'
  | 'proposed_outcome'
  | 'proposed_term_years'
  | 'departure_reason'
  | 'decided_on'
  | 'enaee_status'
> & { summary: Record<string, unknown> };

export async function insertDecision(db: Db, values: NewDecision, programmeIds: string[]): Promise<DecisionRow> {
  const row = await db
    .insertInto('accreditation_decisions')
    .values({ ...values, status: 'pending-approval', summary: toJson(values.summary) })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (programmeIds.length) {
    await db
      .insertInto('accreditation_decision_programmes')
      .values(programmeIds.map((programme_id) => ({ decision_id: row.id, programme_id })))
      .execute();
  }
  return row;
}

export type DecisionPatch = Partial<{
  outcome: string;
  term_years: number | null;
  status: string;
  status_reason: string | null;
  approved_on: string | null;
  valid_from: string | null;
  valid_to: string | null;
  certificate_number: string | null;
  enaee_status: string | null;
  published_on: string | null;
}>;

export async function updateDecision(db: Db, id: string, patch: DecisionPatch): Promise<DecisionRow> {
  return db
    .updateTable('accreditation_decisions')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The highest sequence number used in the body's certificates of that year (prefix-YYYY-NNNN-C). */
export async function lastCertificateSequence(db: Db, prefix: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('accreditation_decisions')
    .select(sql<number | null>`max(split_part(certificate_number, '-', 3)::int)`.as('n'))
    .where('certificate_number', 'like', `${prefix}-${year}-%`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One status period of a decision; `details` says what the source recorded. */
export type StateValues = Pick<
  AfterDecisionTables['accreditation_decision_states'],
  'decision_id' | 'status' | 'outcome' | 'term_years' | 'valid_from' | 'valid_to' | 'effective_from' | 'source'
> & { source_id?: string | null; reason?: string | null; details?: Record<string, unknown> };

/** Ends the current status period on `effectiveFrom` and opens the next one from that day. */
export async function openState(db: Db, values: StateValues): Promise<void> {
  await db
    .updateTable('accreditation_decision_states')
    .set({ effective_to: values.effective_from })
    .where('decision_id', '=', values.decision_id)
    .where('effective_to', 'is', null)
    .execute();
  await db
    .insertInto('accreditation_decision_states')
    .values({ ...values, details: toJson(values.details ?? {}) })
    .execute();
}

export async function statesOf(db: Db, decisionId: string) {
  return db
    .selectFrom('accreditation_decision_states')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .orderBy('effective_from')
    .orderBy('recorded_at')
    .execute();
}

/** The programmes each decision covers, by decision id (programme ids only: registry owns programmes). */
export async function decisionProgrammeIds(db: Db, decisionIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!decisionIds.length) return out;
  const rows = await db
    .selectFrom('accreditation_decision_programmes')
    .select(['decision_id', 'programme_id'])
    .where('decision_id', 'in', [...new Set(decisionIds)])
    .execute();
  for (const r of rows) out.set(r.decision_id, [...(out.get(r.decision_id) ?? []), r.programme_id]);
  return out;
}

/** The programmes a decision covers, by code (read through the registry's API). */
export async function decisionProgrammes(db: Db, decisionId: string) {
  const ids = (await decisionProgrammeIds(db, [decisionId])).get(decisionId) ?? [];
  return (await programmesByIds(db, ids)).sort(byProgrammeCode);
}

/** The positive decisions of an organization that name it (every status), for the in-force rule. */
export function accreditedDecisionsOf(db: Db, organizationId: string) {
  return db
    .selectFrom('accreditation_decisions')
    .select(['id', 'kind', 'outcome', 'status', 'valid_from', 'valid_to', 'certificate_number'])
    .where('organization_id', '=', organizationId)
    .where('outcome', '=', 'accredited')
    .execute();
}

/** The positive decisions covering a programme (every status), for the in-force rule. */
export function accreditedDecisionsCovering(db: Db, programmeId: string) {
  return db
    .selectFrom('accreditation_decision_programmes as dp')
    .innerJoin('accreditation_decisions as d', 'd.id', 'dp.decision_id')
    .select(['d.id', 'd.outcome', 'd.status', 'd.valid_from', 'd.valid_to'])
    .where('dp.programme_id', '=', programmeId)
    .where('d.outcome', '=', 'accredited')
    .execute();
}

/** Every decision of an organization with the fields the entitlement rule reads. */
export function decisionsOfOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('accreditation_decisions')
    .select(['id', 'kind', 'outcome', 'status', 'valid_from', 'valid_to', 'certificate_number'])
    .where('organization_id', '=', organizationId)
    .execute();
}

export async function caseNumber(db: Db, caseId: string): Promise<string | null> {
  const row = await db.selectFrom('accreditation_cases').select('number').where('id', '=', caseId).executeTakeFirst();
  return row?.number ?? null;
}

/** The case's latest panel report (the final one if there is one) with its grades per standard. */
export async function latestReport(db: Db, caseId: string) {
  const report = await db
    .selectFrom('panel_reports')
    .select(['id', 'version', 'status', 'summary', 'recommended_outcome', 'recommended_term_years', 'finalized_at'])
    .where('case_id', '=', caseId)
    .orderBy(sql`(status = 'final')`, 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!report) return null;
  const grades = await db
    .selectFrom('panel_report_grades as g')
    .innerJoin('standards as s', 's.id', 'g.standard_id')
    .select(['s.code', 's.title_kk', 's.title_ru', 's.title_en', 's.position', 'g.grade', 'g.findings', 'g.recommendations', 'g.good_practice'])
    .where('g.report_id', '=', report.id)
    .orderBy('s.position')
    .orderBy('s.code')
    .execute();
  // Dissenting opinions are part of the published report (without the member's name).
  const dissents = await db
    .selectFrom('panel_report_dissents as x')
    .leftJoin('standards as s', 's.id', 'x.standard_id')
    .select(['s.code', 'x.text'])
    .where('x.report_id', '=', report.id)
    .orderBy('x.created_at')
    .execute();
  return { ...report, grades, dissents };
}

export const PUBLICATION_STEPS = { ueis: 'publication-ueis', ministry: 'publication-ministry', website: 'publication-website' } as const;
export type PublicationChannel = keyof typeof PUBLICATION_STEPS;

export async function upsertDeadline(db: Db, caseId: string, step: string, startsOn: string, dueOn: string): Promise<void> {
  await db
    .insertInto('accreditation_deadlines')
    .values({ case_id: caseId, step, starts_on: startsOn, due_on: dueOn })
    .onConflict((oc) => oc.columns(['case_id', 'step']).doUpdateSet({ starts_on: startsOn, due_on: dueOn }))
    .execute();
}

export async function publicationDeadlines(db: Db, caseId: string) {
  return db
    .selectFrom('accreditation_deadlines')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('step', 'in', Object.values(PUBLICATION_STEPS))
    .orderBy('due_on')
    .execute();
}

export async function markDeadlineMet(db: Db, caseId: string, step: string, at: Date) {
  return db.updateTable('accreditation_deadlines').set({ met_at: at }).where('case_id', '=', caseId).where('step', '=', step).returningAll().executeTakeFirst();
}
