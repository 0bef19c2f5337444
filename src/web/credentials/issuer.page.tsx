// The issuer's workspace: the organization's credentials with revoke / suspend / reinstate forms
// (a reason is required), issuing one credential from a specification, and batches from a CSV of
// learners with their progress and the result of every row.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createBatch, getBatch } from '../../credentials/batch.service.ts';
import { type CredentialSummary, listOrganizationCredentials, organizationCredential } from '../../credentials/credential.service.ts';
import { issueFromSpecification } from '../../credentials/specification.issue.ts';
import { getSpecification, listSpecifications, specificationOfOrganization } from '../../credentials/specification.service.ts';
import { changeCredentialStatus } from '../../credentials/status-list.service.ts';
import { allowedActions, type StatusAction } from '../../credentials/status-list.rules.ts';
import { todayInAlmaty } from '../../platform/calendar/calendar.ts';
import { organizationsOf } from '../../platform/access/roles.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { idParam } from '../../platform/http/openapi-common.ts';
import { formAction, formFields, withCount } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, type Page, pageOf } from '../page.ts';
import {
  ErrorSummary,
  FieldErrors,
  type FormProblem,
  type FormValues,
  Select,
  TextField,
  accountOf,
  formProblemOf,
  formValues,
  issuesByField,
  one,
} from '../workspace/forms.tsx';
import { ORG_ROLES, deniedPage, signInFirst } from '../workspace/workspace.page.tsx';
import { confirmPage, DoneBox } from '../workspace/confirm.tsx';
import { type Column, FilterDate, FilterSelect, FilterText, ListFilters, type ListSpec, ListTable, listDownload, listQueryOf } from '../workspace/list-view.tsx';
import { CredentialStyles } from './parts.tsx';
import { credentialAccess } from '../../credentials/credentials.access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_ROUTE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The organization the page is about: the asked one if the user acts for it, else their first. */
function organizationFor(c: Context<AppEnv>, values?: FormValues): string | null {
  const mine = organizationsOf(c.get('ctx').actor, ORG_ROLES);
  const asked = (values ? one(values, 'organization') : '') || c.req.query('organization') || '';
  if (asked) return mine.includes(asked) ? asked : null;
  return mine[0] ?? null;
}

function SubmitButton(props: { label: string }) {
  return (
    <p>
      <button type="submit">{props.label}</button>
    </p>
  );
}

/** The link back to the organization's credentials. */
function BackToCredentials(props: { page: Page; orgId: string }) {
  return (
    <p>
      <a href={`${props.page.href('/workspace/credentials')}?organization=${props.orgId}`}>{props.page.t('ui.credentialPages.issuing.back')}</a>
    </p>
  );
}

