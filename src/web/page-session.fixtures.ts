// Test support for page tests: catalog texts as they appear in HTML, form posts and signed-in
// requests (one session cookie per account, kept for the whole file).
import assert from 'node:assert/strict';
import type { TestApp } from '../../test/helpers/app.ts';
import { catalogs } from '../platform/i18n/i18n.ts';

/** A catalog text by its dotted key. */
// biome-ignore lint/suspicious/noExplicitAny: catalogs are nested JSON
export const text = (lang: 'kk' | 'ru' | 'en', key: string): string => key.split('.').reduce((o: any, k) => o[k], catalogs[lang]);

/** A text as the pages escape it. */
export const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Posts a urlencoded form (repeated fields for arrays), with the cookie when there is one. */
export function postForm(t: TestApp, path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: body.toString(),
  });
}

/** Signs accounts in once (the password given) and gets pages as them. */
export function sessions(app: () => TestApp, password: string) {
  const cookies = new Map<string, string>();
  async function as(email: string): Promise<string> {
    const known = cookies.get(email);
    if (known) return known;
    const res = await postForm(app(), '/en/sign-in', { email, password });
    assert.equal(res.status, 303, `sign-in of ${email}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    cookies.set(email, cookie);
    return cookie;
  }
  async function get(path: string, email: string): Promise<{ status: number; html: string }> {
    const res = await app().app.request(path, { headers: { cookie: await as(email) } });
    return { status: res.status, html: await res.text() };
  }
  return { as, get };
}
