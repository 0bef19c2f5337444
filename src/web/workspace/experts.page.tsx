// The agency's experts database in the workspace: the list, a new expert, an expert's page with
// the profile form (certification, declarations, employment and study, declared conflicts), a
// rating and exclusion or reinstatement. Every form runs the service the API routes use.
import type { Context } from 'hono';
import { z } from 'zod';
import { exclusionInputSchema, expertInputSchema, expertPatchSchema, ratingInputSchema } from '../../accreditation/experts.schema.ts';
import { createExpert, excludeExpert, getExpert, listExperts, rateExpert, updateExpert } from '../../accreditation/experts.service.ts';
import { DEGREES, EXPERT_CATEGORIES } from '../../accreditation/panel-rules.ts';
import { entriesInForce } from '../../frameworks/classifier.service.ts';
import { can, organizationsOf } from '../../platform/access/roles.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { listOrganizations } from '../../registry/organization.service.ts';
import { formAction } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { DataTable } from '../record-parts.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { fieldsOf, rowCount } from './framework-form.tsx';
import { Checkboxes, ErrorSummary, type FormProblem, type FormValues, accountOf, formValues, issuesByField, many, one } from './forms.tsx';
import { deniedPage, signInFirst } from './workspace.page.tsx';

const BASE = '/workspace/experts';
const UUID = '[0-9a-fA-F-]{36}';
const DECLARATIONS = ['conflictOfInterest', 'confidentiality', 'codeOfEthics'] as const;

/** The agency whose experts this person keeps (the first, when several). */
function agencyOf(c: Context<AppEnv>): string | null {
  const actor = c.get('ctx').actor;
  return organizationsOf(actor, ['agency-staff', 'agency-head']).find((b) => can(actor, 'expert.manage', { organizationIds: [b] })) ?? null;
}

type Rows = { affiliations: number[]; conflicts: number[] };

/** The expert's profile from the form; empty affiliation and conflict rows are left out. */
function profileOf(values: FormValues) {
  const opt = (name: string) => one(values, name) || null;
  const rows: Rows = { affiliations: [], conflicts: [] };
  const affiliations = [];
  for (let i = 0; i < rowCount(values, 'affiliationRows', 1); i++) {
    const a = { organizationId: one(values, `affiliations.${i}.organizationId`), kind: one(values, `affiliations.${i}.kind`) || 'employment', from: opt(`affiliations.${i}.from`), to: opt(`affiliations.${i}.to`) };
    if (!a.organizationId) continue;
    affiliations.push(a);
    rows.affiliations.push(i);
  }
  const declaredConflicts = [];
  for (let i = 0; i < rowCount(values, 'conflictRows', 1); i++) {
    const d = { organizationId: one(values, `declaredConflicts.${i}.organizationId`), reason: one(values, `declaredConflicts.${i}.reason`) };
    if (!d.organizationId && !d.reason) continue;
    declaredConflicts.push(d);
    rows.conflicts.push(i);
  }
  const priorPanels = one(values, 'priorPanels');
  return {
    rows,
    profile: {
      fullName: one(values, 'fullName'),
      email: opt('email'),
      country: opt('country')?.toUpperCase() ?? null,
      category: one(values, 'category') || undefined,
      degree: one(values, 'degree') || undefined,
      academicTitle: opt('academicTitle'),
      fields: one(values, 'fields')
        .split(/[\s,;]+/)
        .filter(Boolean),
      languages: many(values, 'languages'),
      certificateNumber: opt('certificateNumber'),
      certifiedOn: opt('certifiedOn'),
      certificationExpiresOn: opt('certificationExpiresOn'),
      declarations: Object.fromEntries(DECLARATIONS.map((d) => [d, opt(`declarations.${d}`)])),
      priorPanels: priorPanels === '' ? 0 : Number(priorPanels),
      affiliations,
      declaredConflicts,
    },
  };
}

function toFormPaths(issues: FieldIssue[], rows: Rows): FieldIssue[] {
  return issues.map((i) => ({
    ...i,
    path: i.path
      .replace(/^affiliations\.(\d+)/, (_, j: string) => `affiliations.${rows.affiliations[Number(j)] ?? j}`)
      .replace(/^declaredConflicts\.(\d+)/, (_, j: string) => `declaredConflicts.${rows.conflicts[Number(j)] ?? j}`),
  }));
}

