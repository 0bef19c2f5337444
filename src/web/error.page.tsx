// Localized error pages for the portal (the API answers problem+json instead).
import type { Context } from 'hono';
import type { AppError } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { Layout } from './layout.tsx';
import { pageOf } from './page.ts';

export function renderErrorPage(c: Context<AppEnv>, error: AppError, requestId: string | null): Response | Promise<Response> {
  const page = pageOf(c);
  const { t } = page;
  const [title, text] =
    error.status === 404
      ? [t('ui.notFoundTitle'), t('ui.notFoundText', { path: c.req.path })]
      : error.status === 401
        ? [t('ui.signInRequiredTitle'), t('ui.signInRequiredText')]
        : error.status === 403
          ? [t('ui.forbiddenTitle'), t('ui.forbiddenText')]
          : error.status < 500
        ? [
            t('ui.badRequestTitle'),
            (error.details.issues ?? [])
              .map((i) => t('ui.badRequestText', { name: i.path.replace(/^query\./, ''), message: t(i.messageKey, i.params) }))
              .join(' ') || t(error.messageKey, error.details.params),
          ]
        : [t('ui.serverErrorTitle'), t('ui.serverErrorText', { requestId: requestId ?? '-' })];
  const status = (error.status === 422 ? 400 : error.status) as 400;
  return c.html(
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={page.href('/')}>{t('ui.backHome')}</a>
      </p>
    </Layout>,
    status,
  );
}
