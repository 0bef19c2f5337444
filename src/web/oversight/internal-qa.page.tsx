// Internal QA self-assessment in the workspace (issue 16): the list (an organization's own, or for
// the authority every one, by state), and one self-assessment — the organization rates each
// standard of its level with a narrative, names improvement actions (owner, due date), attaches
// evidence files and submits; the authority accepts or returns it with a comment; its history.
import type { Context } from 'hono';
import type { FieldIssue } from '../../platform/errors.ts';
import { canEverywhere, can, organizationsOf } from '../../platform/access/roles.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { getAssessment, internalQaAccess, listAssessments } from '../../oversight/internal-qa.service.ts';
import { RATINGS } from '../../oversight/internal-qa.rules.ts';
import { organizationNames } from '../../registry/organization.service.ts';
import { historyActor } from '../history-words.ts';
import { Layout } from '../layout.tsx';
import { DataTable } from '../record-parts.tsx';
import { type Page, pageOf } from '../page.ts';
import { ErrorSummary, type FormProblem, type FormValues, Select, TextField, accountOf, issuesByField, one } from '../workspace/forms.tsx';

type Assessment = Awaited<ReturnType<typeof getAssessment>>;
const STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
/** Blank improvement-action rows offered under each standard, beyond those already saved. */
export const BLANK_ACTIONS = 1;

const orgName = (page: Page, names: Record<string, { kk: string; ru: string; en: string | null }>, id: string) => {
  const n = names[id];
  return n ? page.text(n).text : id;
};

export async function renderAssessmentList(c: Context<AppEnv>, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const everywhere = canEverywhere(ctx.actor, 'internal-qa.read');
  const state = STATES.find((s) => s === c.req.query('state'));
  const { items } = await listAssessments(ctx, { state, limit: 200, offset: 0 });
  const assessable = [...new Set(organizationsOf(ctx.actor))].filter((o) => can(ctx.actor, 'internal-qa.assess', { organizationIds: [o] }));
  const names = await organizationNames(ctx, [...items.map((i) => i.organizationId), ...assessable]);
  const title = t('ui.internalQa.title');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>{t('ui.internalQa.intro')}</p>
      {problem ? <ErrorSummary page={page} problem={problem} byField={issuesByField(problem.issues, [])} labels={{}} /> : null}
      {assessable.map((organizationId) => (
        <form method="post" action={page.href('/workspace/internal-qa/start')}>
          <input type="hidden" name="organization" value={organizationId} />
          <button type="submit">{t('ui.internalQa.start', { organization: orgName(page, names, organizationId) })}</button>
        </form>
      ))}
      {everywhere ? (
        <form method="get" action={page.href('/workspace/internal-qa')} class="filters">
          <Select
            page={page}
            path="state"
            label={t('ui.internalQa.state.label')}
            value={state ?? ''}
            empty={t('ui.internalQa.state.any')}
            options={STATES.map((s) => [s, t(`ui.internalQa.state.${s}`)])}
          />
          <button type="submit">{t('ui.internalQa.filter')}</button>
        </form>
      ) : null}
      {items.length ? (
        <DataTable
          caption={title}
          columns={[t('ui.internalQa.organization'), t('ui.internalQa.level.label'), t('ui.internalQa.state.label'), t('ui.internalQa.submittedOn'), t('ui.internalQa.reviewedOn'), t('ui.internalQa.result')]}
          items={items}
          row={(a) => (
            <tr>
              <td>
                <a href={page.href(`/workspace/internal-qa/${a.id}`)}>{orgName(page, names, a.organizationId)}</a>
              </td>
              <td>{t(`ui.internalQa.level.${a.level}`)}</td>
              <td>{t(`ui.internalQa.state.${a.state}`)}</td>
              <td>{a.submittedOn ? page.date(a.submittedOn) : '—'}</td>
              <td>{a.reviewedOn ? page.date(a.reviewedOn) : '—'}</td>
              <td>{a.working === null ? '—' : t(a.working ? 'ui.internalQa.working' : 'ui.internalQa.notWorking')}</td>
            </tr>
          )}
        />
      ) : (
        <p>{t('ui.internalQa.none')}</p>
      )}
    </Layout>,
    status,
  );
}

