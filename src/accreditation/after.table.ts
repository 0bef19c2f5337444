// Kysely table types of what follows a decision (migration 0015, block A2): the decision's status
// periods, appeals and complaints, follow-up items; plus the publication date added to decisions.
import type { ColumnType, Generated } from 'kysely';

/** A jsonb column with a database default: optional on insert, written as a JSON string. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type CommissionMember = { name: string; role: string };
export type AppealEffect = {
  decisionStatus?: string;
  outcome?: 'accredited' | 'refused';
  termYears?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  /** For an appeal against an initial-review rejection: the case's state after the decision. */
  caseState?: string;
};
export type FollowUpSubmission = { text: string; documentRef: string | null; submittedOn: string; by: string };

export type AfterDecisionTables = {
  /** Intersected with the core table type: the column this migration adds. */
  accreditation_decisions: { published_on: string | null };
  accreditation_decision_states: {
    id: Generated<string>;
    decision_id: string;
    /** 'active' | 'extended' | 'refused' | 'suspended' | 'withdrawn' */
    status: string;
    outcome: string;
    term_years: number | null;
    valid_from: string | null;
    valid_to: string | null;
    effective_from: string;
    /** exclusive; null while this period is the current one */
    effective_to: string | null;
    /** 'approval' | 'appeal' | 'extension' | 'postponement' | 'withdrawal' | 'suspension' */
    source: string;
    source_id: string | null;
    reason: string | null;
    details: JsonWithDefault<Record<string, unknown>>;
    recorded_at: Generated<Date>;
  };
  accreditation_appeals: {
    id: Generated<string>;
    number: string;
    /** 'appeal' | 'complaint' */
    kind: string;
    subject: string;
    case_id: string;
    decision_id: string | null;
    organization_id: string;
    body_id: string;
    signed_by: string;
    signatory_position: string | null;
    document_ref: string;
    grounds: string;
    received_on: string;
    /** 'logged' | 'under-review' | 'decided' */
    status: Generated<string>;
    commission: JsonWithDefault<CommissionMember[]>;
    /** 'upheld' | 'partially-upheld' | 'rejected' */
    outcome: string | null;
    outcome_reason: string | null;
    effect: JsonWithDefault<AppealEffect>;
    decided_on: string | null;
    filed_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  accreditation_follow_ups: {
    id: Generated<string>;
    decision_id: string;
    /** 'condition' | 'recommendation' | 'corrective-action-plan' | 'interim-report' | 'monitoring-visit' */
    kind: string;
    title: string;
    description: string | null;
    standard_code: string | null;
    due_on: string;
    /** 'open' | 'submitted' | 'accepted' | 'returned' */
    status: Generated<string>;
    submissions: JsonWithDefault<FollowUpSubmission[]>;
    review_comment: string | null;
    reviewed_on: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};
