// Kysely table types of oversight: internal QA self-assessments, their ratings, improvement actions and
// evidence files; the risk rule and scores; QA-system failures with their recovery measures and reports;
// the results of state control.
import type { Generated } from 'kysely';
import type { JsonColumn } from '../platform/db/schema.ts';

export type OversightTables = {
  internal_qa_assessments: {
    id: Generated<string>;
    organization_id: string;
    standard_set_id: string;
    level: string;
    state: Generated<string>;
    summary: string | null;
    submitted_on: string | null;
    reviewed_on: string | null;
    reviewer_user_id: string | null;
    review_comment: string | null;
    working: boolean | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  internal_qa_ratings: {
    assessment_id: string;
    standard_code: string;
    rating: string;
    narrative: string;
  };
  internal_qa_actions: {
    id: Generated<string>;
    assessment_id: string;
    position: number;
    standard_code: string;
    action: string;
    owner: string;
    due_on: string;
  };
  internal_qa_evidence: {
    id: Generated<string>;
    assessment_id: string;
    standard_code: string;
    file_sha256: string;
    file_name: string;
    uploaded_by: string | null;
    created_at: Generated<Date>;
  };
  oversight_risk_rule: {
    key: string;
    rule: JsonColumn<unknown>;
    updated_at: Generated<Date>;
  };
  oversight_risk_scores: {
    id: Generated<string>;
    organization_id: string;
    assessed_on: string;
    score: number;
    level: string;
    indicators: JsonColumn<unknown>;
    factors: JsonColumn<unknown>;
    rule: JsonColumn<unknown>;
    created_at: Generated<Date>;
  };
  qa_failures: {
    id: Generated<string>;
    organization_id: string;
    level: string;
    declarant: string;
    founders_name: string | null;
    declared_by_user_id: string | null;
    declared_on: string;
    grounds: string;
    risk_assessed_on: string | null;
    risk_score: number | null;
    state: Generated<string>;
    closed_on: string | null;
    closing_reason: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  qa_failure_measures: {
    id: Generated<string>;
    failure_id: string;
    position: number;
    kind: string;
    description: string;
    owner: string;
    due_on: string;
    status: string;
  };
  qa_failure_reports: {
    id: Generated<string>;
    failure_id: string;
    reported_on: string;
    author: string;
    author_user_id: string | null;
    text: string;
    created_at: Generated<Date>;
  };
  state_control_results: {
    id: Generated<string>;
    organization_id: string;
    kind: string;
    held_on: string;
    outcome: string;
    document: string | null;
    notes: string | null;
    next_planned_on: string | null;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
};
