// The state control calendar in the workspace (issue 16 item 5): the authority's calendar of every
// organization's due controls (filter by kind, region, level and status; overdue in red with the
// days over, the others with the days left), and one organization's own view — its due controls
// and results — where the authority records a new result. Works without JavaScript.
import type { Context } from 'hono';
import { entriesInForce } from '../../frameworks/classifier.service.ts';
import { QA_LEVELS } from '../../oversight/internal-qa.rules.ts';
import { STATE_CONTROL_KINDS, STATE_CONTROL_OUTCOMES } from '../../oversight/state-control.rules.ts';
import { DUE_STATUSES, calendarQuerySchema, resultInputSchema } from '../../oversight/state-control.schema.ts';
import { type CalendarRow, organizationStateControl, recordStateControlResult, stateControlCalendar } from '../../oversight/state-control.service.ts';
import { canEverywhere, organizationsOf } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, langOf, pageOf } from '../page.ts';
import { DataTable } from '../record-parts.tsx';
import { ErrorSummary, type FormProblem, type FormValues, Select, TextField, accountOf, formValues, issuesByField, one } from '../workspace/forms.tsx';
import { ORG_ROLES, deniedPage, signInFirst } from '../workspace/workspace.page.tsx';

const UUID = '[0-9a-fA-F-]{36}';
const BASE = `${LANG_ROUTE}/workspace/state-control`;
const FIELDS = ['kind', 'heldOn', 'outcome', 'document', 'notes', 'nextPlannedOn'] as const;

/** Where a due control stands, in words: overdue in red with the days over, else the days left. */
function DueText(props: { page: Page; row: CalendarRow }) {
  const { page, row } = props;
  const { t } = page;
  if (row.dueOn === null) return <span>{t(`ui.stateControl.basis.${row.basis}`)}</span>;
  const days = row.daysLeft ?? 0;
  if (row.status === 'overdue') return <strong class="overdue">{t('ui.stateControl.daysOver', { count: -days })}</strong>;
  if (days === 0) return <strong>{t('ui.stateControl.dueToday')}</strong>;
  return row.status === 'due-soon' ? <strong>{t('ui.stateControl.daysLeft', { count: days })}</strong> : <span>{t('ui.stateControl.daysLeft', { count: days })}</span>;
}

/** A due control's kind, last day, due day and where it stands: the cells both tables share. */
function DueCells(props: { page: Page; row: CalendarRow }) {
  const { page, row } = props;
  return (
    <>
      <td>{page.t(`ui.stateControl.kind.${row.kind}`)}</td>
      <td>{row.lastOn ? page.date(row.lastOn) : '—'}</td>
      <td>{row.dueOn ? page.date(row.dueOn) : '—'}</td>
      <td>
        <DueText page={page} row={row} />
      </td>
    </>
  );
}

const nameOf = (page: Page, names: Record<string, { kk: string; ru: string; en: string | null }>, id: string) => {
  const n = names[id];
  return n ? page.text(n).text : id;
};

