// Kysely table types of the accreditation core (migration 0012): Register 1 recognitions,
// cases, their events and deadlines, and decisions (Registers 2 and 3 are computed from these).
import type { Generated } from 'kysely';
import type { JsonColumn, NullableJson, Source } from '../platform/db/schema.ts';

export type AccreditationCoreTables = {
  accreditation_recognitions: {
    id: Generated<string>;
    body_id: string;
    national: Generated<boolean>;
    order_number: string;
    order_date: string;
    valid_from: string;
    valid_to: string | null;
    /** 'active' | 'suspended' | 'revoked' | 'expired' */
    status: Generated<string>;
    /** subset of 'institutional' | 'programme' */
    scope_types: string[];
    /** NQF levels; empty = every level */
    scope_levels: Generated<number[]>;
    /** field classifier codes; empty = every field */
    scope_fields: Generated<string[]>;
    /** e.g. 'ENQA', 'EQAR', 'ENAEE', 'WFME', 'INQAAHE', 'APQN' */
    networks: Generated<string[]>;
    legal_details: JsonColumn<Record<string, unknown>>;
    source: NullableJson<Source>;
    created_at: Generated<Date>;
  };
  accreditation_cases: {
    id: Generated<string>;
    number: string;
    body_id: string;
    organization_id: string;
    /** 'institutional' | 'programme' */
    kind: string;
    eur_ace: Generated<boolean>;
    cross_border: Generated<boolean>;
    standard_set_id: string | null;
    /** a CaseState of case-states.ts */
    state: string;
    state_since: Generated<Date>;
    coordinator_user_id: string | null;
    reject_reason: string | null;
    applied_on: string | null;
    started_on: string | null;
    previous_decision_id: string | null;
    has_students: Generated<boolean>;
    has_graduates: Generated<boolean>;
    details: JsonColumn<Record<string, unknown>>;
    is_synthetic: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    row_version: Generated<number>;
  };
  accreditation_case_programmes: { case_id: string; programme_id: string };
  accreditation_case_events: {
    id: Generated<string>;
    case_id: string;
    action: string;
    from_state: string | null;
    to_state: string;
    actor_id: string | null;
    actor_label: string;
    at: Generated<Date>;
    comment: string | null;
    payload: JsonColumn<Record<string, unknown>>;
  };
  accreditation_deadlines: {
    id: Generated<string>;
    case_id: string;
    step: string;
    starts_on: string;
    due_on: string;
    met_at: Date | null;
    reminded_at: Date | null;
  };
  accreditation_decisions: {
    id: Generated<string>;
    case_id: string;
    body_id: string;
    organization_id: string;
    kind: string;
    eur_ace: Generated<boolean>;
    cross_border: Generated<boolean>;
    /** 'accredited' | 'refused' */
    outcome: string;
    term_years: number | null;
    proposed_outcome: string;
    proposed_term_years: number | null;
    departure_reason: string | null;
    decided_on: string;
    approved_on: string | null;
    valid_from: string | null;
    valid_to: string | null;
    /** 'pending-approval' | 'active' | 'suspended' | 'withdrawn' | 'expired' | 'extended' | 'refused' */
    status: Generated<string>;
    status_reason: string | null;
    certificate_number: string | null;
    enaee_status: string | null;
    summary: JsonColumn<Record<string, unknown>>;
    is_synthetic: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  accreditation_decision_programmes: { decision_id: string; programme_id: string };
};
