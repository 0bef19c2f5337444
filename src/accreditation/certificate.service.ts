// The accreditation certificate (digest 004 §3.10): a trilingual PDF of an approved positive
// decision with a QR code to its public page. Public like the decision itself; 404 before approval.
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { LANGUAGES, type Lang, translator } from '../platform/i18n/i18n.ts';
import { type CertificateField, type CertificateSpec, type LangText, renderCertificatePdf } from '../platform/pdf/certificate-layout.ts';
import { settings } from '../platform/settings.ts';
import { certificateData } from './certificate.repository.ts';
import { decisionStatusOn } from './decision-status.ts';

/** Statuses of an approved positive decision; before approval, or for a refusal, there is no certificate. */
const CERTIFIED = ['active', 'extended', 'suspended', 'withdrawn', 'expired'];
const IN_FORCE = ['active', 'extended'];

/** The same message in every language. */
const all = (key: string, params?: Record<string, string | number>): LangText =>
  Object.fromEntries(LANGUAGES.map((l) => [l, translator(l)(key, params)])) as LangText;

const names = (kk: string, ru: string, en: string | null): LangText => ({ kk, ru, en: en ?? ru });

/** Where the QR code leads: the public decision page in the reader's language. */
export function decisionPageUrl(decisionId: string, lang: Lang): string {
  return `${settings().PUBLIC_URL}/${lang}/accreditation/decisions/${decisionId}`;
}

export async function certificateSpec(ctx: Ctx, decisionId: string, today = todayInAlmaty()): Promise<CertificateSpec> {
  const data = await certificateData(ctx.db, decisionId);
  const d = data?.decision;
  if (!data || !d || d.outcome !== 'accredited' || !d.approved_on || !CERTIFIED.includes(d.status)) throw notFound('accreditation-certificate', decisionId);
  const status = decisionStatusOn(d.status, d.valid_to, today);
  const body = names(d.body_kk, d.body_ru, d.body_en);
  const organization = names(d.org_kk, d.org_ru, d.org_en);
  const fields: CertificateField[] = [
    { label: all('ui.documents.certificate.body'), value: body },
    { label: all('ui.documents.certificate.organization'), value: organization },
  ];
  if (data.programmes.length) {
    const list = (lang: Lang) =>
      data.programmes.map((p) => `${p.code} ${lang === 'kk' ? p.name_kk : lang === 'ru' ? p.name_ru : (p.name_en ?? p.name_ru)}`).join('\n');
    fields.push({ label: all('ui.documents.certificate.programmes'), value: { kk: list('kk'), ru: list('ru'), en: list('en') } });
  }
  if (d.term_years !== null) fields.push({ label: all('ui.documents.certificate.term'), value: String(d.term_years) });
  fields.push({ label: all('ui.documents.certificate.validity'), value: `${d.valid_from ?? '—'} – ${d.valid_to ?? '—'}` });
  fields.push({ label: all('ui.documents.certificate.decidedOn'), value: d.decided_on });
  fields.push({ label: all('ui.documents.certificate.approvedOn'), value: d.approved_on });
  if (d.eur_ace && d.enaee_status === 'approved') fields.push({ label: all('ui.documents.certificate.euraceLabel'), value: 'EUR-ACE®' });

  const title = all(d.kind === 'institutional' ? 'ui.documents.certificate.titleInstitutional' : 'ui.documents.certificate.titleProgramme');
  const url = decisionPageUrl(d.id, ctx.lang);
  return {
    issuer: body,
    title,
    number: d.certificate_number ? `№ ${d.certificate_number}` : undefined,
    fields,
    paragraphs: [all('ui.documents.certificate.statement')],
    notice: IN_FORCE.includes(status)
      ? undefined
      : (Object.fromEntries(
          LANGUAGES.map((l) => [
            l,
            translator(l)('ui.documents.certificate.notInForce', { date: today, status: translator(l)(`ui.documents.decisionStatus.${status}`) }),
          ]),
        ) as LangText),
    qr: { url, caption: all('ui.documents.certificate.qrCaption') },
    footer: `Sapa · ${today} · ${url}`,
    metadata: {
      title: `${title.en}${d.certificate_number ? ` № ${d.certificate_number}` : ''}: ${organization.en}`,
      author: body.en,
      subject: title.en,
      keywords: ['accreditation', d.kind, d.certificate_number ?? '', d.id].filter(Boolean).join(', '),
    },
  };
}

export async function certificatePdf(ctx: Ctx, decisionId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const spec = await certificateSpec(ctx, decisionId);
  const number = spec.number?.replace(/^№\s*/, '') ?? decisionId;
  return { bytes: await renderCertificatePdf(spec), fileName: `certificate-${number.replace(/[^\w.-]+/g, '_')}.pdf` };
}
