// The public notice of an active QA-system failure on an organization's page (decision 153): the
// fact, the day, the level and who declared it, and the recovery plan's measures by kind with
// their deadlines. Read through oversight's read API; nothing internal (grounds, owners, reports).
import type { PublicQaFailure } from '../../oversight/oversight.api.ts';
import type { Page } from '../page.ts';
import { Section } from '../record-parts.tsx';

export function QaFailureNotice(props: { page: Page; failure: PublicQaFailure | null }) {
  const { page, failure } = props;
  if (!failure) return null;
  const { t } = page;
  return (
    <Section id="qa-failure" title={t('ui.qaFailure.public.title')}>
      <p>
        {t(`ui.qaFailure.public.fact.${failure.declarant}`, { date: page.date(failure.declaredOn), level: t(`ui.internalQa.level.${failure.level}`) })}
      </p>
      <p>{failure.planDeadline ? t('ui.qaFailure.public.deadline', { date: page.date(failure.planDeadline) }) : t('ui.qaFailure.public.noPlan')}</p>
      {failure.measures.length ? (
        <ul>
          {failure.measures.map((m) => (
            <li>
              {t(`ui.qaFailure.kind.${m.kind}`)}: {t('ui.qaFailure.public.dueBy', { date: page.date(m.dueOn) })}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
