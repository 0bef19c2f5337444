// Signing in returns to the page that asked for it. The page is carried as `next`, a path without
// its language prefix (the language chosen on the sign-in page wins); only a path on this site is
// followed, so a crafted link cannot send a user elsewhere after signing in (an open redirect).

const MAX_LENGTH = 1000;

/** `next` if it is a path on this site other than the sign-in page itself, else null. */
export function returnPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_LENGTH) return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  if (/^\/(kk|ru|en)(\/|$|\?)/.test(next) || /^\/sign-(in|out)(\/|$|\?)/.test(next)) return null;
  return next;
}

/** The sign-in page's address for a visitor on `rest` + `search` (both without the language). */
export function signInHref(lang: string, rest: string, search = ''): string {
  const next = returnPath(`${rest}${search}`);
  return next && next !== '/' && next !== '/workspace' ? `/${lang}/sign-in?next=${encodeURIComponent(next)}` : `/${lang}/sign-in`;
}