const SORTS = ['issued', 'awarded', 'learner', 'achievement'] as const;
const LIST: ListSpec<(typeof SORTS)[number]> = { path: '/workspace/credentials', sorts: SORTS, defaultSort: 'issued', defaultDesc: true, filters: ['organization', 'status', 'q', 'from', 'to'] };
const STATUSES = ['active', 'suspended', 'revoked'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const statusName = (page: Page, status: string) => page.t(`ui.credentialPages.issuing.status.${status}`, { defaultValue: status });
const actionHref = (page: Page, orgId: string, id: string, action: StatusAction) => `${page.href(`/workspace/credentials/${id}/confirm/${action}`)}?organization=${orgId}`;

function credentialColumns(page: Page, orgId: string, mayRevoke: boolean): Column<CredentialSummary>[] {
  const { t } = page;
  const columns: Column<CredentialSummary>[] = [
    { key: 'issued', label: t('ui.credentialPages.list.issued'), sort: 'issued', cell: (r) => page.date(r.issuedAt), text: (r) => r.issuedAt.slice(0, 10) },
    { key: 'awarded', label: t('ui.credentialPages.awarded'), sort: 'awarded', cell: (r) => page.date(r.validFrom), text: (r) => r.validFrom.slice(0, 10) },
    { key: 'learner', label: t('ui.credentialPages.learner'), sort: 'learner', cell: (r) => r.learnerName, text: (r) => r.learnerName },
    {
      key: 'achievement',
      label: t('ui.credentialPages.list.achievement'),
      sort: 'achievement',
      cell: (r) => <a href={page.href(`/credentials/${r.id}`)}>{r.achievementName}</a>,
      text: (r) => r.achievementName,
    },
    {
      key: 'status',
      label: t('ui.lists.status'),
      cell: (r) => (
        <>
          {statusName(page, r.status)}
          {r.statusReason ? <span class="meta"> — {t('ui.credentialPages.issuing.reason', { reason: r.statusReason })}</span> : null}
        </>
      ),
      text: (r) => [statusName(page, r.status), r.statusReason ?? ''].filter(Boolean).join(': '),
    },
  ];
  if (mayRevoke)
    columns.push({
      key: 'action',
      label: t('ui.lists.action'),
      cell: (r) => (
        <>
          {allowedActions(r.status).map((action, i) => (
            <>
              {i ? ' · ' : ''}
              <a href={actionHref(page, orgId, r.id, action)}>{t(`ui.credentialPages.confirm.link.${action}`)}</a>
            </>
          ))}
        </>
      ),
      text: () => '',
    });
  return columns;
}

/** "What happened, and what next" after a status change, above the list. */
async function statusDone(c: Context<AppEnv>, page: Page, orgId: string) {
  const done = c.req.query('done');
  const id = c.req.query('credential') ?? '';
  if (done === 'issued') return <p role="status">{page.t('ui.credentialPages.issuing.done.issued')}</p>;
  if ((done !== 'revoke' && done !== 'suspend' && done !== 'reinstate') || !UUID.test(id)) return null;
  const item = await organizationCredential(c.get('ctx'), orgId, id).catch(() => null);
  if (!item) return null;
  const next: [string, string][] = [[page.href(`/credentials/${id}`), page.t('ui.credentialPages.confirm.openCredential')]];
  if (done === 'suspend') next.push([actionHref(page, orgId, id, 'reinstate'), page.t('ui.credentialPages.confirm.link.reinstate')]);
  return <DoneBox page={page} text={page.t(`ui.credentialPages.confirm.done.${done}`, { achievement: item.achievementName, learner: item.learnerName })} next={next} />;
}

async function credentialList(c: Context<AppEnv>, orgId: string) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const q = listQueryOf(c, LIST);
  const status = (STATUSES as readonly string[]).includes(q.filters.status ?? '') ? q.filters.status : undefined;
  const from = DAY.test(q.filters.from ?? '') ? q.filters.from : undefined;
  const to = DAY.test(q.filters.to ?? '') ? q.filters.to : undefined;
  const { items, total } = await listOrganizationCredentials(ctx, {
    organizationId: orgId,
    status,
    q: q.filters.q,
    from,
    to,
    sort: q.sort,
    desc: q.desc,
    limit: q.limit,
    offset: q.offset,
  });
  const mayRevoke = credentialAccess(ctx, orgId).can('revoke');
  const columns = credentialColumns(page, orgId, mayRevoke);
  if (q.format) return listDownload(c, 'credentials', q.format, columns.filter((col) => col.key !== 'action'), items, (r) => `credentials/${r.id}`);
  const account = await accountOf(c, page);
  const title = t('ui.credentialPages.issuing.title');
  const o = `?organization=${orgId}`;
  return c.html(
    <Layout page={page} title={title} account={account}>
      <CredentialStyles />
      <h1>{title}</h1>
      <p>{account.organizations[orgId] ?? ''}</p>
      {await statusDone(c, page, orgId)}
      <ul class="downloads">
        <li>
          <a href={`${page.href('/workspace/credentials/issue')}${o}`}>{t('ui.credentialPages.issuing.issueOne')}</a>
        </li>
        <li>
          <a href={`${page.href('/workspace/credentials/batches/new')}${o}`}>{t('ui.credentialPages.issuing.batch')}</a>
        </li>
        {credentialAccess(ctx, orgId).can('decide-recognition') ? (
          <li>
            <a href={`${page.href('/workspace/recognition-requests')}${o}`}>{t('ui.credentialPages.recognition.link')}</a>
          </li>
        ) : null}
      </ul>
      <ListFilters page={page} q={q}>
        <input type="hidden" name="organization" value={orgId} />
        <FilterSelect page={page} name="status" label={t('ui.lists.status')} value={status ?? ''} options={STATUSES.map((s): [string, string] => [s, statusName(page, s)])} />
        <FilterText name="q" label={t('ui.credentialPages.list.search')} value={q.filters.q ?? ''} />
        <FilterDate name="from" label={t('ui.credentialPages.list.from')} value={from ?? ''} />
        <FilterDate name="to" label={t('ui.credentialPages.list.to')} value={to ?? ''} />
      </ListFilters>
      <ListTable page={page} q={q} columns={columns} rows={items} total={total} caption={t('ui.credentialPages.list.caption')} rowId={(r) => `c-${r.id}`} />
    </Layout>,
  );
}

