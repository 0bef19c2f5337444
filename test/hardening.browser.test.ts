// The Content-Security-Policy holds on real pages: Chromium walks the portal's links (anonymous,
// then signed in) and reports every violation it logs. A page that brings an inline style or
// script, or a style attribute, fails here (docs/operations.md, "Security headers", says how to add one).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { inTransaction } from '../src/platform/context.ts';
import { browserSkip, signedInContext, startBrowserStack } from './helpers/browser.ts';
import { TEST_PASSWORD, addUser } from './helpers/factories.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;

/** Visits up to `limit` pages reached by links from `start`, and answers the CSP violations logged. */
async function cspViolationsWalking(context: BrowserContext, start: string, limit: number): Promise<string[]> {
  const violations: string[] = [];
  const queue = [start];
  const seen = new Set(queue);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  for (let visited = 0; queue.length && visited < limit; visited++) {
    const url = queue.shift() as string;
    await page.goto(url);
    const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const target = new URL(link);
      target.hash = '';
      // One page per path: the query variants of a list look alike.
      const key = target.pathname;
      if (target.origin === stack.base && !seen.has(key) && !/\.(pdf|json|csv|xlsx|png)$|\/api\//.test(key) && !/sign-out/.test(key)) {
        seen.add(key);
        queue.push(target.href);
      }
    }
  }
  await page.close();
  return violations;
}

describe('the Content-Security-Policy in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, (ctx) => addUser(ctx, { email: 'csp-ministry@test.sapa.kz', role: 'ministry' }));
  });
  after(() => stack?.close());

  test('public pages raise no CSP violation', async () => {
    const context = await stack.browser.newContext();
    assert.deepEqual(await cspViolationsWalking(context, `${stack.base}/en/`, 25), []);
    await context.close();
  });

  test('workspace pages, signed in, raise no CSP violation', async () => {
    const context = await signedInContext(stack, 'csp-ministry@test.sapa.kz', TEST_PASSWORD);
    assert.deepEqual(await cspViolationsWalking(context, `${stack.base}/en/workspace`, 20), []);
    await context.close();
  });

  test('the API docs page runs its inline start-up script by hash', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()) && /inline/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${stack.base}/api/docs`);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('a form on another port of the same host cannot make a signed-in user write (CSRF)', async () => {
    // The attacker's page: another server on 127.0.0.1, so the same site, and SameSite=Lax sends the cookie.
    const form = `<form method="post" action="${stack.base}/en/sign-out"><button>go</button></form>`;
    const attacker = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>x</title>${form}`));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const context = await signedInContext(stack, 'csp-ministry@test.sapa.kz', TEST_PASSWORD);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const answer = page.waitForResponse((res) => res.url() === `${stack.base}/en/sign-out`);
    await page.click('button');
    assert.equal((await answer).status(), 403);
    const me = await context.request.get(`${stack.base}/api/auth/me`);
    assert.equal((await me.json()).authenticated, true, 'the forged sign-out did not end the session');
    await context.close();
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  });
});
