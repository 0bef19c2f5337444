// What a record page says about the record's standing: a banner when a programme is excluded or
// under update (date and reason), and its accreditation from Registers 2–3 as of the day; and the
// badges every list shows (search hits, Registers 2–3).
import type { StandingEntry } from '../accreditation/accreditation.api.ts';
import type { HistoryEntry } from '../platform/history/history.ts';
import type { Badge } from '../registry/search/search.service.ts';
import type { Page } from './page.ts';
import { Fields, Name } from './record-parts.tsx';

/** The day of the latest history entry with this action, if any. */
const lastDayOf = (history: HistoryEntry[], action: string): string | null => history.filter((h) => h.action === action).at(-1)?.at.slice(0, 10) ?? null;

/** At the top of a programme page: excluded (date, reason) or under update (since when). */
export function LifecycleBanner(props: { page: Page; status: string; reason: string | null; history: HistoryEntry[] }) {
  const { page, status, reason, history } = props;
  const { t } = page;
  if (status === 'excluded') {
    const day = lastDayOf(history, 'programme.exclude');
    const date = day ? page.date(day) : '—';
    return (
      <p class="standing" role="note">
        <strong>{reason ? t('ui.standing.excludedBanner', { date, reason }) : t('ui.standing.excludedBannerNoReason', { date })}</strong>
      </p>
    );
  }
  if (status === 'update') {
    const day = lastDayOf(history, 'programme.start-update');
    return (
      <p class="standing update" role="note">
        {t('ui.standing.updateBanner', { date: day ? page.date(day) : '—' })}
      </p>
    );
  }
  if (status !== 'included') {
    return (
      <p class="standing update" role="note">
        {t('ui.standing.notIncludedBanner', { status: t(`ui.standing.status.${status}`) })}
      </p>
    );
  }
  return null;
}

/** The accreditation decisions concerning a record, as they stood on `asOf`, each linking its decision. */
export function AccreditationSection(props: { page: Page; asOf: string; entries: StandingEntry[] }) {
  const { page, entries } = props;
  const { t } = page;
  return (
    <section aria-labelledby="accreditation">
      <h2 id="accreditation">{t('ui.standing.accreditation')}</h2>
      <p class="meta">{t('ui.standing.accreditationAsOf', { date: page.date(props.asOf) })}</p>
      {entries.length === 0 ? <p>{t('ui.standing.noAccreditation')}</p> : null}
        {entries.map((e) => (
          <article>
            <h3>
              {e.accredited ? t('ui.standing.accreditedBy', { body: page.text(e.body.name).text }) : t('ui.standing.decisionBy', { body: page.text(e.body.name).text })}
              {e.accredited ? <span class="badge badge-accredited">{t('ui.badge.accredited')}</span> : null}
              {e.eurAce ? <span class="badge badge-eur-ace">{t('ui.badge.eur-ace')}</span> : null}
            </h3>
            <Fields
              rows={[
                [t('ui.standing.kind'), t(`ui.standing.kindValue.${e.kind}`)],
                [t('ui.standing.outcome'), t(`ui.standing.outcomeValue.${e.outcome}`)],
                [t('ui.standing.lifecycle'), e.accredited ? t(`ui.standing.status.${e.status}`) : t('ui.standing.notInForce', { status: t(`ui.standing.status.${e.status}`) })],
                [t('ui.standing.term'), e.termYears ? t('ui.standing.years', { count: e.termYears }) : null],
                [t('ui.standing.validUntil'), e.validTo ? <time datetime={e.validTo}>{page.date(e.validTo)}</time> : null],
                [t('ui.standing.conditions'), e.conditions.length ? e.conditions.map((c) => `${c.title} (${page.date(c.dueOn)})`).join('; ') : null],
                [t('ui.standing.eurAce'), e.eurAce ? '✓' : null],
                [
                  t('ui.accreditationPublic.body'),
                  <a href={page.href(`/organizations/${e.body.id}`)}>
                    <Name page={page} map={e.body.name} />
                  </a>,
                ],
              ]}
            />
            <p>
              <a href={page.href(`/accreditation/decisions/${e.decisionId}`)}>{t('ui.standing.decisionLink')}</a>
              {e.certificateUrl ? (
                <>
                  {' · '}
                  <a href={`${e.certificateUrl}?lang=${page.lang}`}>{t('ui.standing.certificateLink')}</a>
                </>
              ) : null}
            </p>
          </article>
        ))}
    </section>
  );
}

/** A record's standing badges in words: accredited, EUR-ACE®, excluded, under update, demonstration data. */
export function BadgeList(props: { page: Page; badges: readonly Badge[] }) {
  return (
    <>
      {props.badges.map((b) => (
        <span class={`badge badge-${b}`}>{props.page.t(`ui.badge.${b}`)}</span>
      ))}
    </>
  );
}
