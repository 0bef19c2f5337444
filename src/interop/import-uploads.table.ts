// Kysely table types of the uploads kept between an import's preview and its commit (interop module).
import type { Generated } from 'kysely';
import type { JsonColumn } from '../platform/db/schema.ts';
import type { ImportOutcome } from './import-run.ts';

export type ImportUploadTables = {
  import_uploads: {
    id: Generated<string>;
    user_id: string;
    register: string;
    file_name: string;
    encoding: string | null;
    bytes: Uint8Array;
    created_at: Generated<Date>;
    committed_at: Date | null;
    outcome: JsonColumn<ImportOutcome> | null;
    /** The job committing it, once its commit was asked for. */
    import_job_id: Generated<string | null>;
  };
};
