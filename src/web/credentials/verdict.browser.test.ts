// In Chromium (issue 11 items 4–5): verify a tampered credential and see a red banner naming what was
// changed, beside the holder and achievement; a presentation with its own checks and a card per
// credential (issue 14); the home page and the verification page in kk, ru and
// en, at 360 px and on a desktop, with no axe (WCAG 2.1 AA) violations and no sideways scrolling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../../test/helpers/browser.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { signCredential } from '../../credentials/data-integrity.ts';
import { didKeyPair } from '../../credentials/did-key.fixtures.ts';
import { VC_V2_CONTEXT } from '../../credentials/document-loader.ts';
import { HOLDER, issuedSample } from './verdict.fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let credentialJson: string;
let credentialId: string;

const CHANGED = { kk: /иесі/i, ru: /владелец/i, en: /holder/i } as const;
const WIDTHS = [360, 1280];

describe('the verdict in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    const issued = await issuedSample(stack.t);
    credentialId = issued.id;
    credentialJson = JSON.stringify(issued.credential, null, 2);
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const width of WIDTHS) {
      test(`${lang}, ${width} px: a tampered credential gets a red banner naming the changed holder; home and verify pages are axe-clean`, async () => {
        const context = await stack.browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        for (const path of ['/', '/verify']) {
          const response = await page.goto(`${stack.base}/${lang}${path}`);
          assert.equal(response?.status(), 200, path);
          assert.deepEqual(await axeViolations(page), [], path);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
        }
        // From the header of the home page to the verification page, as a visitor would.
        await page.goto(`${stack.base}/${lang}/`);
        await page.click('nav.checks-nav a[href$="/verify"]');
        await page.waitForURL(new RegExp(`/${lang}/verify$`));
        await page.fill('textarea[name="credential"]', credentialJson.replace(HOLDER, 'Someone Else'));
        await page.click('form[method="post"] button[type="submit"]');
        await page.waitForSelector('section.verdict');
        assert.equal(await page.getAttribute('section.verdict', 'data-verdict'), 'invalid');
        const banner = (await page.textContent('section.verdict')) ?? '';
        assert.match(banner, CHANGED[lang]);
        assert.doesNotMatch(banner, /invalid_signature/);
        const colour = await page.$eval('section.verdict', (el) => getComputedStyle(el).borderTopColor);
        assert.equal(colour, 'rgb(164, 22, 26)', 'the banner is red');
        assert.equal(await page.locator('dd.changed[data-field="holder"]').count(), 1);
        assert.match((await page.textContent('dd.changed[data-field="holder"]')) ?? '', new RegExp(`Someone Else[\\s\\S]*${HOLDER}`));
        assert.deepEqual(await axeViolations(page), [], 'the verdict');
        await context.close();
      });
    }
  }

  test('a presentation pasted in kk, ru and en: its checks in words, the holder, then a card per credential (a did:key issuer warned about); axe-clean', async () => {
    const holder = didKeyPair();
    const issuer = didKeyPair();
    const credential = await signCredential(
      { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer: issuer.controller, validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: holder.controller, name: HOLDER } },
      { keyPair: issuer },
    );
    const presentation = await signCredential(
      { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.controller, verifiableCredential: [credential] },
      { keyPair: holder, proofPurpose: 'authentication' },
    );
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    for (const lang of LANGUAGES) {
      await page.goto(`${stack.base}/${lang}/verify`);
      await page.fill('textarea[name="credential"]', JSON.stringify(presentation, null, 2));
      await page.click('form[method="post"] button[type="submit"]');
      await page.waitForSelector('section.verdict[data-kind="presentation"]');
      assert.equal(await page.getAttribute('section.verdict[data-kind="presentation"]', 'data-verdict'), 'valid', lang);
      assert.equal((await page.textContent('dd[data-field="presentation-holder"]'))?.trim(), holder.controller);
      const states = await page.$$eval('table[data-kind="presentation"] tbody tr', (rows) => rows.map((r) => `${r.getAttribute('data-check')}:${r.getAttribute('data-state')}`));
      assert.deepEqual(states, ['proof:ok', 'challenge:notAsked', 'domain:notAsked', 'holder:ok', 'credentials:ok'], lang);
      assert.equal(await page.locator('article.presented-credential').count(), 1);
      assert.equal(await page.getAttribute('article.presented-credential section.verdict', 'data-verdict'), 'valid-with-warnings', 'a did:key issuer is a warning');
      assert.equal(await page.getAttribute('article.presented-credential tr[data-check="issuer"]', 'data-state'), 'warning');
      const text = (await page.textContent('main')) ?? '';
      assert.doesNotMatch(text, /ui\.presentationPage|ui\.credential\./, 'no catalog keys on the page');
      assert.deepEqual(await axeViolations(page), [], `${lang}: the presentation verdict`);
    }
    await context.close();
  });

  test('a genuine credential verified by its id gets a green banner on its page', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/verify`);
    await page.fill('#f-lookup', `urn:uuid:${credentialId}`);
    await page.press('#f-lookup', 'Enter');
    await page.waitForURL(new RegExp(`/en/credentials/${credentialId}$`));
    assert.equal(await page.getAttribute('section.verdict', 'data-verdict'), 'valid');
    assert.equal(await page.$eval('section.verdict', (el) => getComputedStyle(el).borderTopColor), 'rgb(29, 107, 47)');
    await context.close();
  });
});
