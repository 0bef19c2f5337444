// Every background job Sapa runs. The server starts the runner with this list; a module's job runs
// only once it is listed here (modules define jobs, nothing registers itself on import).
import { remindersJob } from './accreditation/reminders.job.ts';
import { recognitionOverdueJob } from './recognition/overdue.job.ts';
import { issueBatchJob } from './credentials/batch.service.ts';
import { openDataDumpJob } from './interop/dump-service.ts';
import { commitImportJob } from './interop/import-jobs.ts';
import { auditCheckpointJob } from './platform/audit/checkpoints.ts';
import type { JobDefinition } from './platform/jobs/jobs.ts';
import { notificationMailJob } from './platform/notifications/mail.ts';

export const JOBS: readonly JobDefinition[] = [remindersJob, issueBatchJob, auditCheckpointJob, openDataDumpJob, notificationMailJob, commitImportJob, recognitionOverdueJob];
