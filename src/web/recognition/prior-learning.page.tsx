// The workspace of the recognition of prior learning (Order No. 508; identification → documentation
// → assessment → certification): the learner files a request against a programme's outcomes or an
// occupational standard's labour functions, documents it (credentials in Sapa, certificates, work
// experience) and sends it for assessment; the organization's staff see their queue, judge every
// claim and recognise credits or a qualification, issued as a credential. Sending a request and
// deciding it go through the confirmation page.
import type { Context } from 'hono';
import { z } from 'zod';
import { canEverywhere } from '../../platform/access/roles.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { withFileBatch } from '../../platform/files/files.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import { uploadedFile } from '../../platform/http/private-file.ts';
import { listOccupationalStandards } from '../../frameworks/occupational-standard.service.ts';
import { listOrganizations, organizationNames } from '../../registry/organization.service.ts';
import { listProgrammes } from '../../registry/programme.service.ts';
import { type AssessmentInput, STAGES, type Stage } from '../../recognition/prior-learning.rules.ts';
import { assessmentSchema, evidenceInputSchema, requestCreateSchema, type RequestView } from '../../recognition/prior-learning.schema.ts';
import * as service from '../../recognition/prior-learning.service.ts';
import { formAction, withCount } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, type Page, langOf, pageOf } from '../page.ts';
import { Fields } from '../record-parts.tsx';
import { confirmPage, DoneBox } from '../workspace/confirm.tsx';
import { Checkboxes, ErrorSummary, type FormProblem, type FormValues, Hidden, Select, TextField, accountOf, formProblemOf, formValues, formWithFile, issuesByField, many, one } from '../workspace/forms.tsx';
import { type Column, FilterSelect, FilterText, ListFilters, type ListSpec, ListTable, listDownload, listQueryOf } from '../workspace/list-view.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';

const BASE = '/workspace/recognition/prior-learning';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IS_UUID = new RegExp(`^${UUID}$`);
/** The stages a request passes through, in order (a refusal ends it at certification's place). */
const JOURNEY = ['identification', 'documentation', 'assessment', 'certified'] as const;

type Failed = { form: string; problem: FormProblem; values: FormValues; status: 409 | 422 };

const w = (page: Page, key: string, params?: Record<string, string | number>) => page.t(`ui.priorLearning.${key}`, params);
const stageText = (page: Page, stage: string) => page.t(`ui.recognition.prior.stage.${stage}`);
type Names = Record<string, { kk: string; ru: string; en: string | null }>;
const nameOf = (page: Page, names: Names, id: string, otherwise = '') => {
  const name = names[id];
  return name ? page.text(name).text : otherwise;
};
const valuesOf = (failed: Failed | undefined, form: string) => (failed?.form === form ? failed.values : {});

function Problem(props: { page: Page; failed?: Failed; form: string; labels: Record<string, string> }) {
  if (props.failed?.form !== props.form) return null;
  const byField = issuesByField(props.failed.problem.issues, Object.keys(props.labels));
  return <ErrorSummary page={props.page} problem={props.failed.problem} byField={byField} labels={props.labels} />;
}

/** Where the request is: the four stages, the current one marked. */
function Stages(props: { page: Page; stage: Stage }) {
  const { page, stage } = props;
  const at = stage === 'refused' ? 3 : JOURNEY.indexOf(stage as (typeof JOURNEY)[number]);
  return (
    <ol class="stages" aria-label={w(page, 'stagesLabel')}>
      {JOURNEY.map((s, i) => {
        const shown = i === 3 && stage === 'refused' ? 'refused' : s;
        return (
          <li aria-current={i === at ? 'step' : undefined}>
            {i < at ? `✓ ${stageText(page, shown)}` : i === at ? <strong>{stageText(page, shown)}</strong> : stageText(page, shown)}
          </li>
        );
      })}
    </ol>
  );
}

function Nav(props: { page: Page; staff: boolean }) {
  const { page } = props;
  return (
    <nav aria-label={w(page, 'navLabel')}>
      <p>
        <a href={page.href('/workspace')}>{page.t('ui.workspace.backToWorkspace')}</a> · <a href={page.href(BASE)}>{w(page, 'mineTitle')}</a>
        {props.staff ? (
          <>
            {' · '}
            <a href={page.href(`${BASE}/queue`)}>{w(page, 'queueTitle')}</a>
          </>
        ) : null}
      </p>
    </nav>
  );
}

