// A council meeting in the workspace: its agenda, and for each case a vote form (for / against /
// abstain) for a member who may vote. A recused member sees a notice instead: no form, no tally.
import type { Context } from 'hono';
import { z } from 'zod';
import { castVote, declareConflict, getMeeting, listVotes, setMeetingStatus } from '../../accreditation/council.service.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { formAction, formFields } from '../form-action.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from '../page.ts';
import { accountOf, type FormProblem, type FormValues, fieldId, formValues, one } from '../workspace/forms.tsx';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { confirmPage, DoneBox } from '../workspace/confirm.tsx';
import { ACC, caseHref, Field, organizationNames, ProblemBox, UUID } from './workspace-common.tsx';

const CHOICES = ['for', 'against', 'abstain'] as const;

type VoteProblem = { caseId: string; problem: FormProblem };

export async function renderMeeting(c: Context<AppEnv>, id: string, problem?: VoteProblem, status: 200 | 403 | 409 | 422 = 200) {
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const meeting = await getMeeting(ctx, id);
  const tallies = (await listVotes(ctx, id)).items;
  const names = await organizationNames(c, page, [meeting.bodyId, ...meeting.agenda.map((a) => a.organizationId)]);
  const manager = meeting.agenda.every((a) => a.recused === undefined);
  const title = t('ui.accreditationPages.council.meetingOf', { date: page.date(meeting.meetsOn), body: names[meeting.bodyId] ?? '' });
  const voted = c.req.query('voted');
  const votedItem = voted ? meeting.agenda.find((a) => a.caseId === voted) : undefined;
  return c.html(
    <Layout page={page} title={title} account={await accountOf(c, page)}>
      <h1>{title}</h1>
      {votedItem?.myVote ? (
        <DoneBox
          page={page}
          text={t('ui.confirm.done.vote', { choice: t(`ui.panel.vote.${votedItem.myVote}`), number: votedItem.caseNumber })}
          next={[
            [page.href('/workspace'), t('ui.confirm.nextHome')],
            [page.href(ACC), t('ui.confirm.nextCases')],
          ]}
        />
      ) : voted ? (
        <p role="status">{t('ui.accreditationPages.council.voteRecorded')}</p>
      ) : null}
      <p>
        {t(`ui.accreditationPages.council.status.${meeting.status}`)}
        {meeting.location ? ` — ${meeting.location}` : ''}
      </p>
      <ProblemBox page={page} problem={problem?.problem} />
      <h2>{t('ui.accreditationPages.council.agenda')}</h2>
      {meeting.agenda.length ? null : <p>{t('ui.accreditationPages.list.none')}</p>}
      {meeting.agenda.map((item) => {
        const tally = tallies.find((x) => x.caseId === item.caseId);
        const headingId = `item-${item.caseId}`;
        const mine = problem?.caseId === item.caseId ? problem.problem : undefined;
        const errorId = `${fieldId(`vote-${item.caseId}`)}-error`;
        return (
          <section aria-labelledby={headingId} class="agenda-item">
            <h3 id={headingId}>
              {/* Staff and the council members of the body both read the case. */}
              {item.position}. <a href={caseHref(page, item.caseId)}>{item.caseNumber}</a> — {names[item.organizationId] ?? ''}
            </h3>
            <p>
              {t('ui.accreditationPages.council.proposal', {
                outcome: t(`ui.accreditationPages.outcome.${item.proposedOutcome}`),
                term: item.proposedTermYears ? t('ui.accreditationPages.years', { count: item.proposedTermYears }) : '—',
              })}
            </p>
            {item.recused ? (
              <p class="note" role="note">
                {t('ui.accreditationPages.council.recused')}
              </p>
            ) : (
              <>
                {item.votePending ? (
                  <p>
                    <strong class="badge badge-pending">{t('ui.accreditationPages.council.votePending')}</strong>
                  </p>
                ) : null}
                {item.myVote ? <p>{t('ui.accreditationPages.council.yourVote', { choice: t(`ui.panel.vote.${item.myVote}`) })}</p> : null}
                {!manager && !tally && !item.votePending ? <p class="meta">{t('ui.accreditationPages.council.tallyAfterClose')}</p> : null}
                {item.votePending ? (
                  <form class="ws" method="get" action={page.href(`${ACC}/council/${meeting.id}/confirm-vote`)}>
                    <input type="hidden" name="caseId" value={item.caseId} />
                    <fieldset id={fieldId(`vote-${item.caseId}`)} aria-describedby={mine ? errorId : undefined}>
                      <legend>{t('ui.accreditationPages.council.yourChoice', { case: item.caseNumber })}</legend>
                      {CHOICES.map((choice) => (
                        <label class="check">
                          <input type="radio" name="choice" value={choice} aria-invalid={mine ? 'true' : undefined} />
                          {t(`ui.panel.vote.${choice}`)}
                        </label>
                      ))}
                      {mine ? (
                        <p class="field-error" id={errorId}>
                          {mine.issues.map((i) => t(i.messageKey, i.params)).join(' ') || (mine.message ? t(mine.message.key, mine.message.params) : '')}
                        </p>
                      ) : null}
                    </fieldset>
                    <p>
                      <button type="submit">{t('ui.accreditationPages.council.vote')}</button>
                    </p>
                  </form>
                ) : null}
                {tally ? (
                  <p class="tally">
                    {t('ui.accreditationPages.council.tally', {
                      for: tally.for,
                      against: tally.against,
                      abstain: tally.abstain,
                      recused: tally.recused,
                      eligible: tally.eligible,
                    })}
                  </p>
                ) : null}
                {tally?.votes?.length ? (
                  <ul>
                    {tally.votes.map((v) => (
                      <li>
                        {v.name}: {t(`ui.panel.vote.${v.choice}`)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </section>
        );
      })}
      {manager && meeting.status === 'scheduled' ? (
        <form class="ws" method="post" action={page.href(`${ACC}/council/${meeting.id}/status`)}>
          <Field
            page={page}
            form="status"
            name="status"
            type="select"
            required
            label={t('ui.accreditationPages.council.setStatus')}
            options={[
              ['held', t('ui.accreditationPages.council.status.held')],
              ['cancelled', t('ui.accreditationPages.council.status.cancelled')],
            ]}
            issues={problem?.caseId === 'status' ? problem.problem.issues : undefined}
          />
          <p>
            <button type="submit">{t('ui.accreditationPages.council.saveStatus')}</button>
          </p>
        </form>
      ) : null}
      {!manager ? (
        <form class="ws" method="post" action={page.href(`${ACC}/council/${meeting.id}/conflicts`)}>
          <h2>{t('ui.accreditationPages.council.declare')}</h2>
          <Field
            page={page}
            form="declare"
            name="organizationId"
            type="select"
            required
            label={t('ui.accreditationPages.case.organization')}
            options={[...new Set(meeting.agenda.map((a) => a.organizationId))].map((o): [string, string] => [o, names[o] ?? o])}
            issues={problem?.caseId === 'declare' ? problem.problem.issues.filter((i) => i.path === 'organizationId') : undefined}
          />
          <Field
            page={page}
            form="declare"
            name="reason"
            type="textarea"
            required
            label={t('ui.accreditationPages.panel.reason')}
            issues={problem?.caseId === 'declare' ? problem.problem.issues.filter((i) => i.path === 'reason') : undefined}
          />
          <p>
            <button type="submit">{t('ui.accreditationPages.council.declareSubmit')}</button>
          </p>
        </form>
      ) : null}
      <p>
        <a href={page.href(ACC)}>{t('ui.accreditationPages.back')}</a>
      </p>
    </Layout>,
    status,
  );
}

export function registerCouncilPages(app: Api): void {
  app.get(`${LANG_ROUTE}${ACC}/council/:id{${UUID}}`, async (c) => signInFirst(c) ?? renderMeeting(c, c.req.param('id')));

  // A vote cannot be changed once cast: the form shows what will be recorded before it is.
  app.get(`${LANG_ROUTE}${ACC}/council/:id{${UUID}}/confirm-vote`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const caseId = c.req.query('caseId') ?? '';
    const choice = c.req.query('choice') ?? '';
    if (!(CHOICES as readonly string[]).includes(choice)) return renderMeeting(c, id, { caseId, problem: chooseOne }, 422);
    const page = pageOf(c);
    const item = (await getMeeting(c.get('ctx'), id)).agenda.find((a) => a.caseId === caseId);
    if (!item) return c.notFound();
    return confirmPage(c, page, {
      action: page.t('ui.confirm.voteAction'),
      consequences: [page.t('ui.confirm.vote', { choice: page.t(`ui.panel.vote.${choice}`), number: item.caseNumber })],
      postTo: page.href(`${ACC}/council/${id}/votes`),
      fields: { caseId, choice, confirmed: 'yes' },
      cancelHref: page.href(`${ACC}/council/${id}`),
    });
  });

  app.post(`${LANG_ROUTE}${ACC}/council/:id{${UUID}}/votes`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values: FormValues = await formValues(c);
    const caseId = one(values, 'caseId');
    const choice = one(values, 'choice');
    if ((CHOICES as readonly string[]).includes(choice) && one(values, 'confirmed') !== 'yes') {
      return c.redirect(`/${langOf(c)}${ACC}/council/${id}/confirm-vote?${new URLSearchParams({ caseId, choice })}`, 303);
    }
    return formAction(c, {
      schema: formFields,
      input: values,
      extraIssues: (CHOICES as readonly string[]).includes(choice) ? [] : [{ path: 'choice', messageKey: 'ui.accreditationPages.council.chooseOne' }],
      run: (ctx) => castVote(ctx, id, { caseId, choice }),
      refused: (problem, status) => renderMeeting(c, id, { caseId, problem }, status),
      done: () => `/${langOf(c)}${ACC}/council/${id}?voted=${caseId}`,
    });
  });

  app.post(`${LANG_ROUTE}${ACC}/council/:id{${UUID}}/status`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ status: z.enum(['held', 'cancelled']) }),
      input: { status: one(await formValues(c), 'status') },
      schemaIssues: allRequired,
      run: (ctx, input) => setMeetingStatus(ctx, id, input.status),
      refused: (problem, status) => renderMeeting(c, id, { caseId: 'status', problem }, status),
      done: () => `/${langOf(c)}${ACC}/council/${id}`,
    });
  });

  app.post(`${LANG_ROUTE}${ACC}/council/:id{${UUID}}/conflicts`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    return formAction(c, {
      schema: z.object({ organizationId: z.string().regex(new RegExp(`^${UUID}$`)), reason: z.string().min(3) }),
      input: { organizationId: one(values, 'organizationId'), reason: one(values, 'reason') },
      schemaIssues: allRequired,
      run: (ctx, input) => declareConflict(ctx, input),
      refused: (problem) => renderMeeting(c, id, { caseId: 'declare', problem }, 422),
      done: () => `/${langOf(c)}${ACC}/council/${id}`,
    });
  });
}

const chooseOne: FormProblem = {
  issues: [{ path: 'choice', messageKey: 'ui.accreditationPages.council.chooseOne' }],
  message: { key: 'ui.workspace.form.errorsCount', params: { count: 1 } },
};

/** Each field these forms refuse is one left empty or unchosen. */
const allRequired = (issues: FieldIssue[]) => issues.map((i) => ({ path: i.path, messageKey: 'errors.field.required' }));
