// Test fixtures for decisions and what follows them: rows written straight into the tables, so the
// tests of Registers 2/3, appeals and follow-up do not depend on the case engine's routes.
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';
import { termEnd } from './decision.service.ts';

export async function orgByKey(db: Db, key: string): Promise<string> {
  const id = await organizationIdByKey(db, key);
  if (!id) throw new Error(`no organization with key ${key}`);
  return id;
}

export { insertProgramme } from '../../test/helpers/factories.ts';

let caseSeq = 0;

export type CaseFixture = {
  bodyId: string;
  organizationId: string;
  kind?: 'institutional' | 'programme';
  programmeIds?: string[];
  state?: string;
  eurAce?: boolean;
  crossBorder?: boolean;
  hasStudents?: boolean;
  hasGraduates?: boolean;
  /** Default true: the organization has an accepted working internal QA system (acceptWorkingInternalQa). */
  internalQaWorking?: boolean;
  previousDecisionId?: string | null;
  standardSetId?: string | null;
  rejectReason?: string | null;
};

/**
 * The organization's internal QA system as working: a self-assessment against the Guidelines'
 * higher-education standards accepted on the day they came into force (oversight's fact the decision
 * rule reads), unless it has one already. Written straight into oversight's tables, as test data.
 */
export async function acceptWorkingInternalQa(db: Db, organizationId: string): Promise<void> {
  const has = await db.selectFrom('internal_qa_assessments').select('id').where('organization_id', '=', organizationId).where('state', '=', 'accepted').executeTakeFirst();
  if (has) return;
  const set = await db.selectFrom('standard_sets').select(['id', 'valid_from']).where('key', '=', 'guidelines-internal-higher').orderBy('valid_from').executeTakeFirstOrThrow();
  await db
    .insertInto('internal_qa_assessments')
    .values({ organization_id: organizationId, standard_set_id: set.id, level: 'higher', state: 'accepted', summary: 'Test fixture', reviewed_on: set.valid_from, working: true })
    .execute();
}

export async function insertCase(db: Db, c: CaseFixture): Promise<string> {
  if (c.internalQaWorking ?? true) await acceptWorkingInternalQa(db, c.organizationId);
  const row = await db
    .insertInto('accreditation_cases')
    .values({
      number: `T-${process.pid}-${++caseSeq}`,
      body_id: c.bodyId,
      organization_id: c.organizationId,
      kind: c.kind ?? 'programme',
      eur_ace: c.eurAce ?? false,
      cross_border: c.crossBorder ?? false,
      standard_set_id: c.standardSetId ?? null,
      state: c.state ?? 'council-scheduled',
      coordinator_user_id: null,
      reject_reason: c.rejectReason ?? null,
      applied_on: '2024-01-10',
      started_on: '2024-01-20',
      previous_decision_id: c.previousDecisionId ?? null,
      has_students: c.hasStudents ?? true,
      has_graduates: c.hasGraduates ?? true,
      details: toJson({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.programmeIds?.length) {
    await db
      .insertInto('accreditation_case_programmes')
      .values(c.programmeIds.map((programme_id) => ({ case_id: row.id, programme_id })))
      .execute();
  }
  return row.id;
}

export type DecisionFixture = CaseFixture & {
  outcome?: 'accredited' | 'refused';
  termYears?: number | null;
  decidedOn: string;
  approvedOn?: string;
  certificateNumber?: string | null;
  enaeeStatus?: string | null;
};

/** An approved decision (with its case, programmes and first status period), as approval leaves it. */
export async function insertApprovedDecision(db: Db, f: DecisionFixture): Promise<{ caseId: string; decisionId: string }> {
  const caseId = await insertCase(db, { ...f, state: f.state ?? 'published' });
  const outcome = f.outcome ?? 'accredited';
  const term = outcome === 'accredited' ? (f.termYears ?? 5) : null;
  const approvedOn = f.approvedOn ?? f.decidedOn;
  const validFrom = term ? approvedOn : null;
  const validTo = term ? termEnd(approvedOn, term) : null;
  const status = outcome === 'accredited' ? 'active' : 'refused';
  const d = await db
    .insertInto('accreditation_decisions')
    .values({
      case_id: caseId,
      body_id: f.bodyId,
      organization_id: f.organizationId,
      kind: f.kind ?? 'programme',
      eur_ace: f.eurAce ?? false,
      cross_border: f.crossBorder ?? false,
      outcome,
      term_years: term,
      proposed_outcome: outcome,
      proposed_term_years: term,
      departure_reason: null,
      decided_on: f.decidedOn,
      approved_on: approvedOn,
      valid_from: validFrom,
      valid_to: validTo,
      status,
      status_reason: null,
      certificate_number: f.certificateNumber ?? null,
      enaee_status: f.enaeeStatus ?? null,
      summary: toJson({ proposal: { outcome, termYears: term, reasons: [] }, grades: [] }),
      published_on: approvedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (f.programmeIds?.length) {
    await db
      .insertInto('accreditation_decision_programmes')
      .values(f.programmeIds.map((programme_id) => ({ decision_id: d.id, programme_id })))
      .execute();
  }
  await db
    .insertInto('accreditation_decision_states')
    .values({
      decision_id: d.id,
      status,
      outcome,
      term_years: term,
      valid_from: validFrom,
      valid_to: validTo,
      effective_from: approvedOn,
      effective_to: null,
      source: 'approval',
      source_id: null,
      reason: null,
    })
    .execute();
  return { caseId, decisionId: d.id };
}
