// QA-system failures ("bankruptcy") in the workspace (issue 16 item 4): the list (for the
// authority every failure, active ones first; for an organization its own) with the declaration
// form — the authority's for an organization of high risk, the organization's own for itself or
// for its founders — and one failure: the declaration, the recovery plan (measures by kind with
// owner, deadline and status, saved whole), progress reports, closing by the authority, history.
import type { Context } from 'hono';
import { riskList } from '../../oversight/risk.service.ts';
import { MEASURE_KINDS, MEASURE_STATUSES, FAILURE_STATES, type Measure } from '../../oversight/qa-failure.rules.ts';
import { getFailure, listFailures, qaFailureAccess, selfDeclarableOrganizations } from '../../oversight/qa-failure.service.ts';
import { canEverywhere, holdsAnywhere } from '../../platform/access/roles.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import { historyActor } from '../history-words.ts';
import { Layout } from '../layout.tsx';
import { type Page, pageOf } from '../page.ts';
import { DataTable } from '../record-parts.tsx';
import { ErrorSummary, type FormProblem, type FormValues, Select, TextField, accountOf, issuesByField, one } from '../workspace/forms.tsx';
import { deniedPage } from '../workspace/workspace.page.tsx';

/** Blank measure rows offered under the plan, beyond those already saved. */
export const BLANK_MEASURES = 2;
type Names = Record<string, { kk: string; ru: string; en: string | null }>;
const orgName = (page: Page, names: Names, id: string) => (names[id] ? page.text(names[id]).text : id);

type FormState = { problem?: FormProblem; values?: FormValues | null };

function DeclareForm(props: { page: Page; authority: boolean; organizations: string[]; names: Names; state: FormState }) {
  const { page, authority, organizations, names, state } = props;
  const { t } = page;
  const labels = { organizationId: t('ui.qaFailure.organization'), declarant: t('ui.qaFailure.declarant.label'), foundersName: t('ui.qaFailure.foundersName'), grounds: t('ui.qaFailure.grounds') };
  const byField = issuesByField(state.problem?.issues ?? [], Object.keys(labels));
  const v = (name: string) => (state.values ? one(state.values, name) : '');
  return (
    <form class="ws" method="post" action={page.href('/workspace/qa-failures/declare')} novalidate>
      <h2>{t(authority ? 'ui.qaFailure.declare.authorityTitle' : 'ui.qaFailure.declare.selfTitle')}</h2>
      <p>{t(authority ? 'ui.qaFailure.declare.authorityHint' : 'ui.qaFailure.declare.selfHint')}</p>
      <ErrorSummary page={page} problem={state.problem} byField={byField} labels={labels} />
      {authority ? <input type="hidden" name="declarant" value="authority" /> : null}
      <Select page={page} path="organizationId" label={labels.organizationId} value={v('organizationId')} options={organizations.map((o) => [o, orgName(page, names, o)])} issues={byField.get('organizationId')} required />
      {authority ? null : (
        <>
          <Select
            page={page}
            path="declarant"
            label={labels.declarant}
            value={v('declarant')}
            options={(['organization', 'founders'] as const).map((d) => [d, t(`ui.qaFailure.declarant.${d}`)])}
            issues={byField.get('declarant')}
            required
          />
          <TextField page={page} path="foundersName" label={labels.foundersName} hint={t('ui.qaFailure.foundersHint')} value={v('foundersName')} issues={byField.get('foundersName')} />
        </>
      )}
      <TextField page={page} path="grounds" label={labels.grounds} hint={t('ui.qaFailure.groundsHint')} value={v('grounds')} issues={byField.get('grounds')} multiline required />
      <button type="submit">{t('ui.qaFailure.declare.send')}</button>
    </form>
  );
}

