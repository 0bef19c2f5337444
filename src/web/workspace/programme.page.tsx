// An organization's programmes in the workspace: the new-passport form, a programme's page and its lifecycle steps.
import type { Context } from 'hono';
import { entriesInForce } from '../../frameworks/classifier.service.ts';
import { listQualificationTypes } from '../../frameworks/nqf.service.ts';
import { organizationsOf } from '../../platform/access/roles.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import type { MaybeLangMap } from '../../platform/i18n/lang-map.ts';
import { PROGRAMME_ACTIONS, type ProgrammeAction } from '../../registry/programme-lifecycle.ts';
import { programmeAccess } from '../../registry/programme.access.ts';
import { programmeInputSchema, transitionInputSchema } from '../../registry/programme.schema.ts';
import { createProgramme, programmeWorkspace, transitionProgramme } from '../../registry/programme.service.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, type Page, pageOf } from '../page.ts';
import { Checkboxes, ErrorSummary, FieldErrors, type FormProblem, type FormValues, Select, TextField, accountOf, fieldId, formValues, issuesByField, many, one } from './forms.tsx';
import { renderReviewQueue } from './review.page.tsx';
import { ReturnForm } from './return-form.tsx';
import { ORG_ROLES, deniedPage, signInFirst, statusLabel } from './workspace.page.tsx';

/** Rows of learning outcomes the form offers; empty rows are ignored. */
const OUTCOME_ROWS = 3;
const LANGS = ['kk', 'ru', 'en'] as const;

const PROGRAMME_FIELDS = [
  'organizationId',
  'code',
  'name.kk',
  'name.ru',
  'name.en',
  'fieldCode',
  'directionCode',
  'nqfLevel',
  'degree',
  'creditsEcts',
  'languages',
  'outcomes',
  ...Array.from({ length: OUTCOME_ROWS }, (_, i) => [`outcomes.${i}.code`, ...LANGS.map((l) => `outcomes.${i}.text.${l}`)]).flat(),
];

/** The passport from the form, with each outcome's position in the form kept for its errors. */
function passportOf(values: FormValues, organizationId: string) {
  const opt = (name: string) => one(values, name) || undefined;
  const num = (name: string) => (one(values, name) === '' ? undefined : Number(one(values, name)));
  const rows = Array.from({ length: OUTCOME_ROWS }, (_, i) => ({
    row: i,
    code: one(values, `outcomes.${i}.code`),
    text: Object.fromEntries(LANGS.map((l) => [l, one(values, `outcomes.${i}.text.${l}`)])) as Record<(typeof LANGS)[number], string>,
  })).filter((o) => o.code || LANGS.some((l) => o.text[l]));
  return {
    rows,
    input: {
      organizationId,
      code: opt('code')?.toUpperCase(),
      name: { kk: one(values, 'name.kk'), ru: one(values, 'name.ru'), en: opt('name.en') },
      fieldCode: opt('fieldCode'),
      directionCode: opt('directionCode'),
      nqfLevel: num('nqfLevel'),
      degree: opt('degree'),
      creditsEcts: num('creditsEcts'),
      languages: many(values, 'languages'),
      outcomes: rows.map((o, j) => ({ code: o.code || `LO${j + 1}`, text: o.text })),
    },
  };
}

/** outcomes.{j} of the passport is row rows[j].row of the form. */
function toFormPaths(issues: FieldIssue[], rows: { row: number }[]): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: i.path.replace(/^outcomes\.(\d+)/, (_, j: string) => `outcomes.${rows[Number(j)]?.row ?? j}`) }));
}

async function options(c: Context<AppEnv>, page: Page) {
  const ctx = c.get('ctx');
  const named = (rows: { code: string; name: MaybeLangMap }[]): [string, string][] => rows.map((r) => [r.code, `${r.code} — ${page.text(r.name).text}`]);
  const [fields, directions, languages, degrees] = await Promise.all([
    entriesInForce(ctx, 'field'),
    entriesInForce(ctx, 'direction'),
    entriesInForce(ctx, 'language'),
    listQualificationTypes(ctx),
  ]);
  return {
    fields: named(fields),
    directions: named(directions),
    languages: languages.map((l): [string, string] => [l.code, page.text(l.name).text]),
    degrees: degrees.items.map((d): [string, string] => [d.key, page.text(d.name).text]),
  };
}

function organizationFor(c: Context<AppEnv>, values?: FormValues): string | null {
  const actor = c.get('ctx').actor;
  const mine = organizationsOf(actor, ORG_ROLES);
  const asked = (values ? one(values, 'organizationId') : '') || c.req.query('organization') || '';
  if (asked && mine.includes(asked)) return asked;
  return asked ? null : (mine[0] ?? null);
}

