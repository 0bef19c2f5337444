// One accreditation case in the workspace: its facts, deadlines and history, the steps THIS actor
// may take now (from the case engine) as small forms, and the sections of its current step.
import type { Context } from 'hono';
import { ZodError } from 'zod';
import { actionPayloadSchema } from '../../accreditation/case.schema.ts';
import { caseWorkspace } from '../../accreditation/case-workspace.service.ts';
import { getCase, payloadRuleIssues, takeAction } from '../../accreditation/case.service.ts';
import { type CaseAction, isCaseAction, type PayloadField, REJECT_REASONS, TRANSITIONS } from '../../accreditation/case-states.ts';
import { AppError, type FieldIssue, validationFailed } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { fieldIssuesFromZod } from '../../platform/http/zod-issues.ts';
import { formAction } from '../form-action.ts';
import { Name } from '../record-parts.tsx';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, pageOf } from '../page.ts';
import { accountOf, type FormValues, formProblemOf, formValues, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { confirmPage, DoneBox } from '../workspace/confirm.tsx';
import { ACC, actionLabel, type CaseProblem, caseHref, Field, issuesFor, kindLabel, ProblemBox, stateLabel, stepLabel, UUID } from './workspace-common.tsx';
import { Sections } from './workspace-sections-all.tsx';
import { AgencyDone } from './workspace-sections-agency.tsx';

type CaseView = Awaited<ReturnType<typeof caseWorkspace>>['view'];

/** The council's decision and its publication cannot be undone here: they go through a confirmation page. */
const CONFIRMED: readonly CaseAction[] = ['decide', 'publish', 'publish-eur-ace'];

function payloadFields(action: CaseAction): PayloadField[] {
  const fields: PayloadField[] = [...TRANSITIONS[action].payload];
  // The council's decision may carry a term and a reason for departing from the proposal.
  if (action === 'decide') fields.push('termYears');
  return fields;
}

function ActionForm(props: { page: Page; view: CaseView; action: CaseAction; coordinators: [string, string][]; problem?: CaseProblem; values?: FormValues }) {
  const { page, action, problem } = props;
  const { t } = page;
  const form = `action-${action}`;
  const v = (name: string) => (problem?.form === form && props.values ? one(props.values, name) : '');
  const f = (name: string, extra: Omit<Parameters<typeof Field>[0], 'page' | 'form' | 'name' | 'label'> = {}) => (
    <Field
      page={page}
      form={form}
      name={name}
      label={t(`ui.accreditationPages.payload.${name}`)}
      value={v(name)}
      issues={issuesFor(problem, form, name)}
      {...extra}
    />
  );
  const fields = payloadFields(action);
  const confirmed = CONFIRMED.includes(action);
  return (
    <form
      class="ws"
      method={confirmed ? 'get' : 'post'}
      action={page.href(confirmed ? `${ACC}/cases/${props.view.id}/confirm/${action}` : `${ACC}/cases/${props.view.id}/actions`)}
    >
      {confirmed ? null : <input type="hidden" name="action" value={action} />}
      {fields.map((name) => {
        switch (name) {
          case 'rejectReason':
            return f(name, { type: 'select', required: true, options: REJECT_REASONS.map((r): [string, string] => [r, t(`ui.case.rejectReasons.${r}`)]) });
          case 'comment':
          case 'writtenOpinion':
            return f(name, { type: 'textarea', required: true });
          case 'coordinatorUserId':
            return f(name, { type: 'select', required: true, options: props.coordinators });
          case 'signedOn':
          case 'visitStart':
          case 'visitEnd':
            return f(name, { type: 'date', required: true });
          case 'visitFormat':
            return f(name, {
              type: 'select',
              required: true,
              options: ['on-site', 'online', 'hybrid'].map((m): [string, string] => [m, t(`ui.panel.visitMode.${m}`)]),
            });
          case 'outcome':
            return f(name, {
              type: 'select',
              required: true,
              options: ['accredited', 'refused'].map((o): [string, string] => [o, t(`ui.accreditationPages.outcome.${o}`)]),
            });
          case 'termYears':
            return f(name, {
              type: 'select',
              options: ['1', '3', '5', '7'].map((y): [string, string] => [y, t('ui.accreditationPages.years', { count: Number(y) })]),
            });
          default:
            return f(name, { required: true });
        }
      })}
      {action === 'decide' ? f('departureReason', { type: 'textarea' }) : null}
      <p>
        <button type="submit">{actionLabel(page, action)}</button>
      </p>
    </form>
  );
}

/** What a confirmed step did, and where to go next. */
function CaseDone(props: { page: Page; view: CaseView; action: CaseAction }) {
  const { page, view } = props;
  const outcome = view.decision ? page.t(`ui.accreditationPages.outcome.${view.decision.outcome}`) : '';
  const next: [string, string][] = [];
  if (props.action !== 'decide' && view.decision) next.push([page.href(`/accreditation/decisions/${view.decision.id}`), page.t('ui.confirm.publicPage')]);
  next.push([page.href(ACC), page.t('ui.confirm.nextCases')], [page.href('/workspace'), page.t('ui.confirm.nextHome')]);
  const key = props.action === 'decide' ? 'decide' : 'publish';
  return <DoneBox page={page} text={page.t(`ui.confirm.done.${key}`, { number: view.number, outcome })} next={next} />;
}

/** The payload as the form's query or body carried it, for the confirmation's hidden fields. */
function payloadStrings(values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PAYLOAD_NAMES) if (one(values, name)) out[name] = one(values, name);
  return out;
}

