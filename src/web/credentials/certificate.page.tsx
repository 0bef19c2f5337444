// The certificates database in public: a certificate's page (what its QR code opens) and the
// lookup by organization and number that anyone holding a paper certificate can use.
import { certificateIssuers, findCertificates, getCertificate } from '../../credentials/certificate-register.service.ts';
import type { Certificate } from '../../credentials/certificate-register.schema.ts';
import { todayInAlmaty } from '../../platform/calendar/calendar.ts';
import type { Api } from '../../platform/http/env.ts';
import { Layout, SyntheticBadge } from '../layout.tsx';
import { type Page, pageOf } from '../page.ts';
import { Fields, idOf, onEveryLanguage } from '../record-parts.tsx';
import { CredentialStyles, QrFigure, publicUrl, qrSvg } from './parts.tsx';

type CertificateState = 'valid' | 'revoked' | 'expired';

const stateOf = (c: Certificate): CertificateState =>
  c.status === 'revoked' ? 'revoked' : c.validUntil && c.validUntil < todayInAlmaty() ? 'expired' : 'valid';

function CertificateStatus(props: { page: Page; certificate: Certificate }) {
  const { page, certificate: c } = props;
  const { t } = page;
  const state = stateOf(c);
  return (
    <p class={`status status-${state}`}>
      <strong>{t(`ui.credentialPages.certificate.state.${state}`)}</strong>
      {state === 'revoked' ? <> — {t('ui.credentialPages.certificate.revokedReason', { reason: c.statusReason ?? '—' })}</> : null}
      {state === 'expired' && c.validUntil ? <> — {t('ui.credentialPages.statusDetail.expired', { date: page.date(c.validUntil) })}</> : null}
    </p>
  );
}

/** Organizations that have registered certificates, for the lookup form. */
async function issuers(page: Page, ctx: Parameters<typeof getCertificate>[0]): Promise<[string, string][]> {
  const names = await certificateIssuers(ctx);
  return Object.entries(names)
    .map(([id, name]): [string, string] => [id, page.text(name).text])
    .sort((a, b) => a[1].localeCompare(b[1], page.lang));
}

export function registerCertificatePages(app: Api): void {
  onEveryLanguage(app, '/certificates', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const organization = (c.req.query('organization') ?? '').trim();
    const number = (c.req.query('number') ?? '').trim();
    const asked = organization !== '' || number !== '';
    const complete = /^[0-9a-f-]{36}$/i.test(organization) && number !== '';
    const found = complete ? (await findCertificates(ctx, { organizationId: organization, number, limit: 1, offset: 0 })).items[0] : undefined;
    const options = await issuers(page, ctx);
    const title = t('ui.credentialPages.certificate.lookupTitle');
    const problem = asked && !complete ? t('errors.product.certificate.lookupNeedsBoth') : null;
    return c.html(
      <Layout page={page} title={title}>
        <CredentialStyles />
        <h1>{title}</h1>
        <p>{t('ui.credentialPages.certificate.lookupIntro')}</p>
        {problem ? (
          <div class="error-summary" role="alert">
            <p>{problem}</p>
          </div>
        ) : null}
        <form class="ws" method="get" action={page.href('/certificates')}>
          <label for="f-organization">{t('ui.credentialPages.certificate.organization')}</label>
          <select id="f-organization" name="organization" required>
            <option value="">—</option>
            {options.map(([id, name]) => (
              <option value={id} selected={id === organization}>
                {name}
              </option>
            ))}
          </select>
          <label for="f-number">{t('ui.credentialPages.certificate.number')}</label>
          <input id="f-number" name="number" type="text" required value={number} autocomplete="off" />
          <p>
            <button type="submit">{t('ui.credentialPages.certificate.find')}</button>
          </p>
        </form>
        {complete ? (
          <section aria-labelledby="lookup-result" role="status">
            <h2 id="lookup-result">{t('ui.credentialPages.certificate.result')}</h2>
            {found ? (
              <p>
                <a href={page.href(`/certificates/${found.id}`)}>
                  {t('ui.credentialPages.certificate.foundLink', { number: found.number, holder: found.holderName })}
                </a>
              </p>
            ) : (
              <p>{t('ui.credentialPages.certificate.notFound', { number })}</p>
            )}
          </section>
        ) : null}
      </Layout>,
      problem ? 422 : 200,
    );
  });

  onEveryLanguage(app, '/certificates/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const certificate = await getCertificate(c.get('ctx'), id);
    const title = t('ui.credentialPages.certificate.title', { number: certificate.number });
    const url = publicUrl(page.href(`/certificates/${id}`));
    const svg = await qrSvg(url, t('ui.credentialPages.certificate.qrAlt', { number: certificate.number }));
    return c.html(
      <Layout page={page} title={title} apiHref={`/api/certificates/${id}`}>
        <CredentialStyles />
        <p class="meta">{t('ui.credentialPages.certificate.kind')}</p>
        <h1>
          {title}
          <SyntheticBadge page={page} synthetic={certificate.isSynthetic} />
        </h1>
        <CertificateStatus page={page} certificate={certificate} />
        <Fields
          rows={[
            [t('ui.credentialPages.certificate.number'), certificate.number],
            [t('ui.credentialPages.certificate.holder'), certificate.holderName],
            [t('ui.credentialPages.certificate.programme'), certificate.title],
            [t('ui.credentialPages.certificate.issuedOn'), <time datetime={certificate.issuedOn}>{page.date(certificate.issuedOn)}</time>],
            [
              t('ui.credentialPages.validUntil'),
              certificate.validUntil ? <time datetime={certificate.validUntil}>{page.date(certificate.validUntil)}</time> : t('ui.credentialPages.noEnd'),
            ],
            [
              t('ui.credentialPages.certificate.organization'),
              <a href={page.href(`/organizations/${certificate.organizationId}`)}>{page.text(certificate.organizationName).text}</a>,
            ],
          ]}
        />
        <QrFigure svg={svg} caption={t('ui.credentialPages.qrCaption')} url={url} />
        <p>
          <a href={page.href('/certificates')}>{t('ui.credentialPages.certificate.lookupAnother')}</a>
        </p>
      </Layout>,
    );
  });
}