async function newProgrammeForm(c: Context<AppEnv>, organizationId: string, values: FormValues, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const opts = await options(c, page);
  const labels: Record<string, string> = {
    organizationId: t('ui.workspace.programme.organization'),
    code: t('ui.workspace.programme.code'),
    'name.kk': t('ui.workspace.field.nameKk'),
    'name.ru': t('ui.workspace.field.nameRu'),
    'name.en': t('ui.workspace.field.nameEn'),
    fieldCode: t('ui.workspace.programme.field'),
    directionCode: t('ui.workspace.programme.direction'),
    nqfLevel: t('ui.workspace.programme.nqfLevel'),
    degree: t('ui.workspace.programme.degree'),
    creditsEcts: t('ui.workspace.programme.credits'),
    languages: t('ui.workspace.programme.languages'),
    outcomes: t('ui.workspace.programme.outcomes'),
  };
  for (let i = 0; i < OUTCOME_ROWS; i++) {
    labels[`outcomes.${i}.code`] = t('ui.workspace.programme.outcomeCode', { n: i + 1 });
    for (const l of LANGS) labels[`outcomes.${i}.text.${l}`] = t('ui.workspace.programme.outcomeText', { n: i + 1, lang: t(`ui.lang.${l}`) });
  }
  const byField = issuesByField(problem?.issues ?? [], PROGRAMME_FIELDS);
  const field = (path: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField page={page} path={path} label={labels[path] ?? path} value={one(values, path)} issues={byField.get(path)} {...extra} />
  );
  const title = t('ui.workspace.programme.new');
  const account = await accountOf(c, page);
  return c.html(
    <Layout page={page} title={title} account={account}>
      <h1>{title}</h1>
      <p>{account.organizations[organizationId] ?? ''}</p>
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={page.href('/workspace/programmes/new')} novalidate>
        <input type="hidden" name="organizationId" value={organizationId} />
        {field('code', { hint: t('ui.workspace.programme.codeHint'), required: true })}
        {field('name.kk', { lang: 'kk', required: true })}
        {field('name.ru', { lang: 'ru', required: true })}
        {field('name.en', { lang: 'en' })}
        <Select page={page} path="fieldCode" label={labels.fieldCode ?? ''} value={one(values, 'fieldCode')} options={opts.fields} issues={byField.get('fieldCode')} required />
        <Select page={page} path="directionCode" label={labels.directionCode ?? ''} value={one(values, 'directionCode')} options={opts.directions} issues={byField.get('directionCode')} />
        <Select
          page={page}
          path="nqfLevel"
          label={labels.nqfLevel ?? ''}
          value={one(values, 'nqfLevel')}
          options={Array.from({ length: 8 }, (_, i): [string, string] => [String(i + 1), String(i + 1)])}
          issues={byField.get('nqfLevel')}
          required
        />
        <Select page={page} path="degree" label={labels.degree ?? ''} value={one(values, 'degree')} options={opts.degrees} issues={byField.get('degree')} />
        {field('creditsEcts', { type: 'number', required: true, extra: { min: 1, max: 600, inputmode: 'numeric' } })}
        <Checkboxes page={page} path="languages" legend={labels.languages ?? ''} values={many(values, 'languages')} options={opts.languages} issues={byField.get('languages')} />
        <fieldset id={fieldId('outcomes')} tabindex={-1} aria-describedby={byField.get('outcomes') ? `${fieldId('outcomes')}-error` : undefined}>
          <legend>{labels.outcomes}</legend>
          <p class="meta">{t('ui.workspace.programme.outcomesHint')}</p>
          <FieldErrors page={page} path="outcomes" issues={byField.get('outcomes')} />
          {Array.from({ length: OUTCOME_ROWS }, (_, i) => (
            <fieldset>
              <legend>{t('ui.workspace.programme.outcome', { n: i + 1 })}</legend>
              {field(`outcomes.${i}.code`, { hint: t('ui.workspace.programme.outcomeCodeHint') })}
              {LANGS.map((l) => field(`outcomes.${i}.text.${l}`, { lang: l, multiline: true }))}
            </fieldset>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t('ui.workspace.programme.create')}</button>
        </p>
      </form>
    </Layout>,
    status,
  );
}

export async function renderProgrammePage(c: Context<AppEnv>, id: string, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const p = await programmeWorkspace(ctx, id);
  const mayAct = (a: ProgrammeAction) => p.yourActions.includes(a);
  const action = page.href(`/workspace/programmes/${p.id}/transitions`);
  const commentIssues = problem?.issues.filter((i) => i.path === 'comment');
  const title = `${p.code} ${page.text(p.name).text}`;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {problem?.message && !commentIssues?.length ? (
        <div class="error-summary" role="alert">
          <p>{t(problem.message.key, problem.message.params)}</p>
        </div>
      ) : null}
      <dl class="fields">
        <dt>{t('ui.workspace.programme.status')}</dt>
        <dd>{statusLabel(page, p.status)}</dd>
        <dt>{t('ui.workspace.programme.organization')}</dt>
        <dd>{page.text(p.organization.name).text}</dd>
        <dt>{t('ui.workspace.programme.nqfLevel')}</dt>
        <dd>{p.nqfLevel}</dd>
        <dt>{t('ui.workspace.programme.credits')}</dt>
        <dd>{p.creditsEcts}</dd>
        <dt>{t('ui.workspace.programme.languages')}</dt>
        <dd>{p.languages.join(', ')}</dd>
        {p.reviewComment ? (
          <>
            <dt>{t('ui.workspace.programme.reviewComment')}</dt>
            <dd>{p.reviewComment}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('ui.workspace.programme.outcomes')}</h2>
      <ul>
        {p.outcomes.map((o) => (
          <li>
            {o.code}: {page.text(o.text).text}
          </li>
        ))}
      </ul>
      {p.public ? (
        <p>
          <a href={page.href(`/programmes/${p.id}`)}>{t('ui.workspace.programme.publicPage')}</a>
        </p>
      ) : null}
      <div class="actions">
        {mayAct('submit') ? (
          <form method="post" action={action}>
            <input type="hidden" name="action" value="submit" />
            <button type="submit">{t('ui.workspace.action.submit')}</button>
          </form>
        ) : null}
        {mayAct('start-review') ? (
          <form method="post" action={action}>
            <input type="hidden" name="action" value="start-review" />
            <button type="submit">{t('ui.workspace.action.start-review')}</button>
          </form>
        ) : null}
        {/* Including and excluding publish or withdraw the record: both ask for confirmation first. */}
        {mayAct('include') ? <a href={page.href(`/workspace/programmes/${p.id}/confirm/include?back=programme`)}>{t('ui.workspace.action.include')}</a> : null}
        {mayAct('exclude') ? <a href={page.href(`/workspace/programmes/${p.id}/confirm/exclude?back=programme`)}>{t('ui.confirm.excludeAction')}</a> : null}
      </div>
      {mayAct('return') ? <ReturnForm page={page} id={p.id} action={action} issues={commentIssues} back="programme" /> : null}
      <p>
        <a href={page.href('/workspace')}>{t('ui.workspace.backToWorkspace')}</a>
      </p>
    </Layout>,
    status,
  );
}

export function registerProgrammePages(app: Api): void {
  app.get(`${LANG_ROUTE}/workspace/programmes/new`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationFor(c);
    if (!orgId || !programmeAccess(c.get('ctx'), [orgId]).can('create')) return deniedPage(c);
    return newProgrammeForm(c, orgId, { languages: [langOf(c)] });
  });

  app.post(`${LANG_ROUTE}/workspace/programmes/new`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const orgId = organizationFor(c, values);
    if (!orgId || !programmeAccess(c.get('ctx'), [orgId]).can('create')) return deniedPage(c);
    const { input, rows } = passportOf(values, orgId);
    return formAction(c, {
      schema: programmeInputSchema,
      input,
      extraIssues: rows.length ? [] : [{ path: 'outcomes', messageKey: 'ui.workspace.programme.outcomeRequired' }],
      run: (ctx, passport) => createProgramme(ctx, passport),
      refused: (problem, status) => newProgrammeForm(c, orgId, values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
      done: (created) => `/${langOf(c)}/workspace/programmes/${created.id}`,
    });
  });

  app.get(`${LANG_ROUTE}/workspace/programmes/:id{[0-9a-fA-F-]{36}}`, async (c) => signInFirst(c) ?? renderProgrammePage(c, c.req.param('id')));

  app.post(`${LANG_ROUTE}/workspace/programmes/:id{[0-9a-fA-F-]{36}}/transitions`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const action = one(values, 'action') as ProgrammeAction;
    if (!PROGRAMME_ACTIONS.includes(action)) {
      throw new AppError('bad_request', 400, 'errors.field.oneOf', { params: { values: PROGRAMME_ACTIONS.join(', ') } });
    }
    const back = one(values, 'back') === 'review' ? 'review' : 'programme';
    return formAction(c, {
      schema: transitionInputSchema,
      input: { action, comment: one(values, 'comment') || undefined },
      run: (ctx, step) => transitionProgramme(ctx, id, step.action, step.comment),
      refused: (problem, status) => {
        // The comment's error is shown next to this programme's own textarea.
        const scoped = { ...problem, issues: problem.issues.map((i) => (i.path === 'comment' ? { ...i, path: `comment-${id}` } : i)) };
        return back === 'review' ? renderReviewQueue(c, { id, problem: scoped }, status) : renderProgrammePage(c, id, { ...problem, issues: problem.issues }, status);
      },
      done: () => (back === 'review' ? `/${langOf(c)}/workspace/review?done=${action}&programme=${id}` : `/${langOf(c)}/workspace/programmes/${id}`),
    });
  });
}