/** "What will happen" for a confirmed step, or the case page with the form's errors. */
async function confirmCaseAction(c: Context<AppEnv>, id: string, action: CaseAction) {
  const page = pageOf(c);
  const { t } = page;
  const values: FormValues = Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? '') : v]));
  const parsed = actionPayloadSchema.safeParse(payloadOf(values));
  const issues = parsed.success ? payloadRuleIssues(action, parsed.data) : fieldIssuesFromZod(parsed.error);
  if (issues.length) return invalidForm(c, id, `action-${action}`, values, issues);
  const view = await getCase(c.get('ctx'), id);
  const termYears = parsed.data?.termYears;
  const outcome = parsed.data?.outcome
    ? `${t(`ui.accreditationPages.outcome.${parsed.data.outcome}`)}${termYears ? `, ${t('ui.accreditationPages.years', { count: termYears })}` : ''}`
    : '';
  const organization = page.text(view.organization.name).text;
  return confirmPage(c, page, {
    action: actionLabel(page, action),
    consequences: [t(`ui.confirm.${action === 'decide' ? 'decide' : 'publish'}`, { number: view.number, organization, outcome })],
    postTo: page.href(`${ACC}/cases/${id}/actions`),
    fields: { action, confirmed: 'yes', ...payloadStrings(values) },
    cancelHref: caseHref(page, id),
  });
}

