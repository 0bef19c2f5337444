// The enrolment page of two-factor sign-in: start, scan the QR code (or type the secret), confirm
// with a code, and see the recovery codes once.
import type { Context } from 'hono';
import { confirmTwoFactor, startTwoFactorEnrolment, twoFactorState } from '../../platform/auth/two-factor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import { qrSvg } from '../credentials/parts.tsx';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, pageOf } from '../page.ts';
import { FieldErrors, accountOf, formValues, one } from './forms.tsx';
import { signInFirst } from './workspace.page.tsx';

async function renderEnrolment(c: Context<AppEnv>, codeProblem: string | null) {
  const page = pageOf(c);
  const { t } = page;
  const state = await twoFactorState(c.get('ctx'));
  const qr = state.pending ? await qrSvg(state.pending.uri, t('ui.twoFactor.qr')) : null;
  return c.html(
    <Layout page={page} title={t('ui.twoFactor.title')} account={await accountOf(c, page)}>
      <h1>{t('ui.twoFactor.title')}</h1>
      <p>{t('ui.twoFactor.intro')}</p>
      {state.on ? <p>{t('ui.twoFactor.on')}</p> : null}
      {!state.on && !state.pending ? (
        <form class="ws" method="post" action={page.href('/workspace/two-factor/start')}>
          <p>{t('ui.twoFactor.off')}</p>
          <button type="submit">{t('ui.twoFactor.start')}</button>
        </form>
      ) : null}
      {state.pending && qr ? (
        <>
          <p>{t('ui.twoFactor.scan')}</p>
          <figure class="qr" dangerouslySetInnerHTML={{ __html: qr }} />
          <p>
            {t('ui.twoFactor.secret')}: <code>{state.pending.secret}</code>
          </p>
          <form class="ws" method="post" action={page.href('/workspace/two-factor/confirm')}>
            <label for="f-code">{t('ui.twoFactor.code')}</label>
            <input id="f-code" name="code" inputmode="numeric" autocomplete="one-time-code" required aria-invalid={codeProblem ? 'true' : undefined} aria-describedby={codeProblem ? 'f-code-error' : undefined} />
            <FieldErrors page={page} path="code" issues={codeProblem ? [{ path: 'code', messageKey: codeProblem }] : undefined} />
            <p>
              <button type="submit">{t('ui.twoFactor.confirm')}</button>
            </p>
          </form>
        </>
      ) : null}
    </Layout>,
    codeProblem ? 422 : 200,
  );
}

async function renderRecoveryCodes(c: Context<AppEnv>, codes: string[]) {
  const page = pageOf(c);
  const { t } = page;
  return c.html(
    <Layout page={page} title={t('ui.twoFactor.recoveryTitle')} account={await accountOf(c, page)}>
      <h1>{t('ui.twoFactor.recoveryTitle')}</h1>
      <p>{t('ui.twoFactor.recoveryText')}</p>
      <ul>
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </Layout>,
  );
}

export function registerTwoFactorPages(app: Api): void {
  app.get(`${LANG_ROUTE}/workspace/two-factor`, (c) => signInFirst(c) ?? renderEnrolment(c, null));

  app.post(`${LANG_ROUTE}/workspace/two-factor/start`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    await writeTx(c, (ctx) => startTwoFactorEnrolment(ctx));
    return c.redirect(pageOf(c).href('/workspace/two-factor'), 303);
  });

  app.post(`${LANG_ROUTE}/workspace/two-factor/confirm`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const code = one(await formValues(c), 'code');
    try {
      const { recoveryCodes } = await writeTx(c, (ctx) => confirmTwoFactor(ctx, code));
      return renderRecoveryCodes(c, recoveryCodes);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return renderEnrolment(c, 'errors.twoFactor.wrongCode');
      throw error;
    }
  });
}