async function calendarPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!canEverywhere(ctx.actor, 'internal-qa.review')) {
    // An organization's staff see their own calendar.
    const own = organizationsOf(ctx.actor, ORG_ROLES)[0];
    return own ? c.redirect(`/${page.lang}/workspace/state-control/${own}`, 303) : deniedPage(c);
  }
  const parsed = calendarQuerySchema.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')));
  const filter = parsed.success ? parsed.data : {};
  const [rows, regions] = await Promise.all([stateControlCalendar(ctx, filter), entriesInForce(ctx, 'region')]);
  const names = await organizationNames(ctx, rows.map((r) => r.organizationId));
  const regionName = new Map(regions.map((r) => [r.code, page.text(r.name).text]));
  const title = t('ui.stateControl.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>{t('ui.stateControl.intro')}</p>
      <form method="get" action={page.href('/workspace/state-control')} class="list-filters">
        <Select page={page} path="kind" label={t('ui.stateControl.kindLabel')} value={filter.kind ?? ''} empty={t('ui.stateControl.any')} options={STATE_CONTROL_KINDS.map((k) => [k, t(`ui.stateControl.kind.${k}`)])} />
        <Select page={page} path="regionCode" label={t('ui.stateControl.region')} value={filter.regionCode ?? ''} empty={t('ui.stateControl.any')} options={regions.map((r) => [r.code, page.text(r.name).text])} />
        <Select page={page} path="level" label={t('ui.internalQa.level.label')} value={filter.level ?? ''} empty={t('ui.stateControl.any')} options={QA_LEVELS.map((l) => [l, t(`ui.internalQa.level.${l}`)])} />
        <Select page={page} path="status" label={t('ui.stateControl.statusLabel')} value={filter.status ?? ''} empty={t('ui.stateControl.any')} options={DUE_STATUSES.map((s) => [s, t(`ui.stateControl.status.${s}`)])} />
        <button type="submit">{t('ui.internalQa.filter')}</button>
      </form>
      {rows.length ? (
        <DataTable
          focusable
          caption={title}
          columns={[t('ui.internalQa.organization'), t('ui.stateControl.region'), t('ui.stateControl.kindLabel'), t('ui.stateControl.lastOn'), t('ui.stateControl.dueOn'), t('ui.stateControl.statusLabel')]}
          items={rows}
          row={(r) => (
            <tr>
              <td>
                <a href={page.href(`/workspace/state-control/${r.organizationId}`)}>{nameOf(page, names, r.organizationId)}</a>
              </td>
              <td>{r.regionCode ? (regionName.get(r.regionCode) ?? r.regionCode) : '—'}</td>
              <DueCells page={page} row={r} />
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.stateControl.none')}</p>
      )}
    </Layout>,
  );
}

type FormState = { problem?: FormProblem; values?: FormValues };

async function organizationPage(c: Context<AppEnv>, organizationId: string, form: FormState = {}, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const view = await organizationStateControl(ctx, organizationId);
  const name = nameOf(page, await organizationNames(ctx, [organizationId]), organizationId);
  const title = t('ui.stateControl.organizationTitle', { organization: name });
  const byField = issuesByField(form.problem?.issues ?? [], FIELDS);
  const labels: Record<string, string> = {
    kind: t('ui.stateControl.kindLabel'),
    heldOn: t('ui.stateControl.heldOn'),
    outcome: t('ui.stateControl.outcomeLabel'),
    document: t('ui.stateControl.document'),
    notes: t('ui.stateControl.notes'),
    nextPlannedOn: t('ui.stateControl.nextPlannedOn'),
  };
  const v = (name: string) => (form.values ? one(form.values, name) : '');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {view.canRecord ? (
        <p>
          <a href={page.href('/workspace/state-control')}>{t('ui.stateControl.back')}</a>
        </p>
      ) : null}
      {c.req.query('done') ? <p role="status">{t('ui.stateControl.recorded')}</p> : null}
      <h2>{t('ui.stateControl.duesTitle')}</h2>
      {view.dues.length ? (
        <DataTable
          focusable
          caption={t('ui.stateControl.duesTitle')}
          columns={[t('ui.stateControl.kindLabel'), t('ui.stateControl.lastOn'), t('ui.stateControl.dueOn'), t('ui.stateControl.statusLabel')]}
          items={view.dues}
          row={(r) => (
            <tr>
              <DueCells page={page} row={r} />
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.stateControl.noDues')}</p>
      )}
      <h2>{t('ui.stateControl.resultsTitle')}</h2>
      {view.results.length ? (
        <DataTable
          focusable
          caption={t('ui.stateControl.resultsTitle')}
          columns={[t('ui.stateControl.heldOn'), t('ui.stateControl.kindLabel'), t('ui.stateControl.outcomeLabel'), t('ui.stateControl.document'), t('ui.stateControl.notes'), t('ui.stateControl.nextPlannedOn')]}
          items={view.results}
          row={(r) => (
            <tr>
              <td>{page.date(r.heldOn)}</td>
              <td>{t(`ui.stateControl.kind.${r.kind}`)}</td>
              <td>{t(`ui.stateControl.outcome.${r.outcome}`)}</td>
              <td>{r.document ?? '—'}</td>
              <td>{r.notes ?? '—'}</td>
              <td>{r.nextPlannedOn ? page.date(r.nextPlannedOn) : '—'}</td>
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.stateControl.noResults')}</p>
      )}
      {view.canRecord ? (
        <form method="post" action={page.href(`/workspace/state-control/${organizationId}/results`)} novalidate>
          <h2>{t('ui.stateControl.recordTitle')}</h2>
          <ErrorSummary page={page} problem={form.problem} byField={byField} labels={labels} />
          <Select page={page} path="kind" label={labels.kind ?? ''} value={v('kind')} required issues={byField.get('kind')} options={STATE_CONTROL_KINDS.map((k) => [k, t(`ui.stateControl.kind.${k}`)])} />
          <TextField page={page} path="heldOn" label={labels.heldOn ?? ''} type="date" value={v('heldOn')} required issues={byField.get('heldOn')} />
          <Select page={page} path="outcome" label={labels.outcome ?? ''} value={v('outcome')} required issues={byField.get('outcome')} options={STATE_CONTROL_OUTCOMES.map((o) => [o, t(`ui.stateControl.outcome.${o}`)])} />
          <TextField page={page} path="document" label={labels.document ?? ''} hint={t('ui.stateControl.documentHint')} value={v('document')} issues={byField.get('document')} />
          <TextField page={page} path="notes" label={labels.notes ?? ''} multiline value={v('notes')} issues={byField.get('notes')} />
          <TextField page={page} path="nextPlannedOn" label={labels.nextPlannedOn ?? ''} hint={t('ui.stateControl.nextPlannedHint')} type="date" value={v('nextPlannedOn')} issues={byField.get('nextPlannedOn')} />
          <button type="submit">{t('ui.stateControl.record')}</button>
        </form>
      ) : null}
    </Layout>,
    status,
  );
}

export function registerStateControlPages(app: Api): void {
  app.get(BASE, async (c) => signInFirst(c) ?? calendarPage(c));
  app.get(`${BASE}/:organizationId{${UUID}}`, async (c) => signInFirst(c) ?? organizationPage(c, c.req.param('organizationId')));
  app.post(`${BASE}/:organizationId{${UUID}}/results`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const organizationId = c.req.param('organizationId');
    const values = await formValues(c);
    const input = Object.fromEntries(FIELDS.map((f) => [f, one(values, f)]).filter(([, value]) => value !== ''));
    return formAction(c, {
      schema: resultInputSchema,
      input,
      // An empty choice or date is "required", not "one of …".
      schemaIssues: (issues) => issues.map((i) => (['kind', 'outcome', 'heldOn'].includes(i.path) && !input[i.path] ? { path: i.path, messageKey: 'errors.field.required' } : i)),
      run: (ctx, data) => recordStateControlResult(ctx, organizationId, data),
      refused: (problem, status) => organizationPage(c, organizationId, { problem, values }, status),
      done: () => `/${langOf(c)}/workspace/state-control/${organizationId}?done=1`,
    });
  });
}
