// The workspace's reports: the ministry picks a year and a language and gets the national report,
// an accreditation body's staff their body's yearly activity report — as HTML or as a PDF download.
// One GET form, no script; the report is built by the same service the `sapa report` command calls,
// which checks who may have it.
import { reportHtml } from '../../indicators/report-html.ts';
import { reportPdf } from '../../indicators/report-pdf.ts';
import { buildReport, reportChoices, reportFileName } from '../../indicators/report.ts';
import { reportQuerySchema } from '../../indicators/indicators.schema.ts';
import { attachmentDisposition } from '../../platform/files/files.ts';
import type { Api } from '../../platform/http/env.ts';
import { LANGUAGES, translator } from '../../platform/i18n/i18n.ts';
import { Layout } from '../layout.tsx';
import { LANG_ROUTE, pageOf } from '../page.ts';
import { accountOf } from '../workspace/forms.tsx';
import { deniedPage, signInFirst } from '../workspace/workspace.page.tsx';

export function registerReportPages(app: Api): void {
  app.get(`${LANG_ROUTE}/workspace/reports`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const page = pageOf(c);
    const { t } = page;
    const choices = await reportChoices(c.get('ctx'));
    if (!choices.national && !choices.bodies.length) return deniedPage(c);
    const title = t('ui.indicators.reports.title');
    return c.html(
      <Layout page={page} title={title} account={await accountOf(c, page)}>
        <p>
          <a href={page.href('/workspace')}>{t('ui.workspace.backToWorkspace')}</a>
        </p>
        <h1>{title}</h1>
        <p>{t('ui.indicators.reports.intro')}</p>
        <form class="ws" method="get" action={page.href('/workspace/reports/report')}>
          <p>
            <label for="r-report">{t('ui.indicators.reports.report')}</label>
            <select id="r-report" name="report">
              {choices.national ? <option value="national">{t('ui.indicators.reports.national')}</option> : null}
              {choices.bodies.map((b) => (
                <option value={b.id}>{t('ui.indicators.reports.agency', { name: page.text(b.name).text, interpolation: { escapeValue: false } })}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="r-year">{t('ui.indicators.reports.year')}</label>
            <select id="r-year" name="year">
              {choices.years.map((y, i) => (
                // The last full year is the usual report; the current one is data as of today.
                <option value={String(y)} selected={i === Math.min(1, choices.years.length - 1)}>
                  {String(y)}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="r-lang">{t('ui.indicators.reports.language')}</label>
            <select id="r-lang" name="lang">
              {LANGUAGES.map((l) => (
                <option value={l} lang={l} selected={l === page.lang}>
                  {t(`ui.lang.${l}`)}
                </option>
              ))}
            </select>
          </p>
          <p class="actions">
            <button type="submit" name="format" value="html">
              {t('ui.indicators.reports.openHtml')}
            </button>{' '}
            <button type="submit" name="format" value="pdf">
              {t('ui.indicators.reports.downloadPdf')}
            </button>
          </p>
        </form>
      </Layout>,
    );
  });

  app.get(`${LANG_ROUTE}/workspace/reports/report`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const page = pageOf(c);
    const query = reportQuerySchema.parse(c.req.query());
    const options = { kind: query.report === 'national' ? ('national' as const) : ('agency' as const), year: query.year, lang: query.lang, body: query.report === 'national' ? undefined : query.report };
    // The report is in the language asked for, its way back too; the link leads to the page's language.
    const report = await buildReport({ ...c.get('ctx'), lang: query.lang }, options);
    if (query.format === 'pdf') {
      return c.body(Buffer.from(await reportPdf(report)), 200, {
        'content-type': 'application/pdf',
        'content-disposition': attachmentDisposition(`${reportFileName(options)}.pdf`),
      });
    }
    return c.html(reportHtml(report, { back: { href: page.href('/workspace/reports'), label: translator(query.lang)('ui.indicators.reports.back') } }));
  });
}
