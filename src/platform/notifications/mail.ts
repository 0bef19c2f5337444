// E-mail for notifications, through the SMTP server SMTP_URL names (nodemailer). Each notification is
// mailed once: rows are taken with FOR UPDATE SKIP LOCKED (two processes never send the same one)
// and marked in the same transaction; a failed send leaves the row for the next round.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { defineJob } from '../jobs/jobs.ts';
import { settings } from '../settings.ts';
import { mailLang, notificationWords } from './notifications.ts';

let transport: { url: string; transporter: Transporter } | null = null;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Older unsent notifications are not mailed when SMTP is first configured: the workspace has them. */
const MAIL_WITHIN_DAYS = 7;

/** Sends what has not been mailed yet; answers how many went out (0 when SMTP_URL is unset). */
export async function deliverNotificationMail(db: Db, log: Logger, options: { limit?: number } = {}): Promise<number> {
  const { SMTP_URL, MAIL_FROM, PUBLIC_URL } = settings();
  if (!SMTP_URL) return 0;
  const mailer = transporterFor(SMTP_URL);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.kind', 'n.params', 'n.link', 'u.email', 'u.preferred_lang'])
      .where('n.emailed_at', 'is', null)
      .where('n.created_at', '>', new Date(Date.now() - MAIL_WITHIN_DAYS * 86_400_000))
      .where('u.disabled_at', 'is', null)
      .orderBy('n.created_at')
      .limit(options.limit ?? 200)
      .forUpdate('n')
      .skipLocked()
      .execute();
    let sent = 0;
    for (const n of due) {
      const lang = mailLang(n.preferred_lang);
      const words = notificationWords(lang, n.kind, n.params);
      const link = n.link ? `\n\n${PUBLIC_URL}/${lang}${n.link}` : '';
      try {
        await mailer.sendMail({ from: MAIL_FROM, to: n.email, subject: words.subject, text: `${words.text}${link}\n`, headers: { 'Content-Language': lang } });
      } catch (error) {
        log.warn({ err: error, notification: n.id }, 'notification e-mail not sent; retried on the next round');
        continue;
      }
      await trx.updateTable('notifications').set({ emailed_at: new Date() }).where('id', '=', n.id).execute();
      sent++;
    }
    return sent;
  });
}

/** Every minute, what is waiting goes out (events other than the daily reminders are mailed this way). */
export const NOTIFICATION_MAIL_JOB = 'platform.notification-mail';

export const notificationMailJob = defineJob<Record<string, never>>({
  name: NOTIFICATION_MAIL_JOB,
  cron: '* * * * *',
  async handler(_data, job) {
    const sent = await deliverNotificationMail(job.db, job.log);
    if (sent) job.log.info({ sent }, 'notification e-mail sent');
  },
});
