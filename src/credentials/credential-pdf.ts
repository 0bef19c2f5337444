// What a credential says, gathered once for its page and its PDF, and the trilingual PDF
// certificate itself (kk, ru, en, with a QR code to the credential's public page).
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { LangText } from '../platform/pdf/certificate-layout.ts';
import { renderCertificatePdf } from '../platform/pdf/certificate-layout.ts';
import { type Lang, translator } from '../platform/i18n/i18n.ts';
import { settings } from '../platform/settings.ts';
import { entryByCode } from '../frameworks/frameworks.api.ts';
import { organizationById } from '../registry/registry.api.ts';
import { getCredential } from './credential.service.ts';
import { findSpecification } from './specification.repository.ts';
import { presentSpecification } from './specification.service.ts';
import type { Specification } from './specification.schema.ts';
import { type VerificationReport, verifyCredential } from './verify.service.ts';

export type CredentialDetails = {
  id: string;
  organizationId: string;
  issuerName: { kk: string; ru: string; en: string | null };
  learnerName: string;
  /** The achievement's title: the specification's in every language, else the credential's own. */
  title: { kk: string; ru: string; en: string };
  description: string | null;
  outcomes: { kk: string; ru: string; en: string }[];
  ects: number | null;
  nqfLevel: number | null;
  eqfLevel: number | null;
  fieldCode: string | null;
  /** The field's name: the classifier's direction (the code's first 3 digits), so no bare code is shown. */
  fieldName: { kk: string; ru: string; en: string } | null;
  specification: Specification | null;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
  status: string;
  statusReason: string | null;
  statusChangedAt: string | null;
  isSynthetic: boolean;
  credential: Record<string, unknown>;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function achievementOf(credential: Record<string, unknown>): Record<string, unknown> {
  const subject = Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject;
  return isObject(subject) && isObject(subject.achievement) ? subject.achievement : {};
}

/** The stored credential with its issuer and specification; throws not_found for an unknown id. */
export async function credentialDetails(db: Db, id: string): Promise<CredentialDetails> {
  const row = await getCredential(db, id);
  const [org, specRow] = await Promise.all([
    organizationById(db, row.organization_id),
    row.specification_id ? findSpecification(db, row.specification_id) : undefined,
  ]);
  const spec = specRow ? presentSpecification(specRow) : null;
  const achievement = achievementOf(row.credential);
  const credits = typeof achievement.creditsAvailable === 'number' ? achievement.creditsAvailable : null;
  const name = row.achievement_name;
  const fieldCode = spec?.fieldCode ?? (typeof achievement.fieldOfStudy === 'string' ? achievement.fieldOfStudy : null);
  const field = fieldCode && /^\d{3}/.test(fieldCode) ? await entryByCode(db, 'direction', fieldCode.slice(0, 3)) : undefined;
  return {
    id: row.id,
    organizationId: row.organization_id,
    issuerName: { kk: org?.name_kk ?? '—', ru: org?.name_ru ?? '—', en: org?.name_en ?? null },
    learnerName: row.learner_name,
    title: spec ? { kk: spec.title.kk, ru: spec.title.ru, en: spec.title.en ?? spec.title.ru } : { kk: name, ru: name, en: name },
    description: spec ? null : typeof achievement.description === 'string' ? achievement.description : null,
    outcomes: spec ? spec.learningOutcomes.map((o) => ({ kk: o.kk, ru: o.ru, en: o.en ?? o.ru })) : [],
    ects: spec?.workloadEcts ?? credits,
    nqfLevel: spec?.nqfLevel ?? null,
    eqfLevel: spec?.eqfLevel ?? null,
    fieldCode,
    fieldName: field ? { kk: field.name_kk, ru: field.name_ru, en: field.name_en ?? field.name_ru } : null,
    specification: spec,
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until?.toISOString() ?? null,
    issuedAt: row.issued_at.toISOString(),
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at?.toISOString() ?? null,
    isSynthetic: row.is_synthetic,
    credential: row.credential,
  };
}

export type LiveStatus = 'valid' | 'revoked' | 'suspended' | 'expired' | 'not-yet-valid' | 'invalid';

/** What the verifier found, in one word: revocation and suspension first, then dates, then the rest. */
export function liveStatusOf(report: VerificationReport): LiveStatus {
  const key = (check: string) => report.checks.find((c) => c.check === check)?.key ?? '';
  if (key('status').endsWith('.revoked')) return 'revoked';
  if (key('status').endsWith('.suspended')) return 'suspended';
  if (key('validity').endsWith('.expired')) return 'expired';
  if (key('validity').endsWith('.notYet')) return 'not-yet-valid';
  return report.verdict === 'invalid' ? 'invalid' : 'valid';
}

/** A stored credential with what the verifier says of it now: its public page and its PDF show both. */
export async function credentialWithLiveStatus(ctx: Ctx, id: string, lang?: Lang) {
  const details = await credentialDetails(ctx.db, id);
  const report = await verifyCredential(ctx.db, details.credential, lang ? { lang } : {});
  return { details, report, status: liveStatusOf(report) };
}

/** The public page of a credential, which its QR code points to. */
export const credentialPageUrl = (id: string, lang = 'kk'): string => `${settings().PUBLIC_URL}/${lang}/credentials/${id}`;

/** One text per language from the catalogs. */
function texts(key: string, params: Record<string, string | number> | ((lang: Lang) => Record<string, string | number>) = {}): LangText {
  const of = (lang: Lang) => (typeof params === 'function' ? params(lang) : params);
  return { kk: translator('kk')(key, of('kk')), ru: translator('ru')(key, of('ru')), en: translator('en')(key, of('en')) };
}

/** A date as each language writes it (1 қыркүйек 2025 ж., 1 сентября 2025 г., 1 September 2025). */
const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;
const dayIn = (lang: Lang, iso: string) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(new Date(iso));
const localDate = (iso: string): LangText => ({ kk: dayIn('kk', iso), ru: dayIn('ru', iso), en: dayIn('en', iso) });

/** "Information and communication technologies (0613)": the name first, the code beside it. */
const fieldText = (code: string, name: { kk: string; ru: string; en: string } | null): LangText | string =>
  name ? { kk: `${name.kk} (${code})`, ru: `${name.ru} (${code})`, en: `${name.en} (${code})` } : code;

type PdfOptions = {
  now?: Date;
  compress?: boolean;
  /** Language of the page the QR code opens (default kk). */
  lang?: 'kk' | 'ru' | 'en';
};

/** The trilingual PDF certificate of a credential, with its live status and a QR code to its page. */
export async function renderCredentialPdf(details: CredentialDetails, status: LiveStatus, options: PdfOptions = {}): Promise<Uint8Array> {
  const d = details;
  const label = (name: string) => texts(`ui.credentialPages.pdf.${name}`);
  const fields = [
    { label: label('learner'), value: d.learnerName },
    { label: label('achievement'), value: d.title },
    { label: label('issuer'), value: { kk: d.issuerName.kk, ru: d.issuerName.ru, en: d.issuerName.en ?? d.issuerName.ru } },
    { label: label('awarded'), value: localDate(d.validFrom) },
    ...(d.validUntil ? [{ label: label('validUntil'), value: localDate(d.validUntil) }] : []),
    ...(d.ects !== null ? [{ label: label('ects'), value: String(d.ects) }] : []),
    ...(d.nqfLevel !== null ? [{ label: label('level'), value: `${d.nqfLevel} / ${d.eqfLevel ?? '—'}` }] : []),
    ...(d.fieldCode ? [{ label: label('field'), value: fieldText(d.fieldCode, d.fieldName) }] : []),
    { label: label('status'), value: texts(`ui.credentialPages.status.${status}`) },
    { label: label('identifier'), value: `urn:uuid:${d.id}` },
  ];
  const notice =
    status === 'valid'
      ? undefined
      : status === 'revoked' || status === 'suspended'
        ? texts(`ui.credentialPages.pdf.notice.${status}`, (lang) => ({ reason: d.statusReason ?? '—', date: d.statusChangedAt ? dayIn(lang, d.statusChangedAt) : '—' }))
        : texts('ui.credentialPages.pdf.notice.other');
  const paragraphs: LangText[] = d.outcomes.length
    ? [label('outcomes'), ...d.outcomes.map((o) => ({ kk: `• ${o.kk}`, ru: `• ${o.ru}`, en: `• ${o.en}` }))]
    : d.description
      ? [{ kk: d.description, ru: '', en: '' }]
      : [];
  const now = options.now ?? new Date();
  return renderCertificatePdf({
    issuer: { kk: d.issuerName.kk, ru: d.issuerName.ru, en: d.issuerName.en ?? d.issuerName.ru },
    title: texts('ui.credentialPages.pdf.title'),
    number: `№ ${d.id.slice(0, 8).toUpperCase()}`,
    fields,
    paragraphs,
    notice,
    qr: { url: credentialPageUrl(d.id, options.lang), caption: texts('ui.credentialPages.pdf.qrCaption') },
    footer: Object.values(texts('ui.credentialPages.pdf.footer', (lang) => ({ date: dayIn(lang, now.toISOString()) }))).join(' · ') + (d.isSynthetic ? ' · DEMO' : ''),
    metadata: {
      title: `${d.title.en} — ${d.learnerName}`,
      author: d.issuerName.en ?? d.issuerName.ru,
      subject: 'Open Badges 3.0 credential',
      creationDate: now,
    },
    compress: options.compress,
  });
}
