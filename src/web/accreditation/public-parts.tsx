// Small pieces the public accreditation pages share.
import type { Page } from '../page.ts';

/** "1 September 2024 – 31 August 2029", or an open end. */
export function ValidRange(props: { page: Page; from: string | null; to: string | null }) {
  const { page } = props;
  if (!props.from) return <>{page.t('ui.accreditationPublic.unpublished')}</>;
  return (
    <>
      {page.t('ui.accreditationPublic.validRange', {
        from: page.date(props.from),
        to: props.to ? page.date(props.to) : page.t('ui.accreditationPublic.openEnded'),
      })}
    </>
  );
}

export const decisionStatusLabel = (page: Page, status: string) => page.t(`ui.accreditationPublic.decisionStatus.${status}`, { defaultValue: status });
export const outcomeLabel = (page: Page, outcome: string) => page.t(`ui.accreditationPublic.outcomeValue.${outcome}`, { defaultValue: outcome });
export const termLabel = (page: Page, years: number | null) => (years === null ? '—' : page.t('ui.accreditationPublic.termYears', { count: years }));