const isStaff = (c: Context<AppEnv>) => service.assessingOrganizations(c.get('ctx')).length > 0;

async function minePage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const ctx = c.get('ctx');
  const { items } = await service.listRequests(ctx, { limit: 100, offset: 0 });
  const names = await organizationNames(ctx, items.map((r) => r.organizationId));
  const title = w(page, 'mineTitle');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <Nav page={page} staff={isStaff(c)} />
      <h1>{title}</h1>
      <p>{w(page, 'intro')}</p>
      <p>
        <a href={page.href(`${BASE}/new`)}>{w(page, 'newLink')}</a>
      </p>
      {items.length ? (
        <table>
          <caption class="meta">{w(page, 'mineCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{w(page, 'target')}</th>
              <th scope="col">{w(page, 'organization')}</th>
              <th scope="col">{w(page, 'stage')}</th>
              <th scope="col">{w(page, 'submittedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr>
                <td>
                  <a href={page.href(`${BASE}/${r.id}`)}>{`${r.target.code} ${page.text(r.target.name).text}`}</a>
                </td>
                <td>{nameOf(page, names, r.organizationId)}</td>
                <td>{stageText(page, r.stage)}</td>
                <td>{r.submittedOn ? page.date(r.submittedOn) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{w(page, 'none')}</p>
      )}
      <p class="meta">{w(page, 'legalBasis')}</p>
    </Layout>,
  );
}

type Selection = { programme?: string; standard?: string };

/** Identification: find the programme or standard, then claim its outcomes or labour functions. */
async function newPage(c: Context<AppEnv>, sel: Selection, failed?: Failed) {
  const page = pageOf(c);
  const ctx = c.get('ctx');
  const title = w(page, 'newTitle');
  const find = (c.req.query('find') ?? '').trim().slice(0, 100);
  const target =
    sel.programme || sel.standard ? await service.requestTarget(ctx, { programmeId: sel.programme, occupationalStandardId: sel.standard }).catch(() => null) : null;
  let programmes: { id: string; code: string; name: { kk: string; ru: string; en: string | null }; organizationId: string }[] = [];
  let standards: { id: string; code: string; name: { kk: string; ru: string; en: string | null } }[] = [];
  if (find && !target) {
    const [byName, byCode, std] = await Promise.all([
      listProgrammes(ctx, { name: find, limit: 10, offset: 0, sort: 'code', desc: false, status: 'included' }),
      listProgrammes(ctx, { codePrefix: find.toUpperCase(), limit: 10, offset: 0, sort: 'code', desc: false, status: 'included' }),
      listOccupationalStandards(ctx, { q: find, limit: 10, offset: 0 }),
    ]);
    const seen = new Set<string>();
    programmes = [...byCode.items, ...byName.items].filter((p) => !seen.has(p.id) && seen.add(p.id)) as typeof programmes;
    standards = std.items as typeof standards;
  }
  const orgNames = await organizationNames(ctx, [...programmes.map((p) => p.organizationId), ...(target?.organizationId ? [target.organizationId] : [])]);
  const orgName = (id: string) => nameOf(page, orgNames, id);
  const assessors =
    target?.kind === 'occupational-standard'
      ? (
          await Promise.all(
            ['certification-centre', 'college', 'competence-centre'].map((kind) => listOrganizations(ctx, { kind, status: 'active', limit: 200, offset: 0, sort: 'name', desc: false })),
          )
        ).flatMap((r) => r.items.map((o): [string, string] => [o.id, page.text(o.name).text]))
      : [];
  const v = valuesOf(failed, 'new');
  const labels: Record<string, string> = { organizationId: w(page, 'organization'), claimedCodes: w(page, 'claims'), statement: w(page, 'statement'), programmeId: w(page, 'target') };
  const issues = issuesByField(failed?.problem.issues ?? [], Object.keys(labels));
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <Nav page={page} staff={isStaff(c)} />
      <h1>{title}</h1>
      <Stages page={page} stage="identification" />
      {target ? null : (
        <form class="ws" method="get" action={page.href(`${BASE}/new`)}>
          <TextField page={page} path="find" label={w(page, 'find')} hint={w(page, 'findHint')} value={find} type="search" required />
          <p>
            <button type="submit">{w(page, 'search')}</button>
          </p>
        </form>
      )}
      {find && !target ? (
        <section aria-labelledby="found">
          <h2 id="found">{w(page, 'found')}</h2>
          {programmes.length + standards.length === 0 ? <p>{w(page, 'nothingFound')}</p> : null}
          <ul>
            {programmes.map((p) => (
              <li>
                <a href={`${page.href(`${BASE}/new`)}?programme=${p.id}`}>{`${p.code} ${page.text(p.name).text}`}</a> — {orgName(p.organizationId)}
              </li>
            ))}
            {standards.map((s) => (
              <li>
                <a href={`${page.href(`${BASE}/new`)}?standard=${s.id}`}>{`${s.code} ${page.text(s.name).text}`}</a> — {w(page, 'kind.occupational-standard')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {target ? (
        <form class="ws" method="post" action={page.href(BASE)}>
          <Problem page={page} failed={failed} form="new" labels={labels} />
          <Fields
            rows={[
              [w(page, 'target'), `${w(page, `kind.${target.kind}`)}: ${target.code} ${page.text(target.name).text}`],
              ...(target.organizationId ? [[w(page, 'organization'), orgName(target.organizationId)] as [string, string]] : []),
            ]}
          />
          <Hidden name={target.kind === 'programme' ? 'programmeId' : 'occupationalStandardId'} value={target.id} />
          {target.organizationId ? (
            <Hidden name="organizationId" value={target.organizationId} />
          ) : (
            <Select page={page} path="organizationId" label={labels.organizationId ?? ''} value={one(v, 'organizationId')} options={assessors} issues={issues.get('organizationId')} required />
          )}
          <Checkboxes
            page={page}
            path="claimedCodes"
            legend={w(page, target.kind === 'programme' ? 'claimOutcomes' : 'claimFunctions')}
            values={many(v, 'claimedCodes')}
            options={target.items.map((i): [string, string] => [i.code, `${i.code} — ${page.text(i.text).text}`])}
            issues={issues.get('claimedCodes')}
          />
          <TextField page={page} path="statement" label={labels.statement ?? ''} hint={w(page, 'statementHint')} multiline value={one(v, 'statement')} issues={issues.get('statement')} required />
          <p>
            <button type="submit">{w(page, 'create')}</button> <a href={page.href(`${BASE}/new`)}>{w(page, 'chooseAnother')}</a>
          </p>
        </form>
      ) : null}
    </Layout>,
    failed?.status ?? 200,
  );
}

function evidenceText(page: Page, e: RequestView['evidence'][number], credentials: Map<string, string>) {
  if (e.kind === 'credential' && e.credentialId) return <a href={page.href(`/credentials/${e.credentialId}`)}>{credentials.get(e.credentialId) ?? w(page, 'evidenceKind.credential')}</a>;
  if (e.kind === 'work-experience') return w(page, 'months', { count: e.months ?? 0 });
  return null;
}

function AssessmentForm(props: { page: Page; r: RequestView; v: FormValues; issues: Map<string, FieldIssue[]>; failed?: Failed }) {
  const { page, r, v, issues } = props;
  const labels: Record<string, string> = {
    results: w(page, 'claims'),
    outcomeKind: w(page, 'outcomeKind'),
    credits: w(page, 'credits'),
    title: w(page, 'outcomeTitle'),
    refusalReason: w(page, 'refusalReason'),
  };
  return (
    <section aria-labelledby="assess">
      <h2 id="assess">{w(page, 'assessTitle')}</h2>
      <p>{w(page, 'assessIntro')}</p>
      <form class="ws" method="post" action={page.href(`${BASE}/${r.id}/assessment`)}>
        <Problem page={page} failed={props.failed} form="assessment" labels={labels} />
        {r.claims.map((claim, i) => (
          <fieldset>
            <legend>{`${claim.code} — ${page.text(claim.text).text}`}</legend>
            <Hidden name={`results.${i}.code`} value={claim.code} />
            <Select
              page={page}
              path={`results.${i}.met`}
              label={w(page, 'met')}
              value={one(v, `results.${i}.met`)}
              options={[
                ['true', w(page, 'metYes')],
                ['false', w(page, 'metNo')],
              ]}
              issues={issues.get(`results.${claim.code}`)}
              required
            />
            <TextField page={page} path={`results.${i}.note`} label={w(page, 'note')} value={one(v, `results.${i}.note`)} />
          </fieldset>
        ))}
        <Select
          page={page}
          path="outcomeKind"
          label={labels.outcomeKind ?? ''}
          value={one(v, 'outcomeKind') || 'credits'}
          options={[
            ['credits', w(page, 'outcome.credits')],
            ['qualification', w(page, 'outcome.qualification')],
            ['refuse', w(page, 'outcome.refuse')],
          ]}
          issues={issues.get('outcomeKind')}
          required
        />
        <TextField page={page} path="credits" label={labels.credits ?? ''} type="number" extra={{ min: 0.5, max: 600, step: 0.5 }} value={one(v, 'credits')} issues={issues.get('credits')} />
        <TextField page={page} path="title" label={labels.title ?? ''} hint={w(page, 'outcomeTitleHint')} value={one(v, 'title')} issues={issues.get('title')} />
        <TextField page={page} path="refusalReason" label={labels.refusalReason ?? ''} multiline value={one(v, 'refusalReason')} issues={issues.get('refusalReason')} />
        <p>
          <button type="submit">{w(page, 'review')}</button>
        </p>
      </form>
    </section>
  );
}

async function detailPage(c: Context<AppEnv>, id: string, failed?: Failed) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const r = await service.getRequest(ctx, id);
  const [names, mine] = await Promise.all([organizationNames(ctx, [r.organizationId]), r.can.edit || r.evidence.some((e) => e.kind === 'credential') ? service.evidenceCredentials(ctx) : []]);
  const credentials = new Map(mine.map((m) => [m.id, m.name]));
  const organization = nameOf(page, names, r.organizationId);
  const title = w(page, 'requestTitle', { code: r.target.code });
  const action = (step: string) => page.href(`${BASE}/${id}/${step}`);
  const done = c.req.query('done');
  const staff = isStaff(c);
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)} apiHref={`/api/recognition/prior-learning/${id}`}>
      <Nav page={page} staff={staff} />
      <h1>{title}</h1>
      {done && ['saved', ...STAGES].includes(done) ? (
        <DoneBox
          page={page}
          text={w(page, `done.${done}`)}
          next={r.outcome?.credentialId ? [[page.href(`/credentials/${r.outcome.credentialId}`), w(page, 'openCredential')]] : []}
        />
      ) : null}
      {failed && !failed.problem.issues.length && failed.problem.message ? (
        <div class="error-summary" role="alert">
          <p>{t(failed.problem.message.key, failed.problem.message.params)}</p>
        </div>
      ) : null}
      <Stages page={page} stage={r.stage} />
      <Fields
        rows={[
          [w(page, 'stage'), stageText(page, r.stage)],
          [w(page, 'learner'), r.learnerName],
          [w(page, 'organization'), organization],
          [w(page, 'target'), `${w(page, `kind.${r.target.kind}`)}: ${r.target.code} ${page.text(r.target.name).text}`],
          [w(page, 'submittedOn'), r.submittedOn ? page.date(r.submittedOn) : '—'],
          [w(page, 'statement'), r.statement],
        ]}
      />
      <section aria-labelledby="claims">
        <h2 id="claims">{w(page, 'claims')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{w(page, 'code')}</th>
              <th scope="col">{w(page, 'claimText')}</th>
              <th scope="col">{w(page, 'met')}</th>
              <th scope="col">{w(page, 'note')}</th>
            </tr>
          </thead>
          <tbody>
            {r.claims.map((claim) => (
              <tr>
                <td>{claim.code}</td>
                <td>{page.text(claim.text).text}</td>
                <td>{claim.met === null ? '—' : claim.met ? w(page, 'metYes') : w(page, 'metNo')}</td>
                <td>{claim.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="evidence">
        <h2 id="evidence">{w(page, 'evidence')}</h2>
        {r.evidence.length ? (
          <ul>
            {r.evidence.map((e) => (
              <li>
                <strong>{w(page, `evidenceKind.${e.kind}`)}</strong>: {e.description} {evidenceText(page, e, credentials)}
                {e.fileName ? <a href={`/api/recognition/prior-learning/${id}/evidence/${e.id}`}>{e.fileName}</a> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{w(page, 'noEvidence')}</p>
        )}
        {r.can.edit ? (
          <>
            <h3 id="add-credential">{w(page, 'addCredential')}</h3>
            {mine.length ? (
              <form class="ws" method="post" action={action('evidence')}>
                <Problem page={page} failed={failed} form="credential" labels={{ credentialId: w(page, 'credential'), description: w(page, 'description') }} />
                <Hidden name="kind" value="credential" />
                <Select page={page} path="credentialId" label={w(page, 'credential')} value={one(valuesOf(failed, 'credential'), 'credentialId')} options={mine.map((m): [string, string] => [m.id, m.name])} required />
                <TextField page={page} path="description" label={w(page, 'description')} value={one(valuesOf(failed, 'credential'), 'description')} required />
                <p>
                  <button type="submit">{w(page, 'addCredential')}</button>
                </p>
              </form>
            ) : (
              <p>{w(page, 'noCredentials')}</p>
            )}
            <h3 id="add-work">{w(page, 'addWork')}</h3>
            <form class="ws" method="post" action={action('evidence')}>
              <Problem page={page} failed={failed} form="work-experience" labels={{ months: w(page, 'monthsLabel'), description: w(page, 'workDescription') }} />
              <Hidden name="kind" value="work-experience" />
              <TextField page={page} path="months" label={w(page, 'monthsLabel')} type="number" extra={{ min: 1, max: 600 }} value={one(valuesOf(failed, 'work-experience'), 'months')} required />
              <TextField page={page} path="work-description" label={w(page, 'workDescription')} multiline value={one(valuesOf(failed, 'work-experience'), 'work-description')} required />
              <p>
                <button type="submit">{w(page, 'addWork')}</button>
              </p>
            </form>
            <h3 id="add-certificate">{w(page, 'addCertificate')}</h3>
            <form class="ws" method="post" action={action('certificates')} enctype="multipart/form-data">
              <Problem page={page} failed={failed} form="certificate" labels={{ file: w(page, 'file'), description: w(page, 'certificateDescription') }} />
              <div>
                <label for="f-file">{w(page, 'file')}</label>
                <input id="f-file" name="file" type="file" required accept=".pdf,.png,.jpg,.jpeg" />
              </div>
              <TextField page={page} path="certificate-description" label={w(page, 'certificateDescription')} value={one(valuesOf(failed, 'certificate'), 'certificate-description')} required />
              <p>
                <button type="submit">{w(page, 'upload')}</button>
              </p>
            </form>
          </>
        ) : null}
        <Problem page={page} failed={failed} form="advance" labels={{ evidence: w(page, 'evidence') }} />
        {r.can.advance ? (
          <p>
            <a class="button" href={action('confirm/advance')}>
              {w(page, r.stage === 'identification' ? 'toDocumentation' : 'toAssessment')}
            </a>
          </p>
        ) : r.stage === 'documentation' && r.can.edit ? (
          <p>{w(page, 'evidenceFirst')}</p>
        ) : null}
      </section>
      {r.can.assess ? <AssessmentForm page={page} r={r} v={valuesOf(failed, 'assessment')} issues={issuesByField(failed?.form === 'assessment' ? failed.problem.issues : [], [])} failed={failed} /> : null}
      {r.outcome ? (
        <section aria-labelledby="outcome">
          <h2 id="outcome">{w(page, 'outcomeTitleHeading')}</h2>
          <Fields
            rows={[
              [w(page, 'stage'), stageText(page, r.stage)],
              [w(page, 'outcomeKind'), r.outcome.kind ? w(page, `outcome.${r.outcome.kind}`) : w(page, 'outcome.refuse')],
              [w(page, 'credits'), r.outcome.credits === null ? '' : page.number(r.outcome.credits)],
              [w(page, 'outcomeTitle'), r.outcome.title ?? ''],
              [w(page, 'refusalReason'), r.outcome.refusalReason ?? ''],
              [w(page, 'certifiedOn'), r.outcome.certifiedOn ? page.date(r.outcome.certifiedOn) : ''],
              [w(page, 'credentialLabel'), r.outcome.credentialId ? <a href={page.href(`/credentials/${r.outcome.credentialId}`)}>{w(page, 'openCredential')}</a> : ''],
            ]}
          />
        </section>
      ) : null}
    </Layout>,
    failed?.status ?? 200,
  );
}

/** The assessment as the form gives it: "refuse" is no outcome, with the reason. */
function assessmentOf(v: FormValues): AssessmentInput & { results: { code: string; met: boolean; note: string }[] } {
  const results: { code: string; met: boolean; note: string }[] = [];
  for (let i = 0; i < 100; i++) {
    const code = one(v, `results.${i}.code`);
    if (!code) break;
    const met = one(v, `results.${i}.met`);
    if (met !== 'true' && met !== 'false') continue;
    results.push({ code, met: met === 'true', note: one(v, `results.${i}.note`) });
  }
  const kind = one(v, 'outcomeKind');
  const credits = one(v, 'credits');
  return {
    results,
    outcomeKind: kind === 'credits' || kind === 'qualification' ? kind : null,
    credits: kind === 'credits' && credits ? Number(credits) : null,
    title: kind === 'refuse' ? null : one(v, 'title') || null,
    refusalReason: kind === 'refuse' ? one(v, 'refusalReason') || null : null,
  };
}

const ASSESSMENT_FIELDS = (v: FormValues): Record<string, string> =>
  Object.fromEntries(Object.keys(v).filter((k) => k !== 'confirmed').map((k) => [k, one(v, k)]));

/** The assessment's confirmation: what will be recorded and issued, before anything is. */
async function assessmentStep(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const values = await formValues(c);
  const input = assessmentOf(values);
  const refused = (problem: FormProblem, status: 409 | 422) => detailPage(c, id, { form: 'assessment', problem, values, status });
  if (one(values, 'confirmed') === '1') {
    return formAction(c, {
      schema: assessmentSchema,
      input,
      run: (ctx, parsed) => service.assess(ctx, id, parsed),
      refused,
      done: (r) => `${page.href(`${BASE}/${id}`)}?done=${r.stage}`,
    });
  }
  const r = await service.getRequest(c.get('ctx'), id);
  if (!r.can.assess) return deniedPage(c);
  const parsed = assessmentSchema.safeParse(input);
  const issues = parsed.success ? service.assessmentProblems(r.claims.map((x) => x.code), input) : [{ path: 'results', messageKey: 'errors.field.invalid' }];
  if (issues.length) return refused(withCount(issues), 422);
  const met = input.results.filter((x) => x.met).map((x) => x.code);
  const names = await organizationNames(c.get('ctx'), [r.organizationId]);
  const organization = nameOf(page, names, r.organizationId);
  const consequences = input.outcomeKind
    ? [
        w(page, `confirm.${input.outcomeKind}`, { learner: r.learnerName, title: input.title ?? '', credits: input.credits ?? 0, met: met.join(', '), organization }),
        w(page, 'confirm.issue', { learner: r.learnerName, organization }),
        w(page, 'confirm.final'),
      ]
    : [w(page, 'confirm.refuse', { learner: r.learnerName, reason: input.refusalReason ?? '' }), w(page, 'confirm.final')];
  return confirmPage(c, page, {
    action: input.outcomeKind ? w(page, 'confirm.certifyAction') : w(page, 'confirm.refuseAction'),
    consequences,
    postTo: page.href(`${BASE}/${id}/assessment`),
    fields: { ...ASSESSMENT_FIELDS(values), confirmed: '1' },
    cancelHref: page.href(`${BASE}/${id}`),
  });
}

async function confirmAdvance(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const r = await service.getRequest(c.get('ctx'), id);
  if (!r.can.advance) return deniedPage(c);
  const names = await organizationNames(c.get('ctx'), [r.organizationId]);
  const organization = nameOf(page, names, r.organizationId);
  const toAssessment = r.stage === 'documentation';
  return confirmPage(c, page, {
    action: w(page, toAssessment ? 'toAssessment' : 'toDocumentation'),
    consequences: toAssessment
      ? [w(page, 'confirm.toAssessment', { organization, count: r.evidence.length }), w(page, 'confirm.noMoreEdits')]
      : [w(page, 'confirm.toDocumentation', { count: r.claims.length })],
    postTo: page.href(`${BASE}/${id}/advance`),
    fields: {},
    cancelHref: page.href(`${BASE}/${id}`),
  });
}

type QueueRow = Awaited<ReturnType<typeof service.listRequests>>['items'][number];
type QueueSort = 'submitted' | 'learner' | 'stage';
const QUEUE: ListSpec<QueueSort> = { path: `${BASE}/queue`, sorts: ['submitted', 'learner', 'stage'], defaultSort: 'submitted', defaultDesc: true, filters: ['organization', 'stage', 'learner'] };

function queueColumns(page: Page): Column<QueueRow>[] {
  return [
    { key: 'submitted', label: w(page, 'submittedOn'), sort: 'submitted', cell: (r) => (r.submittedOn ? page.date(r.submittedOn) : '—'), text: (r) => r.submittedOn ?? '' },
    { key: 'learner', label: w(page, 'learner'), sort: 'learner', cell: (r) => <a href={page.href(`${BASE}/${r.id}`)}>{r.learnerName}</a>, text: (r) => r.learnerName },
    { key: 'target', label: w(page, 'target'), cell: (r) => `${r.target.code} ${page.text(r.target.name).text}`, text: (r) => `${r.target.code} ${page.text(r.target.name).text}` },
    { key: 'stage', label: w(page, 'stage'), sort: 'stage', cell: (r) => stageText(page, r.stage), text: (r) => stageText(page, r.stage) },
    { key: 'assessed', label: w(page, 'assessedOn'), cell: (r) => (r.assessedOn ? page.date(r.assessedOn) : '—'), text: (r) => r.assessedOn ?? '' },
  ];
}

async function queuePage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const ctx = c.get('ctx');
  const q = listQueryOf(c, QUEUE);
  const mine = service.assessingOrganizations(ctx);
  const asked = q.filters.organization && IS_UUID.test(q.filters.organization) ? q.filters.organization : undefined;
  // Staff see their own organizations' queues; one with the permission everywhere names the organization.
  const organizationId = asked ?? mine[0];
  if (!organizationId || (!mine.includes(organizationId) && !canEverywhere(ctx.actor, 'recognition.decide'))) return deniedPage(c);
  const stage = (STAGES as readonly string[]).includes(q.filters.stage ?? '') ? (q.filters.stage as Stage) : undefined;
  const { items, total } = await service.listRequests(ctx, { organizationId, stage, learner: q.filters.learner, sort: q.sort, desc: q.desc, limit: q.limit, offset: q.offset });
  const cols = queueColumns(page);
  if (q.format) return listDownload(c, 'prior-learning', q.format, cols, items, (r) => `workspace/recognition/prior-learning/${r.id}`);
  const names = await organizationNames(ctx, [...mine, organizationId]);
  const title = w(page, 'queueTitle');
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <Nav page={page} staff />
      <h1>{title}</h1>
      <p>{w(page, 'queueIntro', { organization: nameOf(page, names, organizationId) })}</p>
      <ListFilters page={page} q={q}>
        {mine.length > 1 ? (
          <FilterSelect page={page} name="organization" label={w(page, 'organization')} value={organizationId} options={mine.map((o): [string, string] => [o, nameOf(page, names, o, o)])} />
        ) : asked ? (
          <input type="hidden" name="organization" value={asked} />
        ) : null}
        <FilterSelect page={page} name="stage" label={w(page, 'stage')} value={stage ?? ''} options={STAGES.map((s): [string, string] => [s, stageText(page, s)])} />
        <FilterText name="learner" label={w(page, 'learner')} value={q.filters.learner ?? ''} />
      </ListFilters>
      <ListTable page={page} q={q} columns={cols} rows={items} total={total} caption={w(page, 'queueCaption')} rowId={(r) => `r-${r.id}`} />
    </Layout>,
  );
}


export function registerPriorLearningPages(app: Api): void {
  const home = (c: Context<AppEnv>) => `/${langOf(c)}${BASE}`;
  const q = (c: Context<AppEnv>, name: string) => {
    const v = c.req.query(name) ?? '';
    return IS_UUID.test(v) ? v : undefined;
  };
  app.get(`${LANG_ROUTE}${BASE}`, async (c) => signInFirst(c) ?? minePage(c));
  app.get(`${LANG_ROUTE}${BASE}/queue`, async (c) => signInFirst(c) ?? queuePage(c));
  app.get(`${LANG_ROUTE}${BASE}/new`, async (c) => signInFirst(c) ?? newPage(c, { programme: q(c, 'programme'), standard: q(c, 'standard') }));
  app.post(`${LANG_ROUTE}${BASE}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const values = await formValues(c);
    const input = {
      organizationId: one(values, 'organizationId'),
      programmeId: one(values, 'programmeId') || undefined,
      occupationalStandardId: one(values, 'occupationalStandardId') || undefined,
      claimedCodes: many(values, 'claimedCodes'),
      statement: one(values, 'statement'),
    };
    const sel = { programme: input.programmeId, standard: input.occupationalStandardId };
    return formAction(c, {
      schema: requestCreateSchema,
      input,
      run: (ctx, parsed) => service.createRequest(ctx, parsed),
      refused: (problem, status) => newPage(c, sel, { form: 'new', problem, values, status }),
      done: (created) => `${home(c)}/${created.id}?done=saved`,
    });
  });
  app.get(`${LANG_ROUTE}${BASE}/:id{${UUID}}`, async (c) => signInFirst(c) ?? detailPage(c, c.req.param('id')));
  app.post(`${LANG_ROUTE}${BASE}/:id{${UUID}}/evidence`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const kind = one(values, 'kind') === 'credential' ? 'credential' : 'work-experience';
    const months = one(values, 'months');
    const input =
      kind === 'credential'
        ? { kind, credentialId: one(values, 'credentialId') || undefined, description: one(values, 'description') }
        : { kind, months: months ? Number(months) : undefined, description: one(values, 'work-description') };
    return formAction(c, {
      schema: evidenceInputSchema,
      input,
      // The work-experience form names its description apart, so its issue shows at its own field.
      schemaIssues: (issues) => issues.map((i) => (kind === 'work-experience' && i.path === 'description' ? { ...i, path: 'work-description' } : i)),
      run: (ctx, parsed) => service.addEvidence(ctx, id, parsed),
      refused: (problem, status) => detailPage(c, id, { form: kind, problem, values, status }),
      done: () => `${home(c)}/${id}?done=saved#evidence`,
    });
  });
  app.post(`${LANG_ROUTE}${BASE}/:id{${UUID}}/certificates`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const { values, file } = await formWithFile(c);
    const description = one(values, 'certificate-description');
    const refused = (problem: FormProblem) => detailPage(c, id, { form: 'certificate', problem, values, status: 422 });
    const missing: FieldIssue[] = [
      ...(file ? [] : [{ path: 'file', messageKey: 'errors.recognition.prior.fileRequired' }]),
      ...(description ? [] : [{ path: 'certificate-description', messageKey: 'errors.field.required' }]),
    ];
    if (!file || missing.length) return refused(withCount(missing));
    const upload = { ...(await uploadedFile(file)), description };
    try {
      await withFileBatch((batch) => writeTx(c, (ctx) => service.addCertificate(ctx, id, upload, batch)));
    } catch (error) {
      const problem = formProblemOf(error);
      if (!problem) throw error;
      return refused(problem);
    }
    return c.redirect(`${home(c)}/${id}?done=saved#evidence`, 303);
  });
  app.get(`${LANG_ROUTE}${BASE}/:id{${UUID}}/confirm/advance`, async (c) => signInFirst(c) ?? confirmAdvance(c, c.req.param('id')));
  app.post(`${LANG_ROUTE}${BASE}/:id{${UUID}}/advance`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({}),
      input: {},
      run: (ctx) => service.advance(ctx, id),
      refused: (problem, status) => detailPage(c, id, { form: 'advance', problem, values: {}, status }),
      done: (r) => `${home(c)}/${id}?done=${r.stage}`,
    });
  });
  app.post(`${LANG_ROUTE}${BASE}/:id{${UUID}}/assessment`, async (c) => signInFirst(c) ?? assessmentStep(c, c.req.param('id')));
}