export async function renderFailureList(c: Context<AppEnv>, state: FormState = {}, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!holdsAnywhere(ctx.actor, 'internal-qa.read')) return deniedPage(c);
  const authority = canEverywhere(ctx.actor, 'internal-qa.review');
  const filter = FAILURE_STATES.find((s) => s === (c.req.query('state') ?? (authority ? 'active' : undefined)));
  const { items } = await listFailures(ctx, { state: filter, limit: 200, offset: 0 });
  const candidates = authority ? (await riskList(ctx, { level: 'high' })).map((r) => r.organizationId) : selfDeclarableOrganizations(ctx);
  const names = await organizationNames(ctx, [...items.map((i) => i.organizationId), ...candidates]);
  const title = t('ui.qaFailure.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>{t('ui.qaFailure.intro')}</p>
      {authority ? (
        <form method="get" action={page.href('/workspace/qa-failures')} class="filters">
          <Select page={page} path="state" label={t('ui.qaFailure.state.label')} value={filter ?? ''} empty={t('ui.qaFailure.state.any')} options={FAILURE_STATES.map((s) => [s, t(`ui.qaFailure.state.${s}`)])} />
          <button type="submit">{t('ui.internalQa.filter')}</button>
        </form>
      ) : null}
      {items.length ? (
        <DataTable
          caption={title}
          columns={[t('ui.qaFailure.organization'), t('ui.internalQa.level.label'), t('ui.qaFailure.declarant.label'), t('ui.qaFailure.declaredOn'), t('ui.qaFailure.planDeadline'), t('ui.qaFailure.state.label')]}
          items={items}
          row={(f) => (
            <tr>
              <td>
                <a href={page.href(`/workspace/qa-failures/${f.id}`)}>{orgName(page, names, f.organizationId)}</a>
              </td>
              <td>{t(`ui.internalQa.level.${f.level}`)}</td>
              <td>{t(`ui.qaFailure.declarant.${f.declarant}`)}</td>
              <td>{page.date(f.declaredOn)}</td>
              <td>{f.planDeadline ? page.date(f.planDeadline) : '—'}</td>
              <td>{t(`ui.qaFailure.state.${f.state}`)}</td>
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.qaFailure.none')}</p>
      )}
      {candidates.length ? (
        <DeclareForm page={page} authority={authority} organizations={candidates} names={names} state={state} />
      ) : authority ? (
        <p>{t('ui.qaFailure.declare.noHighRisk')}</p>
      ) : null}
    </Layout>,
    status,
  );
}

type Failure = Awaited<ReturnType<typeof getFailure>>;

/** The labels of the plan's fields, by path, for the error summary's links. */
export function planLabels(page: Page, rows: number): Record<string, string> {
  const { t } = page;
  const labels: Record<string, string> = {};
  for (let i = 0; i < rows; i++) {
    for (const f of ['kind', 'description', 'owner', 'dueOn', 'status'] as const) labels[`${f}.${i}`] = `${t(`ui.qaFailure.measure.${f}`)} ${i + 1}`;
  }
  return labels;
}

function PlanForm(props: { page: Page; f: Failure; state: FormState; byField: ReturnType<typeof issuesByField> }) {
  const { page, f, state, byField } = props;
  const { t } = page;
  const rows: (Measure | null)[] = Array.from({ length: f.measures.length + BLANK_MEASURES }, (_, i) => f.measures[i] ?? null);
  const v = (name: string, stored: string) => (state.values ? one(state.values, name) : stored);
  return (
    <form class="ws" method="post" action={page.href(`/workspace/qa-failures/${f.id}/plan`)} novalidate>
      <h2 id="plan">{t('ui.qaFailure.plan.title')}</h2>
      <p>{t('ui.qaFailure.plan.hint')}</p>
      {rows.map((m, i) => (
        <fieldset>
          <legend>{t('ui.qaFailure.measure.legend', { n: i + 1 })}</legend>
          <Select page={page} path={`kind.${i}`} label={`${t('ui.qaFailure.measure.kind')} ${i + 1}`} value={v(`kind.${i}`, m?.kind ?? '')} options={MEASURE_KINDS.map((k) => [k, t(`ui.qaFailure.kind.${k}`)])} issues={byField.get(`kind.${i}`)} />
          <TextField page={page} path={`description.${i}`} label={`${t('ui.qaFailure.measure.description')} ${i + 1}`} value={v(`description.${i}`, m?.description ?? '')} issues={byField.get(`description.${i}`)} />
          <TextField page={page} path={`owner.${i}`} label={`${t('ui.qaFailure.measure.owner')} ${i + 1}`} value={v(`owner.${i}`, m?.owner ?? '')} issues={byField.get(`owner.${i}`)} />
          <TextField page={page} path={`dueOn.${i}`} type="date" label={`${t('ui.qaFailure.measure.dueOn')} ${i + 1}`} value={v(`dueOn.${i}`, m?.dueOn ?? '')} issues={byField.get(`dueOn.${i}`)} />
          <Select page={page} path={`status.${i}`} label={`${t('ui.qaFailure.measure.status')} ${i + 1}`} value={v(`status.${i}`, m?.status ?? '')} options={MEASURE_STATUSES.map((s) => [s, t(`ui.qaFailure.status.${s}`)])} issues={byField.get(`status.${i}`)} />
        </fieldset>
      ))}
      <button type="submit">{t('ui.qaFailure.plan.save')}</button>
    </form>
  );
}

function PlanTable(props: { page: Page; f: Failure }) {
  const { page, f } = props;
  const { t } = page;
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">{t('ui.qaFailure.plan.title')}</h2>
      {f.measures.length ? (
        <DataTable
          caption={t('ui.qaFailure.plan.title')}
          columns={[t('ui.qaFailure.measure.kind'), t('ui.qaFailure.measure.description'), t('ui.qaFailure.measure.owner'), t('ui.qaFailure.measure.dueOn'), t('ui.qaFailure.measure.status')]}
          items={f.measures}
          row={(m) => (
            <tr>
              <td>{t(`ui.qaFailure.kind.${m.kind}`)}</td>
              <td>{m.description}</td>
              <td>{m.owner}</td>
              <td>{page.date(m.dueOn)}</td>
              <td>{t(`ui.qaFailure.status.${m.status}`)}</td>
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.qaFailure.plan.none')}</p>
      )}
    </section>
  );
}

export async function renderFailure(c: Context<AppEnv>, id: string, state: FormState & { form?: 'plan' | 'report' | 'close' } = {}, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const f = await getFailure(ctx, id);
  const access = qaFailureAccess(ctx, f.organizationId);
  const active = f.state === 'active';
  const names = await organizationNames(ctx, [f.organizationId]);
  const rows = f.measures.length + BLANK_MEASURES;
  const labels = { ...planLabels(page, rows), text: t('ui.qaFailure.report.text'), outcome: t('ui.qaFailure.close.outcome'), reason: t('ui.qaFailure.close.reason') };
  const byField = issuesByField(state.problem?.issues ?? [], Object.keys(labels));
  const formState = (form: string): FormState => (state.form === form ? state : {});
  const title = t('ui.qaFailure.oneTitle', { organization: orgName(page, names, f.organizationId) });
  const done = c.req.query('done');
  const base = `/workspace/qa-failures/${f.id}`;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href('/workspace/qa-failures')}>{t('ui.qaFailure.back')}</a>
      </p>
      {done && !state.problem ? <p role="status">{t(`ui.qaFailure.done.${done}`, { defaultValue: t('ui.qaFailure.done.plan') })}</p> : null}
      <ErrorSummary page={page} problem={state.problem} byField={byField} labels={labels} />
      <dl class="fields">
        <dt>{t('ui.qaFailure.state.label')}</dt>
        <dd>{t(`ui.qaFailure.state.${f.state}`)}</dd>
        <dt>{t('ui.internalQa.level.label')}</dt>
        <dd>{t(`ui.internalQa.level.${f.level}`)}</dd>
        <dt>{t('ui.qaFailure.declarant.label')}</dt>
        <dd>
          {t(`ui.qaFailure.declarant.${f.declarant}`)}
          {f.foundersName ? `: ${f.foundersName}` : ''}
        </dd>
        <dt>{t('ui.qaFailure.declaredOn')}</dt>
        <dd>{page.date(f.declaredOn)}</dd>
        {f.risk ? (
          <>
            <dt>{t('ui.qaFailure.risk')}</dt>
            <dd>{t('ui.qaFailure.riskValue', { score: page.number(f.risk.score), date: page.date(f.risk.assessedOn) })}</dd>
          </>
        ) : null}
        <dt>{t('ui.qaFailure.grounds')}</dt>
        <dd>{f.grounds}</dd>
        <dt>{t('ui.qaFailure.planDeadline')}</dt>
        <dd>{f.planDeadline ? page.date(f.planDeadline) : '—'}</dd>
        {f.closedOn ? (
          <>
            <dt>{t('ui.qaFailure.closedOn')}</dt>
            <dd>{page.date(f.closedOn)}</dd>
          </>
        ) : null}
        {f.closingReason ? (
          <>
            <dt>{t('ui.qaFailure.close.reason')}</dt>
            <dd>{f.closingReason}</dd>
          </>
        ) : null}
        <dt>{t('ui.qaFailure.source')}</dt>
        <dd>{t('ui.qaFailure.sourceValue', { lines: f.source.lines })}</dd>
      </dl>
      {active && (access.authority || access.organization) ? <PlanForm page={page} f={f} state={formState('plan')} byField={byField} /> : <PlanTable page={page} f={f} />}
      <section aria-labelledby="reports">
        <h2 id="reports">{t('ui.qaFailure.report.title')}</h2>
        {f.reports.length ? (
          <ol>
            {f.reports.map((r) => (
              <li>
                <strong>
                  {page.date(r.reportedOn)}, {t(`ui.qaFailure.author.${r.author}`)}:
                </strong>{' '}
                {r.text}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('ui.qaFailure.report.none')}</p>
        )}
        {active && (access.authority || access.organization) ? (
          <form class="ws" method="post" action={page.href(`${base}/reports`)} novalidate>
            <TextField page={page} path="text" label={labels.text} value={state.form === 'report' && state.values ? one(state.values, 'text') : ''} issues={byField.get('text')} multiline required />
            <button type="submit">{t('ui.qaFailure.report.send')}</button>
          </form>
        ) : null}
      </section>
      {active && access.authority ? (
        <form class="ws" method="post" action={page.href(`${base}/close`)} novalidate>
          <h2>{t('ui.qaFailure.close.title')}</h2>
          <Select
            page={page}
            path="outcome"
            label={labels.outcome}
            value={state.form === 'close' && state.values ? one(state.values, 'outcome') : ''}
            options={(['recovered', 'closed'] as const).map((o) => [o, t(`ui.qaFailure.state.${o}`)])}
            issues={byField.get('outcome')}
            required
          />
          <TextField page={page} path="reason" label={labels.reason} hint={t('ui.qaFailure.close.hint')} value={state.form === 'close' && state.values ? one(state.values, 'reason') : ''} issues={byField.get('reason')} multiline />
          <button type="submit">{t('ui.qaFailure.close.send')}</button>
        </form>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{t('ui.internalQa.history')}</h2>
        <ol>
          {f.history.map((h) => (
            <li>
              {page.date(h.at.slice(0, 10))}: {t(`ui.qaFailure.verb.${h.action.slice(h.action.lastIndexOf('.') + 1)}`, { defaultValue: h.action })} — {historyActor(page, h)}
            </li>
          ))}
        </ol>
      </section>
    </Layout>,
    status,
  );
}
