// The verdict of a verification in plain words: a red or green banner, what failed, the credential's
// content (holder, achievement, issuer, dates) with what was changed highlighted, and every check.
// Only localized sentences reach the reader: dates in the page language, no error codes.
import type { CheckResult, VerificationReport } from '../../credentials/verify.service.ts';
import type { Page } from '../page.ts';
import { CONTENT_FIELDS, type Changes, type ContentField, credentialContent } from './credential-content.ts';

type RowState = 'ok' | 'failed' | 'warning' | 'skipped' | 'untrusted';

const DATE_PARAMS = new Set(['date', 'from', 'to', 'until', 'now']);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** The check's message in the page language, its dates localized, and never a library's error code. */
export function wordedCheck(page: Page, check: CheckResult): string {
  if (check.key === 'ui.credential.result.proof.invalid') return page.t('ui.portal.verify.proofInvalid');
  const params = Object.fromEntries(Object.entries(check.params).map(([k, v]) => [k, DATE_PARAMS.has(k) && ISO_DAY.test(v) ? page.date(v) : v]));
  return page.t(check.key, params);
}

/** After a failed signature the other checks read unsigned content: their "passed" proves nothing. */
function rowState(check: CheckResult, signatureFailed: boolean): RowState {
  if (!check.checked) return 'skipped';
  if (!check.ok) return check.severity === 'warning' ? 'warning' : 'failed';
  return signatureFailed && check.check !== 'proof' && check.check !== 'shape' ? 'untrusted' : 'ok';
}

const MARK: Record<RowState, string> = { ok: '✔ ', failed: '✘ ', warning: '! ', skipped: '– ', untrusted: '– ' };

function fieldValue(page: Page, field: ContentField, value: string | null): string {
  if (value === null) return '—';
  if ((field === 'awarded' || field === 'validUntil') && ISO_DAY.test(value) && !Number.isNaN(Date.parse(value))) return page.date(value);
  return value;
}

function ContentList(props: { page: Page; presented: unknown; issued: unknown; changes: Changes | null; idPrefix: string }) {
  const { page } = props;
  const { t } = page;
  const content = credentialContent(props.presented);
  const original = props.issued ? credentialContent(props.issued) : null;
  const changed = new Set(props.changes?.fields ?? []);
  return (
    <section aria-labelledby={`${props.idPrefix}content`}>
      <h2 id={`${props.idPrefix}content`}>{t('ui.portal.verify.contentTitle')}</h2>
      <dl class="fields content">
        {CONTENT_FIELDS.filter((f) => content[f] !== null || changed.has(f)).map((f) => (
          <>
            <dt>{t(`ui.portal.verify.field.${f}`)}</dt>
            <dd class={changed.has(f) ? 'changed' : undefined} data-field={f}>
              {fieldValue(page, f, content[f])}
              {changed.has(f) ? (
                <>
                  {' '}
                  <strong class="changed-note">({t('ui.portal.verify.changed')}</strong>
                  {original ? <>; {t('ui.portal.verify.issuedAs', { value: fieldValue(page, f, original[f]) })}</> : null})
                </>
              ) : null}
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** Caption and column headings of a table of checks (a credential's or a presentation's). */
export function ChecksHead(props: { page: Page; caption: string }) {
  const { t } = props.page;
  return (
    <>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ui.credentialPages.check')}</th>
          <th scope="col">{t('ui.credentialPages.result')}</th>
          <th scope="col">{t('ui.credentialPages.details')}</th>
        </tr>
      </thead>
    </>
  );
}

/**
 * The banner, what failed, the content (when the presented JSON is at hand) and the table of checks.
 * `issued` is the credential Sapa issued under the same id, when there is one, to name what changed.
 */
export function VerificationResult(props: {
  page: Page;
  report: VerificationReport;
  headingLevel?: 2 | 3;
  presented?: unknown;
  issued?: unknown;
  changes?: Changes | null;
  /** Several results on one page (a presentation's credentials) need ids of their own. */
  idPrefix?: string;
}) {
  const { page, report } = props;
  const idPrefix = props.idPrefix ?? '';
  const { t } = page;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const signatureFailed = report.checks.some((c) => c.check === 'proof' && c.checked && !c.ok);
  const failed = report.checks.filter((c) => c.checked && !c.ok);
  const changes = props.changes ?? null;
  const fieldNames = (changes?.fields ?? []).map((f) => t(`ui.portal.verify.field.${f}`).toLowerCase());
  return (
    <>
      <section aria-labelledby={`${idPrefix}verification`} class={`verdict verdict-${report.verdict}`} data-verdict={report.verdict}>
        <H id={`${idPrefix}verification`}>
          <span aria-hidden="true">{report.verdict === 'invalid' ? '✘ ' : report.verdict === 'valid' ? '✔ ' : '! '}</span>
          {t(`ui.credentialPages.verdict.${report.verdict}`)}
        </H>
        {changes?.fields.length ? (
          <p class="changes">
            <strong>{t('ui.portal.verify.changedFields', { count: fieldNames.length, fields: fieldNames.join(', ') })}</strong>
          </p>
        ) : changes?.other ? (
          <p class="changes">
            <strong>{t('ui.portal.verify.changedOther')}</strong>
          </p>
        ) : null}
        {failed.length ? (
          <>
            <p class="what-failed">{t('ui.portal.verify.whatFailed')}</p>
            <ul>
              {failed.map((c) => (
                <li data-failed={c.check}>
                  <strong>{t(`ui.credential.check.${c.check}`)}:</strong> {wordedCheck(page, c)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="summary">{report.summary}</p>
        )}
      </section>
      {props.presented !== undefined ? <ContentList page={page} presented={props.presented} issued={props.issued} changes={changes} idPrefix={idPrefix} /> : null}
      <table class="checks">
        <ChecksHead page={page} caption={t('ui.credentialPages.checksCaption')} />
        <tbody>
          {report.checks.map((c) => {
            const state = rowState(c, signatureFailed);
            return (
              <tr data-check={c.check} data-state={state}>
                <th scope="row">{t(`ui.credential.check.${c.check}`)}</th>
                <td class={`check-${state}`}>
                  <span aria-hidden="true">{MARK[state]}</span>
                  {state === 'untrusted' ? t('ui.portal.verify.untrusted') : t(`ui.credentialPages.checkState.${state}`)}
                </td>
                <td>{state === 'untrusted' ? t('ui.portal.verify.untrustedDetail') : wordedCheck(page, c)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Banner colours: a tinted background and a thick border, words and a mark besides the colour. */
export const VERDICT_STYLES = `
.verdict{border:3px solid #1d6b2f;background:#eef7f0;border-radius:6px;padding:4px 16px 8px;margin:12px 0}
.verdict-invalid{border-color:#a4161a;background:#fbeeee}.verdict-invalid h2,.verdict-invalid h3{color:#8a1114}
.verdict-valid h2,.verdict-valid h3{color:#1d5a2a}
.verdict-valid-with-warnings{border-color:#8a5a00;background:#fff6e0}
dd.changed{background:#fbeeee;border-left:4px solid #a4161a;padding-left:6px}.changed-note{color:#8a1114}
.check-untrusted{color:#454f5b}
`;
