// The accreditation workspace home: one section per role the signed-in user holds — the
// organization's own cases and its application form, a body's cases with their nearest deadline,
// an expert's assignments, a council member's meetings, the body head's approvals and appeals,
// and the ministry's overview with Register 1.
import type { Context } from 'hono';
import { type CaseListRow, caseListsWorkspace } from '../../accreditation/case-workspace.service.ts';
import { caseInputSchema } from '../../accreditation/case.schema.ts';
import { createCase } from '../../accreditation/case.service.ts';
import { listRegisterOne } from '../../accreditation/recognition.service.ts';
import { can, organizationsOf } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { listProgrammes } from '../../registry/programme.service.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, type Page, pageOf } from '../page.ts';
import {
  accountOf,
  Checkboxes,
  ErrorSummary,
  type FormProblem,
  type FormValues,
  formValues,
  issuesByField,
  many,
  one,
  Select,
} from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import {
  ACC,
  caseHref,
  DeadlineCell,
  kindLabel,
  meetingHref,
  organizationNames,
  stateLabel,
  statusOf,
} from './workspace-common.tsx';

type Row = CaseListRow;

const APPLY_FIELDS = ['organizationId', 'bodyId', 'kind', 'programmeIds', 'eurAce'];

function CaseTable(props: { page: Page; rows: Row[]; names: Record<string, string>; show: ('organization' | 'body' | 'deadline')[]; caption: string }) {
  const { page, rows, names, show } = props;
  const { t } = page;
  if (!rows.length) return <p>{t('ui.accreditationPages.list.none')}</p>;
  return (
    <table>
      <caption class="meta">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ui.accreditationPages.case.number')}</th>
          {show.includes('organization') ? <th scope="col">{t('ui.accreditationPages.case.organization')}</th> : null}
          {show.includes('body') ? <th scope="col">{t('ui.accreditationPages.case.body')}</th> : null}
          <th scope="col">{t('ui.accreditationPages.case.kind')}</th>
          <th scope="col">{t('ui.accreditationPages.case.state')}</th>
          {show.includes('deadline') ? <th scope="col">{t('ui.accreditationPages.case.nearestDeadline')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={caseHref(page, r.id)}>{r.number}</a>
            </td>
            {show.includes('organization') ? <td>{names[r.organizationId] ?? ''}</td> : null}
            {show.includes('body') ? <td>{names[r.bodyId] ?? ''}</td> : null}
            <td>
              {kindLabel(page, r.kind)}
              {r.eurAce ? ' · EUR-ACE®' : ''}
            </td>
            <td>{stateLabel(page, r.state)}</td>
            {show.includes('deadline') ? (
              <td>
                <DeadlineCell page={page} deadline={r.deadline} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function applyOptions(c: Context<AppEnv>, page: Page, orgId: string) {
  const ctx = c.get('ctx');
  const [register, programmes] = await Promise.all([
    listRegisterOne(ctx, { status: 'active', limit: 200, offset: 0 }),
    listProgrammes(ctx, { organizationId: orgId, status: 'included', limit: 500, offset: 0, sort: 'code', desc: false }),
  ]);
  const bodies = new Map<string, string>();
  for (const r of register.items) bodies.set(r.body.id, page.text(r.body.name).text);
  return {
    bodies: [...bodies.entries()] as [string, string][],
    programmes: programmes.items.filter((p) => p.organizationId === orgId).map((p): [string, string] => [p.id, `${p.code} ${page.text(p.name).text}`]),
  };
}

function ApplyForm(props: {
  page: Page;
  orgId: string;
  orgName: string;
  options: Awaited<ReturnType<typeof applyOptions>>;
  values: FormValues;
  problem?: FormProblem;
}) {
  const { page, values, problem } = props;
  const { t } = page;
  const labels: Record<string, string> = {
    bodyId: t('ui.accreditationPages.apply.body'),
    kind: t('ui.accreditationPages.apply.kind'),
    programmeIds: t('ui.accreditationPages.apply.programmes'),
    eurAce: t('ui.accreditationPages.apply.eurAce'),
    organizationId: t('ui.accreditationPages.case.organization'),
  };
  const byField = issuesByField(problem?.issues ?? [], APPLY_FIELDS);
  return (
    <section aria-labelledby={`apply-${props.orgId}`}>
      <h3 id={`apply-${props.orgId}`}>{t('ui.accreditationPages.apply.title', { organization: props.orgName })}</h3>
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={page.href(`${ACC}/apply`)} novalidate>
        <input type="hidden" name="organizationId" value={props.orgId} />
        <Select
          page={page}
          path="bodyId"
          label={labels.bodyId ?? ''}
          value={one(values, 'bodyId')}
          options={props.options.bodies}
          issues={byField.get('bodyId')}
          required
        />
        <Select
          page={page}
          path="kind"
          label={labels.kind ?? ''}
          value={one(values, 'kind') || 'programme'}
          options={[
            ['programme', kindLabel(page, 'programme')],
            ['institutional', kindLabel(page, 'institutional')],
          ]}
          issues={byField.get('kind')}
          required
        />
        {props.options.programmes.length ? (
          <Checkboxes
            page={page}
            path="programmeIds"
            legend={labels.programmeIds ?? ''}
            values={many(values, 'programmeIds')}
            options={props.options.programmes}
            issues={byField.get('programmeIds')}
          />
        ) : (
          <p class="meta">{t('ui.accreditationPages.apply.noProgrammes')}</p>
        )}
        <Checkboxes
          page={page}
          path="eurAce"
          legend={labels.eurAce ?? ''}
          values={many(values, 'eurAce')}
          options={[['yes', t('ui.accreditationPages.apply.eurAceYes')]]}
          issues={byField.get('eurAce')}
        />
        <p>
          <button type="submit">{t('ui.accreditationPages.apply.submit')}</button>
        </p>
      </form>
    </section>
  );
}

export async function renderCaseLists(c: Context<AppEnv>, apply?: { orgId: string; values: FormValues; problem: FormProblem }, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Error('unreachable: signInFirst ran');
  const { rows, expertCaseIds, meetings, appeals, register } = await caseListsWorkspace(ctx);
  const orgIds = [...new Set(organizationsOf(actor, ['org-admin', 'org-editor']))];
  const bodyIds = [...new Set(organizationsOf(actor, ['agency-staff', 'agency-head']))];
  const headOf = [...new Set(organizationsOf(actor, ['agency-head']))];
  const expertCases = new Set(expertCaseIds);
  const councilOf = organizationsOf(actor, ['council-member']);
  const names = await organizationNames(c, page, [
    ...rows.flatMap((r) => [r.organizationId, r.bodyId]),
    ...orgIds,
    ...bodyIds,
    ...meetings.map((m) => m.bodyId),
  ]);
  const applyForms = await Promise.all(
    orgIds.filter((id) => can(actor, 'accreditation.apply', { organizationIds: [id] })).map(async (id) => ({ id, options: await applyOptions(c, page, id) })),
  );
  const title = t('ui.accreditationPages.title');
  const overdue = rows.filter((r) => r.deadline?.overdue);
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href(`${ACC}/cases`)}>{t('ui.caseList.open')}</a>
      </p>
      {orgIds.map((orgId) => {
        const form = applyForms.find((f) => f.id === orgId);
        return (
          <section aria-labelledby={`org-${orgId}`}>
            <h2 id={`org-${orgId}`}>{t('ui.accreditationPages.list.organization', { name: names[orgId] ?? '' })}</h2>
            <CaseTable
              page={page}
              rows={rows.filter((r) => r.organizationId === orgId)}
              names={names}
              show={['body', 'deadline']}
              caption={t('ui.accreditationPages.list.ownCases')}
            />
            {form ? (
              <ApplyForm
                page={page}
                orgId={orgId}
                orgName={names[orgId] ?? ''}
                options={form.options}
                values={apply?.orgId === orgId ? apply.values : { kind: 'programme' }}
                problem={apply?.orgId === orgId ? apply.problem : undefined}
              />
            ) : null}
          </section>
        );
      })}
      {bodyIds.map((bodyId) => {
        const mine = rows.filter((r) => r.bodyId === bodyId);
        const toApprove = headOf.includes(bodyId) ? mine.filter((r) => r.state === 'council-decided') : [];
        return (
          <section aria-labelledby={`body-${bodyId}`}>
            <h2 id={`body-${bodyId}`}>{t('ui.accreditationPages.list.body', { name: names[bodyId] ?? '' })}</h2>
            {headOf.includes(bodyId) ? (
              <>
                <h3>{t('ui.accreditationPages.list.toApprove')}</h3>
                <CaseTable page={page} rows={toApprove} names={names} show={['organization']} caption={t('ui.accreditationPages.list.toApprove')} />
                <h3>{t('ui.accreditationPages.list.appeals')}</h3>
                {appeals.filter((a) => a.bodyId === bodyId).length ? (
                  <ul>
                    {appeals
                      .filter((a) => a.bodyId === bodyId)
                      .map((a) => (
                        <li>
                          {a.number} — {names[a.organizationId] ?? ''} — {statusOf(page, 'appeal', a.status)}
                          {a.caseId ? (
                            <>
                              {' '}
                              (<a href={caseHref(page, a.caseId)}>{t('ui.accreditationPages.list.openCase')}</a>)
                            </>
                          ) : null}
                        </li>
                      ))}
                  </ul>
                ) : (
                  <p>{t('ui.accreditationPages.list.none')}</p>
                )}
              </>
            ) : null}
            <h3>{t('ui.accreditationPages.list.bodyCases')}</h3>
            <CaseTable page={page} rows={mine} names={names} show={['organization', 'deadline']} caption={t('ui.accreditationPages.list.bodyCases')} />
          </section>
        );
      })}
      {actor.roles.some((r) => r.role === 'expert') ? (
        <section aria-labelledby="expert">
          <h2 id="expert">{t('ui.accreditationPages.list.assignments')}</h2>
          <CaseTable
            page={page}
            rows={rows.filter((r) => expertCases.has(r.id))}
            names={names}
            show={['organization', 'body']}
            caption={t('ui.accreditationPages.list.assignments')}
          />
        </section>
      ) : null}
      {councilOf.length || bodyIds.length ? (
        <section aria-labelledby="council">
          <h2 id="council">{t('ui.accreditationPages.list.meetings')}</h2>
          {meetings.length ? (
            <ul>
              {meetings.map((m) => (
                <li>
                  <a href={meetingHref(page, m.id)}>
                    {t('ui.accreditationPages.council.meetingOf', { date: page.date(m.meetsOn), body: names[m.bodyId] ?? '' })}
                  </a>{' '}
                  — {t(`ui.accreditationPages.council.status.${m.status}`)} — {t('ui.accreditationPages.council.agendaCount', { count: m.agenda.length, formatted: page.number(m.agenda.length) })}
                  {m.agenda.some((a) => a.votePending) ? (
                    <>
                      {' '}
                      <strong class="badge badge-pending">{t('ui.accreditationPages.council.votePending')}</strong>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('ui.accreditationPages.list.none')}</p>
          )}
        </section>
      ) : null}
      {register ? (
        <section aria-labelledby="ministry">
          <h2 id="ministry">{t('ui.accreditationPages.list.ministry')}</h2>
          <h3>{t('ui.accreditationPages.list.overdue')}</h3>
          <CaseTable page={page} rows={overdue} names={names} show={['organization', 'body', 'deadline']} caption={t('ui.accreditationPages.list.overdue')} />
          <h3>{t('ui.accreditationPages.list.allCases')}</h3>
          <CaseTable page={page} rows={rows} names={names} show={['organization', 'body', 'deadline']} caption={t('ui.accreditationPages.list.allCases')} />
          <h3>{t('ui.accreditationPages.list.registerOne')}</h3>
          {register?.items.length ? (
            <table>
              <caption class="meta">{t('ui.accreditationPages.list.registerOne')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ui.accreditationPages.case.body')}</th>
                  <th scope="col">{t('ui.accreditationPages.register.order')}</th>
                  <th scope="col">{t('ui.accreditationPages.register.validTo')}</th>
                  <th scope="col">{t('ui.accreditationPages.register.status')}</th>
                </tr>
              </thead>
              <tbody>
                {register.items.map((r) => (
                  <tr>
                    <td>{page.text(r.body.name).text}</td>
                    <td>{[r.orderNumber, r.orderDate ? page.date(r.orderDate) : ''].filter(Boolean).join(', ') || '—'}</td>
                    <td>{r.validTo ? page.date(r.validTo) : '—'}</td>
                    <td>{t(`ui.accreditationPublic.recognitionStatus.${r.status}`, { defaultValue: r.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('ui.accreditationPages.list.none')}</p>
          )}
        </section>
      ) : null}
      <p>
        <a href={page.href('/workspace')}>{t('ui.workspace.backToWorkspace')}</a>
      </p>
    </Layout>,
    status,
  );
}

function applicationOf(values: FormValues) {
  return {
    organizationId: one(values, 'organizationId') || undefined,
    bodyId: one(values, 'bodyId'),
    kind: one(values, 'kind'),
    programmeIds: many(values, 'programmeIds'),
    eurAce: many(values, 'eurAce').includes('yes'),
  };
}

export function registerCaseListPages(app: Api): void {
  app.get(`${LANG_ROUTE}${ACC}`, async (c) => signInFirst(c) ?? renderCaseLists(c));

  app.post(`${LANG_ROUTE}${ACC}/apply`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const orgId = one(values, 'organizationId');
    return formAction(c, {
      schema: caseInputSchema,
      input: applicationOf(values),
      schemaIssues: (issues) => issues.map((i) => (i.path === 'bodyId' ? { ...i, messageKey: 'errors.field.required' } : i)),
      run: (ctx, input) => createCase(ctx, input),
      // programmeIds.0 belongs to the programmes fieldset.
      refused: (problem, status) => renderCaseLists(c, { orgId, values, problem }, status),
      done: (created) => `/${langOf(c)}${ACC}/cases/${created.id}`,
    });
  });
}
