// Forms of a case page for what the API could do and the workspace could not: the agency records a
// self-assessment seminar (when, which experts ran it: a source of conflicts of interest), marks a
// decision's publication channels done, the body head extends or postpones a term, and a panel
// member writes a dissenting opinion on the report.
import { PUBLICATION_CHANNELS } from '../../accreditation/decision.schema.ts';
import { TERM_CHANGE_KINDS } from '../../accreditation/follow-up.schema.ts';
import type { Page } from '../page.ts';
import { type FormValues, one } from '../workspace/forms.tsx';
import { ACC, type CaseProblem, fieldsFor, issuesFor, SubmitButton } from './workspace-common.tsx';
import type { CaseView, SectionData } from './workspace-sections.tsx';

type Props = { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues };

/** What a refused form had typed, so nothing is lost; empty for every other form. */
const typed = (props: Props, form: string) => (name: string) => (props.problem?.form === form && props.values ? one(props.values, name) : '');

export function SeminarSection(props: Props) {
  const { page, view, data, problem } = props;
  if (!data.agency) return null;
  const { t } = page;
  const F = fieldsFor(page, problem);
  const v = typed(props, 'seminar');
  const chosen = problem?.form === 'seminar' && props.values ? (props.values.expertIds ?? []) : [];
  const expertIssues = issuesFor(problem, 'seminar', 'expertIds');
  return (
    <section aria-labelledby="seminars">
      <h2 id="seminars">{t('ui.forms.seminar.title')}</h2>
      <p class="meta">{t('ui.forms.seminar.intro')}</p>
      {data.seminars.length ? (
        <ul>
          {data.seminars.map((s) => (
            <li>
              {page.date(s.heldOn)}: {s.experts.length ? s.experts.join(', ') : t('ui.forms.seminar.noExperts')}
              {s.note ? ` — ${s.note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.forms.seminar.none')}</p>
      )}
      <form class="ws" method="post" action={page.href(`${ACC}/cases/${view.id}/seminars`)}>
        <h3>{t('ui.forms.seminar.record')}</h3>
        <F form="seminar" name="heldOn" type="date" required label={t('ui.forms.seminar.heldOn')} value={v('heldOn')} />
        {data.experts.length ? (
          <fieldset id="f-seminar-expertIds" tabindex={-1} aria-describedby={expertIssues ? 'f-seminar-expertIds-error' : undefined}>
            <legend>{t('ui.forms.seminar.experts')}</legend>
            {data.experts.map(([id, name]) => (
              <label class="check">
                <input type="checkbox" name="expertIds" value={id} checked={(Array.isArray(chosen) ? chosen : [chosen]).includes(id)} />
                {name}
              </label>
            ))}
            {expertIssues ? (
              <p class="field-error" id="f-seminar-expertIds-error">
                {expertIssues.map((i) => t(i.messageKey, i.params)).join(' ')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <F form="seminar" name="note" type="textarea" label={t('ui.forms.seminar.note')} value={v('note')} />
        <SubmitButton label={t('ui.forms.seminar.save')} />
      </form>
    </section>
  );
}

export function PublicationSection(props: Props) {
  const { page, view, data, problem } = props;
  if (!data.agency || !data.publications.length) return null;
  const { t } = page;
  const F = fieldsFor(page, problem);
  const open = data.publications.filter((p) => !p.doneAt);
  return (
    <section aria-labelledby="publications">
      <h2 id="publications">{t('ui.forms.publication.title')}</h2>
      <table tabindex={0}>
        <caption class="meta">{t('ui.forms.publication.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.forms.publication.channel')}</th>
            <th scope="col">{t('ui.accreditationPages.case.dueOn')}</th>
            <th scope="col">{t('ui.accreditationPages.case.deadlineStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {data.publications.map((p) => (
            <tr>
              <td>{t(`ui.forms.publication.channels.${p.channel}`)}</td>
              <td>{page.date(p.dueOn)}</td>
              <td>
                {p.doneAt ? (
                  t('ui.forms.publication.doneOn', { date: page.date(p.doneAt.slice(0, 10)) })
                ) : p.overdue ? (
                  <strong class="badge">{t('ui.case.deadlines.overdue')}</strong>
                ) : (
                  t('ui.forms.publication.open')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open.length ? (
        <form class="ws" method="post" action={page.href(`${ACC}/cases/${view.id}/publications`)}>
          <h3>{t('ui.forms.publication.mark')}</h3>
          <F
            form="publication"
            name="channel"
            type="select"
            required
            label={t('ui.forms.publication.channel')}
            value={typed(props, 'publication')('channel')}
            options={PUBLICATION_CHANNELS.filter((c) => open.some((p) => p.channel === c)).map((c): [string, string] => [c, t(`ui.forms.publication.channels.${c}`)])}
          />
          <F form="publication" name="doneOn" type="date" label={t('ui.forms.publication.doneOnLabel')} value={typed(props, 'publication')('doneOn')} />
          <SubmitButton label={t('ui.forms.publication.save')} />
        </form>
      ) : null}
    </section>
  );
}

export function TermChangeSection(props: Props) {
  const { page, view, data, problem } = props;
  const d = data.decision;
  if (!data.head || !d || d.outcome !== 'accredited' || !['active', 'extended'].includes(d.status) || !d.validTo) return null;
  const { t } = page;
  const F = fieldsFor(page, problem);
  const v = typed(props, 'term');
  return (
    <section aria-labelledby="term-change">
      <h2 id="term-change">{t('ui.forms.term.title')}</h2>
      <p>{t('ui.forms.term.validTo', { date: page.date(d.validTo) })}</p>
      <form class="ws" method="post" action={page.href(`${ACC}/cases/${view.id}/term-changes`)}>
        <F
          form="term"
          name="kind"
          type="select"
          required
          label={t('ui.forms.term.kind')}
          value={v('kind')}
          options={TERM_CHANGE_KINDS.map((k): [string, string] => [k, t(`ui.forms.term.kinds.${k}`)])}
        />
        <F form="term" name="newValidTo" type="date" required label={t('ui.forms.term.newValidTo')} value={v('newValidTo')} />
        <F form="term" name="reason" type="textarea" required label={t('ui.forms.term.reason')} value={v('reason')} />
        <F form="term" name="legalBasis" label={t('ui.forms.term.legalBasis')} value={v('legalBasis')} />
        <F form="term" name="effectiveOn" type="date" label={t('ui.forms.term.effectiveOn')} value={v('effectiveOn')} />
        <SubmitButton label={t('ui.forms.term.save')} />
      </form>
    </section>
  );
}

export function DissentSection(props: Props) {
  const { page, view, data, problem } = props;
  const current = data.report?.current;
  if (!data.member || data.member.role === 'coordinator' || !current || current.status === 'final') return null;
  const { t } = page;
  const F = fieldsFor(page, problem);
  const v = typed(props, 'dissent');
  return (
    <section aria-labelledby="dissent">
      <h2 id="dissent">{t('ui.forms.dissent.title')}</h2>
      <p class="meta">{t('ui.forms.dissent.intro', { version: current.version })}</p>
      <form class="ws" method="post" action={page.href(`${ACC}/cases/${view.id}/report/dissents`)}>
        <F
          form="dissent"
          name="standardCode"
          type="select"
          label={t('ui.forms.dissent.standard')}
          value={v('standardCode')}
          options={current.grades.map((g): [string, string] => [g.standardCode, `${g.standardCode} ${g.title ?? ''}`.trim()])}
        />
        <F form="dissent" name="text" type="textarea" required label={t('ui.forms.dissent.text')} value={v('text')} />
        <SubmitButton label={t('ui.forms.dissent.save')} />
      </form>
    </section>
  );
}

const NEXT: Record<string, string> = { seminar: '#panel', publication: '#publications', term: '#term-change', dissent: '#report' };

/** What the case page says after one of these forms, and the next step it offers; null for other forms. */
export function AgencyDone(props: { page: Page; done: string | undefined }) {
  const { page, done } = props;
  const next = done ? NEXT[done] : undefined;
  if (!done || !next) return null;
  const { t } = page;
  return (
    <div role="status">
      <p>{t(`ui.forms.${done}.done`)}</p>
      <p>
        <a href={next}>{t(`ui.forms.${done}.next`)}</a>
      </p>
    </div>
  );
}
