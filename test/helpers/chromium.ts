// Which Chromium the browser tests drive, and how the test run shares one (no app imports here:
// test/global-setup.ts loads this in the runner process).
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests need Chromium; CI installs it (.ci/run), elsewhere they say why they skip. */
export const browserSkip: string | false = existsSync(CHROMIUM) ? false : process.env.CI ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the one Chromium of a test run listens (test/global-setup.ts starts it for every browser test file). */
export const SHARED_BROWSER_ENV = 'SAPA_TEST_BROWSER_WS';
