// The self-assessment report (versions, sections in kk/ru/en, evidence upload) and the panel (members,
// conflicts, composition, challenges and their resolution, the organization's acceptance) of a case page.
import type { Page } from '../page.ts';
import { type FormValues, one } from '../workspace/forms.tsx';
import { ACC, type CaseProblem, fieldsFor, LANGS, PANEL_ROWS, SubmitButton, statusOf } from './workspace-common.tsx';
import type { CaseView, SectionData } from './workspace-sections.tsx';

export function SarSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  const { page, view, data, problem } = props;
  const F = fieldsFor(page, problem);
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
                      <F
                        form={form}
                        name={l}
                        lang={l}
                        type="textarea"
                        label={t('ui.accreditationPages.sar.textIn', { lang: t(`ui.lang.${l}`) })}
                        value={v(form, l, s.text[l])}
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
                <F form="evidence" name="file" type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" required label={t('ui.accreditationPages.sar.file')} />
                <F
                  form="evidence"
                  name="section"
                  type="select"
                  label={t('ui.accreditationPages.sar.section')}
                  options={version.sections.map((s): [string, string] => [s.code, `${s.code} ${page.text(s.title).text}`])}
                />
                <F form="evidence" name="title" label={t('ui.accreditationPages.sar.fileTitle')} />
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

export function PanelSection(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  const { page, view, data, problem } = props;
  const F = fieldsFor(page, problem);
  const { t } = page;
  const panel = data.panel;
  if (!panel) return null;
  const applicant = view.yourRoles.includes('applicant');
  const base = page.href(`${ACC}/cases/${view.id}/panel`);
  const active = panel.members.filter((m) => m.status === 'active');
  // A refused panel form shows what was sent, not what is stored.
  const refused = problem?.form === 'panel' ? props.values : undefined;
  return (
    <section aria-labelledby="panel">
      <h2 id="panel">{t('ui.accreditationPages.panel.title')}</h2>
      {!panel.exists ? <p>{t('ui.accreditationPages.panel.none')}</p> : null}
      {panel.members.length ? (
        // On a phone the table scrolls sideways: focusable, so a keyboard can scroll it too.
        <table tabindex={0}>
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
                <td>{statusOf(page, 'member', m.status)}</td>
                {data.agency ? (
                  <td>{'conflicts' in m && Array.isArray(m.conflicts) && m.conflicts.length ? m.conflicts.map((x) => x.code).join(', ') : '—'}</td>
                ) : null}
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
      <p>
        {panel.acceptedAt ? t('ui.accreditationPages.panel.accepted', { date: page.date(panel.acceptedAt) }) : t('ui.accreditationPages.panel.notAccepted')}
      </p>
      {panel.challenges.length ? (
        <>
          <h3>{t('ui.accreditationPages.panel.challenges')}</h3>
          <ul>
            {panel.challenges.map((ch) => (
              <li>
                {panel.members.find((m) => m.id === ch.memberId)?.name ?? ''}: {ch.reason} — {statusOf(page, 'challenge', ch.status)}
                {ch.resolution ? ` (${ch.resolution})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.agency && panel.challenges.some((ch) => ch.status === 'open')
        ? panel.challenges
            .filter((ch) => ch.status === 'open')
            .map((ch) => {
              const form = `resolve-${ch.id}`;
              return (
                <form class="ws" method="post" action={`${base}/challenges/${ch.id}`}>
                  <h3>{t('ui.accreditationPages.panel.resolve', { name: panel.members.find((m) => m.id === ch.memberId)?.name ?? '' })}</h3>
                  <F
                    form={form}
                    name="decision"
                    type="select"
                    required
                    label={t('ui.accreditationPages.panel.decision')}
                    options={[
                      ['replace', t('ui.accreditationPages.panel.replace')],
                      ['reject', t('ui.accreditationPages.panel.rejectChallenge')],
                    ]}
                  />
                  <F
                    form={form}
                    name="expertId"
                    type="select"
                    label={t('ui.accreditationPages.panel.replacement')}
                    options={data.experts}
                    issuePath="replacement"
                  />
                  <F form={form} name="comment" type="textarea" label={t('ui.accreditationPages.payload.comment')} />
                  <SubmitButton label={t('ui.accreditationPages.panel.recordResolution')} />
                </form>
              );
            })
        : null}
      {data.agency && !panel.acceptedAt && data.experts.length ? (
        <form class="ws" method="post" action={base}>
          <h3>{t('ui.accreditationPages.panel.compose')}</h3>
          <p class="meta">{t('ui.accreditationPages.panel.composeHint')}</p>
          {Array.from({ length: PANEL_ROWS }, (_, i) => {
            const m = active.filter((x) => x.role !== 'coordinator')[i];
            return (
              <fieldset>
                <legend>{t('ui.accreditationPages.panel.seat', { n: i + 1 })}</legend>
                <F
                  form="panel"
                  name={`expert.${i}`}
                  type="select"
                  label={t('ui.accreditationPages.panel.member')}
                  value={(refused ? one(refused, `expert.${i}`) : m?.expertId) ?? ''}
                  options={data.experts}
                  issuePath={`members.${i}`}
                />
                <F
                  form="panel"
                  name={`role.${i}`}
                  type="select"
                  label={t('ui.accreditationPages.panel.role')}
                  value={(refused ? one(refused, `role.${i}`) : m?.role) || (i === 0 ? 'chair' : 'member')}
                  options={['chair', 'member', 'foreign'].map((r): [string, string] => [r, t(`ui.panel.role.${r}`)])}
                />
                <F
                  form="panel"
                  name={`override.${i}`}
                  type="textarea"
                  label={t('ui.forms.panel.override')}
                  value={(refused ? one(refused, `override.${i}`) : m?.overrideJustification) ?? ''}
                  issuePath={`members.${i}.overrideJustification`}
                />
              </fieldset>
            );
          })}
          <SubmitButton label={t('ui.accreditationPages.panel.save')} />
        </form>
      ) : null}
      {applicant && panel.exists && !panel.acceptedAt ? (
        <>
          <form class="ws" method="post" action={`${base}/challenges`}>
            <h3>{t('ui.accreditationPages.panel.challenge')}</h3>
            <F
              form="challenge"
              name="memberId"
              type="select"
              required
              label={t('ui.accreditationPages.panel.member')}
              options={active.filter((m) => m.role !== 'coordinator').map((m): [string, string] => [m.id, m.name])}
              value={problem?.form === 'challenge' && props.values ? one(props.values, 'memberId') : ''}
            />
            <F
              form="challenge"
              name="reason"
              type="textarea"
              required
              label={t('ui.accreditationPages.panel.reason')}
              value={problem?.form === 'challenge' && props.values ? one(props.values, 'reason') : ''}
            />
            <SubmitButton label={t('ui.accreditationPages.panel.fileChallenge')} />
          </form>
          <form class="ws" method="post" action={`${base}/acceptance`}>
            <h3>{t('ui.accreditationPages.panel.accept')}</h3>
            <F form="acceptance" name="letter" type="textarea" required label={t('ui.accreditationPages.panel.letter')} />
            <SubmitButton label={t('ui.accreditationPages.panel.accept')} />
          </form>
        </>
      ) : null}
    </section>
  );
}
