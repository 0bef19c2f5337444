// Kysely table types of recognition: foreign-qualification applications with their documents, and
// prior-learning requests with their evidence.
import type { ColumnType, Generated } from 'kysely';

type Stamps = { created_at: Generated<Date>; updated_at: Generated<Date> };

export type PriorLearningResult = { code: string; met: boolean; note: string };

export type RecognitionTables = {
  foreign_recognition_applications: Stamps & {
    id: Generated<string>;
    applicant_user_id: string;
    holder_name: string;
    track: string;
    country_code: string;
    qualification_title: string;
    document_language: string;
    awarded_on: string;
    foreign_nqf_level: number;
    requested_nqf_level: number;
    purpose: string;
    institution_name: string;
    institution_deqar_id: string | null;
    institution_organization_id: string | null;
    institution_status: string;
    apostille_exempt: Generated<boolean>;
    state: Generated<string>;
    submitted_on: string | null;
    complete_on: string | null;
    file_note: string | null;
    expert_user_id: string | null;
    expert_opinion: string | null;
    expert_recommendation: string | null;
    outcome: string | null;
    difference_kind: string | null;
    recognized_nqf_level: number | null;
    reasons: string | null;
    conditions: string | null;
    decided_on: string | null;
    decider_user_id: string | null;
    certificate_number: string | null;
    appeal_reason: string | null;
    appealed_on: string | null;
    appeal_result: string | null;
    appeal_note: string | null;
    appeal_decided_on: string | null;
    overdue_alerted_on: string | null;
    is_synthetic: Generated<boolean>;
  };
  foreign_recognition_documents: {
    id: Generated<string>;
    application_id: string;
    kind: string;
    file_sha256: string;
    file_name: string;
    created_at: Generated<Date>;
  };
  prior_learning_requests: Stamps & {
    id: Generated<string>;
    learner_user_id: string;
    learner_name: string;
    organization_id: string;
    target_kind: string;
    programme_id: string | null;
    occupational_standard_id: string | null;
    claimed_codes: string[];
    statement: string;
    stage: Generated<string>;
    submitted_on: string | null;
    assessed_on: string | null;
    assessor_user_id: string | null;
    results: ColumnType<PriorLearningResult[] | null, string | null, string | null>;
    outcome_kind: string | null;
    credits: ColumnType<string | null, number | null, number | null>;
    outcome_title: string | null;
    refusal_reason: string | null;
    credential_id: string | null;
    certified_on: string | null;
    is_synthetic: Generated<boolean>;
  };
  prior_learning_evidence: {
    id: Generated<string>;
    request_id: string;
    kind: string;
    description: string;
    credential_id: string | null;
    months: number | null;
    file_sha256: string | null;
    file_name: string | null;
    created_at: Generated<Date>;
  };
};
