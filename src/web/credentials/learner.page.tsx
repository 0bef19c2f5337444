// The learner's workspace: my credentials (page, JSON, PDF, a new share link), the credits they
// count toward programmes with a form to ask the organization to recognise them, and the page a
// share link opens.
import type { Context } from 'hono';
import { createShareLink, myCredentials, myCredits, myRecognitionRequests, requestRecognition, sharedCredential } from '../../credentials/learner.service.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { idParam } from '../../platform/http/openapi-common.ts';
import { formAction, formFields } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { FieldErrors, accountOf, fieldId, formValues, one } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';
import { renderCredentialPage } from './credential.page.tsx';
import { CredentialStyles } from './parts.tsx';

const isLearner = (c: Context<AppEnv>) => {
  const actor = c.get('ctx').actor;
  return actor.kind === 'user' && actor.roles.some((r) => r.role === 'learner');
};

type RecognitionProblem = { programmeId: string; issues: FieldIssue[]; message?: string; note: string };

async function myPage(c: Context<AppEnv>, problem?: RecognitionProblem) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const [{ items }, credits, requests] = await Promise.all([myCredentials(ctx), myCredits(ctx), myRecognitionRequests(ctx)]);
  const title = t('ui.credentialPages.mine.title');
  const shared = c.req.query('link');
  const requested = c.req.query('requested');
  const sharedUrl = shared && /^[\w-]{20,100}$/.test(shared) ? `${new URL(c.req.url).origin}${page.href(`/shared/${shared}`)}` : null;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <CredentialStyles />
      <h1>{title}</h1>
      {sharedUrl ? (
        <div role="status">
          <p>{t('ui.credentialPages.mine.linkCreated')}</p>
          <p>
            <a href={sharedUrl}>{sharedUrl}</a>
          </p>
        </div>
      ) : null}
      {requested ? <p role="status">{t('ui.credentialPages.mine.requested')}</p> : null}
      {problem?.message ? (
        <div class="error-summary" role="alert">
          <p>{problem.message}</p>
        </div>
      ) : null}
      <section aria-labelledby="mine">
        <h2 id="mine">{t('ui.credentialPages.mine.credentials')}</h2>
        <p>{t('ui.credentialSharing.publicByDesign')}</p>
        {items.length === 0 ? <p>{t('ui.credentialPages.mine.none')}</p> : null}
        {items.map((item) => {
          const name = item.specificationTitle ? page.text(item.specificationTitle).text : item.achievementName;
          return (
            <article aria-labelledby={`c-${item.id}`}>
              <h3 id={`c-${item.id}`}>
                <a href={page.href(`/credentials/${item.id}`)}>{name}</a>
              </h3>
              <p class="meta">
                {page.date(item.validFrom)} · {t(`ui.credentialPages.issuing.status.${item.status}`, { defaultValue: item.status })}
                {item.statusReason ? ` · ${t('ui.credentialPages.issuing.reason', { reason: item.statusReason })}` : ''}
                {item.workloadEcts !== null ? ` · ${page.number(item.workloadEcts)} ECTS` : ''}
              </p>
              <div class="actions">
                <a href={`/api/credentials/${item.id}/vc`} download>
                  {t('ui.credentialPages.downloadJson')}
                </a>
                <a href={`/api/credentials/${item.id}/pdf?lang=${page.lang}`}>{t('ui.credentialPages.downloadPdf')}</a>
                <form method="post" action={page.href(`/workspace/my-credentials/${item.id}/share`)}>
                  <button type="submit" aria-describedby={`c-${item.id}`}>
                    {t('ui.credentialPages.mine.share')}
                  </button>
                </form>
              </div>
            </article>
          );
        })}
      </section>

      <section aria-labelledby="credits">
        <h2 id="credits">{t('ui.credentialPages.mine.credits')}</h2>
        {credits.length === 0 ? <p>{t('ui.credentialPages.mine.noCredits')}</p> : null}
        {credits.map((p) => {
          const path = `note-${p.programmeId}`;
          const mine = problem?.programmeId === p.programmeId ? problem : undefined;
          const pending = requests.some((r) => r.programme.id === p.programmeId && r.status === 'pending');
          return (
            <article aria-labelledby={`p-${p.programmeId}`}>
              <h3 id={`p-${p.programmeId}`}>
                <a href={page.href(`/programmes/${p.programmeId}`)}>
                  {p.code} {page.text(p.name).text}
                </a>
              </h3>
              <p>
                {t('ui.credentialPages.mine.creditsLine', {
                  earned: page.number(p.earnedCredits),
                  total: page.number(p.programmeCredits),
                  remaining: page.number(p.remainingCredits),
                })}
              </p>
              {pending ? (
                <p>{t('ui.credentialPages.mine.pending')}</p>
              ) : (
                <form class="ws" method="post" action={page.href('/workspace/my-credentials/recognition')}>
                  <input type="hidden" name="programmeId" value={p.programmeId} />
                  <label for={fieldId(path)}>{t('ui.credentialPages.mine.note')}</label>
                  <textarea
                    id={fieldId(path)}
                    name="note"
                    rows={2}
                    aria-invalid={mine?.issues.length ? 'true' : undefined}
                    aria-describedby={mine?.issues.length ? `${fieldId(path)}-error` : undefined}
                  >
                    {mine?.note ?? ''}
                  </textarea>
                  <FieldErrors page={page} path={path} issues={mine?.issues} />
                  <p>
                    <button type="submit">{t('ui.credentialPages.mine.requestButton')}</button>
                  </p>
                </form>
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="requests">
        <h2 id="requests">{t('ui.credentialPages.mine.requests')}</h2>
        {requests.length === 0 ? (
          <p>{t('ui.credentialPages.mine.noRequests')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ui.credentialPages.mine.programme')}</th>
                <th scope="col">{t('ui.credentialPages.ects')}</th>
                <th scope="col">{t('ui.credentialPages.result')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr>
                  <th scope="row">
                    {r.programme.code} {page.text(r.programme.name).text}
                  </th>
                  <td>{page.number(r.recognisedCredits ?? r.credits)}</td>
                  <td>
                    {t(`ui.product.recognitionStatus.${r.status}`, { defaultValue: r.status })}
                    {r.decisionNote ? ` — ${r.decisionNote}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>,
    problem ? (problem.issues.length ? 422 : 409) : 200,
  );
}

export function registerLearnerPages(app: Api): void {
  const base = `${LANG_ROUTE}/workspace/my-credentials`;
  const home = (c: Context<AppEnv>) => `/${langOf(c)}/workspace/my-credentials`;
  app.get(base, async (c) => signInFirst(c) ?? (isLearner(c) ? myPage(c) : deniedPage(c)));

  app.post(`${base}/:id/share`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    if (!isLearner(c)) return deniedPage(c);
    const id = idParam.parse({ id: c.req.param('id') }).id;
    return formAction(c, {
      schema: formFields,
      input: {},
      run: (ctx) => createShareLink(ctx, id),
      // The form is one button: there is no field to show a refusal in, so every error is the error page's.
      problemOf: () => null,
      refused: () => myPage(c),
      // The token is shown once, on the page this redirect opens; only its hash is stored.
      done: (link) => `${home(c)}?link=${encodeURIComponent(link.token)}`,
    });
  });

  app.post(`${base}/recognition`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    if (!isLearner(c)) return deniedPage(c);
    const values = await formValues(c);
    const programmeId = one(values, 'programmeId');
    const note = one(values, 'note');
    if (!/^[0-9a-f-]{36}$/i.test(programmeId)) throw new AppError('bad_request', 400, 'errors.field.invalid');
    return formAction(c, {
      schema: formFields,
      input: values,
      run: (ctx) => requestRecognition(ctx, { programmeId, note: note || undefined }),
      // The note field of the programme's row shows the issues, under the service's message.
      problemOf: (error) =>
        error instanceof AppError && (error.status === 422 || error.status === 409)
          ? { issues: (error.details.issues ?? []).map((i) => ({ ...i, path: `note-${programmeId}` })), message: { key: error.messageKey, params: error.details.params } }
          : null,
      refused: (problem) => myPage(c, { programmeId, issues: problem.issues, note, message: problem.message && pageOf(c).t(problem.message.key, problem.message.params) }),
      done: () => `${home(c)}?requested=1`,
    });
  });

  // What a share link opens: the credential's page (no account needed).
  app.get(`${LANG_ROUTE}/shared/:token`, async (c) => {
    const token = c.req.param('token');
    if (!/^[\w-]{20,100}$/.test(token)) throw new AppError('not_found', 404, 'errors.routeNotFound', { params: { path: c.req.path } });
    const shared = await sharedCredential(c.get('ctx'), token);
    return renderCredentialPage(c, shared.id);
  });
}
