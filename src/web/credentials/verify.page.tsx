// The public verification page: paste a credential or a presentation, or upload its file, and see
// every check and the verdict in plain words. Bad input (empty, not JSON, too large) comes back to the form.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type VerificationReport, verifyPresented } from '../../credentials/verify.service.ts';
import { isPresentation, MalformedPresentation, type PresentationReport, verifyPresentedPresentation } from '../../credentials/presentation.service.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, pageOf } from '../page.ts';
import { issuedCredentialFor } from '../../credentials/issued.service.ts';
import { changesFrom, type Changes } from './credential-content.ts';
import { CredentialStyles } from './parts.tsx';
import { PresentationResult } from './presentation-verdict.tsx';
import { VerificationResult } from './verdict.tsx';

/** A credential is a few kilobytes; 2 MB leaves room for large embedded evidence and no more. */
export const MAX_VERIFY_BYTES = 2 * 1024 * 1024;

type FormError = 'empty' | 'notJson' | 'tooLarge' | 'malformedPresentation';

type VerifyState = {
  text?: string;
  error?: FormError;
  report?: VerificationReport;
  /** The parsed JSON as presented, the credential Sapa issued under its id, and what differs. */
  presented?: unknown;
  issued?: Record<string, unknown> | null;
  changes?: Changes | null;
  /** A link, id or number that matched nothing. */
  lookup?: string;
  /** A presentation instead of a credential: its checks, then a card per credential. */
  presentation?: { report: PresentationReport; presented: Record<string, unknown> };
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Where a link, credential id or certificate number leads: the credential's page (which verifies it,
 * as scanning its QR code does), a certificate's page, or the certificate lookup for a bare number.
 */
async function lookupTarget(c: Context<AppEnv>, value: string): Promise<string | null> {
  const page = pageOf(c);
  const certificate = new RegExp(`/certificates/(${UUID})`, 'i').exec(value);
  if (certificate?.[1]) return page.href(`/certificates/${certificate[1].toLowerCase()}`);
  const credential = new RegExp(`(?:/credentials/|urn:uuid:|^)(${UUID})`, 'i').exec(value);
  if (credential?.[1]) {
    const uuid = credential[1].toLowerCase();
    return (await issuedCredentialFor(c.get('ctx'), `urn:uuid:${uuid}`)) ? page.href(`/credentials/${uuid}`) : null;
  }
  // A certificate is found by its issuer and number together; the lookup form asks for the issuer.
  if (/^[\p{L}\p{N}][\p{L}\p{N}\/ .-]{0,63}$/u.test(value)) return `${page.href('/certificates')}?number=${encodeURIComponent(value)}`;
  return null;
}

function LookupForm(props: { page: ReturnType<typeof pageOf>; value?: string; notFound: boolean }) {
  const { page } = props;
  const { t } = page;
  return (
    <form class="ws" method="get" action={page.href('/verify')}>
      <h2>{t('ui.portal.verify.lookupTitle')}</h2>
      <label for="f-lookup">{t('ui.portal.verify.lookupLabel')}</label>
      <p class="meta" id="f-lookup-hint">
        {t('ui.portal.verify.lookupHint')}
      </p>
      <input
        id="f-lookup"
        name="q"
        type="text"
        value={props.value ?? ''}
        aria-invalid={props.notFound ? 'true' : undefined}
        aria-describedby={props.notFound ? 'f-lookup-hint f-lookup-error' : 'f-lookup-hint'}
      />
      {props.notFound ? (
        <p class="field-error" id="f-lookup-error">
          {t('ui.portal.verify.lookupNotFound', { value: props.value })}
        </p>
      ) : null}
      <p>
        <button type="submit">{t('ui.portal.verify.lookupButton')}</button>
      </p>
    </form>
  );
}

function verifyPage(c: Context<AppEnv>, state: VerifyState, status: 200 | 404 | 413 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const title = t('ui.credentialPages.verifyTitle');
  const error = state.error ? t(`errors.credentialPages.${state.error}`, { size: MAX_VERIFY_BYTES / 1024 / 1024 }) : null;
  return c.html(
    <Layout
      page={page}
      title={
        state.report
          ? `${t(`ui.credentialPages.verdict.${state.report.verdict}`)} — ${title}`
          : state.presentation
            ? `${t(`ui.presentationPage.verdict.${state.presentation.report.verified ? 'valid' : 'invalid'}`)} — ${title}`
            : title
      }
    >
      <CredentialStyles />
      <h1>{title}</h1>
      {state.report ? <VerificationResult page={page} report={state.report} presented={state.presented} issued={state.issued} changes={state.changes} /> : null}
      {state.presentation ? <PresentationResult page={page} report={state.presentation.report} presented={state.presentation.presented} /> : null}
      {state.report || state.presentation ? <h2>{t('ui.credentialPages.verifyAnother')}</h2> : <p>{t('ui.credentialPages.verifyIntro')}</p>}
      <LookupForm page={page} value={state.lookup} notFound={state.lookup !== undefined} />
      <h2>{t('ui.portal.verify.orPaste')}</h2>
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
  app.get(`${LANG_ROUTE}/verify`, async (c) => {
    const value = (c.req.query('q') ?? '').trim();
    if (!value) return verifyPage(c, {});
    const target = await lookupTarget(c, value);
    return target ? c.redirect(target, 303) : verifyPage(c, { lookup: value.slice(0, 200) }, 404);
  });
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
      if (isPresentation(json)) {
        try {
          return verifyPage(c, { presentation: { report: await verifyPresentedPresentation(c.get('ctx'), json), presented: json } });
        } catch (error) {
          if (error instanceof MalformedPresentation) return verifyPage(c, { text: echo, error: 'malformedPresentation' }, 422);
          throw error;
        }
      }
      const report = await verifyPresented(c.get('ctx'), json);
      const signatureFailed = report.checks.some((check) => check.check === 'proof' && check.checked && !check.ok);
      // What Sapa issued under this id, to say what was changed: only worth reading when the signature failed.
      const issued = signatureFailed && json && typeof json === 'object' ? await issuedCredentialFor(c.get('ctx'), (json as { id?: unknown }).id) : null;
      return verifyPage(c, { report, presented: json, issued, changes: issued ? changesFrom(json, issued) : null });
    },
  );
}
