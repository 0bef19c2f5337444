// "Download as CSV / XLSX / JSON-LD" for a register, in the page's language. A list page or a
// register page drops it in: <DownloadLinks page={page} register="programmes" />.
import type { Page } from '../page.ts';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'jsonld', label: 'JSON-LD' },
] as const;

export function DownloadLinks(props: { page: Page; register: string; headingLevel?: 'h2' | 'h3' }) {
  const { page, register } = props;
  const id = `download-${register}`;
  return (
    <nav class="downloads" aria-labelledby={id}>
      <span id={id}>{page.t('ui.interop.download')}</span>{' '}
      {FORMATS.map(({ format, label }, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={`/api/exports/${register}?format=${format}&lang=${page.lang}`} download>
            {label}
          </a>
        </>
      ))}
    </nav>
  );
}
