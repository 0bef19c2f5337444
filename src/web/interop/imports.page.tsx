// /{lang}/workspace/imports: upload a file for a register the person may import into → the preview
// (rows to create, update or leave unchanged, every problem with row, column and message) → commit
// → the result. Plain forms (multipart upload), no JavaScript; the file is kept between preview and
// commit for its uploader only. Templates of every register in kk, ru and en are linked here.
import type { Context } from 'hono';
import { z } from 'zod';
import { datasetTitle } from '../../interop/dump-metadata.ts';
import type { ImportJobView } from '../../interop/import-jobs.ts';
import type { ImportOutcome } from '../../interop/import-run.ts';
import { importableRegisters, previewUpload, type StagedUpload, stageUpload, stagedUpload, startUploadCommit } from '../../interop/import-uploads.service.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { idParam } from '../../platform/http/openapi-common.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, pageOf } from '../page.ts';
import { PAGE_PATHS } from '../results.page.tsx';
import { ErrorSummary, type FormProblem, Select, accountOf, controlAttributes, FieldErrors, issuesByField } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';
import { OutcomeCounts, OutcomeProblems, OutcomeRows } from './import-outcome.tsx';

const ENCODINGS = ['utf-8', 'utf-16le', 'windows-1251'] as const;

const registerTitle = (page: Page, register: string) => datasetTitle(register, 'real')[page.lang];