type ExpertDetail = Awaited<ReturnType<typeof getExpert>>;

function valuesOf(e: ExpertDetail): FormValues {
  const v: FormValues = {
    fullName: e.fullName,
    email: e.email ?? '',
    country: e.country ?? '',
    category: e.category,
    degree: e.degree,
    academicTitle: e.academicTitle ?? '',
    fields: e.fields.join(', '),
    languages: e.languages,
    certificateNumber: e.certificateNumber ?? '',
    certifiedOn: e.certifiedOn ?? '',
    certificationExpiresOn: e.certificationExpiresOn ?? '',
    priorPanels: String(e.priorPanels),
    version: String(e.version),
    affiliationRows: String(e.affiliations.length + 1),
    conflictRows: String(e.declaredConflicts.length + 1),
  };
  for (const d of DECLARATIONS) v[`declarations.${d}`] = e.declarations[d] ?? '';
  e.affiliations.forEach((a, i) => {
    Object.assign(v, { [`affiliations.${i}.organizationId`]: a.organizationId, [`affiliations.${i}.kind`]: a.kind, [`affiliations.${i}.from`]: a.from ?? '', [`affiliations.${i}.to`]: a.to ?? '' });
  });
  e.declaredConflicts.forEach((d, i) => {
    Object.assign(v, { [`declaredConflicts.${i}.organizationId`]: d.organizationId, [`declaredConflicts.${i}.reason`]: d.reason });
  });
  return v;
}

async function listPage(c: Context<AppEnv>, bodyId: string) {
  const page = pageOf(c);
  const { t } = page;
  const name = c.req.query('name')?.trim() || undefined;
  const offset = Math.max(0, Number(c.req.query('offset')) || 0);
  const limit = 50;
  const { items, total } = await listExperts(c.get('ctx'), { body: bodyId, name, limit, offset });
  const title = t('ui.forms.experts.title');
  const more = (o: number) => `${page.href(BASE)}?offset=${o}${name ? `&name=${encodeURIComponent(name)}` : ''}`;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {c.req.query('done') === 'created' ? <p role="status">{t('ui.forms.experts.done.created')}</p> : null}
      <p>
        <a href={page.href(`${BASE}/new`)}>{t('ui.forms.experts.new')}</a>
      </p>
      <form method="get" action={page.href(BASE)}>
        <label for="name">{t('ui.forms.experts.fullName')}</label> <input id="name" name="name" type="search" value={name ?? ''} /> <button type="submit">{t('ui.forms.find')}</button>
      </form>
      <p>{t('ui.forms.shown', { from: total ? offset + 1 : 0, to: Math.min(offset + limit, total), total })}</p>
      <DataTable
        caption={title}
        columns={[t('ui.forms.experts.fullName'), t('ui.forms.experts.category'), t('ui.forms.experts.certificationExpiresOn'), t('ui.forms.framework.status')]}
        items={items}
        row={(e) => (
          <tr>
            <td>
              <a href={page.href(`${BASE}/${e.id}`)}>{e.fullName}</a>
            </td>
            <td>{t(`ui.panel.category.${e.category}`)}</td>
            <td>{e.certificationExpiresOn ? page.date(e.certificationExpiresOn) : '—'}</td>
            <td>{e.excluded ? t('ui.forms.experts.excluded') : e.certificationValid ? t('ui.forms.experts.certified') : t('ui.forms.experts.notCertified')}</td>
          </tr>
        )}
      />
      <nav aria-label={t('ui.forms.pages')}>
        {offset > 0 ? <a href={more(Math.max(0, offset - limit))}>{t('ui.forms.previous')}</a> : null} {offset + limit < total ? <a href={more(offset + limit)}>{t('ui.forms.next')}</a> : null}
      </nav>
    </Layout>,
  );
}

type Forms = { profile?: FormProblem; exclusion?: FormProblem; rating?: FormProblem };

