// Kysely table types of import jobs (interop module): a commit queued, running or finished.
import type { ColumnType, Generated } from 'kysely';
import type { JsonColumn, NullableJson } from '../platform/db/schema.ts';
import type { ErrorCode, FieldIssue } from '../platform/errors.ts';
import type { ImportOutcome } from './import-run.ts';

export type ImportJobState = 'queued' | 'running' | 'completed' | 'failed';

/** An AppError as data, localized when it is read (in the reader's language). */
export type StoredProblem = {
  code: ErrorCode;
  status: number;
  messageKey: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
  extra?: Record<string, unknown>;
};

export type ImportJobTables = {
  import_jobs: {
    id: Generated<string>;
    register: string;
    state: Generated<ImportJobState>;
    done: Generated<number>;
    total: number;
    /** The uploaded file until the commit has run (then cleared). */
    file: Uint8Array | null;
    options: JsonColumn<{ encoding?: string }>;
    lang: string;
    created_by: string | null;
    created_by_label: string;
    outcome: NullableJson<ImportOutcome>;
    problem: NullableJson<StoredProblem>;
    job_id: string | null;
    created_at: Generated<Date>;
    started_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
    finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  };
};
