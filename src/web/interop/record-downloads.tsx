// "Download as …" on a record's page: the record in the exchange formats Sapa publishes (Europass
// ELM, Credential Engine CTDL, DEQAR for decisions), named in the page's language. Each link is the
// record's API route (docs/interop.md); a record that is not public yet (a draft programme, a
// decision awaiting approval) shows none, as those routes answer 404 for it.
import type { Page } from '../page.ts';

export type RecordFormat = 'elm' | 'ctdl' | 'deqarJson' | 'deqarCsv';

const HREF: Record<RecordFormat, (api: string) => string> = {
  elm: (api) => `${api}/elm`,
  ctdl: (api) => `${api}/ctdl`,
  deqarJson: (api) => `${api}/deqar?format=json`,
  deqarCsv: (api) => `${api}/deqar?format=csv`,
};

/** `api` is the record's API path (`/api/qualifications/<id>`); `formats` what it is published as. */
export function RecordDownloads(props: { page: Page; api: string; formats: readonly RecordFormat[] }) {
  const { page, api, formats } = props;
  if (!formats.length) return null;
  return (
    <nav class="record-downloads" aria-labelledby="record-downloads">
      <h2 id="record-downloads">{page.t('ui.recordDownloads.heading')}</h2>
      <ul>
        {formats.map((format) => (
          <li>
            <a href={HREF[format](api)} download>
              {page.t(`ui.recordDownloads.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
