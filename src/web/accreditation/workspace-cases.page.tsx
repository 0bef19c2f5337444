// The accreditation cases a user may read, as one list: paged, sorted and filtered on the server
// (list-view.tsx) — by state, kind, organization, body and overdue — with the day each was applied
// for and its nearest open deadline (working days left, overdue in red), downloadable as shown.
import type { Context } from 'hono';
import { CASE_SORTS, type CaseListRow, type CaseSort, caseListView } from '../../accreditation/case-workspace.service.ts';
import { CASE_STATES } from '../../accreditation/case-states.ts';
import { organizationsOf } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, pageOf } from '../page.ts';
import { accountOf } from '../workspace/forms.tsx';
import { type Column, DueDate, dueText, FilterSelect, ListFilters, type ListSpec, ListTable, listDownload, listQueryOf } from '../workspace/list-view.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { ACC, caseHref, kindLabel, organizationNames, stateLabel, stepLabel } from './workspace-common.tsx';

const SPEC: ListSpec<CaseSort> = { path: `${ACC}/cases`, sorts: CASE_SORTS, defaultSort: 'due', defaultDesc: false, filters: ['state', 'kind', 'organization', 'body', 'overdue'] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = ['institutional', 'programme'] as const;

function columns(page: Page, names: Record<string, string>): Column<CaseListRow>[] {
  const { t } = page;
  const name = (id: string) => names[id] ?? '';
  return [
    { key: 'number', label: t('ui.accreditationPages.case.number'), sort: 'number', cell: (r) => <a href={caseHref(page, r.id)}>{r.number}</a>, text: (r) => r.number },
    { key: 'organization', label: t('ui.accreditationPages.case.organization'), cell: (r) => name(r.organizationId), text: (r) => name(r.organizationId) },
    { key: 'body', label: t('ui.accreditationPages.case.body'), cell: (r) => name(r.bodyId), text: (r) => name(r.bodyId) },
    { key: 'kind', label: t('ui.accreditationPages.case.kind'), cell: (r) => `${kindLabel(page, r.kind)}${r.eurAce ? ' · EUR-ACE®' : ''}`, text: (r) => kindLabel(page, r.kind) },
    { key: 'state', label: t('ui.accreditationPages.case.state'), cell: (r) => stateLabel(page, r.state), text: (r) => stateLabel(page, r.state) },
    { key: 'applied', label: t('ui.caseList.applied'), sort: 'applied', cell: (r) => (r.appliedOn ? page.date(r.appliedOn) : '—'), text: (r) => r.appliedOn ?? '' },
    {
      key: 'due',
      label: t('ui.accreditationPages.case.nearestDeadline'),
      sort: 'due',
      cell: (r) =>
        r.deadline ? (
          <>
            {stepLabel(page, r.deadline.step)}: <DueDate page={page} dueOn={r.deadline.dueOn} />
          </>
        ) : (
          '—'
        ),
      text: (r) => (r.deadline ? `${stepLabel(page, r.deadline.step)}: ${dueText(page, r.deadline.dueOn)}` : ''),
    },
  ];
}

export async function renderCaseList(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const q = listQueryOf(c, SPEC);
  const f = q.filters;
  const state = (CASE_STATES as readonly string[]).includes(f.state ?? '') ? f.state : undefined;
  const kind = (KINDS as readonly string[]).includes(f.kind ?? '') ? f.kind : undefined;
  const organizationId = UUID.test(f.organization ?? '') ? f.organization : undefined;
  const bodyId = UUID.test(f.body ?? '') ? f.body : undefined;
  const overdue = f.overdue === 'yes';
  const { rows, total } = await caseListView(ctx, { state, kind, organizationId, bodyId, overdue }, { sort: q.sort, desc: q.desc, limit: q.limit, offset: q.offset });
  // The filters offer the viewer's own organizations and bodies, and those on this page.
  const mineOrgs = organizationsOf(ctx.actor, ['org-admin', 'org-editor']);
  const mineBodies = organizationsOf(ctx.actor, ['agency-staff', 'agency-head', 'council-member']);
  const orgIds = [...new Set([...mineOrgs, ...rows.map((r) => r.organizationId), ...(organizationId ? [organizationId] : [])])];
  const bodyIds = [...new Set([...mineBodies, ...rows.map((r) => r.bodyId), ...(bodyId ? [bodyId] : [])])];
  const names = await organizationNames(c, page, [...orgIds, ...bodyIds]);
  const cols = columns(page, names);
  if (q.format) return listDownload(c, 'accreditation-cases', q.format, cols, rows, (r) => `workspace/accreditation/cases/${r.id}`);
  const options = (ids: string[]) => ids.map((id): [string, string] => [id, names[id] ?? id]).sort((a, b) => a[1].localeCompare(b[1], page.lang));
  const title = t('ui.caseList.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <ListFilters page={page} q={q}>
        <FilterSelect page={page} name="state" label={t('ui.accreditationPages.case.state')} value={state ?? ''} options={CASE_STATES.map((s): [string, string] => [s, stateLabel(page, s)])} />
        <FilterSelect page={page} name="kind" label={t('ui.accreditationPages.case.kind')} value={kind ?? ''} options={KINDS.map((k): [string, string] => [k, kindLabel(page, k)])} />
        <FilterSelect page={page} name="organization" label={t('ui.accreditationPages.case.organization')} value={organizationId ?? ''} options={options(orgIds)} />
        <FilterSelect page={page} name="body" label={t('ui.accreditationPages.case.body')} value={bodyId ?? ''} options={options(bodyIds)} />
        <FilterSelect page={page} name="overdue" label={t('ui.caseList.deadlines')} value={overdue ? 'yes' : ''} options={[['yes', t('ui.caseList.overdueOnly')]]} />
      </ListFilters>
      <ListTable page={page} q={q} columns={cols} rows={rows} total={total} caption={t('ui.caseList.caption')} rowId={(r) => `case-${r.id}`} />
      <p>
        <a href={page.href(ACC)}>{t('ui.caseList.back')}</a>
      </p>
    </Layout>,
  );
}

export function registerCaseListPage(app: Api): void {
  app.get(`${LANG_ROUTE}${ACC}/cases`, async (c) => signInFirst(c) ?? renderCaseList(c));
}
