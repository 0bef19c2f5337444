// The workspace home (who I am, my organization's programmes, the ministry's queue) and the organization profile form.
import type { Context } from 'hono';
import { can, canEverywhere, holdsAnywhere, organizationsOf } from '../../platform/access/roles.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { organizationPatchSchema } from '../../registry/organization.schema.ts';
import { getOrganization, updateOrganization } from '../../registry/organization.service.ts';
import { listProgrammes } from '../../registry/programme.service.ts';
import { formAction } from '../form-action.ts';
import { signInHref } from '../return-path.ts';
import { importableRegisters } from '../../interop/import-uploads.service.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, type Page, pageOf } from '../page.ts';
import { accreditationWaiting, type WaitingInAccreditation } from '../../accreditation/case-workspace.service.ts';
import { myFailedImports } from '../../interop/import-jobs.ts';
import { unreadCount } from '../../platform/notifications/notifications.ts';
import { ErrorSummary, type FormProblem, type FormValues, TextField, accountOf, formValues, issuesByField, one } from './forms.tsx';
import { FormLinks } from './form-links.tsx';
import { DueDate } from './list-view.tsx';
import { RelationshipProposals, proposalsOf, registerRelationshipProposalPages } from './relationship-proposals.tsx';

/** The workspace roles that act for an organization. */
export const ORG_ROLES = ['org-admin', 'org-editor'] as const;

/** Anonymous visitors are sent to sign in rather than shown an error, and come back to a page they asked for. */
export function signInFirst(c: Context<AppEnv>): Response | null {
  if (c.get('ctx').actor.kind === 'user') return null;
  const { lang, rest, search } = pageOf(c);
  return c.redirect(c.req.method === 'GET' ? signInHref(lang, rest, search) : `/${lang}/sign-in`, 303);
}

export async function deniedPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  return c.html(
    <Layout page={page} title={t('ui.workspace.denied.title')} account={await accountOf(c, page)}>
      <h1>{t('ui.workspace.denied.title')}</h1>
      <p>{t('ui.workspace.denied.text')}</p>
      <p>
        <a href={page.href('/workspace')}>{t('ui.workspace.backToWorkspace')}</a>
      </p>
    </Layout>,
    403,
  );
}

export function statusLabel(page: Page, status: string): string {
  return page.t(`ui.workspace.status.${status}`);
}

/** What waits for this person, each with a link to where it is done; says so when nothing does. */
function Waiting(props: {
  page: Page;
  review: number;
  accreditation: WaitingInAccreditation;
  failedImports: number;
  unread: number;
  organizations: Record<string, string>;
}) {
  const { page, accreditation: a } = props;
  const { t } = page;
  const acc = '/workspace/accreditation';
  const entries = [
    props.review ? (
      <li>
        <a href={page.href('/workspace/review')}>{t('ui.waiting.review', { count: props.review })}</a>
      </li>
    ) : null,
    a.votes.length ? (
      <li>
        {t('ui.waiting.votes', { count: a.votes.length })}
        <ul>
          {a.votes.map((v) => (
            <li>
              <a href={page.href(`${acc}/council/${v.meetingId}`)}>{t('ui.waiting.voteItem', { case: v.caseNumber, date: page.date(v.meetsOn) })}</a>
            </li>
          ))}
        </ul>
      </li>
    ) : null,
    a.deadlines.length ? (
      <li>
        {t('ui.waiting.deadlines', { count: a.deadlines.length })}
        <ul>
          {a.deadlines.map((d) => (
            <li>
              <a href={page.href(`${acc}/cases/${d.caseId}`)}>
                {t('ui.waiting.deadlineItem', { case: d.caseNumber, step: t(`ui.case.deadlines.${d.step}`, { defaultValue: d.step }) })}
              </a>{' '}
              (<DueDate page={page} dueOn={d.dueOn} />)
            </li>
          ))}
        </ul>
      </li>
    ) : null,
    a.expiring.length ? (
      <li>
        {t('ui.waiting.expiring', { count: a.expiring.length })}
        <ul>
          {a.expiring.map((e) => (
            <li>
              <a href={page.href(`/accreditation/decisions/${e.decisionId}`)}>
                {t('ui.waiting.expiringItem', { organization: props.organizations[e.organizationId] ?? '', date: page.date(e.validTo) })}
              </a>
            </li>
          ))}
        </ul>
      </li>
    ) : null,
    props.failedImports ? (
      <li>
        <a href={page.href('/workspace/imports')}>{t('ui.waiting.imports', { count: props.failedImports })}</a>
      </li>
    ) : null,
    props.unread ? (
      <li>
        <a href={page.href('/workspace/notifications')}>{t('ui.waiting.notifications', { count: props.unread })}</a>
      </li>
    ) : null,
  ].filter((x) => x !== null);
  return (
    <section aria-labelledby="waiting" class="waiting">
      <h2 id="waiting">{t('ui.waiting.title')}</h2>
      {entries.length ? <ul>{entries}</ul> : <p>{t('ui.waiting.nothing')}</p>}
    </section>
  );
}