type StatusProblem = { issues: FieldIssue[]; message?: string; reason: string };

/** The confirmation of a status change: what will happen to whose credential, and the reason, asked once. */
async function confirmStatus(c: Context<AppEnv>, orgId: string, id: string, action: StatusAction, problem?: StatusProblem) {
  const page = pageOf(c);
  const { t } = page;
  const item = await organizationCredential(c.get('ctx'), orgId, id);
  if (!problem && !allowedActions(item.status).includes(action)) {
    throw new AppError('invalid_transition', 409, 'errors.credential.statusTransition', { params: { from: item.status, action } });
  }
  const invalid = Boolean(problem?.issues.length);
  return confirmPage(c, page, {
    action: t(`ui.credentialPages.issuing.action.${action}`),
    consequences: [
      t(`ui.credentialPages.confirm.${action}`, { achievement: item.achievementName, learner: item.learnerName, date: page.date(item.validFrom) }),
      t('ui.credentialPages.confirm.status', { status: statusName(page, item.status) }),
    ],
    postTo: page.href(`/workspace/credentials/${id}/status`),
    fields: { organization: orgId, action },
    cancelHref: `${page.href('/workspace/credentials')}?organization=${orgId}`,
    status: problem ? (invalid ? 422 : 409) : 200,
    ask: (
      <>
        {problem?.message ? (
          <div class="error-summary" role="alert">
            <p>{problem.message}</p>
          </div>
        ) : null}
        <TextField
          page={page}
          path="reason"
          label={t(action === 'reinstate' ? 'ui.credentialPages.issuing.reasonOptional' : 'ui.credentialPages.issuing.reasonLabel')}
          hint={t(`ui.credentialPages.confirm.reasonHint.${action}`)}
          value={problem?.reason ?? ''}
          issues={problem?.issues}
          required={action !== 'reinstate'}
        />
      </>
    ),
  });
}

const ISSUE_FIELDS = ['specificationId', 'name', 'email', 'identifier', 'awardedOn'] as const;

async function issueForm(c: Context<AppEnv>, orgId: string, values: FormValues, problem?: FormProblem) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const specs = (await listSpecifications(ctx, { organizationId: orgId, limit: 500, offset: 0 })).items;
  const labels: Record<string, string> = {
    specificationId: t('ui.credentialPages.issuing.specification'),
    name: t('ui.credentialPages.issuing.learnerName'),
    email: t('ui.credentialPages.issuing.learnerEmail'),
    identifier: t('ui.credentialPages.issuing.learnerIdentifier'),
    awardedOn: t('ui.credentialPages.awarded'),
  };
  const byField = issuesByField(problem?.issues ?? [], ISSUE_FIELDS);
  const title = t('ui.credentialPages.issuing.issueOne');
  const account = await accountOf(c, page);
  const field = (path: (typeof ISSUE_FIELDS)[number], extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField page={page} path={path} label={labels[path] ?? path} value={one(values, path)} issues={byField.get(path)} {...extra} />
  );
  return c.html(
    <Layout page={page} title={title} account={account}>
      <h1>{title}</h1>
      <p>{account.organizations[orgId] ?? ''}</p>
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      {specs.length === 0 ? <p>{t('ui.credentialPages.issuing.noSpecifications')}</p> : null}
      <form class="ws" method="post" action={page.href('/workspace/credentials/issue')} novalidate>
        <input type="hidden" name="organization" value={orgId} />
        <input type="hidden" name="nonce" value={one(values, 'nonce') || randomUUID()} />
        <Select
          page={page}
          path="specificationId"
          label={labels.specificationId ?? ''}
          value={one(values, 'specificationId')}
          options={specs.map((s) => [s.id, `${s.code ? `${s.code} — ` : ''}${page.text(s.title).text} (${s.workloadEcts} ECTS)`])}
          issues={byField.get('specificationId')}
          required
        />
        {field('name', { required: true, autocomplete: 'off' })}
        {field('email', { type: 'email', autocomplete: 'off' })}
        {field('identifier', { hint: t('ui.credentialPages.issuing.identifierHint') })}
        {field('awardedOn', { type: 'date', required: true })}
        <SubmitButton label={t('ui.credentialPages.issuing.issueButton')} />
      </form>
      <BackToCredentials page={page} orgId={orgId} />
    </Layout>,
    problem ? 422 : 200,
  );
}

