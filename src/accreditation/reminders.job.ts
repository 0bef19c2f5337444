// The daily reminder job: open case deadlines due soon or overdue, the other modules' reminders
// handed over by the root (the state control calendar's), and accreditations expiring within a
// year without a new case, every morning at 08:00 Almaty time (also `sapa reminders`).
import { systemActor } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { defineJob } from '../platform/jobs/jobs.ts';
import { deliverNotificationMail } from '../platform/notifications/mail.ts';
import { expiryReminders } from './follow-up.service.ts';
import { sendOtherReminders } from './reminder-sources.ts';
import { sendDeadlineReminders } from './reminders.ts';

export const REMINDERS_JOB = 'accreditation-reminders';

export const remindersJob = defineJob<Record<string, never>>({
  name: REMINDERS_JOB,
  cron: '0 8 * * *',
  async handler(_data, job) {
    const ctx = { db: job.db, actor: systemActor('reminders job'), lang: 'en' as const, log: job.log, requestId: null };
    const today = todayInAlmaty();
    const sent = await inTransaction(ctx, (trx) => sendDeadlineReminders(trx, today));
    const others = await inTransaction(ctx, (trx) => sendOtherReminders(trx, today));
    await deliverNotificationMail(job.db, job.log);
    const expiring = await expiryReminders(ctx, today);
    for (const e of expiring) job.log.info({ expiring: e }, 'accreditation expiring without a re-accreditation case');
    job.log.info({ deadlines: sent.length, ...others, expiring: expiring.length }, 'accreditation reminders');
  },
});
