// The sections of a case page, each shown only when its service lets this viewer read it: the
// self-assessment report with its evidence, the panel, the visit, the report (the service hides
// drafts before their step), the council, appeals and follow-up; and the forms that act on them.
import type { Context } from 'hono';
import { listAppeals } from '../../accreditation/appeal.service.ts';
import { listMeetings, createMeeting } from '../../accreditation/council.service.ts';
import { latestDecisionOfCase } from '../../accreditation/decision.repository.ts';
import { addEvidence } from '../../accreditation/evidence.service.ts';
import { listFollowUps } from '../../accreditation/follow-up.service.ts';
import { membershipOf } from '../../accreditation/panel-access.ts';
import { acceptPanel, fileChallenge, getPanel } from '../../accreditation/panel.service.ts';
import { addFactualComments, checkTemplate, getReport } from '../../accreditation/report.service.ts';
import { getSarVersion, sarOverview, startSarVersion, submitSarVersion, updateSarSection } from '../../accreditation/sar.service.ts';
import { getVisit, signOpinion, signProtocol } from '../../accreditation/visit.service.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { withFileBatch } from '../../platform/files/files.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { Page } from '../page.ts';
import { type FormValues, formValues, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import type { CaseProblem } from './workspace-case.page.tsx';
import { invalidForm, refusedForm } from './workspace-case.page.tsx';
import { ACC, Field, UUID, caseHref, ifAllowed, issuesFor, meetingHref } from './workspace-common.tsx';

type CaseView = { id: string; state: string; bodyId: string; standardSetId: string | null; yourRoles: string[] };
const LANGS = ['kk', 'ru', 'en'] as const;

export async function loadSections(c: Context<AppEnv>, view: CaseView) {
  const ctx = c.get('ctx');
  const set = view.standardSetId
    ? await ctx.db.selectFrom('standard_sets').select(['key', 'version']).where('id', '=', view.standardSetId).executeTakeFirst()
    : undefined;
  const sar = await ifAllowed(() => sarOverview(ctx, view.id));
  const latest = sar?.versions.at(-1);
  const sarVersion = latest ? await ifAllowed(() => getSarVersion(ctx, view.id, latest.version)) : null;
  const panel = await ifAllowed(() => getPanel(ctx, view.id));
  const member = await membershipOf(ctx, view.id);
  const visit = await ifAllowed(() => getVisit(ctx, view.id));
  const report = await ifAllowed(() => getReport(ctx, view.id));
  const agency = view.yourRoles.includes('agency-staff');
  const meetings = agency ? ((await ifAllowed(() => listMeetings(ctx, { body: view.bodyId, limit: 100, offset: 0 })))?.items ?? []) : [];
  const appeals = await ifAllowed(() => listAppeals(ctx, { caseId: view.id, limit: 50, offset: 0 }));
  const decision = await latestDecisionOfCase(ctx.db, view.id);
  const followUps = decision ? await ifAllowed(() => listFollowUps(ctx, decision.id)) : null;
  return {
    standardSet: set ? `${set.key} ${set.version}` : null,
    sar,
    sarVersion,
    panel,
    member: member ? { id: member.id, role: member.role } : null,
    visit,
    report,
    agency,
    meetings: meetings.filter((m) => m.agenda.some((a) => a.caseId === view.id)),
    appeals: appeals?.items ?? [],
    decision: decision ? { id: decision.id, outcome: decision.outcome, termYears: decision.term_years, status: decision.status } : null,
    followUps: followUps?.items ?? [],
  };
}
type SectionData = Awaited<ReturnType<typeof loadSections>>;

function SubmitButton(props: { label: string }) {
  return (
    <p>
      <button type="submit">{props.label}</button>
    </p>
  );
}

function SarSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  const { page, view, data, problem } = props;
  const { t } = page;
  const sar = data.sar;
  if (!sar) return null;
  const version = data.sarVersion;
  const base = page.href(`${ACC}/cases/${view.id}/sar`);
  const editingDraft = sar.mayEdit && version?.status === 'draft';
  const v = (form: string, name: string, stored: string) => (problem?.form === form && props.values ? one(props.values, name) : stored);
  return (
    <section aria-labelledby="sar">
      <h2 id="sar">{t('ui.accreditationPages.sar.title')}</h2>
      {sar.versions.length ? (
        <table>
          <caption class="meta">{t('ui.accreditationPages.sar.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.accreditationPages.sar.version')}</th>
              <th scope="col">{t('ui.accreditationPages.case.state')}</th>
              <th scope="col">{t('ui.accreditationPages.sar.languages')}</th>
              <th scope="col">{t('ui.accreditationPages.sar.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {sar.versions.map((s) => (
              <tr>
                <td>v{s.version}</td>
                <td>{t(`ui.accreditationPages.sar.status.${s.status}`)}</td>
                <td>{s.languagesComplete ? t('ui.accreditationPages.yes') : t('ui.accreditationPages.no')}</td>
                <td>{s.evidenceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('ui.accreditationPages.sar.none')}</p>
      )}
      {sar.mayEdit && (!version || version.status === 'submitted') ? (
        <form method="post" action={`${base}/versions`}>
          <SubmitButton label={t('ui.accreditationPages.sar.start')} />
        </form>
      ) : null}
      {version ? (
        <>
          <h3>{t('ui.accreditationPages.sar.sections', { version: version.version })}</h3>
          {version.sections.map((s) => {
            const form = `sar-${s.code}`;
            return (
              <details>
                <summary>
                  {s.code} {page.text(s.title).text} {s.complete ? '' : `(${t('ui.accreditationPages.sar.incomplete')})`}
                </summary>
                {editingDraft ? (
                  <form class="ws" method="post" action={`${base}/sections`}>
                    <input type="hidden" name="version" value={String(version.version)} />
                    <input type="hidden" name="code" value={s.code} />
                    {LANGS.map((l) => (
                      <Field
                        page={page}
                        form={form}
                        name={l}
                        lang={l}
                        type="textarea"
                        label={t('ui.accreditationPages.sar.textIn', { lang: t(`ui.lang.${l}`) })}
                        value={v(form, l, s.text[l])}
                        issues={issuesFor(problem, form, l)}
                      />
                    ))}
                    <SubmitButton label={t('ui.accreditationPages.sar.save')} />
                  </form>
                ) : (
                  LANGS.map((l) => (
                    <div lang={l}>
                      <h4>{t(`ui.lang.${l}`)}</h4>
                      <p>{s.text[l] || '—'}</p>
                    </div>
                  ))
                )}
              </details>
            );
          })}
          <h3>{t('ui.accreditationPages.sar.evidence')}</h3>
          {version.evidence.length ? (
            <ul>
              {version.evidence.map((e) => (
                <li>
                  <a href={e.downloadUrl}>{e.title ?? e.fileName}</a> ({e.section ?? t('ui.accreditationPages.sar.wholeReport')}, {e.mediaType})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('ui.accreditationPages.list.none')}</p>
          )}
          {editingDraft ? (
            <>
              <form class="ws" method="post" action={`${base}/evidence`} enctype="multipart/form-data">
                <input type="hidden" name="version" value={String(version.version)} />
                <Field
                  page={page}
                  form="evidence"
                  name="file"
                  type="file"
                  accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                  required
                  label={t('ui.accreditationPages.sar.file')}
                  issues={issuesFor(problem, 'evidence', 'file')}
                />
                <Field
                  page={page}
                  form="evidence"
                  name="section"
                  type="select"
                  label={t('ui.accreditationPages.sar.section')}
                  options={version.sections.map((s): [string, string] => [s.code, `${s.code} ${page.text(s.title).text}`])}
                  issues={issuesFor(problem, 'evidence', 'section')}
                />
                <Field page={page} form="evidence" name="title" label={t('ui.accreditationPages.sar.fileTitle')} issues={issuesFor(problem, 'evidence', 'title')} />
                <SubmitButton label={t('ui.accreditationPages.sar.upload')} />
              </form>
              <form method="post" action={`${base}/submit`}>
                <input type="hidden" name="version" value={String(version.version)} />
                <SubmitButton label={t('ui.accreditationPages.sar.submit')} />
              </form>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function PanelSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  const { page, view, data, problem } = props;
  const { t } = page;
  const panel = data.panel;
  if (!panel) return null;
  const applicant = view.yourRoles.includes('applicant');
  const base = page.href(`${ACC}/cases/${view.id}/panel`);
  const active = panel.members.filter((m) => m.status === 'active');
  return (
    <section aria-labelledby="panel">
      <h2 id="panel">{t('ui.accreditationPages.panel.title')}</h2>
      {!panel.exists ? <p>{t('ui.accreditationPages.panel.none')}</p> : null}
      {panel.members.length ? (
        <table>
          <caption class="meta">{t('ui.accreditationPages.panel.members')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.accreditationPages.panel.name')}</th>
              <th scope="col">{t('ui.accreditationPages.panel.role')}</th>
              <th scope="col">{t('ui.accreditationPages.panel.category')}</th>
              <th scope="col">{t('ui.accreditationPages.case.state')}</th>
              {data.agency ? <th scope="col">{t('ui.accreditationPages.panel.conflicts')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {panel.members.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{t(`ui.panel.role.${m.role}`)}</td>
                <td>{m.category ? t(`ui.panel.category.${m.category}`) : '—'}</td>
                <td>{m.status}</td>
                {data.agency ? <td>{'conflicts' in m && Array.isArray(m.conflicts) && m.conflicts.length ? m.conflicts.map((x) => x.code).join(', ') : '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {panel.ruleViolations.length ? (
        <>
          <h3>{t('ui.accreditationPages.panel.violations')}</h3>
          <ul>
            {panel.ruleViolations.map((r) => (
              <li>{r.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{panel.acceptedAt ? t('ui.accreditationPages.panel.accepted', { date: page.date(panel.acceptedAt) }) : t('ui.accreditationPages.panel.notAccepted')}</p>
      {panel.challenges.length ? (
        <>
          <h3>{t('ui.accreditationPages.panel.challenges')}</h3>
          <ul>
            {panel.challenges.map((ch) => (
              <li>
                {panel.members.find((m) => m.id === ch.memberId)?.name ?? ''}: {ch.reason} — {ch.status}
                {ch.resolution ? ` (${ch.resolution})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {applicant && panel.exists && !panel.acceptedAt ? (
        <>
          <form class="ws" method="post" action={`${base}/challenges`}>
            <h3>{t('ui.accreditationPages.panel.challenge')}</h3>
            <Field
              page={page}
              form="challenge"
              name="memberId"
              type="select"
              required
              label={t('ui.accreditationPages.panel.member')}
              options={active.filter((m) => m.role !== 'coordinator').map((m): [string, string] => [m.id, m.name])}
              value={problem?.form === 'challenge' && props.values ? one(props.values, 'memberId') : ''}
              issues={issuesFor(problem, 'challenge', 'memberId')}
            />
            <Field
              page={page}
              form="challenge"
              name="reason"
              type="textarea"
              required
              label={t('ui.accreditationPages.panel.reason')}
              value={problem?.form === 'challenge' && props.values ? one(props.values, 'reason') : ''}
              issues={issuesFor(problem, 'challenge', 'reason')}
            />
            <SubmitButton label={t('ui.accreditationPages.panel.fileChallenge')} />
          </form>
          <form class="ws" method="post" action={`${base}/acceptance`}>
            <h3>{t('ui.accreditationPages.panel.accept')}</h3>
            <Field
              page={page}
              form="acceptance"
              name="letter"
              type="textarea"
              required
              label={t('ui.accreditationPages.panel.letter')}
              issues={issuesFor(problem, 'acceptance', 'letter')}
            />
            <SubmitButton label={t('ui.accreditationPages.panel.accept')} />
          </form>
        </>
      ) : null}
    </section>
  );
}

function VisitSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const { t } = page;
  const visit = data.visit;
  if (!visit || (!visit.planned && !data.agency && !data.member)) return null;
  const base = page.href(`${ACC}/cases/${view.id}/visit`);
  return (
    <section aria-labelledby="visit">
      <h2 id="visit">{t('ui.accreditationPages.visit.title')}</h2>
      {visit.planned ? (
        <dl class="fields">
          <dt>{t('ui.accreditationPages.visit.mode')}</dt>
          <dd>{visit.mode ? t(`ui.panel.visitMode.${visit.mode}`) : '—'}</dd>
          <dt>{t('ui.accreditationPages.visit.dates')}</dt>
          <dd>
            {visit.startsOn ? page.date(visit.startsOn) : ''} – {visit.endsOn ? page.date(visit.endsOn) : ''} ({t('ui.accreditationPages.visit.days', { count: visit.days })})
          </dd>
          <dt>{t('ui.accreditationPages.visit.protocol')}</dt>
          <dd>{visit.protocolSignedAt ? `${visit.protocol ?? ''} (${page.date(visit.protocolSignedAt)})` : t('ui.accreditationPages.visit.notSigned')}</dd>
          <dt>{t('ui.accreditationPages.visit.opinions')}</dt>
          <dd>{visit.opinionsSigned}</dd>
        </dl>
      ) : (
        <p>{t('ui.accreditationPages.visit.notPlanned')}</p>
      )}
      {visit.schedule.length ? (
        <ul>
          {visit.schedule.map((s) => (
            <li>
              {s.day} {s.time ?? ''} {s.activity}
            </li>
          ))}
        </ul>
      ) : null}
      {'opinions' in visit && visit.opinions?.length ? (
        <ul>
          {visit.opinions.map((o) => (
            <li>
              {o.name}: {o.text}
            </li>
          ))}
        </ul>
      ) : null}
      {data.member && visit.planned ? (
        <form class="ws" method="post" action={`${base}/opinions`}>
          <Field page={page} form="opinion" name="text" type="textarea" required label={t('ui.accreditationPages.visit.opinion')} issues={issuesFor(problem, 'opinion', 'text')} />
          <SubmitButton label={t('ui.accreditationPages.visit.signOpinion')} />
        </form>
      ) : null}
      {data.member?.role === 'chair' && visit.planned && !visit.protocolSignedAt ? (
        <form class="ws" method="post" action={`${base}/protocol`}>
          <Field page={page} form="protocol" name="text" type="textarea" required label={t('ui.accreditationPages.visit.protocol')} issues={issuesFor(problem, 'protocol', 'text')} />
          <SubmitButton label={t('ui.accreditationPages.visit.signProtocol')} />
        </form>
      ) : null}
    </section>
  );
}

function ReportSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const { t } = page;
  const report = data.report;
  if (!report) return null;
  const base = page.href(`${ACC}/cases/${view.id}/report`);
  const current = report.current;
  return (
    <section aria-labelledby="report">
      <h2 id="report">{t('ui.accreditationPages.report.title')}</h2>
      {current ? (
        <>
          <p>{t('ui.accreditationPages.report.version', { version: current.version, status: current.status })}</p>
          {current.summary ? <p>{current.summary}</p> : null}
          <table>
            <caption class="meta">{t('ui.accreditationPages.report.grades')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.accreditationPages.report.standard')}</th>
                <th scope="col">{t('ui.accreditationPages.report.grade')}</th>
                <th scope="col">{t('ui.accreditationPages.report.findings')}</th>
                <th scope="col">{t('ui.accreditationPages.report.recommendations')}</th>
              </tr>
            </thead>
            <tbody>
              {current.grades.map((g) => (
                <tr>
                  <td>
                    {g.standardCode} {g.title ?? ''}
                  </td>
                  <td>{t(`ui.panel.grade.${g.grade}`)}</td>
                  <td>{g.findings ?? ''}</td>
                  <td>{g.recommendations ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {current.dissents.length ? (
            <>
              <h3>{t('ui.accreditationPages.report.dissents')}</h3>
              <ul>
                {current.dissents.map((d) => (
                  <li>
                    {d.name} {d.standardCode ? `(${d.standardCode})` : ''}: {d.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>{t('ui.accreditationPages.report.none')}</p>
      )}
      {report.factualComments.length ? (
        <>
          <h3>{t('ui.accreditationPages.report.factualComments')}</h3>
          <ul>
            {report.factualComments.map((f) => (
              <li>
                {page.date(f.at)}: {f.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.yourRoles.includes('applicant') && view.state === 'report-factual-check' ? (
        <form class="ws" method="post" action={`${base}/factual-comments`}>
          <Field page={page} form="factual" name="text" type="textarea" required label={t('ui.accreditationPages.report.factualComments')} issues={issuesFor(problem, 'factual', 'text')} />
          <SubmitButton label={t('ui.accreditationPages.report.sendComments')} />
        </form>
      ) : null}
      {data.agency && view.state === 'report-template-check' ? (
        <form class="ws" method="post" action={`${base}/template-check`}>
          <Field
            page={page}
            form="template"
            name="result"
            type="select"
            required
            label={t('ui.accreditationPages.report.templateCheck')}
            options={[
              ['pass', t('ui.accreditationPages.report.pass')],
              ['return', t('ui.accreditationPages.report.return')],
            ]}
            issues={issuesFor(problem, 'template', 'result')}
          />
          <Field page={page} form="template" name="comments" type="textarea" label={t('ui.accreditationPages.payload.comment')} issues={issuesFor(problem, 'template', 'comments')} />
          <SubmitButton label={t('ui.accreditationPages.report.recordCheck')} />
        </form>
      ) : null}
    </section>
  );
}

function CouncilSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const { t } = page;
  if (!data.agency) return null;
  return (
    <section aria-labelledby="council">
      <h2 id="council">{t('ui.accreditationPages.council.title')}</h2>
      {data.meetings.length ? (
        <ul>
          {data.meetings.map((m) => (
            <li>
              <a href={meetingHref(page, m.id)}>{t('ui.accreditationPages.council.meetingOn', { date: page.date(m.meetsOn) })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.accreditationPages.council.notOnAgenda')}</p>
      )}
      {view.state === 'report-final' || view.state === 'council-scheduled' ? (
        <form class="ws" method="post" action={page.href(`${ACC}/cases/${view.id}/council`)}>
          <h3>{t('ui.accreditationPages.council.schedule')}</h3>
          <Field page={page} form="meeting" name="meetsOn" type="date" required label={t('ui.accreditationPages.council.meetsOn')} issues={issuesFor(problem, 'meeting', 'meetsOn')} />
          <Field
            page={page}
            form="meeting"
            name="proposedOutcome"
            type="select"
            required
            label={t('ui.accreditationPages.council.proposedOutcome')}
            options={['accredited', 'refused'].map((o): [string, string] => [o, t(`ui.accreditationPages.outcome.${o}`)])}
            issues={issuesFor(problem, 'meeting', 'agenda')}
          />
          <Field
            page={page}
            form="meeting"
            name="proposedTermYears"
            type="select"
            label={t('ui.accreditationPages.payload.termYears')}
            options={['1', '3', '5', '7'].map((y): [string, string] => [y, t('ui.accreditationPages.years', { count: Number(y) })])}
            issues={issuesFor(problem, 'meeting', 'proposedTermYears')}
          />
          <SubmitButton label={t('ui.accreditationPages.council.schedule')} />
        </form>
      ) : null}
    </section>
  );
}

function AfterSection(props: { page: Page; data: SectionData }) {
  const { page, data } = props;
  const { t } = page;
  if (!data.appeals.length && !data.decision) return null;
  return (
    <section aria-labelledby="after">
      <h2 id="after">{t('ui.accreditationPages.after.title')}</h2>
      {data.decision ? (
        <p>
          {t('ui.accreditationPages.after.decision', {
            outcome: t(`ui.accreditationPages.outcome.${data.decision.outcome}`),
            status: t(`ui.after.status.${data.decision.status}`, { defaultValue: data.decision.status }),
          })}
          {data.decision.termYears ? ` ${t('ui.accreditationPages.years', { count: data.decision.termYears })}` : ''}
        </p>
      ) : null}
      <h3>{t('ui.accreditationPages.after.appeals')}</h3>
      {data.appeals.length ? (
        <ul>
          {data.appeals.map((a) => (
            <li>
              {a.number} ({a.kind}, {page.date(a.receivedOn)}): {a.grounds} — {a.status}
              {a.outcome ? `, ${t(`ui.after.appealOutcome.${a.outcome}`, { defaultValue: a.outcome })}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.accreditationPages.list.none')}</p>
      )}
      <h3>{t('ui.accreditationPages.after.followUp')}</h3>
      {data.followUps.length ? (
        <ul>
          {data.followUps.map((f) => (
            <li>
              {f.title} — {page.date(f.dueOn)} — {f.status}
              {f.overdue ? (
                <>
                  {' '}
                  <strong class="badge">{t('ui.case.deadlines.overdue')}</strong>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.accreditationPages.list.none')}</p>
      )}
    </section>
  );
}

export function Sections(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  return (
    <>
      <SarSection {...props} />
      <PanelSection {...props} />
      <VisitSection {...props} />
      <ReportSection {...props} />
      <CouncilSection {...props} />
      <AfterSection page={props.page} data={props.data} />
    </>
  );
}

const required = (values: FormValues, ...names: string[]): FieldIssue[] =>
  names.filter((n) => !one(values, n)).map((n) => ({ path: n, messageKey: 'errors.field.required' }));

/** A section form: check the required fields, run the service in a transaction, 303 back to the case. */
function post(app: Api, lang: Lang, path: string, form: string, fields: string[], work: (ctx: Ctx, id: string, values: FormValues, c: Context<AppEnv>) => Promise<unknown>) {
  app.post(`/${lang}${ACC}/cases/:id{${UUID}}/${path}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const missing = required(values, ...fields);
    if (missing.length) return invalidForm(c, id, form, values, missing);
    try {
      await work(c.get('ctx'), id, values, c);
    } catch (error) {
      return refusedForm(c, id, form, values, error);
    }
    return c.redirect(`/${lang}${ACC}/cases/${id}?done=${form}`, 303);
  });
}

export function registerSectionPosts(app: Api, lang: Lang): void {
  const tx = <T,>(c: Context<AppEnv>, work: (ctx: Ctx) => Promise<T>) => writeTx(c, work);
  post(app, lang, 'sar/versions', 'sar-version', [], (_ctx, id, _v, c) => tx(c, (ctx) => startSarVersion(ctx, id)));
  post(app, lang, 'sar/submit', 'sar-submit', ['version'], (_ctx, id, v, c) => tx(c, (ctx) => submitSarVersion(ctx, id, Number(one(v, 'version')))));
  app.post(`/${lang}${ACC}/cases/:id{${UUID}}/sar/sections`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const code = one(values, 'code');
    const form = `sar-${code}`;
    // Section texts keep their line breaks: only the ends are trimmed.
    const text = Object.fromEntries(LANGS.map((l) => [l, one(values, l)]));
    try {
      await writeTx(c, (ctx) => updateSarSection(ctx, id, Number(one(values, 'version')), code, text));
    } catch (error) {
      return refusedForm(c, id, form, values, error);
    }
    return c.redirect(`/${lang}${ACC}/cases/${id}?done=sar`, 303);
  });
  app.post(`/${lang}${ACC}/cases/:id{${UUID}}/sar/evidence`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const values: FormValues = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return invalidForm(c, id, 'evidence', values, [{ path: 'file', messageKey: 'errors.field.required' }]);
    const upload = { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, section: one(values, 'section') || undefined, title: one(values, 'title') || undefined };
    try {
      await withFileBatch((batch) => writeTx(c, (ctx) => addEvidence(ctx, id, Number(one(values, 'version')), upload, batch)));
    } catch (error) {
      return refusedForm(c, id, 'evidence', values, error);
    }
    return c.redirect(`/${lang}${ACC}/cases/${id}?done=evidence`, 303);
  });
  post(app, lang, 'panel/challenges', 'challenge', ['memberId', 'reason'], (_ctx, id, v, c) =>
    tx(c, (ctx) => fileChallenge(ctx, id, { memberId: one(v, 'memberId'), reason: one(v, 'reason') })),
  );
  post(app, lang, 'panel/acceptance', 'acceptance', ['letter'], (_ctx, id, v, c) => tx(c, (ctx) => acceptPanel(ctx, id, one(v, 'letter'))));
  post(app, lang, 'visit/opinions', 'opinion', ['text'], (_ctx, id, v, c) => tx(c, (ctx) => signOpinion(ctx, id, one(v, 'text'))));
  post(app, lang, 'visit/protocol', 'protocol', ['text'], (_ctx, id, v, c) => tx(c, (ctx) => signProtocol(ctx, id, one(v, 'text'))));
  post(app, lang, 'report/factual-comments', 'factual', ['text'], (_ctx, id, v, c) => tx(c, (ctx) => addFactualComments(ctx, id, one(v, 'text'))));
  post(app, lang, 'report/template-check', 'template', ['result'], (_ctx, id, v, c) =>
    tx(c, (ctx) => checkTemplate(ctx, id, { result: one(v, 'result') === 'return' ? 'return' : 'pass', comments: one(v, 'comments') || undefined })),
  );
  post(app, lang, 'council', 'meeting', ['meetsOn', 'proposedOutcome'], (_ctx, id, v, c) =>
    tx(c, async (ctx) => {
      const term = Number(one(v, 'proposedTermYears'));
      const bodyId = (await ctx.db.selectFrom('accreditation_cases').select('body_id').where('id', '=', id).executeTakeFirstOrThrow()).body_id;
      return createMeeting(ctx, {
        bodyId,
        meetsOn: one(v, 'meetsOn'),
        agenda: [
          {
            caseId: id,
            proposedOutcome: one(v, 'proposedOutcome') === 'refused' ? 'refused' : 'accredited',
            proposedTermYears: [1, 3, 5, 7].includes(term) ? (term as 1 | 3 | 5 | 7) : null,
          },
        ],
      });
    }),
  );
}

export { caseHref };