function checkIssue(values: FormValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(one(values, 'specificationId'))) issues.push({ path: 'specificationId', messageKey: 'errors.field.required' });
  if (!one(values, 'name')) issues.push({ path: 'name', messageKey: 'errors.field.required' });
  const email = one(values, 'email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ path: 'email', messageKey: 'errors.credentialPages.email' });
  const date = one(values, 'awardedOn');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) issues.push({ path: 'awardedOn', messageKey: 'errors.credentialPages.date' });
  else if (date > todayInAlmaty()) issues.push({ path: 'awardedOn', messageKey: 'errors.credentialPages.futureDate' });
  return issues;
}

type BatchProblem = { issues: FieldIssue[]; message: string };

async function batchForm(c: Context<AppEnv>, orgId: string, values: FormValues, problem?: BatchProblem) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const specs = (await listSpecifications(ctx, { organizationId: orgId, limit: 500, offset: 0 })).items;
  const title = t('ui.credentialPages.issuing.batch');
  const account = await accountOf(c, page);
  const specIssues = problem?.issues.filter((i) => i.path === 'specificationId');
  const fileIssues = problem?.issues.filter((i) => i.path === 'csv');
  const rowIssues = problem?.issues.filter((i) => i.path.startsWith('rows.')) ?? [];
  return c.html(
    <Layout page={page} title={title} account={account}>
      <h1>{title}</h1>
      <p>{account.organizations[orgId] ?? ''}</p>
      {problem ? (
        <div class="error-summary" role="alert" id="error-summary">
          <h2>{t('ui.workspace.form.errorsTitle')}</h2>
          <p>{problem.message}</p>
          {rowIssues.length ? (
            <ul>
              {rowIssues.map((i) => (
                <li>{t(i.messageKey, i.params)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p>{t('ui.credentialPages.issuing.batchIntro')}</p>
      <pre>name,email,identifier,date,grade</pre>
      <form class="ws" method="post" action={page.href('/workspace/credentials/batches')} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="organization" value={orgId} />
        <Select
          page={page}
          path="specificationId"
          label={t('ui.credentialPages.issuing.specification')}
          value={one(values, 'specificationId')}
          options={specs.map((s) => [s.id, `${s.code ? `${s.code} — ` : ''}${page.text(s.title).text}`])}
          issues={specIssues}
          required
        />
        <label for="f-csv">{t('ui.credentialPages.issuing.csvFile')}</label>
        <input
          id="f-csv"
          name="csv"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={fileIssues?.length ? 'true' : undefined}
          aria-describedby={fileIssues?.length ? 'f-csv-error' : undefined}
        />
        <FieldErrors page={page} path="csv" issues={fileIssues} />
        <label class="check">
          <input type="checkbox" name="partial" value="true" checked={one(values, 'partial') === 'true'} />
          {t('ui.credentialPages.issuing.partial')}
        </label>
        <SubmitButton label={t('ui.credentialPages.issuing.batchButton')} />
      </form>
      <BackToCredentials page={page} orgId={orgId} />
    </Layout>,
    problem ? 422 : 200,
  );
}

async function batchPage(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const { t } = page;
  // The rows a page at a time, after the line asked (?after=), as the API gives them.
  const after = Number.parseInt(c.req.query('after') ?? '', 10);
  const cursor = Number.isFinite(after) && after > 0 ? Math.min(after, 1e9) : undefined;
  const batch = await getBatch(c.get('ctx'), id, { cursor });
  const here = page.href(`/workspace/credentials/batches/${id}`);
  const title = t('ui.credentialPages.batch.title');
  const spec = await getSpecification(c.get('ctx'), batch.specificationId);
  const finished = batch.status === 'completed' || batch.status === 'failed';
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <CredentialStyles />
      <h1>{title}</h1>
      <p>{page.text(spec.title).text}</p>
      <p role="status">
        {t(`ui.product.batchStatus.${batch.status}`, { defaultValue: batch.status })}:{' '}
        {t('ui.credentialPages.batch.progress', { done: page.number(batch.done), total: page.number(batch.total) })}
      </p>
      <progress max={batch.total} value={batch.done} aria-label={t('ui.credentialPages.batch.progressLabel')}>
        {`${batch.done}/${batch.total}`}
      </progress>
      <p class="meta">
        {t('ui.credentialPages.batch.counts', {
          issued: page.number(batch.issued),
          skipped: page.number(batch.skipped),
          invalid: page.number(batch.invalid),
          failed: page.number(batch.failed),
        })}
      </p>
      {finished ? null : (
        <p>
          <a href={cursor ? `${here}?after=${cursor}` : here}>{t('ui.credentialPages.batch.refresh')}</a>
        </p>
      )}
      <table>
        <caption>{t('ui.credentialPages.batch.rowsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.credentialPages.batch.row')}</th>
            <th scope="col">{t('ui.credentialPages.learner')}</th>
            <th scope="col">{t('ui.credentialPages.result')}</th>
            <th scope="col">{t('ui.credentialPages.details')}</th>
          </tr>
        </thead>
        <tbody>
          {batch.rows.map((r) => (
            <tr data-row={r.row} data-status={r.status}>
              <th scope="row">{page.number(r.row)}</th>
              <td>{r.name ?? '—'}</td>
              <td>{t(`ui.product.rowStatus.${r.status}`, { defaultValue: r.status })}</td>
              <td>
                {r.credentialId ? <a href={page.href(`/credentials/${r.credentialId}`)}>{t('ui.credentialPages.batch.open')}</a> : null}
                {r.errors.length ? <span>{r.errors.map((e) => e.message).join(' ')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor || batch.nextCursor ? (
        <nav class="pager" aria-label={t('ui.lists.pages')}>
          {cursor ? <a href={here}>{t('ui.credentialPages.batch.firstRows')}</a> : null}
          {cursor ? <span>{t('ui.credentialPages.batch.rowsFrom', { row: page.number(cursor) })}</span> : null}
          {batch.nextCursor ? <a href={`${here}?after=${batch.nextCursor}`}>{t('ui.credentialPages.batch.nextRows')}</a> : null}
        </nav>
      ) : null}
      <BackToCredentials page={page} orgId={batch.organizationId} />
    </Layout>,
  );
}

export function registerIssuerPages(app: Api): void {
  const base = `${LANG_ROUTE}/workspace/credentials`;
  const home = (c: Context<AppEnv>) => `/${langOf(c)}/workspace/credentials`;

  app.get(base, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationFor(c);
    if (!orgId || !credentialAccess(c.get('ctx'), orgId).can('issue')) return deniedPage(c);
    return credentialList(c, orgId);
  });

  app.get(`${base}/:id{${UUID_ROUTE}}/confirm/:action{revoke|suspend|reinstate}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationFor(c);
    if (!orgId || !credentialAccess(c.get('ctx'), orgId).can('revoke')) return deniedPage(c);
    return confirmStatus(c, orgId, c.req.param('id'), c.req.param('action') as StatusAction);
  });

  app.post(`${base}/:id/status`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = idParam.parse({ id: c.req.param('id') }).id;
    const values = await formValues(c);
    const orgId = organizationFor(c, values);
    if (!orgId) return deniedPage(c);
    const action = one(values, 'action');
    if (action !== 'revoke' && action !== 'suspend' && action !== 'reinstate') throw new AppError('bad_request', 400, 'errors.field.invalid');
    const reason = one(values, 'reason');
    const t = pageOf(c).t;
    return formAction(c, {
      schema: formFields,
      input: values,
      run: (ctx) => changeCredentialStatus(ctx, id, action, reason || null),
      // The one reason field of the confirmation page shows the issues; a conflict says why above it.
      problemOf: (error) =>
        error instanceof AppError && (error.status === 422 || error.status === 409)
          ? {
              issues: (error.details.issues ?? []).map((i) => ({ ...i, path: 'reason' })),
              message: error.status === 409 ? { key: error.messageKey, params: error.details.params } : undefined,
            }
          : null,
      refused: (problem) => confirmStatus(c, orgId, id, action, { issues: problem.issues, message: problem.message && t(problem.message.key, problem.message.params), reason }),
      done: () => `${home(c)}?organization=${orgId}&done=${action}&credential=${id}`,
    });
  });

  app.get(`${base}/issue`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationFor(c);
    if (!orgId || !credentialAccess(c.get('ctx'), orgId).can('issue')) return deniedPage(c);
    return issueForm(c, orgId, { awardedOn: todayInAlmaty() });
  });

  app.post(`${base}/issue`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const orgId = organizationFor(c, values);
    if (!orgId || !credentialAccess(c.get('ctx'), orgId).can('issue')) return deniedPage(c);
    return formAction(c, {
      schema: formFields,
      input: values,
      extraIssues: checkIssue(values),
      run: async (ctx) => {
        const spec = await specificationOfOrganization(ctx, one(values, 'specificationId'), orgId);
        const learner = { name: one(values, 'name'), email: one(values, 'email') || null, identifier: one(values, 'identifier') };
        return (await issueFromSpecification(ctx, spec, learner, one(values, 'awardedOn'), `form:${one(values, 'nonce') || randomUUID()}`)).id;
      },
      // A specification that is not this organization's is a wrong choice in its field.
      problemOf: (error) =>
        error instanceof AppError && error.status === 404 ? withCount([{ path: 'specificationId', messageKey: 'errors.field.invalid' }]) : formProblemOf(error),
      refused: (problem) => issueForm(c, orgId, values, problem),
      done: (issuedId) => `/${langOf(c)}/credentials/${issuedId}`,
    });
  });

  app.get(`${base}/batches/new`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationFor(c);
    if (!orgId || !credentialAccess(c.get('ctx'), orgId).can('issue')) return deniedPage(c);
    return batchForm(c, orgId, {});
  });

  app.post(`${base}/batches`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const body = await c.req.parseBody();
    const values: FormValues = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const orgId = organizationFor(c, values);
    if (!orgId || !credentialAccess(c.get('ctx'), orgId).can('issue')) return deniedPage(c);
    const t = pageOf(c).t;
    const file = body.csv;
    // Bytes go to the importer's reader (any usual encoding, or XLSX); text fields stay text.
    const source = file instanceof File ? { file: new Uint8Array(await file.arrayBuffer()) } : { csv: typeof file === 'string' ? file : '' };
    const specificationId = one(values, 'specificationId');
    const issues: FieldIssue[] = [];
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(specificationId)) issues.push({ path: 'specificationId', messageKey: 'errors.field.required' });
    if (!(source.file?.byteLength || source.csv?.trim())) issues.push({ path: 'csv', messageKey: 'errors.product.batch.emptyFile' });
    return formAction(c, {
      schema: formFields,
      input: values,
      extraIssues: issues,
      run: async (ctx) => {
        await specificationOfOrganization(ctx, specificationId, orgId);
        return (await createBatch(ctx, { specificationId, ...source, partial: one(values, 'partial') === 'true' })).batch.id;
      },
      problemOf: (error) => {
        if (!(error instanceof AppError && (error.status === 422 || error.status === 409 || error.status === 404))) return null;
        const list = error.status === 404 ? [{ path: 'specificationId', messageKey: 'errors.field.invalid' }] : (error.details.issues ?? []);
        const key = error.status === 404 ? 'errors.validationFailed' : error.messageKey;
        return { issues: list, message: { key, params: { ...error.details.params, count: list.length } } };
      },
      refused: (problem) => batchForm(c, orgId, values, { issues: problem.issues, message: problem.message ? t(problem.message.key, problem.message.params) : '' }),
      done: (batchId) => `${home(c)}/batches/${batchId}`,
    });
  });

  app.get(`${base}/batches/:id`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = idParam.parse({ id: c.req.param('id') }).id;
    try {
      return await batchPage(c, id);
    } catch (error) {
      if (error instanceof AppError && error.status === 403) return deniedPage(c);
      throw error;
    }
  });
}