function UploadForm(props: { page: Page; registers: string[]; register?: string; problem?: FormProblem }) {
  const { page, registers } = props;
  const { t } = page;
  const labels = { register: t('ui.imports.register'), file: t('ui.imports.file'), encoding: t('ui.imports.encoding') };
  const byField = issuesByField(props.problem?.issues ?? [], Object.keys(labels));
  const file = controlAttributes('file', 'file', { issues: byField.get('file'), required: true, hint: true });
  return (
    <>
      <ErrorSummary page={page} problem={props.problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={page.href('/workspace/imports')} enctype="multipart/form-data">
        <Select
          page={page}
          path="register"
          label={labels.register}
          value={props.register ?? ''}
          options={registers.map((r) => [r, registerTitle(page, r)])}
          issues={byField.get('register')}
          required
        />
        <div>
          <label for={file.id}>{labels.file}</label>
          <p class="meta" id={`${file.id}-hint`}>
            {t('ui.imports.fileHint')}
          </p>
          <input {...file} type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          <FieldErrors page={page} path="file" issues={byField.get('file')} />
        </div>
        <Select
          page={page}
          path="encoding"
          label={labels.encoding}
          value=""
          options={ENCODINGS.map((e) => [e, e])}
          empty={t('ui.imports.encodingAuto')}
          issues={byField.get('encoding')}
        />
        <p>
          <button type="submit">{t('ui.imports.preview')}</button>
        </p>
      </form>
    </>
  );
}

function Templates(props: { page: Page; registers: string[] }) {
  const { page } = props;
  const { t } = page;
  return (
    <section aria-labelledby="templates">
      <h2 id="templates">{t('ui.imports.templates')}</h2>
      <p>{t('ui.imports.templatesText')}</p>
      <ul>
        {props.registers.map((register) => (
          <li>
            {registerTitle(page, register)}:{' '}
            {(['csv', 'xlsx'] as const).flatMap((format) =>
              LANGUAGES.map((lang) => (
                <>
                  {' '}
                  <a href={`/api/imports/${register}/template?lang=${lang}&format=${format}`} download>
                    {t('ui.imports.template', { format: format.toUpperCase(), language: t(`ui.imports.language.${lang}`) })}
                  </a>
                </>
              )),
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

async function importsHome(c: Context<AppEnv>, state: { problem?: FormProblem; register?: string } = {}) {
  const page = pageOf(c);
  const { t } = page;
  const registers = importableRegisters(c.get('ctx').actor);
  if (!registers.length) return deniedPage(c);
  return c.html(
    <Layout page={page} title={t('ui.imports.title')} account={await accountOf(c, page)}>
      <h1>{t('ui.imports.title')}</h1>
      <p>{t('ui.imports.intro')}</p>
      <UploadForm page={page} registers={registers} register={state.register} problem={state.problem} />
      <Templates page={page} registers={registers} />
      <p>
        <a href={page.href('/workspace')}>{t('ui.workspace.backToWorkspace')}</a>
      </p>
    </Layout>,
    state.problem ? 422 : 200,
  );
}

/** The preview of a kept upload: what committing it would do, and every problem. */
async function previewPage(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  let upload: StagedUpload;
  let outcome: ImportOutcome | null = null;
  let fileProblem: FormProblem | undefined;
  try {
    ({ upload, outcome } = await previewUpload(ctx, id));
  } catch (error) {
    // A file that cannot be read at all: shown on the upload form, to choose another file.
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    upload = await stagedUpload(ctx, id);
    fileProblem = { issues: error.details.issues ?? [] };
  }
  const title = t('ui.imports.previewTitle', { register: registerTitle(page, upload.register) });
  const registers = importableRegisters(ctx.actor);
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>{t('ui.imports.fileName', { name: upload.fileName })}</p>
      {outcome ? <OutcomeCounts page={page} outcome={outcome} /> : null}
      {outcome ? <OutcomeProblems page={page} outcome={outcome} /> : null}
      {upload.commit ? (
        <p>
          <a href={page.href(`/workspace/imports/${id}/result`)}>{t('ui.imports.resultTitle')}</a>
        </p>
      ) : outcome && !outcome.problems.length ? (
        <form class="ws" method="post" action={page.href(`/workspace/imports/${id}/commit`)}>
          <p>{t('ui.imports.commitText')}</p>
          <button type="submit">{t('ui.imports.commit', { count: outcome.create + outcome.update })}</button>
        </form>
      ) : (
        <section aria-labelledby="upload-again">
          <h2 id="upload-again">{t('ui.imports.uploadAgain')}</h2>
          <UploadForm page={page} registers={registers} register={upload.register} problem={fileProblem} />
        </section>
      )}
      {outcome ? <OutcomeRows page={page} outcome={outcome} /> : null}
    </Layout>,
    fileProblem ? 422 : 200,
  );
}

/** While the commit's job runs: rows done of total, and a link to look again (no refresh of its own: WCAG 2.2.1). */
function CommitProgress(props: { page: Page; upload: StagedUpload; job: ImportJobView }) {
  const { page, upload, job } = props;
  const { t } = page;
  return (
    <>
      <p role="status">{t(job.state === 'queued' ? 'ui.imports.queuedText' : 'ui.imports.runningText', { name: upload.fileName })}</p>
      <p>
        <label for="commit-progress">{t('ui.imports.progress', { done: page.number(job.done), total: page.number(job.total) })}</label>{' '}
        <progress id="commit-progress" max={Math.max(job.total, 1)} value={job.done}>
          {t('ui.imports.progress', { done: page.number(job.done), total: page.number(job.total) })}
        </progress>
      </p>
      <p>
        <a href={page.href(`/workspace/imports/${upload.id}/result`)}>{t('ui.imports.checkAgain')}</a>
      </p>
    </>
  );
}

/** The commit's job failed: nothing was stored; its problems (a record changed since the preview) and what to do. */
function CommitFailed(props: { page: Page; upload: StagedUpload; job: ImportJobView }) {
  const { page, upload, job } = props;
  const { t } = page;
  return (
    <>
      <p role="status">{t('ui.imports.failedText', { name: upload.fileName })}</p>
      {job.outcome?.problems.length ? <OutcomeProblems page={page} outcome={job.outcome} /> : job.problem ? <p>{job.problem.detail}</p> : null}
      <p>
        <a href={page.href('/workspace/imports')}>{t('ui.imports.another')}</a>
      </p>
    </>
  );
}

async function resultPage(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const { t } = page;
  const upload = await stagedUpload(c.get('ctx'), id);
  const job = upload.commit;
  if (!job) return c.redirect(page.href(`/workspace/imports/${id}`), 303);
  const outcome = job.outcome;
  const listPath = Object.values(PAGE_PATHS).includes(upload.register) ? upload.register : null;
  const title = job.state === 'completed' ? t('ui.imports.resultTitle') : job.state === 'failed' ? t('ui.imports.failedTitle') : t('ui.imports.runningTitle');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {job.state === 'failed' ? (
        <CommitFailed page={page} upload={upload} job={job} />
      ) : job.state !== 'completed' || !outcome ? (
        <CommitProgress page={page} upload={upload} job={job} />
      ) : (
        <>
          <p role="status">{t('ui.imports.resultText', { register: registerTitle(page, upload.register), name: upload.fileName })}</p>
          <OutcomeCounts page={page} outcome={outcome} />
          <ul>
            {listPath ? (
              <li>
                <a href={page.href(`/${listPath}`)}>{registerTitle(page, upload.register)}</a>
              </li>
            ) : null}
            <li>
              <a href={page.href('/workspace/imports')}>{t('ui.imports.another')}</a>
            </li>
          </ul>
          <OutcomeRows page={page} outcome={outcome} />
        </>
      )}
    </Layout>,
  );
}

const uploadSchema = z.object({ register: z.string().min(1).max(60), encoding: z.enum(ENCODINGS).optional() });

export function registerImportPages(app: Api): void {
  const base = `${LANG_ROUTE}/workspace/imports`;
  app.get(base, async (c) => signInFirst(c) ?? importsHome(c));

  app.post(base, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const file = body.file instanceof File ? body.file : null;
    const register = text('register');
    const allowed = importableRegisters(c.get('ctx').actor);
    const page = pageOf(c);
    return formAction(c, {
      schema: uploadSchema,
      input: { register, encoding: text('encoding') || undefined },
      extraIssues: [
        ...(register && !allowed.some((name) => name === register) ? [{ path: 'register', messageKey: 'errors.interop.unknownRegister', params: { register } }] : []),
        ...(file?.size ? [] : [{ path: 'file', messageKey: 'errors.interop.noFile' }]),
      ],
      run: async (ctx, input) =>
        stageUpload(ctx, { register: input.register, encoding: input.encoding, fileName: file?.name ?? 'file', bytes: new Uint8Array(await (file as File).arrayBuffer()) }),
      refused: (problem) => importsHome(c, { problem, register }),
      done: (id) => page.href(`/workspace/imports/${id}`),
    });
  });

  app.get(`${base}/:id`, async (c) => signInFirst(c) ?? previewPage(c, idParam.parse({ id: c.req.param('id') }).id));

  app.post(`${base}/:id/commit`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const { id } = idParam.parse({ id: c.req.param('id') });
    return formAction(c, {
      schema: z.object({}),
      input: {},
      run: (ctx) => startUploadCommit(ctx, id),
      refused: () => previewPage(c, id),
      done: () => pageOf(c).href(`/workspace/imports/${id}/result`),
    });
  });

  app.get(`${base}/:id/result`, async (c) => signInFirst(c) ?? resultPage(c, idParam.parse({ id: c.req.param('id') }).id));
}
