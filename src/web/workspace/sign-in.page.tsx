// Signing in and out from the portal: a plain form that sets the same session cookie as the API.
import type { Context } from 'hono';
import { endSession, startSession } from '../../platform/http/session-cookie.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { FieldErrors, formValues, one } from './forms.tsx';

function renderSignIn(c: Context<AppEnv>, email: string, failed: boolean) {
  const page = pageOf(c);
  const { t } = page;
  const issues = failed ? [{ path: 'password', messageKey: 'errors.badCredentials' }] : undefined;
  return c.html(
    <Layout page={page} title={t('ui.workspace.signIn.title')}>
      <h1>{t('ui.workspace.signIn.title')}</h1>
      {failed ? (
        <div class="error-summary" role="alert">
          <p>{t('errors.badCredentials')}</p>
        </div>
      ) : null}
      <form class="ws" method="post" action={page.href('/sign-in')}>
        <label for="f-email">{t('ui.workspace.signIn.email')}</label>
        <input id="f-email" name="email" type="email" autocomplete="username" required value={email} aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? 'f-password-error' : undefined} />
        <label for="f-password">{t('ui.workspace.signIn.password')}</label>
        <input id="f-password" name="password" type="password" autocomplete="current-password" required aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? 'f-password-error' : undefined} />
        <FieldErrors page={page} path="password" issues={issues} />
        <p>
          <button type="submit">{t('ui.signIn')}</button>
        </p>
      </form>
    </Layout>,
    failed ? 401 : 200,
  );
}

export function registerSignInPages(app: Api): void {
  app.get(`${LANG_ROUTE}/sign-in`, (c) => (c.get('ctx').actor.kind === 'user' ? c.redirect(`/${langOf(c)}/workspace`, 303) : renderSignIn(c, '', false)));

  app.post(`${LANG_ROUTE}/sign-in`, async (c) => {
    const values = await formValues(c);
    const email = one(values, 'email');
    const password = typeof values.password === 'string' ? values.password : '';
    try {
      await startSession(c, email, password);
      return c.redirect(`/${langOf(c)}/workspace`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 401) return renderSignIn(c, email, true);
      throw error;
    }
  });

  app.post(`${LANG_ROUTE}/sign-out`, async (c) => {
    await endSession(c);
    return c.redirect(`/${langOf(c)}/`, 303);
  });
}
