// The public page of an issued credential: what it is, its live status from the verifier, every
// check, a QR code to itself, and the downloads (JSON, PDF). This is what the learner shares.
import { credentialWithLiveStatus } from '../../credentials/credential-pdf.ts';
import type { Context } from 'hono';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { Layout, SyntheticBadge } from '../layout.tsx';
import { pageOf } from '../page.ts';
import { Fields, idOf, onEveryLanguage } from '../record-parts.tsx';
import { CredentialStyles, QrFigure, StatusLine, publicUrl, qrSvg } from './parts.tsx';
import { VerificationResult } from './verdict.tsx';

export function registerCredentialPage(app: Api): void {
  onEveryLanguage(app, '/credentials/:id', (c) => renderCredentialPage(c, idOf(c)));
}

/** The page of a credential (also what a learner's share link opens). */
export async function renderCredentialPage(c: Context<AppEnv>, id: string) {
  const page = pageOf(c);
  const { t } = page;
  const { details: d, report, status } = await credentialWithLiveStatus(c.get('ctx'), id, page.lang);
  const title = page.text(d.title).text;
  const url = publicUrl(page.href(`/credentials/${id}`));
  const svg = await qrSvg(url, t('ui.credentialPages.qrAlt', { title }));
  const shareSubject = t('ui.credentialPages.shareSubject', { title });
  const mailto = `mailto:?subject=${encodeURIComponent(shareSubject)}&body=${encodeURIComponent(`${shareSubject}\n${url}`)}`;
  const level = d.nqfLevel !== null ? t('ui.credentialPages.levelValue', { nqf: d.nqfLevel, eqf: d.eqfLevel ?? '—' }) : null;
  return c.html(
    <Layout
      page={page}
      title={title}
      apiHref={`/api/credentials/${id}`}
      jsonLd={{
        '@context': 'https://schema.org',
        '@type': 'EducationalOccupationalCredential',
        name: title,
        recognizedBy: { '@type': 'Organization', name: page.text(d.issuerName).text },
        url,
      }}
    >
      <CredentialStyles />
      <p class="meta">{t('ui.credentialPages.kind')}</p>
      <h1>
        {title}
        <SyntheticBadge page={page} synthetic={d.isSynthetic} />
      </h1>
      <StatusLine page={page} status={status} reason={d.statusReason} date={d.statusChangedAt} until={d.validUntil} />
      <section aria-labelledby="about">
        <h2 id="about">{t('ui.credentialPages.about')}</h2>
        <Fields
          rows={[
            [t('ui.credentialPages.learner'), d.learnerName],
            [t('ui.credentialPages.issuer'), <a href={page.href(`/organizations/${d.organizationId}`)}>{page.text(d.issuerName).text}</a>],
            [t('ui.credentialPages.awarded'), <time datetime={d.validFrom}>{page.date(d.validFrom)}</time>],
            [t('ui.credentialPages.validUntil'), d.validUntil ? <time datetime={d.validUntil}>{page.date(d.validUntil)}</time> : t('ui.credentialPages.noEnd')],
            [t('ui.credentialPages.ects'), d.ects !== null ? page.number(d.ects) : null],
            [t('ui.credentialPages.level'), level],
            [t('ui.credentialPages.field'), d.fieldCode ? (d.fieldName ? `${page.text(d.fieldName).text} (${d.fieldCode})` : d.fieldCode) : null],
            [t('ui.credentialPages.identifier'), <code>{`urn:uuid:${d.id}`}</code>],
          ]}
        />
        {d.outcomes.length ? (
          <>
            <h3>{t('ui.credentialPages.outcomes')}</h3>
            <ul>
              {d.outcomes.map((o) => (
                <li>{page.text(o).text}</li>
              ))}
            </ul>
          </>
        ) : d.description ? (
          <p>{d.description}</p>
        ) : null}
      </section>

      <VerificationResult page={page} report={report} />

      <section aria-labelledby="downloads">
        <h2 id="downloads">{t('ui.credentialPages.downloads')}</h2>
        <ul class="downloads">
          <li>
            <a href={`/api/credentials/${id}/vc`} download>
              {t('ui.credentialPages.downloadJson')}
            </a>
          </li>
          <li>
            <a href={`/api/credentials/${id}/pdf?lang=${page.lang}`}>{t('ui.credentialPages.downloadPdf')}</a>
          </li>
          <li>
            <a href={`${page.href('/verify')}`}>{t('ui.credentialPages.verifyAnother')}</a>
          </li>
        </ul>
        <QrFigure svg={svg} caption={t('ui.credentialPages.qrCaption')} url={url} />
      </section>

      <section aria-labelledby="share">
        <h2 id="share">{t('ui.credentialPages.share')}</h2>
        <p>{t('ui.credentialPages.shareText')}</p>
        <p>{t('ui.credentialSharing.publicByDesign')}</p>
        <p>
          <a href={mailto}>{t('ui.credentialPages.shareByMail')}</a>
        </p>
      </section>
    </Layout>,
  );
}