/** The new-expert form, or an expert's page: the profile form, then rating and exclusion. */
async function expertPage(c: Context<AppEnv>, expert: ExpertDetail | null, values: FormValues, forms: Forms = {}, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const [languages, organizations] = await Promise.all([entriesInForce(ctx, 'language'), listOrganizations(ctx, { kind: 'university', limit: 1000, offset: 0, sort: 'name', desc: false })]);
  const orgOptions = organizations.items.map((o): [string, string] => [o.id, page.text(o.name).text]);
  const affiliationRows = rowCount(values, 'affiliationRows', 1);
  const conflictRows = rowCount(values, 'conflictRows', 1);
  const labels: Record<string, string> = {
    fullName: t('ui.forms.experts.fullName'),
    email: t('ui.forms.experts.email'),
    country: t('ui.forms.experts.country'),
    category: t('ui.forms.experts.category'),
    degree: t('ui.forms.experts.degree'),
    academicTitle: t('ui.forms.experts.academicTitle'),
    fields: t('ui.forms.experts.fields'),
    languages: t('ui.forms.experts.languages'),
    certificateNumber: t('ui.forms.experts.certificateNumber'),
    certifiedOn: t('ui.forms.experts.certifiedOn'),
    certificationExpiresOn: t('ui.forms.experts.certificationExpiresOn'),
    declarations: t('ui.forms.experts.declarations'),
    priorPanels: t('ui.forms.experts.priorPanels'),
    affiliations: t('ui.forms.experts.affiliations'),
    declaredConflicts: t('ui.forms.experts.declaredConflicts'),
  };
  for (const d of DECLARATIONS) labels[`declarations.${d}`] = t(`ui.forms.experts.declaration.${d}`);
  for (let i = 0; i < affiliationRows; i++) {
    const n = i + 1;
    labels[`affiliations.${i}.organizationId`] = t('ui.forms.experts.affiliationOrg', { n });
    labels[`affiliations.${i}.kind`] = t('ui.forms.experts.affiliationKind', { n });
    labels[`affiliations.${i}.from`] = t('ui.forms.experts.affiliationFrom', { n });
    labels[`affiliations.${i}.to`] = t('ui.forms.experts.affiliationTo', { n });
  }
  for (let i = 0; i < conflictRows; i++) {
    labels[`declaredConflicts.${i}.organizationId`] = t('ui.forms.experts.conflictOrg', { n: i + 1 });
    labels[`declaredConflicts.${i}.reason`] = t('ui.forms.experts.conflictReason', { n: i + 1 });
  }
  const byField = issuesByField(forms.profile?.issues ?? [], Object.keys(labels));
  const f = fieldsOf(page, values, labels, byField);
  const title = expert ? expert.fullName : t('ui.forms.experts.new');
  const done = c.req.query('done');
  const exclusionLabels = { reason: t('ui.forms.experts.exclusionReason') };
  const exclusionIssues = issuesByField(forms.exclusion?.issues ?? [], ['reason']);
  const ratingLabels = { score: t('ui.forms.experts.score'), comment: t('ui.forms.experts.comment') };
  const ratingIssues = issuesByField(forms.rating?.issues ?? [], ['score', 'comment']);
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {expert && done && ['saved', 'created', 'excluded', 'reinstated', 'rated'].includes(done) ? (
        <div role="status">
          <p>{t(`ui.forms.experts.done.${done}`)}</p>
          <p>
            <a href={page.href(BASE)}>{t('ui.forms.experts.backToList')}</a>
          </p>
        </div>
      ) : null}
      {expert ? (
        <dl class="fields">
          <dt>{t('ui.forms.framework.status')}</dt>
          <dd>{expert.excluded ? `${t('ui.forms.experts.excluded')}: ${expert.exclusionReason ?? ''}` : expert.certificationValid ? t('ui.forms.experts.certified') : t('ui.forms.experts.notCertified')}</dd>
          <dt>{t('ui.forms.experts.averageRating')}</dt>
          <dd>{expert.averageRating === null ? '—' : page.number(expert.averageRating)}</dd>
          <dt>{t('ui.forms.experts.panels')}</dt>
          <dd>{expert.panelHistory.length ? expert.panelHistory.map((h) => `${h.caseNumber} (${t(`ui.panel.role.${h.role}`)})`).join(', ') : '—'}</dd>
        </dl>
      ) : null}
      <section aria-labelledby="profile">
        <h2 id="profile">{t('ui.forms.experts.profile')}</h2>
        <ErrorSummary page={page} problem={forms.profile} byField={byField} labels={labels} />
        <form class="ws" method="post" action={page.href(expert ? `${BASE}/${expert.id}` : `${BASE}/new`)} novalidate>
          {one(values, 'version') ? <input type="hidden" name="version" value={one(values, 'version')} /> : null}
          <input type="hidden" name="affiliationRows" value={String(affiliationRows)} />
          <input type="hidden" name="conflictRows" value={String(conflictRows)} />
          {f.text('fullName', { required: true, autocomplete: 'off' })}
          {f.text('email', { type: 'email' })}
          {f.text('country', { hint: t('ui.forms.experts.countryHint') })}
          {f.select(
            'category',
            EXPERT_CATEGORIES.map((k): [string, string] => [k, t(`ui.panel.category.${k}`)]),
            true,
          )}
          {f.select(
            'degree',
            DEGREES.map((k): [string, string] => [k, t(`ui.forms.experts.degrees.${k}`)]),
          )}
          {f.text('academicTitle')}
          {f.text('fields', { hint: t('ui.forms.experts.fieldsHint') })}
          <Checkboxes page={page} path="languages" legend={labels.languages ?? ''} values={many(values, 'languages')} options={languages.map((l): [string, string] => [l.code, page.text(l.name).text])} issues={byField.get('languages')} />
          {f.text('certificateNumber')}
          {f.text('certifiedOn', { type: 'date' })}
          {f.text('certificationExpiresOn', { type: 'date' })}
          {f.group(
            'declarations',
            labels.declarations ?? '',
            t('ui.forms.experts.declarationsHint'),
            DECLARATIONS.map((d) => f.text(`declarations.${d}`, { type: 'date' })),
          )}
          {f.text('priorPanels', { type: 'number', extra: { min: 0, max: 500, inputmode: 'numeric' } })}
          {f.group(
            'affiliations',
            labels.affiliations ?? '',
            t('ui.forms.experts.affiliationsHint'),
            Array.from({ length: affiliationRows }, (_, i) => (
              <>
                {f.select(`affiliations.${i}.organizationId`, orgOptions)}
                {f.select(`affiliations.${i}.kind`, [
                  ['employment', t('ui.forms.experts.kind.employment')],
                  ['study', t('ui.forms.experts.kind.study')],
                ])}
                {f.text(`affiliations.${i}.from`, { type: 'date' })}
                {f.text(`affiliations.${i}.to`, { type: 'date' })}
              </>
            )),
          )}
          {f.group(
            'declaredConflicts',
            labels.declaredConflicts ?? '',
            null,
            Array.from({ length: conflictRows }, (_, i) => (
              <>
                {f.select(`declaredConflicts.${i}.organizationId`, orgOptions)}
                {f.text(`declaredConflicts.${i}.reason`, { multiline: true })}
              </>
            )),
          )}
          <p>
            <button type="submit">{expert ? t('ui.forms.experts.save') : t('ui.forms.experts.create')}</button>
          </p>
        </form>
      </section>
      {expert ? (
        <>
          <section aria-labelledby="rating">
            <h2 id="rating">{t('ui.forms.experts.rate')}</h2>
            <ErrorSummary page={page} problem={forms.rating} byField={ratingIssues} labels={ratingLabels} />
            <form class="ws" method="post" action={page.href(`${BASE}/${expert.id}/ratings`)} novalidate>
              {fieldsOf(page, {}, ratingLabels, ratingIssues).select(
                'score',
                ['1', '2', '3', '4', '5'].map((s): [string, string] => [s, s]),
                true,
              )}
              {fieldsOf(page, {}, ratingLabels, ratingIssues).text('comment', { multiline: true })}
              <p>
                <button type="submit">{t('ui.forms.experts.rate')}</button>
              </p>
            </form>
            {expert.ratings.length ? (
              <ul>
                {expert.ratings.map((r) => (
                  <li>
                    {r.score}/5 — {r.by}, {page.date(r.at)}
                    {r.comment ? `: ${r.comment}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="exclusion">
            <h2 id="exclusion">{expert.excluded ? t('ui.forms.experts.reinstate') : t('ui.forms.experts.exclude')}</h2>
            <ErrorSummary page={page} problem={forms.exclusion} byField={exclusionIssues} labels={exclusionLabels} />
            <form class="ws" method="post" action={page.href(`${BASE}/${expert.id}/exclusion`)} novalidate>
              {expert.excluded ? (
                <input type="hidden" name="reinstate" value="1" />
              ) : (
                fieldsOf(page, {}, exclusionLabels, exclusionIssues).text('reason', { multiline: true, required: true, hint: t('ui.forms.experts.exclusionHint') })
              )}
              <p>
                <button type="submit">{expert.excluded ? t('ui.forms.experts.reinstate') : t('ui.forms.experts.exclude')}</button>
              </p>
            </form>
          </section>
        </>
      ) : null}
      <p>
        <a href={page.href(BASE)}>{t('ui.forms.experts.backToList')}</a>
      </p>
    </Layout>,
    status,
  );
}

export function registerExpertPages(app: Api): void {
  const base = `${LANG_ROUTE}${BASE}`;
  app.get(base, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const bodyId = agencyOf(c);
    return bodyId ? listPage(c, bodyId) : deniedPage(c);
  });
  app.get(`${base}/new`, async (c) => signInFirst(c) ?? (agencyOf(c) ? expertPage(c, null, { degree: 'none' }) : deniedPage(c)));
  app.post(`${base}/new`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const bodyId = agencyOf(c);
    if (!bodyId) return deniedPage(c);
    const values = await formValues(c);
    const { profile, rows } = profileOf(values);
    return formAction(c, {
      schema: expertInputSchema,
      input: { bodyId, ...profile },
      run: (ctx, input) => createExpert(ctx, input),
      refused: (problem, status) => expertPage(c, null, values, { profile: { ...problem, issues: toFormPaths(problem.issues, rows) } }, status),
      done: (created) => `/${langOf(c)}${BASE}/${created.id}?done=created`,
    });
  });

  app.get(`${base}/:id{${UUID}}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const expert = await getExpert(c.get('ctx'), c.req.param('id'));
    return expertPage(c, expert, valuesOf(expert));
  });
  app.post(`${base}/:id{${UUID}}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = z.string().uuid().parse(c.req.param('id'));
    const values = await formValues(c);
    const { profile, rows } = profileOf(values);
    const version = Number(one(values, 'version'));
    return formAction(c, {
      schema: expertPatchSchema,
      input: { ...profile, ...(version > 0 ? { version } : {}) },
      run: (ctx, patch) => updateExpert(ctx, id, patch),
      refused: async (problem, status) =>
        expertPage(c, await getExpert(c.get('ctx'), id), values, { profile: { ...problem, issues: toFormPaths(problem.issues, rows) } }, status),
      done: () => `/${langOf(c)}${BASE}/${id}?done=saved`,
    });
  });
  app.post(`${base}/:id{${UUID}}/exclusion`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = z.string().uuid().parse(c.req.param('id'));
    const values = await formValues(c);
    const reinstate = one(values, 'reinstate') === '1';
    return formAction(c, {
      schema: reinstate ? z.object({}) : exclusionInputSchema,
      input: reinstate ? {} : { reason: one(values, 'reason') },
      run: (ctx, input) => excludeExpert(ctx, id, 'reason' in input ? (input.reason as string) : null),
      refused: async (problem, status) => {
        const expert = await getExpert(c.get('ctx'), id);
        return expertPage(c, expert, valuesOf(expert), { exclusion: problem }, status);
      },
      done: () => `/${langOf(c)}${BASE}/${id}?done=${reinstate ? 'reinstated' : 'excluded'}`,
    });
  });
  app.post(`${base}/:id{${UUID}}/ratings`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = z.string().uuid().parse(c.req.param('id'));
    const values = await formValues(c);
    const score = one(values, 'score');
    return formAction(c, {
      schema: ratingInputSchema,
      input: { score: score === '' ? undefined : Number(score), comment: one(values, 'comment') || undefined },
      run: (ctx, input) => rateExpert(ctx, id, input),
      refused: async (problem, status) => {
        const expert = await getExpert(c.get('ctx'), id);
        return expertPage(c, expert, valuesOf(expert), { rating: problem }, status);
      },
      done: () => `/${langOf(c)}${BASE}/${id}?done=rated`,
    });
  });
}
