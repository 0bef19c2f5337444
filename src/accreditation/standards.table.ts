// Kysely table types of standards sets (the rest of accreditation builds on these).
import type { Generated } from 'kysely';
import type { JsonColumn, NullableJson, Source } from '../platform/db/schema.ts';

type Titles = { title_kk: string; title_ru: string; title_en: string };

export type StandardTables = {
  standard_sets: Titles & {
    id: Generated<string>;
    key: string;
    version: string;
    owner_organization_id: string | null;
    owner_label: string;
    scope: string;
    valid_from: string;
    valid_to: string | null;
    source: NullableJson<Source>;
  };
  standards: {
    title_kk: string | null;
    title_ru: string | null;
    title_en: string | null;
    attributes: JsonColumn<Record<string, unknown>>;
    id: Generated<string>;
    set_id: string;
    code: string;
    parent_code: string | null;
    position: number;
    source: NullableJson<Source>;
  };
};
