// The ministry's review queue: submitted programmes and those in expert review, paged, sorted and
// filtered on the server (list-view.tsx), each with the day it was submitted and its next step.
// Taking a programme into review and including it go through their confirmation page.
import type { Context } from 'hono';
import type { ProgrammeAction } from '../../registry/programme-lifecycle.ts';
import { getProgramme, programmeWorkspace } from '../../registry/programme.service.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { type QueueItem, type QUEUE_SORTS, QUEUE_STATUSES, reviewQueueView } from '../../registry/review-queue.service.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, pageOf } from '../page.ts';
import { confirmPage, DoneBox } from './confirm.tsx';
import { type FormProblem, accountOf } from './forms.tsx';
import { ReturnForm } from './return-form.tsx';
import { type Column, FilterSelect, FilterText, ListFilters, type ListSpec, ListTable, listDownload, listQueryOf } from './list-view.tsx';
import { deniedPage, signInFirst, statusLabel } from './workspace.page.tsx';

type QueueSort = keyof typeof QUEUE_SORTS;
const SPEC: ListSpec<QueueSort> = { path: '/workspace/review', sorts: ['submitted', 'code', 'name'], defaultSort: 'submitted', defaultDesc: false, filters: ['status', 'organization', 'q'] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The steps the queue offers, each through its confirmation page. */
const CONFIRMED: readonly ProgrammeAction[] = ['start-review', 'include', 'exclude'];

const actionName = (page: Page, action: string) => (action === 'exclude' ? page.t('ui.confirm.excludeAction') : page.t(`ui.workspace.action.${action}`));

function columns(page: Page, orgName: (id: string) => string): Column<QueueItem>[] {
  const { t } = page;
  const next = (p: QueueItem) => (p.status === 'submitted' ? 'start-review' : 'include');
  return [
    { key: 'submitted', label: t('ui.lists.submitted'), sort: 'submitted', cell: (p) => (p.submittedAt ? page.date(p.submittedAt) : '—'), text: (p) => p.submittedAt?.slice(0, 10) ?? '' },
    {
      key: 'programme',
      label: t('ui.lists.programme'),
      sort: 'code',
      cell: (p) => <a href={page.href(`/workspace/programmes/${p.id}`)}>{`${p.code} ${page.text(p.name).text}`}</a>,
      text: (p) => `${p.code} ${page.text(p.name).text}`,
    },
    { key: 'organization', label: t('ui.lists.organization'), cell: (p) => orgName(p.organizationId), text: (p) => orgName(p.organizationId) },
    { key: 'status', label: t('ui.lists.status'), cell: (p) => statusLabel(page, p.status), text: (p) => statusLabel(page, p.status) },
    {
      key: 'action',
      label: t('ui.lists.action'),
      cell: (p) => <a href={page.href(`/workspace/programmes/${p.id}/confirm/${next(p)}`)}>{actionName(page, next(p))}</a>,
      text: (p) => actionName(page, next(p)),
    },
  ];
}

async function doneBox(c: Context<AppEnv>, page: Page) {
  const action = c.req.query('done') ?? '';
  const id = c.req.query('programme') ?? '';
  if (!['include', 'start-review', 'exclude', 'return'].includes(action) || !UUID.test(id)) return null;
  const p = await getProgramme(c.get('ctx'), id).catch(() => null);
  if (!p) return null;
  const next: [string, string][] = [];
  if (action === 'include') next.push([page.href(`/programmes/${id}`), page.t('ui.confirm.publicPage')]);
  next.push([page.href(`/workspace/programmes/${id}`), page.t('ui.confirm.nextProgramme')]);
  return <DoneBox page={page} text={page.t(`ui.confirm.done.${action}`, { code: p.code })} next={next} />;
}

export async function renderReviewQueue(c: Context<AppEnv>, failed?: { id: string; problem: FormProblem }, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  if (!canEverywhere(ctx.actor, 'programme.review')) return deniedPage(c);
  const q = listQueryOf(c, SPEC);
  const statusFilter = (QUEUE_STATUSES as readonly string[]).includes(q.filters.status ?? '') ? (q.filters.status as (typeof QUEUE_STATUSES)[number]) : undefined;
  const organizationId = UUID.test(q.filters.organization ?? '') ? q.filters.organization : undefined;
  const view = await reviewQueueView(ctx, { status: statusFilter, organizationId, name: q.filters.q }, { sort: q.sort, desc: q.desc, limit: q.limit, offset: q.offset });
  const names = await organizationNames(ctx, [...view.organizationIds, ...view.items.map((p) => p.organizationId)]);
  const orgName = (id: string) => {
    const name = names[id];
    return name ? page.text(name).text : id;
  };
  const cols = columns(page, orgName);
  if (q.format) return listDownload(c, 'review-queue', q.format, cols, view.items, (p) => `programmes/${p.id}`);
  const orgOptions = view.organizationIds.map((id): [string, string] => [id, orgName(id)]).sort((a, b) => a[1].localeCompare(b[1], page.lang));
  const title = t('ui.workspace.review.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {failed ? null : await doneBox(c, page)}
      {failed?.problem.message ? (
        <div class="error-summary" role="alert">
          <p>{t(failed.problem.message.key, failed.problem.message.params)}</p>
        </div>
      ) : null}
      {/* A refused return comes back with its comment box, for this programme only. */}
      {failed?.problem.issues.some((i) => i.path === `comment-${failed.id}`) ? (
        <ReturnForm
          page={page}
          id={failed.id}
          action={page.href(`/workspace/programmes/${failed.id}/transitions`)}
          back="review"
          issues={failed.problem.issues.filter((i) => i.path === `comment-${failed.id}`)}
        />
      ) : null}
      <ListFilters page={page} q={q}>
        <FilterSelect page={page} name="status" label={t('ui.lists.status')} value={statusFilter ?? ''} options={QUEUE_STATUSES.map((s): [string, string] => [s, statusLabel(page, s)])} />
        <FilterSelect page={page} name="organization" label={t('ui.lists.organization')} value={organizationId ?? ''} options={orgOptions} />
        <FilterText name="q" label={t('ui.lists.search')} value={q.filters.q ?? ''} />
      </ListFilters>
      <ListTable page={page} q={q} columns={cols} rows={view.items} total={view.total} caption={t('ui.lists.queueCaption')} rowId={(p) => `p-${p.id}`} />
    </Layout>,
    status,
  );
}

async function confirmProgrammeStep(c: Context<AppEnv>) {
  const page = pageOf(c);
  const action = c.req.param('action') as ProgrammeAction;
  const id = c.req.param('id') ?? '';
  if (!CONFIRMED.includes(action)) return c.notFound();
  const ctx = c.get('ctx');
  const p = await programmeWorkspace(ctx, id);
  const organization = page.text(p.organization.name).text;
  if (!p.yourActions.includes(action)) return deniedPage(c);
  const back = c.req.query('back') === 'programme' ? 'programme' : 'review';
  return confirmPage(c, page, {
    action: actionName(page, action),
    consequences: [page.t(`ui.confirm.${action}`, { code: p.code, name: page.text(p.name).text, organization })],
    postTo: page.href(`/workspace/programmes/${id}/transitions`),
    fields: { action, back },
    cancelHref: back === 'programme' ? page.href(`/workspace/programmes/${id}`) : page.href('/workspace/review'),
  });
}

export function registerReviewPages(app: Api): void {
  app.get(`${LANG_ROUTE}/workspace/review`, async (c) => signInFirst(c) ?? renderReviewQueue(c));
  app.get(`${LANG_ROUTE}/workspace/programmes/:id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/confirm/:action`, async (c) => signInFirst(c) ?? confirmProgrammeStep(c));
}
