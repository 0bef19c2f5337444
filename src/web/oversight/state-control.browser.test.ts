// The state control calendar and the risk rule's edit page in a real browser (issue 16): the
// authority's calendar (an overdue attestation in red with its days over), an organization's own
// view and the form that records a result have no axe violations in kk, ru and en at 360 px and on
// a desktop; the risk rule form shows each refused field's error at the field, and a saved rule
// re-scores the risk list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { assessRisk } from '../../oversight/risk.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { addLicence } from '../../registry/organization.service.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let college: string;
let uni: string;

describe('state control calendar and risk rule pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      college = await addOrganization(ctx, { kk: 'Ертіс колледжі', ru: 'Колледж Иртыш', en: 'Irtysh College' }, { kind: 'college', regionCode: 'KZ-55' });
      uni = await addOrganization(ctx, { kk: 'Йота университеті', ru: 'Университет Йота', en: 'Iota University' });
      await addLicence(ctx, college, { number: 'KZ-TVET-9', issuedOn: '2018-09-01', programmeGroups: [], attachments: [], status: 'active' });
      await addUser(ctx, { email: 'admin@irtysh.test', role: 'org-admin', organizationId: college });
      await addUser(ctx, { email: 'control@ministry.test', role: 'ministry' });
      await assessRisk(ctx, { organizationIds: [uni] });
    });
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const width of [360, 1280]) {
      test(`${lang}, ${width} px: the calendar, an organization's view and its form have no axe violations`, async () => {
        const ministry = await signedInContext(stack, 'control@ministry.test', TEST_PASSWORD, { lang, width });
        const page = await ministry.newPage();
        await page.goto(`${stack.base}/${lang}/workspace/state-control?kind=tvet-attestation`);
        const overdue = page.locator('tr', { hasText: { kk: 'Ертіс колледжі', ru: 'Колледж Иртыш', en: 'Irtysh College' }[lang] }).locator('.overdue');
        assert.equal(await overdue.count(), 1, 'the attestation due in 2023 is overdue');
        assert.equal(await overdue.evaluate((el) => getComputedStyle(el).color), 'rgb(164, 22, 26)');
        assert.deepEqual(await axeViolations(page), []);
        await page.goto(`${stack.base}/${lang}/workspace/state-control/${college}`);
        assert.equal(await page.locator('select[name="kind"]').count(), 1);
        assert.deepEqual(await axeViolations(page), []);
        await page.goto(`${stack.base}/${lang}/workspace/risk/rule`);
        assert.deepEqual(await axeViolations(page), []);
        await ministry.close();
        const org = await signedInContext(stack, 'admin@irtysh.test', TEST_PASSWORD, { lang, width });
        const own = await org.newPage();
        await own.goto(`${stack.base}/${lang}/workspace/state-control`);
        assert.ok(own.url().endsWith(`/workspace/state-control/${college}`), 'the organization lands on its own calendar');
        assert.equal(await own.locator('form[action$="/results"]').count(), 0, 'and records nothing');
        assert.deepEqual(await axeViolations(own), []);
        await org.close();
      });
    }
  }

  test('recording a result moves the due day; a refused field says why at the field', async () => {
    const ministry = await signedInContext(stack, 'control@ministry.test', TEST_PASSWORD, { lang: 'ru' });
    const page = await ministry.newPage();
    await page.goto(`${stack.base}/ru/workspace/state-control/${college}`);
    await page.selectOption('select[name="kind"]', 'tvet-attestation');
    await page.fill('input[name="heldOn"]', '2026-03-16');
    await page.click('form[action$="/results"] button');
    assert.equal(await page.locator('#f-outcome-error').textContent(), 'Обязательное поле.');
    assert.deepEqual(await axeViolations(page), []);
    await page.selectOption('select[name="outcome"]', 'compliant');
    await page.click('form[action$="/results"] button');
    assert.equal(await page.locator('[role="status"]').textContent(), 'Результат внесён.');
    assert.match((await page.locator('table').first().textContent()) ?? '', /17 марта 2031 г\./, "16 March 2031 is a Sunday");
    await ministry.close();
  });

  test('the risk rule form shows each refused field at the field; a saved rule re-scores the list', async () => {
    const ministry = await signedInContext(stack, 'control@ministry.test', TEST_PASSWORD, { lang: 'en' });
    const page = await ministry.newPage();
    await page.goto(`${stack.base}/en/workspace/risk?level=`);
    const row = page.locator('tr', { hasText: 'Iota University' });
    assert.equal(await row.locator('td').nth(1).textContent(), '75');
    await page.goto(`${stack.base}/en/workspace/risk/rule`);
    await page.fill('input[name="points.no-licence"]', '-5');
    await page.fill('input[name="thresholds.medium"]', '50');
    await page.fill('input[name="thresholds.high"]', '30');
    await page.click('form[action$="/risk/rule"] button');
    assert.match((await page.locator('#f-points-no-licence-error').textContent()) ?? '', /0/);
    assert.equal(await page.locator('input[name="points.no-licence"]').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('input[name="points.no-licence"]', '10');
    await page.click('form[action$="/risk/rule"] button');
    assert.equal(await page.locator('#f-thresholds-high-error').textContent(), 'The high-risk threshold must be above the medium one.');
    await page.fill('input[name="thresholds.medium"]', '20');
    await page.fill('input[name="thresholds.high"]', '40');
    await page.click('form[action$="/risk/rule"] button');
    assert.ok(page.url().includes('/en/workspace/risk?'), page.url());
    assert.equal(await page.locator('[role="status"]').textContent(), 'The rule is saved and every organization is scored with it.');
    assert.equal(await page.locator('tr', { hasText: 'Iota University' }).locator('td').nth(1).textContent(), '45', '10 + 15 + 20');
    await ministry.close();
  });
});
