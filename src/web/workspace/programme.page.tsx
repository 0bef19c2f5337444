// An organization's programmes in the workspace: the new-passport form, a programme's page and its lifecycle steps.
import type { Context } from 'hono';
import { organizationsOf } from '../../platform/access/roles.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { PROGRAMME_ACTIONS, type ProgrammeAction } from '../../registry/programme-lifecycle.ts';
import { programmeAccess } from '../../registry/programme.access.ts';
import { programmeInputSchema, programmePatchSchema, transitionInputSchema } from '../../registry/programme.schema.ts';
import { createProgramme, programmeWorkspace, transitionProgramme, updateProgramme } from '../../registry/programme.service.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { classifierNames } from '../record-parts.tsx';
import { type FormProblem, type FormValues, accountOf, formValues, one } from './forms.tsx';
import { passportOf, renderPassportForm, toFormPaths, valuesOfProgramme } from './programme-form.tsx';
import { renderReviewQueue } from './review.page.tsx';
import { ReturnForm } from './return-form.tsx';
import { ORG_ROLES, deniedPage, signInFirst, statusLabel } from './workspace.page.tsx';

function organizationFor(c: Context<AppEnv>, values?: FormValues): string | null {
  const actor = c.get('ctx').actor;
  const mine = organizationsOf(actor, ORG_ROLES);
  const asked = (values ? one(values, 'organizationId') : '') || c.req.query('organization') || '';
  if (asked && mine.includes(asked)) return asked;
  return asked ? null : (mine[0] ?? null);
}

async function newProgrammeForm(c: Context<AppEnv>, organizationId: string, values: FormValues, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const account = await accountOf(c, page);
  return renderPassportForm(
    c,
    page,
    {
      organizationName: account.organizations[organizationId] ?? '',
      action: page.href('/workspace/programmes/new'),
      title: page.t('ui.workspace.programme.new'),
      submitLabel: page.t('ui.workspace.programme.create'),
      values,
      problem,
      hidden: { organizationId },
    },
    status,
  );
}

/** What the programme page says after an action that came back to it. */
const DONE_MESSAGES = ['created', 'saved', 'submit', 'start-review', 'include', 'return'];

const editHead = (c: Context<AppEnv>, p: { code: string; name: { kk: string; ru: string; en: string | null } }) => ({
  title: pageOf(c).t('ui.forms.programme.editTitle', { code: p.code, name: pageOf(c).text(p.name).text }),
});

async function editProgrammeForm(c: Context<AppEnv>, id: string, head: { title: string }, values: FormValues, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const pg = pageOf(c);
  return renderPassportForm(
    c,
    pg,
    {
      organizationName: '',
      action: pg.href(`/workspace/programmes/${id}/edit`),
      title: head.title,
      submitLabel: pg.t('ui.forms.programme.save'),
      values,
      problem,
      cancelHref: pg.href(`/workspace/programmes/${id}`),
    },
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
  const [languageName, studyFormName] = await Promise.all([classifierNames(ctx, page, 'language'), classifierNames(ctx, page, 'study-form')]);
  const done = c.req.query('done');
  const doneKey = done && DONE_MESSAGES.includes(done) ? `ui.forms.programme.done.${done}` : null;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {doneKey && !problem ? (
        <div role="status">
          <p>{t(doneKey)}</p>
          {p.mayEdit ? <p>{t('ui.forms.programme.next.editOrSubmit')}</p> : null}
        </div>
      ) : null}
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
        <dt>{t('ui.record.programmeType')}</dt>
        <dd>{t(`ui.programmeType.${p.programmeType}`, { defaultValue: p.programmeType })}</dd>
        <dt>{t('ui.workspace.programme.languages')}</dt>
        <dd>{p.languages.map((l) => languageName(l)).join(', ')}</dd>
        <dt>{t('ui.record.studyForms')}</dt>
        <dd>{p.studyForms.map((f) => studyFormName(f)).join(', ')}</dd>
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
      {p.courses.length ? (
        <>
          <h2>{t('ui.forms.programme.courses')}</h2>
          <ul>
            {p.courses.map((course) => (
              <li>
                {course.code}: {page.text(course.name).text} ({t('ui.forms.programme.courseSummary', { credits: course.credits, outcomes: course.outcomes.join(', ') || '—' })})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.mayEdit ? (
        <p>
          <a href={page.href(`/workspace/programmes/${p.id}/edit`)}>{t('ui.forms.programme.edit')}</a>
        </p>
      ) : null}
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
    return newProgrammeForm(c, orgId, { languages: [langOf(c)], studyForms: ['full-time'], programmeType: 'existing' });
  });

  app.post(`${LANG_ROUTE}/workspace/programmes/new`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const orgId = organizationFor(c, values);
    if (!orgId || !programmeAccess(c.get('ctx'), [orgId]).can('create')) return deniedPage(c);
    const { passport, ...rows } = passportOf(values);
    return formAction(c, {
      schema: programmeInputSchema,
      input: { ...passport, organizationId: orgId },
      extraIssues: rows.outcomeRows.length ? [] : [{ path: 'outcomes', messageKey: 'ui.workspace.programme.outcomeRequired' }],
      run: (ctx, input) => createProgramme(ctx, input),
      refused: (problem, status) => newProgrammeForm(c, orgId, values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
      done: (created) => `/${langOf(c)}/workspace/programmes/${created.id}?done=created`,
    });
  });

  // A draft (or a returned one, or an update in progress) is edited in the same form it was filed with.
  app.get(`${LANG_ROUTE}/workspace/programmes/:id{[0-9a-fA-F-]{36}}/edit`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const p = await programmeWorkspace(c.get('ctx'), c.req.param('id'));
    if (!p.mayEdit) return renderProgrammePage(c, p.id, { issues: [], message: { key: 'ui.forms.programme.notEditable' } }, 409);
    return editProgrammeForm(c, p.id, editHead(c, p), valuesOfProgramme(p));
  });

  app.post(`${LANG_ROUTE}/workspace/programmes/:id{[0-9a-fA-F-]{36}}/edit`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const p = await programmeWorkspace(c.get('ctx'), id);
    const { passport, ...rows } = passportOf(values);
    const version = Number(one(values, 'version'));
    return formAction(c, {
      schema: programmePatchSchema,
      input: { ...passport, ...(Number.isInteger(version) && version > 0 ? { version } : {}) },
      extraIssues: rows.outcomeRows.length ? [] : [{ path: 'outcomes', messageKey: 'ui.workspace.programme.outcomeRequired' }],
      run: (ctx, patch) => updateProgramme(ctx, id, patch),
      refused: (problem, status) => editProgrammeForm(c, id, editHead(c, p), values, { ...problem, issues: toFormPaths(problem.issues, rows) }, status),
      done: () => `/${langOf(c)}/workspace/programmes/${id}?done=saved`,
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
      done: () => (back === 'review' ? `/${langOf(c)}/workspace/review?done=${action}&programme=${id}` : `/${langOf(c)}/workspace/programmes/${id}?done=${action}`),
    });
  });
}
