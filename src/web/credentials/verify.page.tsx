// The public verification page: paste a credential or upload its file, and see every check and
// the verdict in plain words. Bad input (empty, not JSON, too large) comes back to the form.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type VerificationReport, verifyPresented } from '../../credentials/verify.service.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, pageOf } from '../page.ts';
import { CredentialStyles, VerificationResult } from './parts.tsx';

/** A credential is a few kilobytes; 2 MB leaves room for large embedded evidence and no more. */
export const MAX_VERIFY_BYTES = 2 * 1024 * 1024;

type FormError = 'empty' | 'notJson' | 'tooLarge';

function verifyPage(c: Context<AppEnv>, state: { text?: string; error?: FormError; report?: VerificationReport }, status: 200 | 413 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const title = t('ui.credentialPages.verifyTitle');
  const error = state.error ? t(`errors.credentialPages.${state.error}`, { size: MAX_VERIFY_BYTES / 1024 / 1024 }) : null;
  return c.html(
    <Layout page={page} title={state.report ? `${t(`ui.credentialPages.verdict.${state.report.verdict}`)} — ${title}` : title}>
      <CredentialStyles />
      <h1>{title}</h1>
      {state.report ? <VerificationResult page={page} report={state.report} /> : null}
      {state.report ? <h2>{t('ui.credentialPages.verifyAnother')}</h2> : <p>{t('ui.credentialPages.verifyIntro')}</p>}
      {error ? (
        <div class="error-summary" role="alert" id="error-summary">
          <p>
            <a href="#f-credential">{error}</a>
          </p>
        </div>
      ) : null}
      <form class="ws" method="post" action={page.href('/verify')} enctype="multipart/form-data">
        <label for="f-credential">{t('ui.credentialPages.pasteLabel')}</label>
        <p class="meta" id="f-credential-hint">
          {t('ui.credentialPages.pasteHint')}
        </p>
        <textarea
          id="f-credential"
          name="credential"
          class="json"
          rows={12}
          spellcheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'f-credential-hint f-credential-error' : 'f-credential-hint'}
        >
          {state.text ?? ''}
        </textarea>
        {error ? (
          <p class="field-error" id="f-credential-error">
            {error}
          </p>
        ) : null}
        <label for="f-file">{t('ui.credentialPages.fileLabel')}</label>
        <input id="f-file" name="file" type="file" accept=".json,.jsonld,application/json,application/ld+json,application/vc+ld+json" />
        <p>
          <button type="submit">{t('ui.credentialPages.verifyButton')}</button>
        </p>
      </form>
      <p class="meta">{t('ui.credentialPages.verifyPrivacy')}</p>
    </Layout>,
    status,
  );
}

/** The pasted text, or the uploaded file when nothing was pasted. */
async function submitted(c: Context<AppEnv>): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('multipart/form-data') && !type.includes('application/x-www-form-urlencoded')) return (await c.req.text()).trim();
  const body = await c.req.parseBody();
  const pasted = typeof body.credential === 'string' ? body.credential.trim() : '';
  if (pasted) return pasted;
  const file = body.file;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_VERIFY_BYTES) throw new TooLarge();
    return (await file.text()).trim();
  }
  return '';
}

class TooLarge extends Error {}

export function registerVerifyPage(app: Api): void {
  app.get(`${LANG_ROUTE}/verify`, (c) => verifyPage(c, {}));
  app.post(
    `${LANG_ROUTE}/verify`,
    bodyLimit({ maxSize: MAX_VERIFY_BYTES + 64 * 1024, onError: (c) => verifyPage(c as Context<AppEnv>, { error: 'tooLarge' }, 413) }),
    async (c) => {
      let text: string;
      try {
        text = await submitted(c);
      } catch (error) {
        if (error instanceof TooLarge) return verifyPage(c, { error: 'tooLarge' }, 413);
        throw error;
      }
      if (!text) return verifyPage(c, { error: 'empty' }, 422);
      // What the person pasted is shown again only if it is of a sensible size.
      const echo = text.length > 100_000 ? '' : text;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return verifyPage(c, { text: echo, error: 'notJson' }, 422);
      }
      const report = await verifyPresented(c.get('ctx'), json);
      return verifyPage(c, { report });
    },
  );
}
