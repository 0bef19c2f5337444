// The verdict of a presentation in plain words: a banner, the presentation's own checks (holder's
// signature, challenge, domain, holder binding, credentials), the holder, then one card per
// credential inside with its own verdict (a did:key issuer is a warning, not a forgery).
import type { PresentationCheck, PresentationReport } from '../../credentials/presentation.service.ts';
import type { Page } from '../page.ts';
import { ChecksHead, VerificationResult } from './verdict.tsx';

type RowState = 'ok' | 'failed' | 'notAsked';
const MARK: Record<RowState, string> = { ok: '✔ ', failed: '✘ ', notAsked: '– ' };

/** The public page asks for no challenge or domain: those rows say so instead of "passed". */
function rowState(check: PresentationCheck, asked: { challenge: boolean; domain: boolean }): RowState {
  if ((check.check === 'challenge' && !asked.challenge) || (check.check === 'domain' && !asked.domain)) return 'notAsked';
  return check.ok ? 'ok' : 'failed';
}

/** In words, never a library's error code (the signature failure's reason stays in the API). */
function worded(page: Page, check: PresentationCheck, state: RowState): string {
  if (state === 'notAsked') return page.t(`ui.presentationPage.notAsked.${check.check}`);
  if (check.key === 'ui.credential.presentation.proof.invalid') return page.t('ui.presentationPage.proofInvalid');
  return page.t(check.key, check.params);
}

export function PresentationResult(props: { page: Page; report: PresentationReport; presented: Record<string, unknown>; asked?: { challenge: boolean; domain: boolean } }) {
  const { page, report } = props;
  const { t } = page;
  const asked = props.asked ?? { challenge: false, domain: false };
  const verdict = report.verified ? 'valid' : 'invalid';
  const failed = report.checks.filter((c) => rowState(c, asked) === 'failed');
  const credentials = Array.isArray(props.presented.verifiableCredential) ? props.presented.verifiableCredential : [props.presented.verifiableCredential];
  return (
    <>
      <section aria-labelledby="presentation-verdict" class={`verdict verdict-${verdict}`} data-verdict={verdict} data-kind="presentation">
        <h2 id="presentation-verdict">
          <span aria-hidden="true">{report.verified ? '✔ ' : '✘ '}</span>
          {t(`ui.presentationPage.verdict.${verdict}`)}
        </h2>
        {failed.length ? (
          <ul>
            {failed.map((c) => (
              <li data-failed={c.check}>
                <strong>{t(`ui.presentationPage.check.${c.check}`)}:</strong> {worded(page, c, 'failed')}
              </li>
            ))}
          </ul>
        ) : null}
        <dl class="fields">
          <dt>{t('ui.presentationPage.holder')}</dt>
          <dd data-field="presentation-holder">{report.holder ?? t('ui.presentationPage.noHolder')}</dd>
        </dl>
      </section>
      <table class="checks" data-kind="presentation">
        <ChecksHead page={page} caption={t('ui.presentationPage.checksCaption')} />
        <tbody>
          {report.checks.map((c) => {
            const state = rowState(c, asked);
            return (
              <tr data-check={c.check} data-state={state}>
                <th scope="row">{t(`ui.presentationPage.check.${c.check}`)}</th>
                <td class={`check-${state === 'notAsked' ? 'skipped' : state}`}>
                  <span aria-hidden="true">{MARK[state]}</span>
                  {t(`ui.presentationPage.state.${state}`)}
                </td>
                <td>{worded(page, c, state)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.credentialResults.map((credentialReport, i) => (
        <article class="presented-credential" aria-labelledby={`credential-${i + 1}-title`} data-credential={i + 1}>
          <h2 id={`credential-${i + 1}-title`}>{t('ui.presentationPage.credentialTitle', { index: i + 1, total: report.credentialResults.length })}</h2>
          <VerificationResult page={page} report={credentialReport} headingLevel={3} presented={credentials[i]} idPrefix={`credential-${i + 1}-`} />
        </article>
      ))}
    </>
  );
}
