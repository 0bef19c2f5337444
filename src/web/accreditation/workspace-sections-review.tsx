// The visit (plan, opinions, protocol), the panel's report (grades per standard; drafts are hidden by
// the service before their step) and the council (meetings, the decision rule's proposal) of a case page.
import { GRADES } from '../../accreditation/report.schema.ts';
import type { Page } from '../page.ts';
import { ACC, type CaseProblem, fieldsFor, meetingHref, SubmitButton, statusOf } from './workspace-common.tsx';
import type { CaseView, SectionData } from './workspace-sections.tsx';

export function VisitSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const F = fieldsFor(page, problem);
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
            {visit.startsOn ? page.date(visit.startsOn) : ''} – {visit.endsOn ? page.date(visit.endsOn) : ''} (
            {t('ui.accreditationPages.visit.days', { count: visit.days })})
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
      {data.agency && !visit.protocolSignedAt && data.panel?.exists ? (
        <form class="ws" method="post" action={`${base}/plan`}>
          <h3>{t('ui.accreditationPages.visit.plan')}</h3>
          <F
            form="visit"
            name="mode"
            type="select"
            required
            label={t('ui.accreditationPages.visit.mode')}
            value={visit.mode ?? ''}
            options={['on-site', 'online', 'hybrid'].map((m): [string, string] => [m, t(`ui.panel.visitMode.${m}`)])}
          />
          <F form="visit" name="startsOn" type="date" required label={t('ui.accreditationPages.payload.visitStart')} value={visit.startsOn ?? ''} />
          <F form="visit" name="endsOn" type="date" required label={t('ui.accreditationPages.payload.visitEnd')} value={visit.endsOn ?? ''} />
          <SubmitButton label={t('ui.accreditationPages.visit.savePlan')} />
        </form>
      ) : null}
      {data.member && visit.planned ? (
        <form class="ws" method="post" action={`${base}/opinions`}>
          <F form="opinion" name="text" type="textarea" required label={t('ui.accreditationPages.visit.opinion')} />
          <SubmitButton label={t('ui.accreditationPages.visit.signOpinion')} />
        </form>
      ) : null}
      {data.member?.role === 'chair' && visit.planned && !visit.protocolSignedAt ? (
        <form class="ws" method="post" action={`${base}/protocol`}>
          <F form="protocol" name="text" type="textarea" required label={t('ui.accreditationPages.visit.protocol')} />
          <SubmitButton label={t('ui.accreditationPages.visit.signProtocol')} />
        </form>
      ) : null}
    </section>
  );
}

export function ReportSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const F = fieldsFor(page, problem);
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
          <p>{t('ui.accreditationPages.report.version', { version: current.version, status: statusOf(page, 'report', current.status) })}</p>
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
      {data.standards.length ? (
        <form class="ws" method="post" action={`${base}/versions`}>
          <h3>{t('ui.accreditationPages.report.draft')}</h3>
          <F form="report" name="summary" type="textarea" label={t('ui.accreditationPages.report.summary')} value={current?.summary ?? ''} />
          {data.standards.map((std) => {
            const g = current?.grades.find((x) => x.standardCode === std.code);
            return (
              <fieldset>
                <legend>
                  {std.code} {page.text(std.title).text}
                </legend>
                <F
                  form="report"
                  name={`grade.${std.code}`}
                  type="select"
                  required
                  label={t('ui.accreditationPages.report.grade')}
                  value={g?.grade ?? ''}
                  options={GRADES.map((x): [string, string] => [x, t(`ui.panel.grade.${x}`)])}
                />
                <F form="report" name={`findings.${std.code}`} type="textarea" label={t('ui.accreditationPages.report.findings')} value={g?.findings ?? ''} />
                <F
                  form="report"
                  name={`recommendations.${std.code}`}
                  type="textarea"
                  label={t('ui.accreditationPages.report.recommendations')}
                  value={g?.recommendations ?? ''}
                />
              </fieldset>
            );
          })}
          <SubmitButton label={t('ui.accreditationPages.report.saveDraft')} />
        </form>
      ) : null}
      {view.yourRoles.includes('applicant') && view.state === 'report-factual-check' ? (
        <form class="ws" method="post" action={`${base}/factual-comments`}>
          <F form="factual" name="text" type="textarea" required label={t('ui.accreditationPages.report.factualComments')} />
          <SubmitButton label={t('ui.accreditationPages.report.sendComments')} />
        </form>
      ) : null}
      {data.agency && view.state === 'report-template-check' ? (
        <form class="ws" method="post" action={`${base}/template-check`}>
          <F
            form="template"
            name="result"
            type="select"
            required
            label={t('ui.accreditationPages.report.templateCheck')}
            options={[
              ['pass', t('ui.accreditationPages.report.pass')],
              ['return', t('ui.accreditationPages.report.return')],
            ]}
          />
          <F form="template" name="comments" type="textarea" label={t('ui.accreditationPages.payload.comment')} />
          <SubmitButton label={t('ui.accreditationPages.report.recordCheck')} />
        </form>
      ) : null}
    </section>
  );
}

export function CouncilSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const F = fieldsFor(page, problem);
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
      {data.proposal ? (
        <p class="note">
          {t('ui.accreditationPages.council.ruleProposal', {
            outcome: t(`ui.accreditationPages.outcome.${data.proposal.outcome}`),
            term: data.proposal.termYears ? t('ui.accreditationPages.years', { count: data.proposal.termYears }) : '—',
            reasons: data.proposal.reasons.map((r) => t(`ui.after.reason.${r}`)).join('; '),
          })}
        </p>
      ) : null}
      {view.state === 'report-final' || view.state === 'council-scheduled' ? (
        <form class="ws" method="post" action={page.href(`${ACC}/cases/${view.id}/council`)}>
          <h3>{t('ui.accreditationPages.council.schedule')}</h3>
          <F form="meeting" name="meetsOn" type="date" required label={t('ui.accreditationPages.council.meetsOn')} />
          <F
            form="meeting"
            name="proposedOutcome"
            type="select"
            required
            label={t('ui.accreditationPages.council.proposedOutcome')}
            options={['accredited', 'refused'].map((o): [string, string] => [o, t(`ui.accreditationPages.outcome.${o}`)])}
            issuePath="agenda"
          />
          <F
            form="meeting"
            name="proposedTermYears"
            type="select"
            label={t('ui.accreditationPages.payload.termYears')}
            options={['1', '3', '5', '7'].map((y): [string, string] => [y, t('ui.accreditationPages.years', { count: Number(y) })])}
          />
          <SubmitButton label={t('ui.accreditationPages.council.schedule')} />
        </form>
      ) : null}
    </section>
  );
}
