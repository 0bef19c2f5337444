// Kysely table types (migration 0014): self-assessment reports (the stored files' index is
// platform/files/files.table.ts).
import type { Generated } from 'kysely';

export type DocumentTables = {
  sar_versions: {
    id: Generated<string>;
    case_id: string;
    version: number;
    /** 'draft' | 'submitted' */
    status: Generated<string>;
    created_by: string | null;
    created_at: Generated<Date>;
    submitted_by: string | null;
    submitted_at: Date | null;
  };
  sar_sections: {
    version_id: string;
    /** A standard or criterion code of the case's standard set ('general' when the case has none). */
    standard_code: string;
    text_kk: Generated<string>;
    text_ru: Generated<string>;
    text_en: Generated<string>;
    updated_by: string | null;
    updated_at: Generated<Date>;
  };
  sar_evidence: {
    id: Generated<string>;
    version_id: string;
    /** The section the file supports; null for the report as a whole. */
    standard_code: string | null;
    file_sha256: string;
    /** The name the uploader gave (shown and used on download), never a storage path. */
    file_name: string;
    title: string | null;
    uploaded_by: string | null;
    uploaded_at: Generated<Date>;
  };
};
