// A real Sapa server over a fresh test database, and Debian's Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { createTestApp } from './app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests need Chromium; CI installs it (.ci/run), elsewhere they say why they skip. */
export const browserSkip: string | false = existsSync(CHROMIUM) ? false : process.env.CI ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

export async function startBrowserStack() {
  const t = await createTestApp();
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
