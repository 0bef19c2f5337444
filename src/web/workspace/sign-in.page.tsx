// Signing in and out from the portal: a plain form that sets the same session cookie as the API.
import type { Context } from 'hono';
import { rememberLanguage } from '../../platform/auth/auth.service.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import { endSession, startSession } from '../../platform/http/session-cookie.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { returnPath } from '../return-path.ts';
import { FieldErrors, formValues, one } from './forms.tsx';

/**
 * `refusal`: why the sign-in was refused (wrong password, a role that needs two-factor sign-in);
 * `codeProblem`: the second step's message, asking for the code from the authenticator app.
 */
function renderSignIn(c: Context<AppEnv>, email: string, next: string | null, refusal: string | null, codeProblem: string | null = null) {
  const failed = refusal !== null;
  const page = pageOf(c);
  const { t } = page;
  const issues = refusal ? [{ path: 'password', messageKey: refusal }] : undefined;
  return c.html(
    <Layout page={page} title={t('ui.workspace.signIn.title')}>
      <h1>{t('ui.workspace.signIn.title')}</h1>
      {failed ? (
        <div class="error-summary" role="alert">
          <p>{t(refusal ?? 'errors.badCredentials')}</p>
        </div>
      ) : null}
      <form class="ws" method="post" action={page.href('/sign-in')}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <label for="f-email">{t('ui.workspace.signIn.email')}</label>
        <input id="f-email" name="email" type="email" autocomplete="username" required value={email} aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? 'f-password-error' : undefined} />
        <label for="f-password">{t('ui.workspace.signIn.password')}</label>
        <input id="f-password" name="password" type="password" autocomplete="current-password" required aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? 'f-password-error' : undefined} />
        <FieldErrors page={page} path="password" issues={issues} />
        {codeProblem ? (
          <>
            <label for="f-code">{t('ui.twoFactor.code')}</label>
            <input id="f-code" name="code" inputmode="numeric" autocomplete="one-time-code" required aria-invalid="true" aria-describedby="f-code-error" />
            <FieldErrors page={page} path="code" issues={[{ path: 'code', messageKey: codeProblem }]} />
          </>
        ) : null}
        <p>
          <button type="submit">{t('ui.signIn')}</button>
        </p>
      </form>
    </Layout>,
    failed || codeProblem ? 401 : 200,
  );
}

export function registerSignInPages(app: Api): void {
  app.get(`${LANG_ROUTE}/sign-in`, (c) => {
    const next = returnPath(c.req.query('next'));
    return c.get('ctx').actor.kind === 'user' ? c.redirect(`/${langOf(c)}${next ?? '/workspace'}`, 303) : renderSignIn(c, '', next, null);
  });

  app.post(`${LANG_ROUTE}/sign-in`, async (c) => {
    const values = await formValues(c);
    const email = one(values, 'email');
    const password = typeof values.password === 'string' ? values.password : '';
    const code = one(values, 'code') || undefined;
    const next = returnPath(one(values, 'next'));
    try {
      const session = await startSession(c, email, password, code);
      await writeTx(c, (ctx) => rememberLanguage(ctx, session.userId));
      return c.redirect(`/${langOf(c)}${next ?? '/workspace'}`, 303);
    } catch (error) {
      // The second step: the password was right and the account needs a code from the app.
      if (error instanceof AppError && error.details.extra?.secondFactor) return renderSignIn(c, email, next, null, error.messageKey);
      if (error instanceof AppError && error.status === 401) return renderSignIn(c, email, next, error.messageKey);
      throw error;
    }
  });

  app.post(`${LANG_ROUTE}/sign-out`, async (c) => {
    await endSession(c);
    return c.redirect(`/${langOf(c)}/`, 303);
  });
}
