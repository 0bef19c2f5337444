// The public page of an accreditation decision: the certificate's QR code points here. Negative
// decisions, grades per standard and the panel's report are public too.
import { getDecision } from '../../accreditation/decision.service.ts';
import type { Api } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { pageOf } from '../page.ts';
import { Breadcrumbs, Fields, Name, idOf, onEveryLanguage } from '../record-parts.tsx';
import { ValidRange, decisionStatusLabel, outcomeLabel, termLabel } from './public-parts.tsx';
import { RecordDownloads } from '../interop/record-downloads.tsx';

export function registerDecisionPage(app: Api): void {
  onEveryLanguage(app, '/accreditation/decisions/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const d = await getDecision(c.get('ctx'), id);
    const organization = page.text(d.organization.name).text;
    const title = t('ui.accreditationPublic.decisionTitle', { organization });
    const p = (key: string) => t(`ui.accreditationPublic.${key}`);
    const day = (iso: string | null) => (iso ? <time datetime={iso}>{page.date(iso)}</time> : null);
    const certificateOpen = d.certificateNumber && d.outcome === 'accredited' && d.status !== 'pending-approval';
    return c.html(
      <Layout page={page} title={title} apiHref={`/api/accreditation/decisions/${id}`}>
        <Breadcrumbs
          page={page}
          trail={[
            [p('title'), '/accreditation'],
            [d.kind === 'institutional' ? p('register2') : p('register3'), d.kind === 'institutional' ? '/registers/2' : '/registers/3'],
            [title, null],
          ]}
        />
        <h1>{title}</h1>
        <section aria-labelledby="decision">
          <h2 id="decision">{outcomeLabel(page, d.outcome)}</h2>
          <Fields
            rows={[
              [
                p('organization'),
                <a href={page.href(`/organizations/${d.organization.id}`)}>
                  <Name page={page} map={d.organization.name} />
                </a>,
              ],
              [
                p('body'),
                <a href={page.href(`/organizations/${d.body.id}`)}>
                  <Name page={page} map={d.body.name} />
                </a>,
              ],
              [p('kindLabel'), t(`ui.accreditationPublic.kind.${d.kind}`, { defaultValue: d.kind })],
              [p('caseNumber'), d.caseNumber],
              [p('outcome'), outcomeLabel(page, d.outcome)],
              [p('term'), d.termYears ? termLabel(page, d.termYears) : null],
              [p('validity'), d.validFrom ? <ValidRange page={page} from={d.validFrom} to={d.validTo} /> : null],
              [p('status'), decisionStatusLabel(page, d.status)],
              [p('statusReason'), d.statusReason],
              [p('proposal'), `${outcomeLabel(page, d.proposal.outcome)}${d.proposal.termYears ? `, ${termLabel(page, d.proposal.termYears)}` : ''}`],
              [p('departureReason'), d.departureReason],
              [p('decidedOn'), day(d.decidedOn)],
              [p('approvedOn'), day(d.approvedOn)],
              [p('publishedOn'), day(d.publishedOn)],
              [
                p('votes'),
                d.votes
                  ? t('ui.accreditationPublic.votesValue', {
                      for: d.votes.for ?? 0,
                      against: d.votes.against ?? 0,
                      abstain: d.votes.abstain ?? 0,
                      recused: d.votes.recused ?? 0,
                    })
                  : null,
              ],
              [p('crossBorder'), d.crossBorder ? '✓' : null],
              [p('enaee'), d.eurAce ? (d.enaeeStatus ?? '—') : null],
              [
                p('certificate'),
                d.certificateNumber ? (
                  <>
                    {d.certificateNumber}{' '}
                    {certificateOpen ? <a href={`/api/accreditation/decisions/${id}/certificate.pdf?lang=${page.lang}`}>{p('certificatePdf')}</a> : null}
                  </>
                ) : null,
              ],
            ]}
          />
        </section>

        {d.programmes.length ? (
          <section aria-labelledby="programmes">
            <h2 id="programmes">{p('programmes')}</h2>
            <ul>
              {d.programmes.map((prog) => (
                <li>
                  <a href={page.href(`/programmes/${prog.id}`)}>
                    {prog.code} <Name page={page} map={prog.name} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {d.grades.length ? (
          <section aria-labelledby="grades">
            <h2 id="grades">{p('grades')}</h2>
            <table tabindex={0}>
              <thead>
                <tr>
                  <th scope="col">{p('standard')}</th>
                  <th scope="col">{p('grade')}</th>
                  <th scope="col">{p('findings')}</th>
                  <th scope="col">{p('recommendations')}</th>
                  <th scope="col">{p('goodPractice')}</th>
                </tr>
              </thead>
              <tbody>
                {d.grades.map((g) => (
                  <tr>
                    <th scope="row">
                      {g.standardCode} {g.title ? <Name page={page} map={g.title} /> : null}
                    </th>
                    <td>{t(`ui.accreditationPublic.gradeValue.${g.grade}`, { defaultValue: g.grade })}</td>
                    <td>{g.findings}</td>
                    <td>{g.recommendations}</td>
                    <td>{g.goodPractice}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}

        {d.report?.summary ? (
          <section aria-labelledby="report">
            <h2 id="report">{p('report')}</h2>
            <p>{typeof d.report.summary === 'string' ? d.report.summary : page.text(d.report.summary as { kk: string; ru: string; en: string }).text}</p>
          </section>
        ) : null}

        {d.appeals.length ? (
          <section aria-labelledby="appeals">
            <h2 id="appeals">{p('appeals')}</h2>
            <ul>
              {d.appeals.map((a) => (
                <li>
                  {a.number} · {a.kind} · {a.status}
                  {a.outcome ? ` · ${a.outcome}` : ''}
                  {a.decidedOn ? <> · {day(a.decidedOn)}</> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="history">
          <h2 id="history">{p('history')}</h2>
          <table tabindex={0}>
            <thead>
              <tr>
                <th scope="col">{p('status')}</th>
                <th scope="col">{p('from')}</th>
                <th scope="col">{p('to')}</th>
                <th scope="col">{p('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {d.history.map((h) => (
                <tr>
                  <td>{decisionStatusLabel(page, h.status)}</td>
                  <td>{day(h.effectiveFrom)}</td>
                  <td>{day(h.effectiveTo)}</td>
                  <td>{h.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <RecordDownloads page={page} api={`/api/accreditation/decisions/${id}`} formats={d.status === 'pending-approval' ? [] : ['elm', 'ctdl', 'deqarJson', 'deqarCsv']} />
      </Layout>,
    );
  });
}
