// The decision, appeals and complaints, and follow-up items of a case page, with their forms.
import { APPEAL_OUTCOMES, APPEAL_SUBJECTS, COMPLAINT_SUBJECTS } from '../../accreditation/appeal.schema.ts';
import { FOLLOW_UP_KINDS } from '../../accreditation/follow-up.schema.ts';
import type { Page } from '../page.ts';
import { ACC, type CaseProblem, fieldsFor, SubmitButton, statusOf } from './workspace-common.tsx';
import type { CaseView, SectionData } from './workspace-sections.tsx';

function AppealForms(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, view, data, problem } = props;
  const F = fieldsFor(page, problem);
  const { t } = page;
  const base = page.href(`${ACC}/cases/${view.id}/appeals`);
  const open = data.appeals.filter((a) => a.status !== 'decided');
  return (
    <>
      {view.yourRoles.includes('applicant') ? (
        <form class="ws" method="post" action={base}>
          <h3>{t('ui.accreditationPages.appeal.file')}</h3>
          <F
            form="appeal"
            name="subject"
            type="select"
            required
            label={t('ui.accreditationPages.appeal.subject')}
            options={[...APPEAL_SUBJECTS, ...COMPLAINT_SUBJECTS].map((x): [string, string] => [x, t(`ui.accreditationPages.appeal.subjects.${x}`)])}
          />
          <F form="appeal" name="signedBy" required label={t('ui.accreditationPages.appeal.signedBy')} />
          <F form="appeal" name="documentRef" required label={t('ui.accreditationPages.appeal.documentRef')} />
          <F form="appeal" name="grounds" type="textarea" required label={t('ui.accreditationPages.appeal.grounds')} />
          <SubmitButton label={t('ui.accreditationPages.appeal.submit')} />
        </form>
      ) : null}
      {data.head
        ? open.map((a) => (
            <form class="ws" method="post" action={`${base}/${a.id}`}>
              <h3>{t('ui.accreditationPages.appeal.decideTitle', { number: a.number })}</h3>
              {a.commission.length ? null : (
                <F form={`appeal-${a.id}`} name="commission" type="textarea" required label={t('ui.accreditationPages.appeal.commission')} />
              )}
              <F
                form={`appeal-${a.id}`}
                name="outcome"
                type="select"
                label={t('ui.accreditationPages.appeal.outcome')}
                options={APPEAL_OUTCOMES.map((o): [string, string] => [o, t(`ui.after.appealOutcome.${o}`)])}
              />
              <F form={`appeal-${a.id}`} name="reason" type="textarea" label={t('ui.accreditationPages.appeal.reason')} />
              <SubmitButton label={t('ui.accreditationPages.appeal.decide')} />
            </form>
          ))
        : null}
    </>
  );
}

export function AfterSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem }) {
  const { page, data } = props;
  const F = fieldsFor(page, props.problem);
  const { t } = page;
  const mayAppeal = props.view.yourRoles.includes('applicant') || data.head;
  if (!data.appeals.length && !data.decision && !mayAppeal) return null;
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
      {data.decision?.published || data.decision?.certificate ? (
        <ul>
          {data.decision.published ? (
            <li>
              <a href={page.href(`/accreditation/decisions/${data.decision.id}`)}>{t('ui.accreditationPages.after.publicPage')}</a>
            </li>
          ) : null}
          {data.decision.certificate ? (
            <li>
              <a href={`/api/accreditation/decisions/${data.decision.id}/certificate.pdf`}>
                {t('ui.accreditationPages.after.certificate', { number: data.decision.certificate })}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <h3>{t('ui.accreditationPages.after.appeals')}</h3>
      {data.appeals.length ? (
        <ul>
          {data.appeals.map((a) => (
            <li>
              {a.number} ({t(`ui.accreditationPages.appeal.kind.${a.kind}`)}, {page.date(a.receivedOn)}): {a.grounds} — {statusOf(page, 'appeal', a.status)}
              {a.outcome ? `, ${t(`ui.after.appealOutcome.${a.outcome}`, { defaultValue: a.outcome })}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.accreditationPages.list.none')}</p>
      )}
      <AppealForms {...props} />
      <h3>{t('ui.accreditationPages.after.followUp')}</h3>
      {data.followUps.length ? (
        <ul>
          {data.followUps.map((f) => (
            <li>
              {f.title} — {page.date(f.dueOn)} — {statusOf(page, 'followUp', f.status)}
              {f.overdue ? (
                <>
                  {' '}
                  <strong class="badge">{t('ui.case.deadlines.overdue')}</strong>
                </>
              ) : null}
              <FollowUpForms page={page} view={props.view} item={f} agency={data.agency} problem={props.problem} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.accreditationPages.list.none')}</p>
      )}
      {data.agency && data.decision && data.decision.status !== 'pending-approval' ? (
        <form class="ws" method="post" action={page.href(`${ACC}/cases/${props.view.id}/follow-ups`)}>
          <h3>{t('ui.accreditationPages.followUp.create')}</h3>
          <F
            form="follow-up"
            name="kind"
            type="select"
            required
            label={t('ui.accreditationPages.case.kind')}
            options={FOLLOW_UP_KINDS.map((k): [string, string] => [k, t(`ui.accreditationPages.followUp.kind.${k}`)])}
          />
          <F form="follow-up" name="title" required label={t('ui.accreditationPages.followUp.title')} />
          <F form="follow-up" name="dueOn" type="date" required label={t('ui.accreditationPages.case.dueOn')} />
          <SubmitButton label={t('ui.accreditationPages.followUp.add')} />
        </form>
      ) : null}
    </section>
  );
}

function FollowUpForms(props: { page: Page; view: CaseView; item: { id: string; status: string }; agency: boolean; problem?: CaseProblem }) {
  const { page, view, item, problem } = props;
  const F = fieldsFor(page, problem);
  const { t } = page;
  const form = `follow-up-${item.id}`;
  const action = page.href(`${ACC}/cases/${view.id}/follow-ups/${item.id}`);
  if (view.yourRoles.includes('applicant') && (item.status === 'open' || item.status === 'returned'))
    return (
      <form class="ws" method="post" action={action}>
        <F form={form} name="text" type="textarea" required label={t('ui.accreditationPages.followUp.submission')} />
        <SubmitButton label={t('ui.accreditationPages.followUp.submit')} />
      </form>
    );
  if (props.agency && item.status === 'submitted')
    return (
      <form class="ws" method="post" action={action}>
        <F
          form={form}
          name="result"
          type="select"
          required
          label={t('ui.accreditationPages.followUp.review')}
          options={[
            ['accepted', t('ui.accreditationPages.status.followUp.accepted')],
            ['returned', t('ui.accreditationPages.status.followUp.returned')],
          ]}
        />
        <F form={form} name="comment" type="textarea" label={t('ui.accreditationPages.payload.comment')} />
        <SubmitButton label={t('ui.accreditationPages.followUp.recordReview')} />
      </form>
    );
  return null;
}
