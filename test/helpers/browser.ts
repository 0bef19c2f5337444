// A real Sapa server over a fresh test database, and Debian's Chromium driven by playwright-core.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { createTestApp } from './app.ts';
import { CHROMIUM, CHROMIUM_ARGS, SHARED_BROWSER_ENV } from './chromium.ts';

export { CHROMIUM, browserSkip } from './chromium.ts';

/** `template: 'demo'` serves the demonstration data set. */
export async function startBrowserStack(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Each file's pages live in their own contexts, so files can share the run's browser; a file run
  // on its own launches one. Closing a connected browser closes this file's contexts only.
  const shared = process.env[SHARED_BROWSER_ENV];
  const browser: Browser = shared ? await chromium.connect(shared) : await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    t,
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

/** WCAG 2.1 A and AA violations axe finds on the page, as "rule: selectors" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A browser context signed in through the sign-in form (a session cookie, as a person gets it). */
export async function signedInContext(
  stack: Awaited<ReturnType<typeof startBrowserStack>>,
  email: string,
  password: string,
  options: { lang?: string; width?: number } = {},
): Promise<BrowserContext> {
  const lang = options.lang ?? 'en';
  const context = await stack.browser.newContext(options.width ? { viewport: { width: options.width, height: 800 } } : {});
  const page = await context.newPage();
  await page.goto(`${stack.base}/${lang}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('main form button[type="submit"]');
  await page.waitForURL(new RegExp(`/${lang}/workspace$`));
  await page.close();
  return context;
}
