// /{lang}/open-data: the registers to download now, and the nightly dumps with their dates, sizes and
// checksums (real data and, on an instance with the demonstration set, the labelled demo dumps).
import { openDataDumps } from '../../interop/dump-service.ts';
import { REGISTER_NAMES } from '../../interop/import-registers.ts';
import { datasetTitle } from '../../interop/dump-metadata.ts';
import type { Api } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { pageOf } from '../page.ts';
import { DataTable, NoneOr, Section, onEveryLanguage } from '../record-parts.tsx';
import { DownloadLinks } from './download-links.tsx';

export function registerOpenDataPage(app: Api): void {
  onEveryLanguage(app, '/open-data', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const dumps = await openDataDumps(c.get('ctx'));
    const size = (bytes: number) => new Intl.NumberFormat(page.lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1024);
    return c.html(
      <Layout page={page} title={t('ui.interop.openData')} apiHref="/api/open-data">
        <h1>{t('ui.interop.openData')}</h1>
        <p>{t('ui.interop.openDataIntro')}</p>
        <Section id="registers" title={t('ui.interop.registersNow')}>
          <ul>
            {REGISTER_NAMES.map((register) => (
              <li>
                {datasetTitle(register, 'real')[page.lang]}: <DownloadLinks page={page} register={register} />
              </li>
            ))}
          </ul>
        </Section>
        <Section id="dumps" title={t('ui.interop.dumps')}>
          <NoneOr page={page} some={dumps.length > 0}>
            {dumps.map((dump) => (
              <DataTable
                caption={
                  <>
                    <time datetime={dump.createdAt}>{page.date(dump.createdAt)}</time>
                    {dump.label === 'demonstration' ? ` — ${t('ui.interop.demonstration')}` : ''}
                  </>
                }
                columns={[t('ui.interop.file'), t('ui.interop.records'), t('ui.interop.size'), 'SHA-256']}
                items={dump.files}
                row={(f) => (
                  <tr>
                    <td>
                      <a href={`/api/open-data/${dump.id}/${f.name}`}>{f.name}</a>
                    </td>
                    <td>{f.records ?? ''}</td>
                    <td>{size(f.size)}</td>
                    <td>
                      <code>{f.sha256}</code>
                    </td>
                  </tr>
                )}
              />
            ))}
          </NoneOr>
        </Section>
      </Layout>,
    );
  });
}
