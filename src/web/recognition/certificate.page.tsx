// The public face of recognition: a certificate of recognition of a foreign qualification (what its
// QR code opens) and the lookup by number that anyone holding the paper certificate can use.
import type { PublicCertificate } from '../../recognition/foreign-recognition.schema.ts';
import { publicCertificate } from '../../recognition/foreign-recognition.service.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/env.ts';
import { QrFigure, publicUrl, qrSvg } from '../credentials/parts.tsx';
import { Layout, SyntheticBadge } from '../layout.tsx';
import { type Page, pageOf } from '../page.ts';
import { Fields, onEveryLanguage } from '../record-parts.tsx';

const NUMBER = /^[A-Z]{2}-\d{4}-[0-9A-F]{8}$/;

/** What was recognized, in one line: full, or the kind of substantial difference. */
export function outcomeText(page: Page, outcome: string, kind: string | null): string {
  return kind ? `${page.t(`ui.recognition.outcome.${outcome}`)} — ${page.t(`ui.recognition.differenceKind.${kind}`)}` : page.t(`ui.recognition.outcome.${outcome}`);
}

function CertificateFields(props: { page: Page; c: PublicCertificate }) {
  const { page, c } = props;
  const { t } = page;
  return (
    <Fields
      rows={[
        [t('ui.recognition.certificate.number'), c.number],
        [t('ui.recognition.field.holder'), c.holderName],
        [t('ui.recognition.field.qualification'), c.qualificationTitle],
        [t('ui.recognition.field.institution'), c.institutionName],
        [t('ui.recognition.field.country'), c.countryCode],
        [t('ui.recognition.field.outcome'), outcomeText(page, c.outcome, c.differenceKind)],
        [t('ui.recognition.field.recognizedLevel'), t('ui.recognition.nqfLevel', { level: c.recognizedLevel })],
        [t('ui.recognition.field.conditions'), c.conditions ?? ''],
        [t('ui.recognition.field.decidedOn'), <time datetime={c.decidedOn}>{page.date(c.decidedOn)}</time>],
        [t('ui.recognition.field.legalBasis'), t(`ui.recognition.legalBasis.${c.legalBasis}`)],
      ]}
    />
  );
}

export function registerRecognitionPublicPages(app: Api): void {
  onEveryLanguage(app, '/recognition/certificates', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const asked = (c.req.query('number') ?? '').trim().toUpperCase();
    if (asked && NUMBER.test(asked)) return c.redirect(page.href(`/recognition/certificates/${asked}`), 303);
    const title = t('ui.recognition.certificate.lookupTitle');
    return c.html(
      <Layout page={page} title={title}>
        <h1>{title}</h1>
        <p>{t('ui.recognition.certificate.lookupIntro')}</p>
        {asked ? (
          <div class="error-summary" role="alert">
            <p>{t('ui.recognition.certificate.badNumber')}</p>
          </div>
        ) : null}
        <form class="ws" method="get" action={page.href('/recognition/certificates')}>
          <label for="f-number">{t('ui.recognition.certificate.number')}</label>
          <input id="f-number" name="number" type="text" required value={asked} autocomplete="off" aria-describedby="f-number-hint" />
          <p id="f-number-hint" class="hint">
            {t('ui.recognition.certificate.numberHint')}
          </p>
          <p>
            <button type="submit">{t('ui.recognition.certificate.find')}</button>
          </p>
        </form>
      </Layout>,
      asked ? 422 : 200,
    );
  });

  onEveryLanguage(app, '/recognition/certificates/:number', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const number = c.req.param('number') ?? '';
    let cert: PublicCertificate | null = null;
    try {
      cert = await publicCertificate(c.get('ctx'), number);
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
    }
    if (!cert) {
      const title = t('ui.recognition.certificate.notFoundTitle');
      return c.html(
        <Layout page={page} title={title}>
          <h1>{title}</h1>
          <p class="status status-invalid" role="status">
            {t('ui.recognition.certificate.notFound', { number })}
          </p>
          <p>
            <a href={page.href('/recognition/certificates')}>{t('ui.recognition.certificate.lookupAnother')}</a>
          </p>
        </Layout>,
        404,
      );
    }
    const title = t('ui.recognition.certificate.title', { number: cert.number });
    const url = publicUrl(page.href(`/recognition/certificates/${cert.number}`));
    const svg = await qrSvg(url, t('ui.recognition.certificate.qrAlt', { number: cert.number }));
    return c.html(
      <Layout page={page} title={title} apiHref={`/api/recognition/certificates/${cert.number}`}>
        <p class="meta">{t('ui.recognition.certificate.kind')}</p>
        <h1>
          {title}
          <SyntheticBadge page={page} synthetic={cert.isSynthetic} />
        </h1>
        <p class={`status ${cert.appealPending ? 'status-suspended' : 'status-valid'}`} role="status">
          <strong>{t(cert.appealPending ? 'ui.recognition.certificate.appealPending' : 'ui.recognition.certificate.valid')}</strong>
        </p>
        <CertificateFields page={page} c={cert} />
        <QrFigure svg={svg} caption={t('ui.recognition.certificate.qrCaption')} url={url} />
        <p>
          <a href={`/api/recognition/certificates/${cert.number}/certificate.pdf`} type="application/pdf">
            {t('ui.recognition.pdf.download')}
          </a>
        </p>
        <p>
          <a href={page.href('/recognition/certificates')}>{t('ui.recognition.certificate.lookupAnother')}</a>
        </p>
      </Layout>,
    );
  });
}