async function home(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Error('unreachable: signInFirst ran');
  const account = await accountOf(c, page);
  const orgIds = [...new Set(organizationsOf(actor, ORG_ROLES))];
  const orgSections = await Promise.all(
    orgIds.map(async (orgId) => ({
      orgId,
      programmes: (await listProgrammes(ctx, { organizationId: orgId, limit: 500, offset: 0, sort: 'code', desc: false })).items.filter((p) => p.organizationId === orgId),
    })),
  );
  const reviewer = canEverywhere(actor, 'programme.review');
  const queue = reviewer
    ? (await Promise.all(['submitted', 'expert-review'].map((status) => listProgrammes(ctx, { status, limit: 1, offset: 0, sort: 'code', desc: false })))).reduce((n, r) => n + r.total, 0)
    : 0;
  const [accreditation, failedImports, unread] = await Promise.all([accreditationWaiting(ctx), myFailedImports(ctx), unreadCount(ctx)]);
  return c.html(
    <Layout page={page} title={t('ui.workspace.title')} account={account}>
      <h1>{t('ui.workspace.title')}</h1>
      {c.req.query('saved') ? <p role="status">{t('ui.workspace.saved')}</p> : null}
      <Waiting page={page} review={reviewer ? queue : 0} accreditation={accreditation} failedImports={failedImports} unread={unread} organizations={account.organizations} />
      {actor.roles.some((r) => !['learner', 'sector-council'].includes(r.role)) ? (
        <p>
          <a href={page.href('/workspace/accreditation')}>{t('ui.accreditationPages.homeLink')}</a>
        </p>
      ) : null}
      <dl class="fields">
        <dt>{t('ui.workspace.name')}</dt>
        <dd>{actor.label}</dd>
        <dt>{t('ui.workspace.roles')}</dt>
        <dd>
          <ul>
            {actor.roles.map((r) => (
              <li>
                {t(`ui.workspace.role.${r.role}`)}
                {r.organizationId ? ` — ${account.organizations[r.organizationId] ?? r.organizationId}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p>
        <a href={page.href('/workspace/two-factor')}>{t('ui.twoFactor.link')}</a>
      </p>
      <FormLinks page={page} />
      {actor.roles.some((r) => r.role === 'org-admin') ? (
        <p>
          <a href={page.href('/workspace/issuer-keys')}>{t('ui.issuerKeys.title')}</a>
        </p>
      ) : null}
      {holdsAnywhere(actor, 'internal-qa.read') ? (
        <p>
          <a href={page.href('/workspace/internal-qa')}>{t('ui.internalQa.title')}</a>
        </p>
      ) : null}
      {canEverywhere(actor, 'internal-qa.review') ? (
        <p>
          <a href={page.href('/workspace/risk')}>{t('ui.risk.title')}</a>
        </p>
      ) : null}
      {holdsAnywhere(actor, 'internal-qa.read') ? (
        <p>
          <a href={page.href('/workspace/qa-failures')}>{t('ui.qaFailure.title')}</a>
        </p>
      ) : null}
      {holdsAnywhere(actor, 'indicators.report') ? (
        <p>
          <a href={page.href('/workspace/reports')}>{t('ui.indicators.reports.link')}</a>
        </p>
      ) : null}
      {importableRegisters(actor).length ? (
        <p>
          <a href={page.href('/workspace/imports')}>{t('ui.imports.link')}</a>
        </p>
      ) : null}
      {actor.roles.some((r) => r.role === 'learner') ? (
        <p>
          <a href={page.href('/workspace/my-credentials')}>{t('ui.credentialPages.mine.title')}</a>
        </p>
      ) : null}
      {reviewer ? (
        <section>
          <h2>{t('ui.workspace.review.title')}</h2>
          <p>
            <a href={page.href('/workspace/review')}>{t('ui.workspace.review.link', { count: queue })}</a>
          </p>
        </section>
      ) : null}
      {orgSections.map(({ orgId, programmes }) => (
        <section aria-labelledby={`org-${orgId}`}>
          <h2 id={`org-${orgId}`}>{account.organizations[orgId] ?? orgId}</h2>
          <ul>
            {can(actor, 'organization.update', { organizationIds: [orgId] }) ? (
              <li>
                <a href={`${page.href('/workspace/organization')}?organization=${orgId}`}>{t('ui.workspace.organization.edit')}</a>
              </li>
            ) : null}
            <li>
              <a href={`${page.href('/workspace/programmes/new')}?organization=${orgId}`}>{t('ui.workspace.programme.new')}</a>
            </li>
            {can(actor, 'credential.issue', { organizationIds: [orgId] }) ? (
              <li>
                <a href={`${page.href('/workspace/credentials')}?organization=${orgId}`}>{t('ui.credentialPages.issuing.title')}</a>
              </li>
            ) : null}
          </ul>
          <h3>{t('ui.workspace.programmes')}</h3>
          {programmes.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ui.workspace.programme.code')}</th>
                  <th scope="col">{t('ui.workspace.programme.name')}</th>
                  <th scope="col">{t('ui.workspace.programme.status')}</th>
                </tr>
              </thead>
              <tbody>
                {programmes.map((p) => (
                  <tr>
                    <td>{p.code}</td>
                    <td>
                      <a href={page.href(`/workspace/programmes/${p.id}`)}>{page.text(p.name).text}</a>
                    </td>
                    <td>{statusLabel(page, p.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('ui.workspace.noProgrammes')}</p>
          )}
        </section>
      ))}
    </Layout>,
  );
}

const ORG_FIELDS = ['name.kk', 'name.ru', 'name.en', 'aliases', 'website'] as const;

/** The organization the form is about: ?organization=, else the user's first. */
function organizationParam(c: Context<AppEnv>, values?: FormValues): string | null {
  const actor = c.get('ctx').actor;
  const asked = (values ? one(values, 'organization') : '') || c.req.query('organization') || '';
  if (/^[0-9a-f-]{36}$/i.test(asked)) return asked;
  return organizationsOf(actor, ORG_ROLES)[0] ?? null;
}

async function organizationForm(c: Context<AppEnv>, orgId: string, values: FormValues | null, problem?: FormProblem) {
  const page = pageOf(c);
  const { t } = page;
  const [org, proposals] = await Promise.all([getOrganization(c.get('ctx'), orgId), proposalsOf(c, orgId)]);
  const v = (name: string, stored: string) => (values ? one(values, name) : stored);
  const labels: Record<string, string> = {
    'name.kk': t('ui.workspace.field.nameKk'),
    'name.ru': t('ui.workspace.field.nameRu'),
    'name.en': t('ui.workspace.field.nameEn'),
    aliases: t('ui.workspace.organization.aliases'),
    website: t('ui.workspace.organization.website'),
  };
  const byField = issuesByField(problem?.issues ?? [], ORG_FIELDS);
  const title = t('ui.workspace.organization.title', { name: page.text(org.name).text });
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <ErrorSummary page={page} problem={problem} byField={byField} labels={labels} />
      <form class="ws" method="post" action={page.href('/workspace/organization')} novalidate>
        <input type="hidden" name="organization" value={org.id} />
        <input type="hidden" name="version" value={values ? one(values, 'version') : String(org.version)} />
        <TextField page={page} path="name.kk" lang="kk" label={labels['name.kk'] ?? ''} value={v('name.kk', org.name.kk)} issues={byField.get('name.kk')} required />
        <TextField page={page} path="name.ru" lang="ru" label={labels['name.ru'] ?? ''} value={v('name.ru', org.name.ru)} issues={byField.get('name.ru')} required />
        <TextField page={page} path="name.en" lang="en" label={labels['name.en'] ?? ''} value={v('name.en', org.name.en ?? '')} issues={byField.get('name.en')} />
        <TextField
          page={page}
          path="aliases"
          label={labels.aliases ?? ''}
          hint={t('ui.workspace.organization.aliasesHint')}
          multiline
          value={values ? one(values, 'aliases') : org.aliases.join('\n')}
          issues={byField.get('aliases')}
        />
        <TextField page={page} path="website" type="url" label={labels.website ?? ''} value={v('website', org.website ?? '')} issues={byField.get('website')} />
        <p>
          <button type="submit">{t('ui.workspace.save')}</button>
        </p>
      </form>
      <RelationshipProposals page={page} organizationId={org.id} proposals={proposals} />
      <p>
        <a href={page.href('/workspace')}>{t('ui.workspace.backToWorkspace')}</a>
      </p>
    </Layout>,
    problem ? 422 : 200,
  );
}

export function registerWorkspaceHome(app: Api): void {
  registerRelationshipProposalPages(
    app,
    async (c, orgId, problem) => (can(c.get('ctx').actor, 'organization.update', { organizationIds: [orgId] }) ? organizationForm(c, orgId, null, problem) : deniedPage(c)),
    signInFirst,
  );
  app.get(`${LANG_ROUTE}/workspace`, async (c) => signInFirst(c) ?? home(c));

  app.get(`${LANG_ROUTE}/workspace/organization`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const orgId = organizationParam(c);
    if (!orgId || !can(c.get('ctx').actor, 'organization.update', { organizationIds: [orgId] })) return deniedPage(c);
    return organizationForm(c, orgId, null);
  });

  app.post(`${LANG_ROUTE}/workspace/organization`, async (c) => {
    const values = await formValues(c);
    const orgId = organizationParam(c, values);
    const away = signInFirst(c);
    if (away) return away;
    if (!orgId || !can(c.get('ctx').actor, 'organization.update', { organizationIds: [orgId] })) return deniedPage(c);
    return formAction(c, {
      schema: organizationPatchSchema,
      input: organizationPatchOf(values),
      run: (ctx, patch) => updateOrganization(ctx, orgId, patch),
      // The organization form answers every refusal with 422.
      refused: (problem) => organizationForm(c, orgId, values, problem),
      done: () => `/${langOf(c)}/workspace?saved=organization`,
    });
  });
}

function organizationPatchOf(values: FormValues) {
  const opt = (name: string) => one(values, name) || undefined;
  const version = Number(one(values, 'version'));
  return {
    name: { kk: one(values, 'name.kk'), ru: one(values, 'name.ru'), en: opt('name.en') },
    aliases: one(values, 'aliases')
      .split(/\r?\n/)
      .map((a) => a.trim())
      .filter(Boolean),
    website: opt('website'),
    version: Number.isInteger(version) && version > 0 ? version : undefined,
  };
}