/** The labels of the form's fields, by path, for the error summary's links. */
function labelsOf(page: Page, a: Assessment): Record<string, string> {
  const { t } = page;
  const labels: Record<string, string> = {
    summary: t('ui.internalQa.summary'),
    comment: t('ui.internalQa.review.comment'),
    result: t('ui.internalQa.review.result'),
    file: t('ui.internalQa.evidence.file'),
    standardCode: t('ui.internalQa.evidence.standard'),
  };
  for (const s of a.standards) {
    const name = `${s.code}. ${page.text(s.title).text}`;
    labels[`rating.${s.code}`] = `${name}: ${t('ui.internalQa.rating.label')}`;
    labels[`narrative.${s.code}`] = `${name}: ${t('ui.internalQa.narrative')}`;
    labels[`actions.${s.code}`] = `${name}: ${t('ui.internalQa.actions.title')}`;
    for (let i = 0; i < s.actions.length + BLANK_ACTIONS; i++) {
      labels[`action.${s.code}.${i}`] = `${name}: ${t('ui.internalQa.actions.action')} ${i + 1}`;
      labels[`owner.${s.code}.${i}`] = `${name}: ${t('ui.internalQa.actions.owner')} ${i + 1}`;
      labels[`dueOn.${s.code}.${i}`] = `${name}: ${t('ui.internalQa.actions.dueOn')} ${i + 1}`;
    }
  }
  return labels;
}

function StandardFields(props: { page: Page; s: Assessment['standards'][number]; values: FormValues | null; byField: Map<string, FieldIssue[]> }) {
  const { page, s, values, byField } = props;
  const { t } = page;
  const v = (name: string, stored: string) => (values ? one(values, name) : stored);
  const rows = Array.from({ length: s.actions.length + BLANK_ACTIONS }, (_, i) => s.actions[i] ?? { action: '', owner: '', dueOn: '' });
  return (
    <fieldset id={`standard-${s.code}`}>
      <legend>
        {t('ui.internalQa.standard', { code: s.code })}: {page.text(s.title).text}
      </legend>
      {s.criteria.length ? (
        <ul class="meta">
          {s.criteria.map((cr) => (
            <li>
              {cr.code} {page.text(cr.title).text}
            </li>
          ))}
        </ul>
      ) : null}
      <Select
        page={page}
        path={`rating.${s.code}`}
        label={t('ui.internalQa.rating.label')}
        value={v(`rating.${s.code}`, s.rating ?? '')}
        options={RATINGS.map((r) => [r, t(`ui.internalQa.rating.${r}`)])}
        issues={byField.get(`rating.${s.code}`)}
      />
      <TextField page={page} path={`narrative.${s.code}`} label={t('ui.internalQa.narrative')} value={v(`narrative.${s.code}`, s.narrative ?? '')} issues={byField.get(`narrative.${s.code}`)} multiline />
      <p class="meta" id={`actions-${s.code}`}>
        {t('ui.internalQa.actions.hint')}
      </p>
      {byField.get(`actions.${s.code}`)?.length ? <p class="field-error">{byField.get(`actions.${s.code}`)?.map((i) => t(i.messageKey, i.params)).join(' ')}</p> : null}
      {rows.map((row, i) => (
        <div class="row">
          <TextField page={page} path={`action.${s.code}.${i}`} label={`${t('ui.internalQa.actions.action')} ${i + 1}`} value={v(`action.${s.code}.${i}`, row.action)} issues={byField.get(`action.${s.code}.${i}`)} />
          <TextField page={page} path={`owner.${s.code}.${i}`} label={`${t('ui.internalQa.actions.owner')} ${i + 1}`} value={v(`owner.${s.code}.${i}`, row.owner)} issues={byField.get(`owner.${s.code}.${i}`)} />
          <TextField page={page} path={`dueOn.${s.code}.${i}`} type="date" label={`${t('ui.internalQa.actions.dueOn')} ${i + 1}`} value={v(`dueOn.${s.code}.${i}`, row.dueOn)} issues={byField.get(`dueOn.${s.code}.${i}`)} />
        </div>
      ))}
    </fieldset>
  );
}

