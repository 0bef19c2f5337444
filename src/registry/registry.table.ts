// Kysely table types of the registry module.
import type { Generated } from 'kysely';
import type { JsonColumn, LangMap, NullableJson, Source } from '../platform/db/schema.ts';

export type Outcome = { code: string; text: LangMap };
export type Course = {
  code: string;
  name: LangMap;
  cycle: 'general' | 'basic' | 'major' | 'research' | 'practice' | 'final-attestation';
  component: 'core' | 'elective' | 'university' | 'mandatory';
  credits: number;
  outcomes: string[];
};
export type RelationshipState = 'proposed' | 'in-force' | 'declined';
export type Attachment = { name: string; mediaType: string; url: string };

type Tracked = { row_version: Generated<number>; created_at: Generated<Date>; updated_at: Generated<Date> };

export type RegistryTables = {
  organizations: Tracked & {
    id: Generated<string>;
    name_kk_sort: Generated<string>;
    key: string | null;
    bin: string | null;
    identifiers: JsonColumn<Record<string, string>>;
    name_kk: string;
    name_ru: string;
    name_en: string | null;
    short_name: string | null;
    aliases: string[];
    kind: string;
    legal_form: string | null;
    region_code: string | null;
    status: string;
    website: string | null;
    is_synthetic: boolean;
    source: NullableJson<Source>;
  };
  licences: {
    id: Generated<string>;
    organization_id: string;
    number: string;
    issued_on: string;
    valid_until: string | null;
    programme_groups: string[];
    attachments: JsonColumn<Attachment[]>;
    status: string;
  };
  organization_relationships: {
    id: Generated<string>;
    type: string;
    from_id: string;
    to_id: string;
    effective_on: string | null;
    ended_on: string | null;
    note: string | null;
    source: NullableJson<Source>;
    /** proposed (one side's admin asked; not public), in-force, or declined by the other side. */
    state: Generated<RelationshipState>;
    /** The organization whose admin proposed it; null when the ministry (or both sides) recorded it. */
    proposed_by_id: string | null;
    decided_at: Date | null;
  };
  programmes: Tracked & {
    id: Generated<string>;
    name_kk_sort: Generated<string>;
    organization_id: string;
    code: string;
    edition: number;
    name_kk: string;
    name_ru: string;
    name_en: string | null;
    field_code: string;
    narrow_field_code: string | null;
    group_code: string | null;
    programme_type: string;
    nqf_level: number;
    degree: string | null;
    credits_ects: number;
    languages: string[];
    study_forms: string[];
    occupational_standard_ids: string[];
    atlas_entries: string[];
    partner_ids: string[];
    partnership: string | null;
    licence_id: string | null;
    council_approved_on: string | null;
    objective: NullableJson<LangMap>;
    distinctive_features: NullableJson<LangMap>;
    outcomes: JsonColumn<Outcome[]>;
    courses: JsonColumn<Course[]>;
    status: string;
    review_comment: string | null;
    first_included_at: Date | null;
    is_synthetic: boolean;
    source: NullableJson<Source>;
    /** When it was last submitted to the ministry (migration 0145). */
    submitted_at: Generated<Date | null>;
  };
  /** The version the public is shown while an included programme is being updated (migration 0072). */
  programme_reviewed_rows: RegistryTables['programmes'];
  qualifications: Tracked & {
    id: Generated<string>;
    name_kk_sort: Generated<string>;
    code: string;
    name_kk: string;
    name_ru: string;
    name_en: string | null;
    kind: string;
    qualification_type: string | null;
    nqf_level: number;
    awarding_body_id: string | null;
    field_code: string | null;
    occupations: JsonColumn<{ code: string; name: LangMap }[]>;
    programme_ids: string[];
    is_synthetic: boolean;
    source: NullableJson<Source>;
  };
  certification_centres: {
    organization_id: string;
    sector: string;
    occupational_standard_ids: string[];
    accredited_on: string | null;
    valid_until: string | null;
    is_synthetic: boolean;
    row_version: Generated<number>;
    updated_at: Generated<Date>;
  };
};
