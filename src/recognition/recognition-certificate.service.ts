// The certificate of recognition of a foreign qualification as a PDF (issue 16 item 6): one A4 page
// in the applicant's chosen language (their account's language, or the one asked for), made with the
// shared certificate layout (pdfkit, DejaVu Sans), with a QR code to its public verification page.
// Public like that page: it shows only what the page shows.
import type { Ctx } from '../platform/context.ts';
import { LANGUAGES, type Lang, translator } from '../platform/i18n/i18n.ts';
import { type CertificateField, type LangText, renderCertificatePdf } from '../platform/pdf/certificate-layout.ts';
import { settings } from '../platform/settings.ts';
import * as repo from './foreign-recognition.repository.ts';
import { publicCertificate } from './foreign-recognition.service.ts';

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Where the QR code leads: the public verification page in the certificate's language. */
export function certificatePageUrl(number: string, lang: Lang): string {
  return `${settings().PUBLIC_URL}/${lang}/recognition/certificates/${number}`;
}

const isLang = (l: string | undefined): l is Lang => (LANGUAGES as readonly string[]).includes(l ?? '');

export async function recognitionCertificatePdf(ctx: Ctx, number: string, asked?: Lang): Promise<{ bytes: Uint8Array; fileName: string; lang: Lang }> {
  const cert = await publicCertificate(ctx, number);
  const row = await repo.applicationByCertificate(ctx.db, cert.number);
  const chosen = asked ?? (row ? await repo.applicantLanguage(ctx.db, row.applicant_user_id) : undefined);
  const lang: Lang = isLang(chosen) ? chosen : 'kk';
  // The layout takes every language; only the chosen one is printed.
  const all = (make: (t: ReturnType<typeof translator>, l: Lang) => string): LangText => Object.fromEntries(LANGUAGES.map((l) => [l, make(translator(l), l)])) as LangText;
  const key = (k: string, params?: Record<string, string | number>) => all((t) => t(k, params));
  const outcome = all((t) => (cert.differenceKind ? `${t(`ui.recognition.outcome.${cert.outcome}`)} — ${t(`ui.recognition.differenceKind.${cert.differenceKind}`)}` : t(`ui.recognition.outcome.${cert.outcome}`)));
  const country = all((_t, l) => {
    try {
      return new Intl.DisplayNames([LOCALES[l]], { type: 'region' }).of(cert.countryCode) ?? cert.countryCode;
    } catch {
      return cert.countryCode;
    }
  });
  const date = (iso: string) => all((_t, l) => new Intl.DateTimeFormat(LOCALES[l], { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(new Date(iso)));
  const fields: CertificateField[] = [
    { label: key('ui.recognition.field.holder'), value: cert.holderName },
    { label: key('ui.recognition.field.qualification'), value: cert.qualificationTitle },
    { label: key('ui.recognition.field.institution'), value: cert.institutionName },
    { label: key('ui.recognition.field.country'), value: country },
    { label: key('ui.recognition.field.outcome'), value: outcome },
    { label: key('ui.recognition.field.recognizedLevel'), value: key('ui.recognition.nqfLevel', { level: cert.recognizedLevel }) },
    ...(cert.conditions ? [{ label: key('ui.recognition.field.conditions'), value: cert.conditions }] : []),
    ...(row?.reasons ? [{ label: key('ui.recognition.pdf.reasons'), value: row.reasons }] : []),
    { label: key('ui.recognition.field.decidedOn'), value: date(cert.decidedOn) },
    { label: key('ui.recognition.field.legalBasis'), value: key(`ui.recognition.legalBasis.${cert.legalBasis}`) },
  ];
  const url = certificatePageUrl(cert.number, lang);
  const title = key('ui.recognition.pdf.title');
  const bytes = await renderCertificatePdf({
    issuer: key(`ui.recognition.pdf.issuer.${cert.track}`),
    title,
    number: `№ ${cert.number}`,
    fields,
    paragraphs: [key('ui.recognition.pdf.statement')],
    notice: cert.appealPending ? key('ui.recognition.pdf.appealPending') : undefined,
    qr: { url, caption: key('ui.recognition.pdf.qrCaption') },
    footer: `Sapa · ${url}`,
    languages: [lang],
    metadata: { title: `${title[lang]} № ${cert.number}`, subject: title[lang], keywords: ['recognition', cert.number].join(', ') },
  });
  return { bytes, fileName: `recognition-${cert.number}-${lang}.pdf`, lang };
}
