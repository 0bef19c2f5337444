// "Download as CSV / XLSX / JSON-LD" for a register, in the page's language. A list page or a
// register page drops it in: <DownloadLinks page={page} register="programmes" />. A search or a
// filtered list passes its own export path and query: <DownloadLinks page={page} register="search"
// exportPath="/api/search/export" query={params} /> (same filters, every page of the results).
import type { Page } from '../page.ts';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'jsonld', label: 'JSON-LD' },
] as const;

export function DownloadLinks(props: { page: Page; register: string; exportPath?: string; query?: Record<string, string | number | undefined> }) {
  const { page, register } = props;
  const hrefOf = (format: string) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(props.query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
    params.set('format', format);
    params.set('lang', page.lang);
    return `${props.exportPath ?? `/api/exports/${register}`}?${params}`;
  };
  const id = `download-${register}`;
  return (
    <nav class="downloads" aria-labelledby={id}>
      <span id={id}>{page.t('ui.interop.download')}</span>{' '}
      {FORMATS.map(({ format, label }, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={hrefOf(format)} download>
            {label}
          </a>
        </>
      ))}
    </nav>
  );
}
