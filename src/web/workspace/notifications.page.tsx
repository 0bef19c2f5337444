// The notification list: what waits for the signed-in user, newest first, unread ones marked, with
// a link to the page each concerns and one button to mark everything read.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Api } from '../../platform/http/env.ts';
import { markRead, myNotifications } from '../../platform/notifications/notifications.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { ErrorSummary, type FormProblem, accountOf } from './forms.tsx';
import { signInFirst } from './workspace.page.tsx';

async function notificationsPage(c: Context<AppEnv>, problem?: FormProblem) {
  const page = pageOf(c);
  const { t } = page;
  const { items, unread } = await myNotifications(c.get('ctx'), { limit: 100 });
  return c.html(
    <Layout page={page} title={t('ui.notifications.title')} account={await accountOf(c, page)}>
      <h1>{t('ui.notifications.title')}</h1>
      <ErrorSummary page={page} problem={problem} byField={new Map()} labels={{}} />
      {items.length ? (
        <>
          {unread ? (
            <form method="post" action={page.href('/workspace/notifications/read')}>
              <button type="submit">{t('ui.notifications.markAllRead')}</button>
            </form>
          ) : null}
          <ul class="notifications">
            {items.map((n) => (
              <li class={n.read ? 'read' : 'unread'}>
                {n.read ? null : <strong>{t('ui.notifications.unread')}: </strong>}
                {n.link ? <a href={page.href(n.link)}>{n.subject}</a> : <span>{n.subject}</span>}
                <p>{n.text}</p>
                <p>
                  {t('ui.notifications.received')}: <time datetime={n.createdAt}>{page.date(n.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('ui.notifications.empty')}</p>
      )}
    </Layout>,
    problem ? 409 : 200,
  );
}

export function registerNotificationPages(app: Api): void {
  app.get(`${LANG_ROUTE}/workspace/notifications`, async (c) => signInFirst(c) ?? notificationsPage(c));
  app.post(`${LANG_ROUTE}/workspace/notifications/read`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    return formAction(c, {
      schema: z.object({}),
      input: {},
      run: (ctx) => markRead(ctx),
      refused: (problem) => notificationsPage(c, problem),
      done: () => `/${langOf(c)}/workspace/notifications`,
    });
  });
}
