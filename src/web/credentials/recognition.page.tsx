// The organization's side of recognition: learners' requests to count their credentials toward one
// of its programmes, each decided (recognised with credits, or refused) with a note.
import type { Context } from 'hono';
import { decideRecognition, organizationRecognitionRequests, type RecognitionRequest } from '../../credentials/learner.service.ts';
import { organizationsOf } from '../../platform/access/roles.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { idParam } from '../../platform/http/openapi-common.ts';
import { formAction, formFields } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { Name } from '../record-parts.tsx';
import { ErrorSummary, type FormProblem, Select, TextField, accountOf, formProblemOf, formValues, issuesByField, one } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';
import { credentialAccess } from '../../credentials/credentials.access.ts';

const FIELDS = ['decision', 'recognisedCredits', 'note'] as const;

/** The organization whose requests the user may decide: the asked one, else their first. */
function organizationFor(c: Context<AppEnv>, asked: string): string | null {
  const actor = c.get('ctx').actor;
  const mine = organizationsOf(actor, ['org-admin']).filter((id) => credentialAccess({ actor }, id).can('decide-recognition'));
  if (asked) return mine.includes(asked) ? asked : null;
  return mine[0] ?? null;
}

type Failed = { id: string; problem: FormProblem; values: Record<string, string>; status: 409 | 422 };

async function requestsPage(c: Context<AppEnv>, orgId: string, failed?: Failed) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const requests = await organizationRecognitionRequests(ctx, orgId);
  const account = await accountOf(c, page);
  const title = t('ui.credentialPages.recognition.title');
  const r = (key: string) => t(`ui.credentialPages.recognition.${key}`);
  const decided = c.req.query('decided');
  const form = (req: RecognitionRequest) => {
    const mine = failed?.id === req.id ? failed : undefined;
    const byField = issuesByField(mine?.problem.issues ?? [], FIELDS.map((f) => `${f}-${req.id}`));
    const path = (f: string) => `${f}-${req.id}`;
    return (
      <form class="ws" method="post" action={page.href(`/workspace/recognition-requests/${req.id}?organization=${orgId}`)}>
        <ErrorSummary page={page} problem={mine?.problem} byField={byField} labels={{ [path('decision')]: r('decision'), [path('recognisedCredits')]: r('credits'), [path('note')]: r('note') }} />
        <Select
          page={page}
          path={path('decision')}
          label={r('decision')}
          value={mine?.values.decision ?? 'recognised'}
          options={[
            ['recognised', r('recognised')],
            ['refused', r('refused')],
          ]}
          issues={byField.get(path('decision'))}
          required
        />
        <TextField page={page} path={path('recognisedCredits')} label={r('credits')} hint={t('ui.credentialPages.recognition.creditsHint', { credits: req.credits })} type="number" value={mine?.values.recognisedCredits ?? String(req.credits)} issues={byField.get(path('recognisedCredits'))} extra={{ min: 0, step: 'any' }} />
        <TextField page={page} path={path('note')} label={r('note')} value={mine?.values.note ?? ''} issues={byField.get(path('note'))} multiline />
        <p>
          <button type="submit">{r('decide')}</button>
        </p>
      </form>
    );
  };
  return c.html(
    <Layout page={page} title={title} account={account}>
      <h1>{title}</h1>
      <p>{account.organizations[orgId] ?? ''}</p>
      {decided ? <p role="status">{r('done')}</p> : null}
      {failed?.problem.message && !failed.problem.issues.length ? (
        <div class="error-summary" role="alert">
          <p>{t(failed.problem.message.key, failed.problem.message.params)}</p>
        </div>
      ) : null}
      {requests.length === 0 ? <p>{r('none')}</p> : null}
      {requests.map((req) => (
        <section aria-labelledby={`req-${req.id}`} id={`r-${req.id}`}>
          <h2 id={`req-${req.id}`}>
            {req.learner.name} — {req.programme.code} <Name page={page} map={req.programme.name} />
          </h2>
          <p>
            {t('ui.credentialPages.recognition.summary', { credits: req.credits, credentials: req.credentialIds.length, date: page.date(req.createdAt) })}
          </p>
          {req.note ? <p>{req.note}</p> : null}
          {req.status === 'pending' ? (
            form(req)
          ) : (
            <p>
              <strong>{r(req.status === 'recognised' ? 'recognised' : 'refused')}</strong>
              {req.recognisedCredits !== null ? ` — ${t('ui.credentialPages.recognition.creditsValue', { credits: req.recognisedCredits })}` : ''}
              {req.decisionNote ? ` — ${req.decisionNote}` : ''}
            </p>
          )}
        </section>
      ))}
    </Layout>,
    failed?.status ?? 200,
  );
}

export function registerRecognitionPages(app: Api): void {
  const base = `${LANG_ROUTE}/workspace/recognition-requests`;
  const home = (c: Context<AppEnv>) => `/${langOf(c)}/workspace/recognition-requests`;

  app.get(base, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationFor(c, c.req.query('organization') ?? '');
    if (!orgId) return deniedPage(c);
    return requestsPage(c, orgId);
  });

  app.post(`${base}/:id`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = idParam.parse({ id: c.req.param('id') }).id;
    const orgId = organizationFor(c, c.req.query('organization') ?? '');
    if (!orgId) return deniedPage(c);
    const form = await formValues(c);
    const values = { decision: one(form, `decision-${id}`), recognisedCredits: one(form, `recognisedCredits-${id}`), note: one(form, `note-${id}`) };
    const credits = values.recognisedCredits.trim() === '' ? undefined : Number(values.recognisedCredits);
    const issues: FieldIssue[] = [];
    if (values.decision !== 'recognised' && values.decision !== 'refused') issues.push({ path: `decision-${id}`, messageKey: 'errors.field.required' });
    if (credits !== undefined && !(Number.isFinite(credits) && credits > 0)) issues.push({ path: `recognisedCredits-${id}`, messageKey: 'errors.field.tooSmall', params: { minimum: 0.5 } });
    const failed = (problem: FormProblem) => requestsPage(c, orgId, { id, problem, values, status: problem.issues.length ? 422 : 409 });
    const decision = values.decision as 'recognised' | 'refused';
    return formAction(c, {
      schema: formFields,
      input: form,
      extraIssues: issues,
      run: (ctx) => decideRecognition(ctx, id, { decision, recognisedCredits: credits, note: values.note || undefined }),
      // Service issues name the bare field; the form's fields carry the request id.
      problemOf: (error) => {
        const problem = formProblemOf(error);
        return problem && { ...problem, issues: problem.issues.map((i) => ({ ...i, path: `${i.path}-${id}` })) };
      },
      refused: failed,
      done: () => `${home(c)}?organization=${orgId}&decided=1#r-${id}`,
    });
  });
}