export async function renderCasePage(c: Context<AppEnv>, id: string, problem?: CaseProblem, values?: FormValues, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const { view, sections, coordinators } = await caseWorkspace(c.get('ctx'), id);
  const title = t('ui.accreditationPages.case.title', { number: view.number });
  const done = c.req.query('done');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {done && isCaseAction(done) && CONFIRMED.includes(done) ? (
        <CaseDone page={page} view={view} action={done} />
      ) : done ? (
        (AgencyDone({ page, done }) ?? <p role="status">{t('ui.accreditationPages.case.done')}</p>)
      ) : null}
      <ProblemBox page={page} problem={problem?.problem} fieldless />
      <dl class="fields">
        <dt>{t('ui.accreditationPages.case.organization')}</dt>
        <dd>{page.text(view.organization.name).text}</dd>
        <dt>{t('ui.accreditationPages.case.body')}</dt>
        <dd>{page.text(view.body.name).text}</dd>
        <dt>{t('ui.accreditationPages.case.kind')}</dt>
        <dd>
          {kindLabel(page, view.kind)}
          {view.eurAce ? ' · EUR-ACE®' : ''}
          {view.crossBorder ? ` · ${t('ui.accreditationPages.case.crossBorder')}` : ''}
        </dd>
        <dt>{t('ui.accreditationPages.case.state')}</dt>
        <dd>
          <strong>{stateLabel(page, view.state)}</strong> ({t('ui.accreditationPages.case.since', { date: page.date(view.stateSince) })})
        </dd>
        {view.rejectReason ? (
          <>
            <dt>{t('ui.accreditationPages.payload.rejectReason')}</dt>
            <dd>{t(`ui.case.rejectReasons.${view.rejectReason}`)}</dd>
          </>
        ) : null}
        <dt>{t('ui.accreditationPages.case.standardSet')}</dt>
        <dd>
          {sections.standardSet ? (
            <>
              <Name page={page} map={sections.standardSet.title} /> ({t('ui.portal.versionNumber', { version: sections.standardSet.version })})
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('ui.accreditationPages.case.programmes')}</dt>
        <dd>
          {view.programmes.length ? (
            <ul>
              {view.programmes.map((p) => (
                <li>
                  {p.code} {page.text(p.name).text}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
      </dl>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t('ui.accreditationPages.case.deadlines')}</h2>
        {view.deadlines.length ? (
          <table>
            <caption class="meta">{t('ui.accreditationPages.case.deadlines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.accreditationPages.case.step')}</th>
                <th scope="col">{t('ui.accreditationPages.case.dueOn')}</th>
                <th scope="col">{t('ui.accreditationPages.case.deadlineStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {view.deadlines.map((d) => (
                <tr>
                  <td>{stepLabel(page, d.step)}</td>
                  <td>{page.date(d.dueOn)}</td>
                  <td>
                    {d.met ? (
                      t('ui.case.deadlines.met')
                    ) : d.overdue ? (
                      <strong class="badge">{t('ui.case.deadlines.overdue')}</strong>
                    ) : (
                      t('ui.accreditationPages.case.daysLeft', { count: d.workingDaysLeft ?? 0 })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('ui.accreditationPages.list.none')}</p>
        )}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">{t('ui.accreditationPages.case.actions')}</h2>
        {view.allowedActions.length ? (
          view.allowedActions
            .filter(isCaseAction)
            .map((a) => <ActionForm page={page} view={view} action={a} coordinators={coordinators} problem={problem} values={values} />)
        ) : (
          <p>{t('ui.accreditationPages.case.noActions')}</p>
        )}
      </section>

      <Sections page={page} view={view} data={sections} problem={problem} values={values} />

      <section aria-labelledby="history">
        <h2 id="history">{t('ui.accreditationPages.case.history')}</h2>
        <table>
          <caption class="meta">{t('ui.accreditationPages.case.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.accreditationPages.case.when')}</th>
              <th scope="col">{t('ui.accreditationPages.case.step')}</th>
              <th scope="col">{t('ui.accreditationPages.case.who')}</th>
              <th scope="col">{t('ui.accreditationPages.payload.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {view.events.map((e) => (
              <tr>
                <td>{page.date(e.at)}</td>
                <td>
                  {e.action === 'create' ? t('ui.accreditationPages.case.created') : actionLabel(page, e.action)} → {stateLabel(page, e.toState)}
                </td>
                <td>{e.actor}</td>
                <td>{e.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <a href={page.href(ACC)}>{t('ui.accreditationPages.back')}</a>
      </p>
    </Layout>,
    status,
  );
}

/** The payload of an action form, as the API's JSON would carry it. */
const PAYLOAD_NAMES = [
  'comment',
  'rejectReason',
  'writtenOpinion',
  'coordinatorUserId',
  'contractNumber',
  'signedOn',
  'visitStart',
  'visitEnd',
  'visitFormat',
  'outcome',
  'departureReason',
  'termYears',
] as const;

function payloadOf(values: FormValues) {
  const out: Record<string, unknown> = {};
  for (const name of PAYLOAD_NAMES.filter((n) => n !== 'termYears')) {
    const v = one(values, name);
    if (v) out[name] = v;
  }
  const term = one(values, 'termYears');
  if (term) out.termYears = Number(term);
  return out;
}

/** A refused form re-renders the case with the errors next to its fields; other errors go to the error page. */
export async function refusedForm(c: Context<AppEnv>, caseId: string, form: string, values: FormValues, error: unknown) {
  // A form value the service's schema refuses is a field error like any other.
  const refused = error instanceof ZodError ? validationFailed(fieldIssuesFromZod(error)) : error;
  const problem = formProblemOf(refused);
  if (!problem) throw refused;
  return renderCasePage(c, caseId, { form, problem }, values, refused instanceof AppError && refused.status === 409 ? 409 : 422);
}

export function invalidForm(c: Context<AppEnv>, caseId: string, form: string, values: FormValues, issues: FieldIssue[]) {
  return renderCasePage(
    c,
    caseId,
    { form, problem: { issues, message: { key: 'ui.workspace.form.errorsCount', params: { count: issues.length } } } },
    values,
    422,
  );
}

export function registerCasePages(app: Api): void {
  app.get(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}`, async (c) => signInFirst(c) ?? renderCasePage(c, c.req.param('id')));
  app.get(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/confirm/:action`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const action = c.req.param('action');
    if (!isCaseAction(action) || !CONFIRMED.includes(action)) return c.notFound();
    return confirmCaseAction(c, c.req.param('id'), action);
  });

  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/actions`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const action = one(values, 'action');
    if (!isCaseAction(action)) throw new AppError('bad_request', 400, 'errors.field.oneOf', { params: { values: Object.keys(TRANSITIONS).join(', ') } });
    // A step that needs confirming is not taken from its form alone: it goes to its confirmation page.
    if (CONFIRMED.includes(action) && one(values, 'confirmed') !== 'yes') {
      const parsed = actionPayloadSchema.safeParse(payloadOf(values));
      const issues = parsed.success ? payloadRuleIssues(action, parsed.data) : fieldIssuesFromZod(parsed.error);
      if (issues.length) return invalidForm(c, id, `action-${action}`, values, issues);
      const query = new URLSearchParams(payloadStrings(values)).toString();
      return c.redirect(`${caseHref(pageOf(c), id)}/confirm/${action}${query ? `?${query}` : ''}`, 303);
    }
    return formAction(c, {
      schema: actionPayloadSchema,
      input: payloadOf(values),
      run: (ctx, payload) => takeAction(ctx, id, action, payload),
      refused: (problem, status) => renderCasePage(c, id, { form: `action-${action}`, problem }, values, status),
      done: () => `${caseHref(pageOf(c), id)}?done=${action}`,
    });
  });

}
