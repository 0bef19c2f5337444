// The pages' one stylesheet, served as a file: the Content-Security-Policy allows no inline style,
// so no page holds a <style> element (see docs/operations.md, "Security headers").
import { createHash } from 'node:crypto';
import type { Api } from '../platform/http/env.ts';
import { CREDENTIAL_STYLES } from './credentials/parts.tsx';
import { VERDICT_STYLES } from './credentials/verdict.tsx';
import { HOME_STYLES } from './home.styles.ts';
import { INDICATOR_STYLES } from './indicators/indicators.styles.ts';
import { STYLES } from './styles.ts';
import { LIST_STYLES } from './workspace/list-view.styles.ts';

const CSS = `${STYLES}\n${HOME_STYLES}\n${CREDENTIAL_STYLES}\n${VERDICT_STYLES}\n${INDICATOR_STYLES}\n${LIST_STYLES}`;
const VERSION = createHash('sha256').update(CSS).digest('hex').slice(0, 12);

/** The stylesheet's address; its content hash in the query lets browsers cache it for good. */
export const STYLESHEET_HREF = `/assets/site.css?v=${VERSION}`;

export function registerStylesheet(app: Api): void {
  app.get('/assets/site.css', (c) =>
    c.body(CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': c.req.query('v') === VERSION ? 'public, max-age=31536000, immutable' : 'no-cache' }),
  );
}
