// Kysely table types of the frameworks module.
import type { ColumnType, Generated } from 'kysely';
import type { JsonColumn, LangMap, NullableJson, Source } from '../platform/db/schema.ts';
import type { ValueProvenance } from './provenance.ts';

export type NqfDescriptors = { knowledge: LangMap; skills: LangMap; competences: LangMap; achievement: LangMap };
export type SqfLevel = { level: number; sublevel: string | null; descriptor: LangMap };
export type Occupation = {
  code: string;
  name: LangMap;
  nqfLevel: number;
  sqfSublevel: string | null;
  iscoCode: string | null;
  nkzCode: string | null;
  labourFunctions: { code: string; name: LangMap; skills: LangMap[]; knowledge: LangMap[] }[];
};

type Names = { name_kk: string; name_ru: string; name_en: string };
type Sector = { sector_kk: string; sector_ru: string; sector_en: string };
type Tracked = { row_version: Generated<number>; created_at: Generated<Date>; updated_at: Generated<Date> };

export type FrameworkTables = {
  nqf_levels: {
    level: number;
    eqf_level: number;
    qf_ehea: string | null;
    isced: string[];
    descriptors: JsonColumn<NqfDescriptors>;
    education: JsonColumn<LangMap>;
    typical_qualification: NullableJson<LangMap>;
    source: NullableJson<Source>;
    /** Per value: quoted from a document line, or written by the team (migration 0060). */
    provenance: ColumnType<Record<string, ValueProvenance>, string | undefined, string>;
  };
  qualification_types: Names & {
    key: string;
    /** The highest level of the type. */
    nqf_level: number | null;
    /** Every level a type spanning several may take (migration 0006); null: just nqf_level. */
    nqf_levels: number[] | null;
    source: NullableJson<Source>;
  };
  classifier_versions: {
    classifier: string;
    version: string;
    valid_from: string;
    valid_to: string | null;
    title: string;
    source: NullableJson<Source>;
  };
  classifier_entries: Names & {
    classifier: string;
    version: string;
    code: string;
    parent_code: string | null;
    attributes: JsonColumn<Record<string, unknown>>;
    source: NullableJson<Source>;
  };
  sqfs: Names &
    Sector &
    Tracked & {
      id: Generated<string>;
      code: string;
      oked_codes: string[];
      developer: string;
      approved_on: string | null;
      version: string;
      status: string;
      levels: JsonColumn<SqfLevel[]>;
      is_synthetic: boolean;
      source: NullableJson<Source>;
    };
  sqf_qualifications: Names & {
    id: Generated<string>;
    sqf_id: string;
    code: string;
    nqf_level: number;
    sublevel: string | null;
    isco_codes: string[];
    nkz_codes: string[];
    oked_codes: string[];
  };
  occupational_standards: Names &
    Sector &
    Tracked & {
      id: Generated<string>;
      code: string;
      developer: string;
      approved_on: string | null;
      version: string;
      status: string;
      sqf_id: string | null;
      nqf_levels: number[];
      occupations: JsonColumn<Occupation[]>;
      is_synthetic: boolean;
      source: NullableJson<Source>;
    };
};
