// Kysely table types of experts, panels, visits, reports and the council (migration 0013).
import type { ColumnType, Generated } from 'kysely';

/** A jsonb column with a database default: optional on insert. */
type DefaultedJson<T> = ColumnType<T, string | undefined, string>;

export type Declarations = { conflictOfInterest?: string | null; confidentiality?: string | null; codeOfEthics?: string | null };
export type Training = { title: string; on: string; hours?: number };
export type StoredConflict = { code: string; relation: string; organizationId: string; detail?: string };
export type ScheduleItem = { day: string; time?: string; activity: string };
export type InterviewGroup = { group: string; day: string; time?: string; participants?: number; note?: string };

export type PanelTables = {
  experts: {
    id: Generated<string>;
    body_id: string;
    user_id: string | null;
    full_name: string;
    email: string | null;
    country: string | null;
    /** 'academic' | 'employer' | 'student' | 'foreign' */
    category: string;
    /** 'candidate' | 'doctor' | 'phd' | 'none' */
    degree: Generated<string>;
    academic_title: string | null;
    fields: Generated<string[]>;
    languages: Generated<string[]>;
    certificate_number: string | null;
    certified_on: string | null;
    certification_expires_on: string | null;
    training: DefaultedJson<Training[]>;
    declarations: DefaultedJson<Declarations>;
    /** Panels served before the platform kept records: part of "accreditation experience". */
    prior_panels: Generated<number>;
    excluded_at: Date | null;
    exclusion_reason: string | null;
    is_synthetic: Generated<boolean>;
    row_version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  expert_affiliations: {
    id: Generated<string>;
    expert_id: string | null;
    user_id: string | null;
    organization_id: string;
    /** 'employment' | 'study' */
    kind: string;
    from_on: string | null;
    to_on: string | null;
    note: string | null;
  };
  declared_conflicts: {
    id: Generated<string>;
    expert_id: string | null;
    user_id: string | null;
    organization_id: string;
    reason: string;
    declared_at: Generated<Date>;
  };
  expert_ratings: {
    id: Generated<string>;
    expert_id: string;
    case_id: string | null;
    rated_by: string | null;
    rated_by_label: string;
    score: number;
    criteria: DefaultedJson<Record<string, number>>;
    comment: string | null;
    created_at: Generated<Date>;
  };
  self_assessment_seminars: {
    id: Generated<string>;
    organization_id: string;
    case_id: string | null;
    held_on: string;
    expert_ids: string[];
    user_ids: string[];
    note: string | null;
  };
  accreditation_panels: {
    case_id: string;
    row_version: Generated<number>;
    formed_at: Generated<Date>;
    accepted_at: Date | null;
    accepted_by: string | null;
    acceptance_letter: string | null;
    updated_at: Generated<Date>;
  };
  panel_members: {
    id: Generated<string>;
    case_id: string;
    expert_id: string | null;
    user_id: string | null;
    /** 'chair' | 'member' | 'foreign' | 'coordinator' */
    role: string;
    /** 'active' | 'replaced' | 'removed' */
    status: Generated<string>;
    conflicts: DefaultedJson<StoredConflict[]>;
    override_justification: string | null;
    added_at: Generated<Date>;
    removed_at: Date | null;
  };
  panel_challenges: {
    id: Generated<string>;
    case_id: string;
    member_id: string;
    reason: string;
    filed_by: string;
    filed_at: Generated<Date>;
    /** 'open' | 'replaced' | 'rejected' */
    status: Generated<string>;
    resolution: string | null;
    resolved_by: string | null;
    resolved_at: Date | null;
    replacement_member_id: string | null;
  };
  accreditation_visits: {
    case_id: string;
    /** 'on-site' | 'online' | 'hybrid' */
    mode: string;
    starts_on: string;
    ends_on: string;
    schedule: DefaultedJson<ScheduleItem[]>;
    interview_groups: DefaultedJson<InterviewGroup[]>;
    protocol: string | null;
    protocol_signed_at: Date | null;
    protocol_signed_by: string | null;
    row_version: Generated<number>;
    updated_at: Generated<Date>;
  };
  visit_opinions: {
    id: Generated<string>;
    case_id: string;
    member_id: string;
    text: string;
    signed_at: Generated<Date>;
  };
  panel_reports: {
    id: Generated<string>;
    case_id: string;
    version: number;
    /** 'draft' | 'submitted' | 'returned' | 'factual-check' | 'final' */
    status: Generated<string>;
    summary: string | null;
    recommended_outcome: string | null;
    recommended_term_years: number | null;
    /** 'pass' | 'return' */
    template_check: string | null;
    template_comments: string | null;
    template_checked_at: Date | null;
    sent_to_organization_at: Date | null;
    finalized_at: Date | null;
    created_by: string;
    created_at: Generated<Date>;
  };
  panel_report_grades: {
    report_id: string;
    standard_id: string;
    grade: string;
    findings: string | null;
    recommendations: string | null;
    good_practice: string | null;
  };
  panel_report_dissents: {
    id: Generated<string>;
    report_id: string;
    member_id: string;
    standard_id: string | null;
    text: string;
    created_at: Generated<Date>;
  };
  report_factual_comments: {
    id: Generated<string>;
    case_id: string;
    report_id: string;
    text: string;
    submitted_by: string;
    submitted_at: Generated<Date>;
  };
  council_meetings: {
    id: Generated<string>;
    body_id: string;
    meets_on: string;
    location: string | null;
    /** 'scheduled' | 'held' | 'cancelled' */
    status: Generated<string>;
    created_at: Generated<Date>;
  };
  council_agenda_items: {
    meeting_id: string;
    case_id: string;
    position: number;
    /** 'accredited' | 'refused' */
    proposed_outcome: string;
    proposed_term_years: number | null;
  };
  council_votes: {
    id: Generated<string>;
    meeting_id: string;
    case_id: string;
    user_id: string;
    /** 'for' | 'against' | 'abstain' */
    choice: string;
    cast_at: Generated<Date>;
  };
};
