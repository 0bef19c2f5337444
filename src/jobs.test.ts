import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REMINDERS_JOB } from './accreditation/reminders.job.ts';
import { ISSUE_BATCH_JOB } from './credentials/batch.service.ts';
import { OPEN_DATA_DUMP_JOB } from './interop/dump-service.ts';
import { COMMIT_IMPORT_JOB } from './interop/import-jobs.ts';
import { JOBS } from './jobs.ts';
import { RECOGNITION_OVERDUE_JOB } from './recognition/overdue.job.ts';
import { AUDIT_CHECKPOINT_JOB } from './platform/audit/checkpoints.ts';
import { NOTIFICATION_MAIL_JOB } from './platform/notifications/mail.ts';

test('the server runs the batch issuance job, the daily reminders at 08:00, the daily audit checkpoint and the nightly open-data dump notification e-mail every minute and import commits, each once', () => {
  assert.deepEqual(JOBS.map((j) => j.name).sort(), [ISSUE_BATCH_JOB, REMINDERS_JOB, AUDIT_CHECKPOINT_JOB, OPEN_DATA_DUMP_JOB, NOTIFICATION_MAIL_JOB, COMMIT_IMPORT_JOB, RECOGNITION_OVERDUE_JOB].sort());
  assert.equal(JOBS.find((j) => j.name === RECOGNITION_OVERDUE_JOB)?.cron, '5 8 * * *');
  assert.equal(JOBS.find((j) => j.name === NOTIFICATION_MAIL_JOB)?.cron, '* * * * *');
  assert.equal(JOBS.find((j) => j.name === AUDIT_CHECKPOINT_JOB)?.cron, '0 1 * * *');
  assert.equal(JOBS.find((j) => j.name === OPEN_DATA_DUMP_JOB)?.cron, '15 3 * * *');
  assert.equal(JOBS.find((j) => j.name === REMINDERS_JOB)?.cron, '0 8 * * *');
  assert.equal(JOBS.find((j) => j.name === ISSUE_BATCH_JOB)?.cron, undefined);
});
