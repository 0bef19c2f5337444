// What waits for a user (PRODUCT §3.3: deadlines, case steps) reaches them in the workspace, with
// an unread count, and by e-mail when SMTP_URL is set. Modules call `notify` inside the transaction
// of the event, naming recipients by user or by role at an organization; each recipient reads it in
// their own language, whoever caused it. Telling the same event twice (same dedupe key) stores it once.
import { sql } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { Ctx } from '../context.ts';
import { toJson } from '../db/schema.ts';
import { unauthenticated } from '../errors.ts';
import { type Lang, isLang, translator } from '../i18n/i18n.ts';

export type Recipients = { userIds?: readonly string[]; roles?: readonly { role: Role; organizationId: string | null }[] };

export type NewNotification = {
  kind: string;
  recipients: Recipients;
  /** Message parameters; one named …Key is a message key, translated in the recipient's language. */
  params?: Record<string, string>;
  /** A workspace path without the language prefix. */
  link?: string | null;
  dedupeKey: string;
};

export type NotificationView = {
  id: string;
  kind: string;
  subject: string;
  text: string;
  link: string | null;
  createdAt: string;
  read: boolean;
};

/** The users a notification goes to: the named ones and every active holder of the named roles. */
async function recipientIds(ctx: Ctx, recipients: Recipients): Promise<string[]> {
  const ids = new Set(recipients.userIds ?? []);
  for (const { role, organizationId } of recipients.roles ?? []) {
    const rows = await ctx.db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('u.id')
      .where('r.role', '=', role)
      .where((eb) => (organizationId === null ? eb('r.organization_id', 'is', null) : eb('r.organization_id', '=', organizationId)))
      .where('u.disabled_at', 'is', null)
      .execute();
    for (const row of rows) ids.add(row.id);
  }
  return [...ids];
}

/** Stores the notification for each recipient (once per dedupe key); answers how many were new. */
export async function notify(ctx: Ctx, n: NewNotification): Promise<number> {
  const users = await recipientIds(ctx, n.recipients);
  if (!users.length) return 0;
  const rows = await ctx.db
    .insertInto('notifications')
    .values(users.map((user_id) => ({ user_id, kind: n.kind, params: toJson(n.params ?? {}), link: n.link ?? null, dedupe_key: n.dedupeKey })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/** The notification's words in `lang`: its kind's subject and text with the parameters filled in. */
export function notificationWords(lang: Lang, kind: string, params: Record<string, string>): { subject: string; text: string } {
  const t = translator(lang);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Key')) values[name.slice(0, -3)] = t(value);
    else if (/On$/.test(name) && /^\d{4}-\d{2}-\d{2}$/.test(value)) values[name] = formatDay(lang, value);
    else values[name] = value;
  }
  return { subject: t(`notifications.${kind}.subject`, values), text: t(`notifications.${kind}.text`, values) };
}

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const formatDay = (lang: Lang, day: string) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

function signedInUser(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.userId;
}

/** The signed-in user's notifications, newest first, in the language of the request. */
export async function myNotifications(ctx: Ctx, options: { limit?: number; offset?: number } = {}): Promise<{ items: NotificationView[]; unread: number; total: number }> {
  const userId = signedInUser(ctx);
  const rows = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(Math.min(options.limit ?? 50, 200))
    .offset(options.offset ?? 0)
    .execute();
  const counts = await ctx.db
    .selectFrom('notifications')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) FILTER (WHERE read_at IS NULL))::int`.as('unread')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...notificationWords(ctx.lang, r.kind, r.params),
    link: r.link,
    createdAt: r.created_at.toISOString(),
    read: r.read_at !== null,
  }));
  return { items, unread: counts.unread, total: counts.total };
}

/** How many of the signed-in user's notifications are unread (0 for anyone else), for the header. */
export async function unreadCount(ctx: Ctx): Promise<number> {
  if (ctx.actor.kind !== 'user') return 0;
  const row = await ctx.db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks the signed-in user's notifications read: the given ones, or all; answers how many changed. */
export async function markRead(ctx: Ctx, ids?: readonly string[]): Promise<number> {
  const userId = signedInUser(ctx);
  let query = ctx.db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) {
    if (!ids.length) return 0;
    query = query.where('id', 'in', ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A recipient's language for e-mail: their preferred one, else Kazakh. */
export const mailLang = (preferred: string): Lang => (isLang(preferred) ? preferred : 'kk');
