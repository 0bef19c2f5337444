// The workspace of the recognition of foreign qualifications: the applicant's applications (a new
// one, its files, submission, appeal), and on the same page of an application the authority's check,
// expert and decision, and the assigned expert's opinion. Each form shows only to whom it is for.
import type { Context } from 'hono';
import { z } from 'zod';
import type { FieldIssue } from '../../platform/errors.ts';
import { withFileBatch } from '../../platform/files/files.ts';
import { uploadedFile } from '../../platform/http/private-file.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import { DIFFERENCE_KINDS, DOCUMENT_KINDS, OUTCOMES, TRACKS } from '../../recognition/foreign-recognition.rules.ts';
import { appealDecisionSchema, applicationCreateSchema, decisionSchema, fileCheckSchema, opinionSchema, type ApplicationView } from '../../recognition/foreign-recognition.schema.ts';
import * as service from '../../recognition/foreign-recognition.service.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, langOf, pageOf } from '../page.ts';
import { Fields } from '../record-parts.tsx';
import { ErrorSummary, type FormProblem, type FormValues, Select, TextField, accountOf, formProblemOf, formValues, formWithFile, issuesByField, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { outcomeText } from './certificate.page.tsx';

const BASE = '/workspace/recognition/foreign';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

type Failed = { form: string; problem: FormProblem; values: FormValues; status: 409 | 422 };

const w = (page: Page, key: string, params?: Record<string, string | number>) => page.t(`ui.recognition.ws.${key}`, params);
const opt = (page: Page, prefix: string, values: readonly string[]): [string, string][] => values.map((v) => [v, page.t(`${prefix}.${v}`)]);
const orEmpty = (s: string | null | undefined) => s ?? '';
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

function Problem(props: { page: Page; failed?: Failed; form: string; labels: Record<string, string> }) {
  if (props.failed?.form !== props.form) return null;
  const byField = issuesByField(props.failed.problem.issues, Object.keys(props.labels));
  return <ErrorSummary page={props.page} problem={props.failed.problem} byField={byField} labels={props.labels} />;
}

const valuesOf = (failed: Failed | undefined, form: string) => (failed?.form === form ? failed.values : {});

async function listPage(c: Context<AppEnv>, failed?: Failed) {
  const page = pageOf(c);
  const { t } = page;
  const account = await accountOf(c, page);
  const { items } = await service.listApplications(c.get('ctx'), { limit: 100, offset: 0 });
  const title = w(page, 'title');
  const v = valuesOf(failed, 'new');
  const labels: Record<string, string> = {
    holderName: t('ui.recognition.field.holder'),
    track: w(page, 'track'),
    countryCode: t('ui.recognition.field.country'),
    qualificationTitle: t('ui.recognition.field.qualification'),
    documentLanguage: w(page, 'documentLanguage'),
    awardedOn: w(page, 'awardedOn'),
    foreignLevel: w(page, 'foreignLevel'),
    requestedLevel: w(page, 'requestedLevel'),
    purpose: w(page, 'purpose'),
    institutionName: t('ui.recognition.field.institution'),
    institutionDeqarId: w(page, 'deqarId'),
  };
  const issues = issuesByField(failed?.problem.issues ?? [], Object.keys(labels));
  const field = (name: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField page={page} path={name} label={labels[name] ?? name} value={one(v, name)} issues={issues.get(name)} required {...extra} />
  );
  return c.html(
    <Layout page={page} title={title} account={account}>
      <h1>{title}</h1>
      <p>{w(page, 'intro')}</p>
      <h2>{w(page, 'listTitle')}</h2>
      {items.length === 0 ? <p>{w(page, 'none')}</p> : null}
      <ul>
        {items.map((a) => (
          <li>
            <a href={page.href(`${BASE}/${a.id}`)}>
              {a.qualificationTitle} — {a.holderName}
            </a>{' '}
            ({t(`ui.recognition.state.${a.state}`)}; {t(`ui.recognition.timeliness.${a.timeliness.status}`, { date: a.timeliness.dueOn ? page.date(a.timeliness.dueOn) : '' })})
          </li>
        ))}
      </ul>
      <h2 id="new">{w(page, 'newTitle')}</h2>
      <form class="ws" method="post" action={page.href(BASE)}>
        <Problem page={page} failed={failed} form="new" labels={labels} />
        {field('holderName')}
        <Select page={page} path="track" label={labels.track ?? ''} value={one(v, 'track') || 'higher'} options={opt(page, 'ui.recognition.track', TRACKS)} issues={issues.get('track')} required />
        {field('countryCode', { hint: w(page, 'countryHint') })}
        {field('qualificationTitle')}
        {field('documentLanguage', { hint: w(page, 'languageHint') })}
        {field('awardedOn', { type: 'date' })}
        {field('foreignLevel', { type: 'number', extra: { min: 1, max: 8 } })}
        {field('requestedLevel', { type: 'number', extra: { min: 1, max: 8 } })}
        {field('purpose')}
        {field('institutionName')}
        {field('institutionDeqarId', { required: false, hint: w(page, 'deqarHint') })}
        <p>
          <button type="submit">{w(page, 'create')}</button>
        </p>
      </form>
    </Layout>,
    failed?.status ?? 200,
  );
}

function Facts(props: { page: Page; a: ApplicationView }) {
  const { page, a } = props;
  const { t } = page;
  return (
    <Fields
      rows={[
        [w(page, 'stateLabel'), t(`ui.recognition.state.${a.state}`)],
        [w(page, 'deadline'), t(`ui.recognition.timeliness.${a.timeliness.status}`, { date: a.timeliness.dueOn ? page.date(a.timeliness.dueOn) : '' })],
        [t('ui.recognition.field.legalBasis'), t(`ui.recognition.legalBasis.${a.legalBasis}`)],
        [t('ui.recognition.field.holder'), a.holderName],
        [t('ui.recognition.field.qualification'), a.qualificationTitle],
        [t('ui.recognition.field.institution'), `${a.institutionName} — ${t(`ui.recognition.institution.${a.institution.status}`)}`],
        [t('ui.recognition.field.country'), a.countryCode],
        [w(page, 'awardedOn'), page.date(a.awardedOn)],
        [w(page, 'levels'), w(page, `comparison.${a.levels.comparison}`, { foreign: a.levels.foreign, requested: a.levels.requested })],
        [w(page, 'expertNeeded'), a.expertNeeded ? w(page, 'yes') : w(page, 'no')],
        [w(page, 'purpose'), a.purpose],
        [w(page, 'fileNote'), orEmpty(a.fileNote)],
      ]}
    />
  );
}

function Decision(props: { page: Page; a: ApplicationView }) {
  const { page, a } = props;
  const { t } = page;
  if (!a.decision) return null;
  const d = a.decision;
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{w(page, 'decisionTitle')}</h2>
      <Fields
        rows={[
          [t('ui.recognition.field.outcome'), outcomeText(page, d.outcome, d.differenceKind)],
          [t('ui.recognition.field.recognizedLevel'), d.recognizedLevel ? t('ui.recognition.nqfLevel', { level: d.recognizedLevel }) : ''],
          [w(page, 'reasons'), orEmpty(d.reasons)],
          [t('ui.recognition.field.conditions'), orEmpty(d.conditions)],
          [t('ui.recognition.field.decidedOn'), page.date(d.decidedOn)],
          [w(page, 'appealUntil'), d.appealUntil ? page.date(d.appealUntil) : ''],
          [
            t('ui.recognition.certificate.number'),
            d.certificateNumber ? (
              <>
                <a href={page.href(`/recognition/certificates/${d.certificateNumber}`)}>{d.certificateNumber}</a> ·{' '}
                <a href={`/api/recognition/certificates/${d.certificateNumber}/certificate.pdf`} type="application/pdf">
                  {t('ui.recognition.pdf.download')}
                </a>
              </>
            ) : (
              ''
            ),
          ],
        ]}
      />
      {a.appeal ? (
        <>
          <h3>{w(page, 'appealTitle')}</h3>
          <Fields
            rows={[
              [w(page, 'appealReason'), a.appeal.reason],
              [w(page, 'appealedOn'), page.date(a.appeal.appealedOn)],
              [w(page, 'appealResult'), a.appeal.result ? w(page, `appealResults.${a.appeal.result}`) : w(page, 'appealPending')],
              [w(page, 'appealNote'), orEmpty(a.appeal.note)],
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

function DecisionFields(props: { page: Page; v: FormValues; issues: Map<string, FieldIssue[]>; prefix?: string }) {
  const { page, v, issues } = props;
  const p = props.prefix ?? '';
  return (
    <>
      <Select page={page} path={`${p}outcome`} label={page.t('ui.recognition.field.outcome')} value={one(v, `${p}outcome`) || 'recognized'} options={opt(page, 'ui.recognition.outcome', OUTCOMES)} issues={issues.get(`${p}outcome`)} required />
      <Select page={page} path={`${p}differenceKind`} label={w(page, 'differenceKind')} value={one(v, `${p}differenceKind`)} options={opt(page, 'ui.recognition.differenceKind', DIFFERENCE_KINDS)} empty="—" issues={issues.get(`${p}differenceKind`)} />
      <TextField page={page} path={`${p}recognizedLevel`} label={page.t('ui.recognition.field.recognizedLevel')} type="number" extra={{ min: 1, max: 8 }} value={one(v, `${p}recognizedLevel`)} issues={issues.get(`${p}recognizedLevel`)} />
      <TextField page={page} path={`${p}reasons`} label={w(page, 'reasons')} multiline value={one(v, `${p}reasons`)} issues={issues.get(`${p}reasons`)} />
      <TextField page={page} path={`${p}conditions`} label={page.t('ui.recognition.field.conditions')} multiline value={one(v, `${p}conditions`)} issues={issues.get(`${p}conditions`)} />
    </>
  );
}

async function detailPage(c: Context<AppEnv>, id: string, failed?: Failed) {
  const page = pageOf(c);
  const { t } = page;
  const account = await accountOf(c, page);
  const a = await service.getApplication(c.get('ctx'), id);
  const title = w(page, 'applicationTitle', { title: a.qualificationTitle });
  const action = (step: string) => page.href(`${BASE}/${id}/${step}`);
  const form = (name: string) => valuesOf(failed, name);
  const issues = issuesByField(failed?.problem.issues ?? [], []);
  const done = c.req.query('done');
  return c.html(
    <Layout page={page} title={title} account={account}>
      <p>
        <a href={page.href(BASE)}>{w(page, 'back')}</a>
      </p>
      <h1>{title}</h1>
      {done ? <p role="status">{w(page, 'done')}</p> : null}
      {failed && !failed.problem.issues.length && failed.problem.message ? (
        <div class="error-summary" role="alert">
          <p>{t(failed.problem.message.key, failed.problem.message.params)}</p>
        </div>
      ) : null}
      <Facts page={page} a={a} />
      <section aria-labelledby="files">
        <h2 id="files">{w(page, 'filesTitle')}</h2>
        {a.documents.length ? (
          <ul>
            {a.documents.map((d) => (
              <li>
                {t(`ui.recognition.documentKind.${d.kind}`)}: <a href={`/api/recognition/foreign-applications/${id}/documents/${d.id}`}>{d.fileName}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{w(page, 'noFiles')}</p>
        )}
        {a.missingDocuments.length ? <p>{w(page, 'missing', { list: a.missingDocuments.map((k) => t(`ui.recognition.documentKind.${k}`)).join(', ') })}</p> : null}
        {a.can.edit ? (
          <form class="ws" method="post" action={action('documents')} enctype="multipart/form-data">
            <Problem page={page} failed={failed} form="documents" labels={{ file: w(page, 'file'), kind: w(page, 'documentKindLabel') }} />
            <Select page={page} path="kind" label={w(page, 'documentKindLabel')} value="document" options={opt(page, 'ui.recognition.documentKind', DOCUMENT_KINDS)} required />
            <div>
              <label for="f-file">{w(page, 'file')}</label>
              <input id="f-file" name="file" type="file" required accept=".pdf,.png,.jpg,.jpeg" />
            </div>
            <p>
              <button type="submit">{w(page, 'upload')}</button>
            </p>
          </form>
        ) : null}
        {a.can.submit ? (
          <form class="ws" method="post" action={action('submit')}>
            <Problem page={page} failed={failed} form="submit" labels={{ documents: w(page, 'filesTitle') }} />
            <p>
              <button type="submit">{w(page, 'submit')}</button>
            </p>
          </form>
        ) : null}
      </section>
      {a.can.check ? (
        <section aria-labelledby="check">
          <h2 id="check">{w(page, 'checkTitle')}</h2>
          <form class="ws" method="post" action={action('file-check')}>
            <Problem page={page} failed={failed} form="file-check" labels={{ complete: w(page, 'complete'), note: w(page, 'fileNote') }} />
            <Select page={page} path="complete" label={w(page, 'complete')} value={one(form('file-check'), 'complete') || 'true'} options={[['true', w(page, 'completeYes')], ['false', w(page, 'completeNo')]]} issues={issues.get('complete')} required />
            <Select page={page} path="apostilleExempt" label={w(page, 'apostilleExempt')} value={one(form('file-check'), 'apostilleExempt') || String(a.apostilleExempt)} options={[['false', w(page, 'no')], ['true', w(page, 'yes')]]} />
            <TextField page={page} path="note" label={w(page, 'fileNote')} multiline value={one(form('file-check'), 'note')} issues={issues.get('note')} />
            <p>
              <button type="submit">{w(page, 'check')}</button>
            </p>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="expert">
        <h2 id="expert">{w(page, 'expertTitle')}</h2>
        <p>{a.expert.assigned ? w(page, 'expertAssigned') : w(page, 'expertNone')}</p>
        {a.expert.opinion ? <Fields rows={[[w(page, 'opinion'), a.expert.opinion], [w(page, 'recommendation'), a.expert.recommendation ? t(`ui.recognition.outcome.${a.expert.recommendation}`) : '']]} /> : null}
        {a.can.assignExpert ? (
          <form class="ws" method="post" action={action('expert')}>
            <Problem page={page} failed={failed} form="expert" labels={{ email: w(page, 'expertEmail') }} />
            <TextField page={page} path="email" label={w(page, 'expertEmail')} type="email" value={one(form('expert'), 'email')} issues={issues.get('email')} required />
            <p>
              <button type="submit">{w(page, 'assign')}</button>
            </p>
          </form>
        ) : null}
        {a.can.giveOpinion ? (
          <form class="ws" method="post" action={action('opinion')}>
            <Problem page={page} failed={failed} form="opinion" labels={{ opinion: w(page, 'opinion'), recommendation: w(page, 'recommendation') }} />
            <TextField page={page} path="opinion" label={w(page, 'opinion')} multiline value={one(form('opinion'), 'opinion')} issues={issues.get('opinion')} required />
            <Select page={page} path="recommendation" label={w(page, 'recommendation')} value={one(form('opinion'), 'recommendation') || 'recognized'} options={opt(page, 'ui.recognition.outcome', OUTCOMES)} required />
            <p>
              <button type="submit">{w(page, 'sendOpinion')}</button>
            </p>
          </form>
        ) : null}
      </section>
      {a.can.decide ? (
        <section aria-labelledby="decide">
          <h2 id="decide">{w(page, 'decideTitle')}</h2>
          <form class="ws" method="post" action={action('decision')}>
            <Problem page={page} failed={failed} form="decision" labels={{ outcome: t('ui.recognition.field.outcome'), differenceKind: w(page, 'differenceKind'), recognizedLevel: t('ui.recognition.field.recognizedLevel'), reasons: w(page, 'reasons'), conditions: t('ui.recognition.field.conditions') }} />
            <DecisionFields page={page} v={form('decision')} issues={issues} />
            <p>
              <button type="submit">{w(page, 'decide')}</button>
            </p>
          </form>
        </section>
      ) : null}
      <Decision page={page} a={a} />
      {a.can.appeal ? (
        <section aria-labelledby="appeal">
          <h2 id="appeal">{w(page, 'appealTitle')}</h2>
          <form class="ws" method="post" action={action('appeal')}>
            <Problem page={page} failed={failed} form="appeal" labels={{ reason: w(page, 'appealReason') }} />
            <TextField page={page} path="reason" label={w(page, 'appealReason')} multiline value={one(form('appeal'), 'reason')} issues={issues.get('reason')} required />
            <p>
              <button type="submit">{w(page, 'appeal')}</button>
            </p>
          </form>
        </section>
      ) : null}
      {a.can.decideAppeal ? (
        <section aria-labelledby="appeal-decision">
          <h2 id="appeal-decision">{w(page, 'appealDecisionTitle')}</h2>
          <form class="ws" method="post" action={action('appeal-decision')}>
            <Problem page={page} failed={failed} form="appeal-decision" labels={{ result: w(page, 'appealResult'), note: w(page, 'appealNote'), decision: w(page, 'newDecision') }} />
            <Select page={page} path="result" label={w(page, 'appealResult')} value={one(form('appeal-decision'), 'result') || 'dismissed'} options={[['dismissed', w(page, 'appealResults.dismissed')], ['upheld', w(page, 'appealResults.upheld')]]} required />
            <TextField page={page} path="note" label={w(page, 'appealNote')} multiline value={one(form('appeal-decision'), 'note')} issues={issues.get('note')} required />
            <fieldset>
              <legend>{w(page, 'newDecision')}</legend>
              <DecisionFields page={page} v={form('appeal-decision')} issues={issues} prefix="decision." />
            </fieldset>
            <p>
              <button type="submit">{w(page, 'decideAppeal')}</button>
            </p>
          </form>
        </section>
      ) : null}
    </Layout>,
    failed?.status ?? 200,
  );
}

const decisionOf = (v: FormValues, p = '') => ({
  outcome: one(v, `${p}outcome`),
  differenceKind: one(v, `${p}differenceKind`) || null,
  recognizedLevel: num(one(v, `${p}recognizedLevel`)) ?? null,
  reasons: one(v, `${p}reasons`) || null,
  conditions: one(v, `${p}conditions`) || null,
});

/** The JSON-shaped input each step's form gives, for the step's own schema. */
type StepCtx = Parameters<typeof service.decide>[0];
type Step = { schema: z.ZodType; input: (v: FormValues) => unknown; run: (ctx: StepCtx, id: string, input: unknown) => Promise<unknown> };

/** Binds a step's schema to its action, so the input formAction parsed with that schema reaches it typed. */
function step<S extends z.ZodType>(schema: S, input: (v: FormValues) => unknown, run: (ctx: StepCtx, id: string, input: z.infer<S>) => Promise<unknown>): Step {
  return { schema, input, run: (ctx, id, parsed) => run(ctx, id, parsed as z.infer<S>) };
}

const STEPS: Record<string, Step> = {
  submit: step(z.object({}), () => ({}), (ctx, id) => service.submitApplication(ctx, id)),
  'file-check': step(
    fileCheckSchema,
    (v) => ({ complete: one(v, 'complete') === 'true', apostilleExempt: one(v, 'apostilleExempt') === 'true', note: one(v, 'note') || undefined }),
    (ctx, id, input) => service.checkFile(ctx, id, input),
  ),
  expert: step(z.object({ email: z.string().trim().email() }), (v) => ({ email: one(v, 'email') }), (ctx, id, input) => service.assignExpert(ctx, id, input.email)),
  opinion: step(opinionSchema, (v) => ({ opinion: one(v, 'opinion'), recommendation: one(v, 'recommendation') }), (ctx, id, input) => service.giveOpinion(ctx, id, input)),
  decision: step(decisionSchema, (v) => decisionOf(v), (ctx, id, input) => service.decide(ctx, id, input)),
  appeal: step(z.object({ reason: z.string().trim().min(1).max(20000) }), (v) => ({ reason: one(v, 'reason') }), (ctx, id, input) => service.appeal(ctx, id, input.reason)),
  'appeal-decision': step(
    appealDecisionSchema,
    (v) => ({ result: one(v, 'result'), note: one(v, 'note'), decision: one(v, 'result') === 'upheld' ? decisionOf(v, 'decision.') : undefined }),
    (ctx, id, input) => service.decideAppeal(ctx, id, input),
  ),
};

export function registerForeignRecognitionPages(app: Api): void {
  const home = (c: Context<AppEnv>) => `/${langOf(c)}${BASE}`;
  app.get(`${LANG_ROUTE}${BASE}`, async (c) => signInFirst(c) ?? listPage(c));
  app.post(`${LANG_ROUTE}${BASE}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const input = {
      ...Object.fromEntries(['holderName', 'track', 'countryCode', 'qualificationTitle', 'documentLanguage', 'awardedOn', 'purpose', 'institutionName'].map((k) => [k, one(values, k)])),
      countryCode: one(values, 'countryCode').toUpperCase(),
      documentLanguage: one(values, 'documentLanguage').toLowerCase(),
      foreignLevel: num(one(values, 'foreignLevel')),
      requestedLevel: num(one(values, 'requestedLevel')),
      institutionDeqarId: one(values, 'institutionDeqarId') || undefined,
    };
    return formAction(c, {
      schema: applicationCreateSchema,
      input,
      run: (ctx, parsed) => service.createApplication(ctx, parsed),
      refused: (problem, status) => listPage(c, { form: 'new', problem, values, status }),
      done: (created) => `${home(c)}/${created.id}?done=1`,
    });
  });
  app.get(`${LANG_ROUTE}${BASE}/:id{${UUID}}`, async (c) => signInFirst(c) ?? detailPage(c, c.req.param('id')));
  app.post(`${LANG_ROUTE}${BASE}/:id{${UUID}}/documents`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const { values, file } = await formWithFile(c);
    const kind = one(values, 'kind');
    const refused = (issues: FieldIssue[]) => detailPage(c, id, { form: 'documents', problem: { issues, message: { key: 'ui.workspace.form.errorsCount', params: { count: issues.length } } }, values, status: 422 });
    if (!file) return refused([{ path: 'file', messageKey: 'errors.field.required' }]);
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) return refused([{ path: 'kind', messageKey: 'errors.field.required' }]);
    const upload = { ...(await uploadedFile(file)), kind: kind as (typeof DOCUMENT_KINDS)[number] };
    try {
      await withFileBatch((batch) => writeTx(c, (ctx) => service.addDocument(ctx, id, upload, batch)));
    } catch (error) {
      const problem = formProblemOf(error);
      if (!problem) throw error;
      return detailPage(c, id, { form: 'documents', problem, values, status: 422 });
    }
    return c.redirect(`${home(c)}/${id}?done=1`, 303);
  });
  for (const [name, s] of Object.entries(STEPS)) {
    app.post(`${LANG_ROUTE}${BASE}/:id{${UUID}}/${name}`, async (c) => {
      const away = signInFirst(c);
      if (away) return away;
      const id = c.req.param('id');
      const values = await formValues(c);
      return formAction(c, {
        schema: s.schema,
        input: s.input(values),
        run: (ctx, input) => s.run(ctx, id, input),
        refused: (problem, status) => detailPage(c, id, { form: name, problem, values, status }),
        done: () => `${home(c)}/${id}?done=1`,
      });
    });
  }
}
