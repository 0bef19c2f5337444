// Kysely table types of the credential products (migration 0017): specifications, batches,
// certificates database, share links, recognition requests.
import type { Generated } from 'kysely';
import type { JsonColumn, LangMap, NullableJson } from '../platform/db/schema.ts';

type Tracked = { row_version: Generated<number>; created_at: Generated<Date>; updated_at: Generated<Date> };

export type BatchRowError = { column: string; messageKey: string; params?: Record<string, string | number> };

export type CredentialProductTables = {
  credential_specifications: Tracked & {
    id: Generated<string>;
    organization_id: string;
    code: string | null;
    title_kk: string;
    title_ru: string;
    title_en: string;
    learner_identification: string;
    country_code: string;
    region_code: string | null;
    awarding_body_id: string;
    learning_outcomes: JsonColumn<LangMap[]>;
    workload_ects: number;
    nqf_level: number;
    eqf_level: number;
    assessment_type: string;
    participation_form: string;
    quality_assurance: string;
    field_code: string;
    prerequisites: NullableJson<LangMap>;
    supervision: string | null;
    grading_scheme: NullableJson<LangMap>;
    stackability: string | null;
    further_information: NullableJson<LangMap>;
    occupational_standard_ids: string[];
    programme_id: string | null;
    programme_credits: number | null;
    /** the licence, accreditation or registration that entitled the issuer, as found on saving */
    entitlement: JsonColumn<Record<string, unknown>>;
    status: Generated<string>;
    is_synthetic: Generated<boolean>;
  };
  credential_batches: {
    id: Generated<string>;
    specification_id: string;
    organization_id: string;
    content_hash: string;
    partial: boolean;
    /** 'queued' | 'running' | 'completed' | 'failed' */
    status: Generated<string>;
    total: number;
    done: Generated<number>;
    issued: Generated<number>;
    skipped: Generated<number>;
    invalid: Generated<number>;
    failed: Generated<number>;
    job_id: string | null;
    error: string | null;
    created_by: string | null;
    created_by_label: string;
    created_at: Generated<Date>;
    started_at: Date | null;
    finished_at: Date | null;
  };
  credential_batch_rows: {
    batch_id: string;
    row_number: number;
    data: JsonColumn<Record<string, string>>;
    idempotency_key: string | null;
    /** 'pending' | 'issued' | 'skipped' (issued before) | 'invalid' | 'failed' */
    status: string;
    credential_id: string | null;
    errors: JsonColumn<BatchRowError[]>;
  };
  certificates: Tracked & {
    id: Generated<string>;
    organization_id: string;
    number: string;
    holder_name: string;
    title: string;
    programme_id: string | null;
    qualification_id: string | null;
    occupational_standard_id: string | null;
    issued_on: string;
    valid_until: string | null;
    status: Generated<string>;
    status_reason: string | null;
    is_synthetic: Generated<boolean>;
  };
  credential_share_links: {
    id: Generated<string>;
    token_hash: string;
    credential_id: string;
    user_id: string;
    created_at: Generated<Date>;
    revoked_at: Date | null;
  };
  credential_recognition_requests: {
    id: Generated<string>;
    user_id: string;
    programme_id: string;
    organization_id: string;
    credential_ids: string[];
    credits: number;
    note: string | null;
    /** 'pending' | 'recognised' | 'refused' */
    status: Generated<string>;
    recognised_credits: number | null;
    decision_note: string | null;
    decided_by: string | null;
    decided_at: Date | null;
    created_at: Generated<Date>;
  };
};
