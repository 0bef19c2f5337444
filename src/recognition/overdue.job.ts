// The daily check of recognition deadlines: every foreign-qualification application past its
// decision deadline (four months from a complete file, configurable) alerts the authority, every
// morning at 08:05 Almaty time, once per application and day.
import { systemActor } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { defineJob } from '../platform/jobs/jobs.ts';
import { deliverNotificationMail } from '../platform/notifications/mail.ts';
import { alertOverdue } from './foreign-recognition.service.ts';

export const RECOGNITION_OVERDUE_JOB = 'recognition-overdue';

export const recognitionOverdueJob = defineJob<Record<string, never>>({
  name: RECOGNITION_OVERDUE_JOB,
  cron: '5 8 * * *',
  async handler(_data, job) {
    const ctx = { db: job.db, actor: systemActor('recognition deadlines job'), lang: 'en' as const, log: job.log, requestId: null };
    const alerted = await inTransaction(ctx, (trx) => alertOverdue(trx, todayInAlmaty()));
    await deliverNotificationMail(job.db, job.log);
    job.log.info({ alerted }, 'recognition deadlines');
  },
});