function StandardReadOnly(props: { page: Page; s: Assessment['standards'][number] }) {
  const { page, s } = props;
  const { t } = page;
  return (
    <section aria-labelledby={`standard-${s.code}`}>
      <h3 id={`standard-${s.code}`}>
        {t('ui.internalQa.standard', { code: s.code })}: {page.text(s.title).text}
      </h3>
      <p>
        {t('ui.internalQa.rating.label')}: {s.rating ? t(`ui.internalQa.rating.${s.rating}`) : '—'}
      </p>
      {s.narrative ? <p>{s.narrative}</p> : null}
      {s.actions.length ? (
        <ul>
          {s.actions.map((a) => (
            <li>
              {a.action} — {a.owner}, {page.date(a.dueOn)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Evidence(props: { page: Page; a: Assessment; editable: boolean; byField: Map<string, FieldIssue[]> }) {
  const { page, a, editable } = props;
  const { t } = page;
  const files = a.standards.flatMap((s) => s.evidence.map((e) => ({ ...e, standard: s })));
  const base = `/workspace/internal-qa/${a.id}/evidence`;
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">{t('ui.internalQa.evidence.title')}</h2>
      {files.length ? (
        <table>
          <caption>{t('ui.internalQa.evidence.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.internalQa.evidence.standard')}</th>
              <th scope="col">{t('ui.internalQa.evidence.file')}</th>
              {editable ? <th scope="col">{t('ui.internalQa.evidence.remove')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {files.map((e) => (
              <tr>
                <td>{t('ui.internalQa.standard', { code: e.standardCode })}</td>
                <td>
                  <a href={page.href(`${base}/${e.id}`)}>{e.fileName}</a> ({page.number(Math.ceil(e.size / 1024))} KB)
                </td>
                {editable ? (
                  <td>
                    <form method="post" action={page.href(`${base}/${e.id}/remove`)}>
                      <button type="submit" aria-label={t('ui.internalQa.evidence.removeNamed', { file: e.fileName })}>
                        {t('ui.internalQa.evidence.remove')}
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('ui.internalQa.evidence.none')}</p>
      )}
      {editable ? (
        <form class="ws" method="post" action={page.href(base)} enctype="multipart/form-data">
          <Select
            page={page}
            path="standardCode"
            label={t('ui.internalQa.evidence.standard')}
            value=""
            options={a.standards.map((s) => [s.code, `${s.code}. ${page.text(s.title).text}`])}
            issues={props.byField.get('standardCode')}
            required
          />
          <TextField page={page} path="file" type="file" label={t('ui.internalQa.evidence.file')} value="" hint={t('ui.internalQa.evidence.hint')} issues={props.byField.get('file')} required />
          <button type="submit">{t('ui.internalQa.evidence.upload')}</button>
        </form>
      ) : null}
    </section>
  );
}

export async function renderAssessment(c: Context<AppEnv>, id: string, state: { problem?: FormProblem; values?: FormValues | null } = {}, status: 200 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const a = await getAssessment(ctx, id);
  const access = internalQaAccess(ctx, a.organizationId);
  const editable = access.assess && (a.state === 'draft' || a.state === 'returned');
  const names = await organizationNames(ctx, [a.organizationId]);
  const labels = labelsOf(page, a);
  const byField = issuesByField(state.problem?.issues ?? [], Object.keys(labels));
  const title = t('ui.internalQa.oneTitle', { organization: orgName(page, names, a.organizationId) });
  const done = c.req.query('done');
  const base = `/workspace/internal-qa/${a.id}`;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      <p>
        <a href={page.href('/workspace/internal-qa')}>{t('ui.internalQa.back')}</a>
      </p>
      {done && !state.problem ? <p role="status">{t(`ui.internalQa.done.${done}`, { defaultValue: t('ui.internalQa.done.save') })}</p> : null}
      <ErrorSummary page={page} problem={state.problem} byField={byField} labels={labels} />
      <dl class="fields">
        <dt>{t('ui.internalQa.level.label')}</dt>
        <dd>{t(`ui.internalQa.level.${a.level}`)}</dd>
        <dt>{t('ui.internalQa.state.label')}</dt>
        <dd>{t(`ui.internalQa.state.${a.state}`)}</dd>
        <dt>{t('ui.internalQa.submittedOn')}</dt>
        <dd>{a.submittedOn ? page.date(a.submittedOn) : '—'}</dd>
        <dt>{t('ui.internalQa.reviewedOn')}</dt>
        <dd>{a.reviewedOn ? page.date(a.reviewedOn) : '—'}</dd>
        <dt>{t('ui.internalQa.result')}</dt>
        <dd>{a.working === null ? '—' : t(a.working ? 'ui.internalQa.working' : 'ui.internalQa.notWorking')}</dd>
        {a.reviewComment ? (
          <>
            <dt>{t('ui.internalQa.review.comment')}</dt>
            <dd>{a.reviewComment}</dd>
          </>
        ) : null}
      </dl>
      {editable ? (
        <form class="ws" method="post" action={page.href(`${base}/save`)} novalidate>
          <h2>{t('ui.internalQa.standards')}</h2>
          <TextField page={page} path="summary" label={t('ui.internalQa.summary')} value={state.values ? one(state.values, 'summary') : (a.summary ?? '')} issues={byField.get('summary')} multiline />
          {a.standards.map((s) => (
            <StandardFields page={page} s={s} values={state.values ?? null} byField={byField} />
          ))}
          <button type="submit">{t('ui.internalQa.save')}</button>
        </form>
      ) : (
        <section aria-labelledby="standards">
          <h2 id="standards">{t('ui.internalQa.standards')}</h2>
          {a.summary ? <p>{a.summary}</p> : null}
          {a.standards.map((s) => (
            <StandardReadOnly page={page} s={s} />
          ))}
        </section>
      )}
      <Evidence page={page} a={a} editable={editable} byField={byField} />
      {editable ? (
        <form method="post" action={page.href(`${base}/submit`)}>
          <p>{t('ui.internalQa.submitHint')}</p>
          <button type="submit">{t('ui.internalQa.submit')}</button>
        </form>
      ) : null}
      {access.review && a.state === 'submitted' ? (
        <form class="ws" method="post" action={page.href(`${base}/review`)} novalidate>
          <h2>{t('ui.internalQa.review.title')}</h2>
          <Select
            page={page}
            path="result"
            label={t('ui.internalQa.review.result')}
            value={state.values ? one(state.values, 'result') : ''}
            options={(['accepted', 'returned'] as const).map((r) => [r, t(`ui.internalQa.review.${r}`)])}
            issues={byField.get('result')}
            required
          />
          <TextField page={page} path="comment" label={t('ui.internalQa.review.comment')} value={state.values ? one(state.values, 'comment') : ''} issues={byField.get('comment')} multiline />
          <button type="submit">{t('ui.internalQa.review.send')}</button>
        </form>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{t('ui.internalQa.history')}</h2>
        <ol>
          {a.history.map((h) => (
            <li>
              {page.date(h.at.slice(0, 10))}: {t(`ui.internalQa.verb.${h.action.slice(h.action.lastIndexOf('.') + 1)}`, { defaultValue: h.action })} — {historyActor(page, h)}
            </li>
          ))}
        </ol>
      </section>
    </Layout>,
    status,
  );
}
