// Runs once in the test runner before the test files (npm test: --test-global-setup). Every
// database test needs the reference template, so it is built here once; the demo template takes
// minutes to seed, so a background process starts on it now and the files that need it (seed.test.ts)
// wait for it instead of starting it late. The browser test files share one Chromium started here.
// A file run on its own builds or launches what it needs itself.
import { type ChildProcess, spawn } from 'node:child_process';
import type { BrowserServer } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, SHARED_BROWSER_ENV, browserSkip } from './helpers/chromium.ts';
import { prepareTemplate } from './helpers/database.ts';

let demo: ChildProcess | null = null;
let browser: BrowserServer | null = null;

export async function globalSetup(): Promise<void> {
  await prepareTemplate('reference');
  const script = new URL('./helpers/build-template.ts', import.meta.url).pathname;
  demo = spawn(process.execPath, ['--import', 'tsx', script, 'demo'], { stdio: ['ignore', 'ignore', 'inherit'] });
  demo.unref();
  if (!browserSkip) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // The test files are started after this, with this environment.
    process.env[SHARED_BROWSER_ENV] = browser.wsEndpoint();
  }
}

export async function globalTeardown(): Promise<void> {
  // Normally finished long before (seed.test.ts waits for it); a stopped run leaves no builder behind.
  if (demo && demo.exitCode === null) demo.kill();
  await browser?.close();
}
