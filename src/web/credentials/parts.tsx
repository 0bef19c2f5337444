// Pieces the credential pages share: the QR code, the live status and the list of verification checks.
import QRCode from 'qrcode';
import type { LiveStatus } from '../../credentials/credential-pdf.ts';
import { settings } from '../../platform/settings.ts';
import type { Page } from '../page.ts';
import { VERDICT_STYLES } from './verdict.tsx';

/** An absolute URL of a page of this Sapa (what a QR code must hold). */
export const publicUrl = (path: string): string => `${settings().PUBLIC_URL}${path}`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The QR code as inline SVG, announced as one image with its alt text. */
export async function qrSvg(url: string, alt: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // qrcode writes <svg xmlns=… viewBox=…>; the title and role make it one accessible image.
  return svg.replace(
    /<svg\b([^>]*)>/,
    (_m, attrs: string) => `<svg${attrs} role="img" aria-label="${escapeHtml(alt)}" width="160" height="160"><title>${escapeHtml(alt)}</title>`,
  );
}

export function QrFigure(props: { svg: string; caption: string; url: string }) {
  return (
    <figure class="qr">
      <div dangerouslySetInnerHTML={{ __html: props.svg }} />
      <figcaption>
        {props.caption} <a href={props.url}>{props.url}</a>
      </figcaption>
    </figure>
  );
}

/** The live status in one line, with the reason and date of a revocation or suspension. */
export function StatusLine(props: { page: Page; status: LiveStatus; reason?: string | null; date?: string | null; until?: string | null }) {
  const { page, status } = props;
  const { t } = page;
  const detail =
    status === 'revoked' || status === 'suspended'
      ? t(`ui.credentialPages.statusDetail.${status}`, { reason: props.reason ?? '—', date: props.date ? page.date(props.date) : '—' })
      : status === 'expired' && props.until
        ? t('ui.credentialPages.statusDetail.expired', { date: page.date(props.until) })
        : null;
  return (
    <p class={`status status-${status}`}>
      <strong>{t(`ui.credentialPages.status.${status}`)}</strong>
      {detail ? <> — {detail}</> : null}
    </p>
  );
}

/** Page styles of the credential pages, served with the layout's in /assets/site.css (web/stylesheet.ts). */
export const CREDENTIAL_STYLES = `
.qr{margin:12px 0}.qr svg{display:block;max-width:100%;height:auto}.qr figcaption{font-size:.9rem;overflow-wrap:anywhere}
.status{padding:8px 12px;border-left:6px solid #1d6b2f;background:#eef7f0}
.status-revoked,.status-invalid{border-color:#a4161a;background:#fbeeee}
.status-suspended,.status-expired,.status-not-yet-valid{border-color:#8a5a00;background:#fff6e0}
/* The checks fit any width by wrapping, rather than scrolling sideways (a scrolling region needs focus). */
table.checks{display:table;table-layout:fixed}table.checks th,table.checks td{overflow-wrap:anywhere;vertical-align:top}
table.checks th[scope=col]:first-child{width:32%}table.checks th[scope=col]:nth-child(2){width:24%}
.check-ok{color:#1d6b2f;font-weight:600}.check-failed{color:#a4161a;font-weight:600}.check-warning{color:#7a4f00;font-weight:600}.check-skipped{color:#454f5b}
.downloads{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0}
textarea.json{font-family:ui-monospace,monospace;font-size:.85rem;min-height:12rem}
`;

/** Nothing any more: the styles are in the served stylesheet, as the CSP allows no inline style. */
export function CredentialStyles() {
  return null;
}
