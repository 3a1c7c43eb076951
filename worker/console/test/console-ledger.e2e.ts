import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bearerFor, estimateOne } from './support/api-client';
import { describeInChromium, launchChromium } from './support/chromium';
import {
  openConsole,
  screenshot,
  signInWithPassword,
  type ConsolePage,
} from './support/console-page';
import { recordDemoSpend } from './support/demo-spend';
import { DEMO_PASSWORD, startLocalWorker, type LocalWorker } from './support/local-worker';

/** The spend ledger pages: spend lines, review queue → rule, rules, supplier factors, periods. */
describeInChromium('the ledger pages against a real local Worker', () => {
  let worker: LocalWorker;
  let browser: Browser;
  const opened: ConsolePage[] = [];
  /** The rule the review journey creates, and what it decided. */
  const decision = { ruleId: '', naics: '', supplier: '' };

  async function signedIn(email: string, path = '/console') {
    const consolePage = await openConsole(browser, worker.url, path);
    opened.push(consolePage);
    await signInWithPassword(consolePage.page, email, DEMO_PASSWORD);
    return consolePage.page;
  }

  beforeAll(async () => {
    worker = await startLocalWorker();
    browser = await launchChromium();
    // Today's purchases: five suppliers with one line each, all below the review threshold.
    await recordDemoSpend(worker.url);
  });

  afterAll(async () => {
    for (const { problems } of opened) {
      expect(
        problems.filter((text) => /Content Security Policy|CSP violation|pageerror/i.test(text)),
      ).toEqual([]);
    }
    await browser?.close();
    await worker?.stop();
  });

  test('the dashboard shows a year by category, supplier, team and month, its trend and data quality', async () => {
    const page = await signedIn('analyst@acme.test');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // The demo spans the twelve full months before today and this month so far; take the year
    // of last month.
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    const year = String(lastMonth.getUTCFullYear());
    await page.getByLabel('Period', { exact: true }).selectOption('year');
    await page.getByLabel('Year', { exact: true }).fill(year);
    await page.getByLabel('Year', { exact: true }).press('Enter');
    await expect.poll(() => page.getByTestId('footprint-total').textContent()).toMatch(/t CO2e$/);
    // The year is still in progress unless today is in January.
    await page.getByText(new RegExp(`^Footprint, ${year}( so far)?$`)).waitFor();

    const byMonth = page.getByRole('region', { name: 'By month' });
    await expect.poll(() => byMonth.locator('li').count()).toBeGreaterThanOrEqual(1);
    expect(await byMonth.locator('.bar-label').first().textContent()).toMatch(
      new RegExp(`^${year}-\\d{2}$`),
    );
    for (const region of ['By category', 'By supplier', 'By team']) {
      expect(
        await page.getByRole('region', { name: region }).locator('li').count(),
        region,
      ).toBeGreaterThan(0);
    }
    const trend = page.getByRole('img', { name: /^Footprint per period:/ });
    const label = (await trend.getAttribute('aria-label'))!;
    expect(label.match(/\d{4}( so far)?: /g)).toHaveLength(3);
    expect(label).toMatch(new RegExp(`${year}( so far)?: `));
    const quality = page.getByRole('region', { name: 'Data quality' });
    expect(await quality.textContent()).toMatch(/Classification confidence.*high \(≥ 0\.8\): \d+%/);
    expect(await quality.textContent()).toMatch(/supplier-specific: \d+%/);
    await screenshot(page, 'console-dashboard-year');

    // One team: the team breakdown narrows to it.
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Operations' });
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'By team' }).locator('.bar-label').allTextContents(),
      )
      .toEqual(['Operations']);
  });

  test('an analyst filters spend lines and reads the formula behind a number', async () => {
    const page = await signedIn('analyst@acme.test', '/console/spend');
    await page.getByRole('heading', { name: 'Spend lines' }).waitFor();
    const table = page.getByRole('table', { name: 'Spend lines, newest first' });
    await table.waitFor();

    await page.getByLabel('Supplier').fill('Delta Air Lines');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const suppliers = () => table.locator('tbody tr td:nth-child(2)').allTextContents();
    await expect.poll(async () => new Set(await suppliers())).toEqual(new Set(['Delta Air Lines']));

    await table.getByRole('button', { name: 'Formula' }).first().click();
    const formula = table.locator('.formula').first();
    await expect.poll(() => formula.textContent()).toContain('Emission factor');
    // Delta's lines are classified by the demo supplier rule; the formula names it.
    expect(await formula.getByTestId('formula-rule').textContent()).toContain('rule_demo_delta');
    expect(await formula.textContent()).toMatch(/kg CO2e = USD \(2022\) × factor \d/);
    expect(await formula.textContent()).toMatch(/EPA Supply Chain GHG Emission Factors/);
    await screenshot(page, 'console-spend-lines', { fullPage: false });

    // Status and "needs review" filters narrow the list the same way the API does.
    await page.getByLabel('Supplier').fill('');
    await page.getByLabel('Needs review').selectOption('true');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect
      .poll(
        async () => new Set(await table.locator('tbody tr td:nth-child(8) .tag').allTextContents()),
      )
      .toEqual(new Set(['needs review']));
  });

  test('an analyst reviews a line, makes a rule, and a later estimate uses it', async () => {
    const estimator = await bearerFor(worker.url, 'analyst@acme.test');
    const page = await signedIn('analyst@acme.test', '/console/review');
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const item = page.locator('article.review-item').first();
    await item.getByRole('button', { name: 'Review' }).click();
    const supplierLabel = item.locator('label.check', { hasText: 'Supplier “' });
    decision.supplier = /“(.+)”/.exec((await supplierLabel.textContent()) ?? '')![1]!;
    const supplierChoice = supplierLabel.locator('input');
    const line = {
      description: 'assorted supplies, mixed lot',
      amount: 250,
      currency: 'USD',
      supplier: decision.supplier,
    };
    const before = await estimateOne(estimator, line);

    await item.getByLabel('Search NAICS titles and index entries').fill('office furniture');
    await item.getByRole('button', { name: 'Search NAICS' }).click();
    const firstHit = item.locator('.naics-options input[type=radio]').first();
    await expect
      .poll(async () => (await item.locator('.naics-options').textContent()) ?? '')
      .toMatch(/matched by/);
    decision.naics = (await firstHit.getAttribute('value'))!;
    expect(decision.naics).toMatch(/^\d{6}$/);
    expect(before.naics).not.toBe(decision.naics);
    await firstHit.check();
    await supplierChoice.check();
    await screenshot(page, 'console-review-queue', { fullPage: false });
    await item.getByRole('button', { name: 'Resolve' }).click();

    const created = item.getByTestId('created-rule');
    await created.waitFor();
    decision.ruleId = (await created.textContent())!.trim();
    expect(await item.getByRole('status').textContent()).toMatch(
      /1 line re-estimated|\d+ lines re-estimated/,
    );

    // A later estimate for the same supplier, any description, is classified by the new rule.
    const after = await estimateOne(estimator, line);
    expect(after).toMatchObject({
      naics: decision.naics,
      classificationSource: 'tenant-rule',
      rule: { id: decision.ruleId, kind: 'supplier', version: 1 },
    });

    // The stored line was re-estimated too: its formula names the rule.
    await page.getByRole('link', { name: 'Spend lines' }).click();
    await page.getByLabel('Supplier').fill(decision.supplier);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: 'Spend lines, newest first' });
    await expect
      .poll(() => table.locator('tbody tr').first().textContent())
      .toContain(decision.supplier);
    await table.getByRole('button', { name: 'Formula' }).first().click();
    await expect
      .poll(() => table.getByTestId('formula-rule').first().textContent())
      .toContain(decision.ruleId);
  });

  test('the rule keeps a version history; disabling it stops later estimates using it', async () => {
    expect(decision.ruleId).not.toBe('');
    const page = await signedIn('analyst@acme.test', '/console/rules');
    await page.getByRole('heading', { name: 'Rules' }).waitFor();
    const row = page.getByRole('row', {
      name: new RegExp(decision.supplier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    });
    await expect.poll(() => row.textContent()).toContain(decision.naics);
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.textContent()).toMatch(/disabled\s*v2/);
    await row.getByRole('button', { name: 'History and edit' }).click();
    const history = page.getByRole('region', { name: `Version history of ${decision.ruleId}` });
    await expect
      .poll(() => history.locator('tbody tr').allTextContents())
      .toEqual([
        expect.stringMatching(new RegExp(`^v1${decision.naics}.*enabled`)),
        expect.stringMatching(new RegExp(`^v2${decision.naics}.*disabled`)),
      ]);
    await screenshot(page, 'console-rules');

    const estimator = await bearerFor(worker.url, 'analyst@acme.test');
    const later = await estimateOne(estimator, {
      description: 'assorted supplies, mixed lot',
      amount: 250,
      currency: 'USD',
      supplier: decision.supplier,
    });
    expect(later.rule?.id).not.toBe(decision.ruleId);
  });

  test('an analyst adds, edits and removes a supplier factor', async () => {
    const page = await signedIn('analyst@acme.test', '/console/supplier-factors');
    await page.getByRole('heading', { name: 'Supplier factors' }).waitFor();
    const form = page.getByRole('form', { name: 'New supplier factor' });
    await form.getByLabel('Supplier').fill('Uline');
    await form.getByLabel('kg CO2e').fill('0.42');
    await form.getByLabel('Valid from').fill('2024-01-01');
    await form.getByLabel('Source', { exact: true }).fill('Uline sustainability report 2024');
    // Bad input comes back as the problem's title and the field it names.
    await form.getByLabel('Valid to').fill('2023-12-31');
    await form.getByRole('button', { name: 'Add factor' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/The request is not valid.*validTo/);
    await form.getByLabel('Valid to').fill('');
    await form.getByRole('button', { name: 'Add factor' }).click();
    const row = page.getByRole('row', { name: /Uline/ });
    await expect.poll(() => row.textContent()).toContain('0.42 kg CO2e / USD');

    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit factor for Uline' });
    await edit.getByLabel('kg CO2e').fill('0.38');
    await edit.getByRole('button', { name: 'Save as version 2' }).click();
    await expect.poll(() => row.textContent()).toMatch(/0\.38 kg CO2e \/ USD.*v2/);
    await screenshot(page, 'console-supplier-factors');

    await row.getByRole('button', { name: 'Remove' }).click();
    await row.getByRole('button', { name: "Yes, remove Uline's factor" }).click();
    await expect.poll(() => page.getByRole('row', { name: /Uline/ }).count()).toBe(0);
  });

  test('an approver signs off a period; the API then refuses spend dated in it', async () => {
    const page = await signedIn('approver@acme.test', '/console/periods');
    await page.getByRole('heading', { name: 'Periods' }).waitFor();
    const year = new Date().getUTCFullYear() - 1;
    await page.getByLabel('Name').fill(`January ${year}`);
    await page.getByLabel('First day').fill(`${year}-01-01`);
    await page.getByLabel('Last day').fill(`${year}-01-31`);
    await page.getByRole('button', { name: 'Add period' }).click();
    const row = page.getByRole('row', { name: new RegExp(`January ${year}`) });
    await expect.poll(() => row.textContent()).toContain('open');

    await row.getByRole('button', { name: 'Sign off' }).click();
    await expect.poll(() => row.textContent()).toContain(`locked`);
    await row.getByRole('button', { name: `Yes, sign off January ${year}` }).click();
    await expect.poll(() => row.textContent()).toMatch(/signed off.*by you/);
    // An approver may not reopen (admin only): no button.
    expect(await row.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
    await screenshot(page, 'console-periods');

    const buyer = await bearerFor(worker.url, 'buyer@acme.test');
    const record = (date: string) =>
      buyer.call('POST', '/spend/record', {
        lines: [
          {
            description: 'Office chairs',
            amount: 300,
            currency: 'USD',
            date,
            supplier: 'Seats Inc',
          },
        ],
      });
    const locked = await record(`${year}-01-15`);
    expect(locked.status).toBe(409);
    expect(await locked.json()).toMatchObject({ title: 'The period is signed off' });
    expect((await record(`${year}-02-01`)).status).toBe(201);
  });

  test('the audit log shows the sign-off and the review decision, and the chain verifies', async () => {
    const page = await signedIn('auditor@acme.test', '/console/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const filterBy = async (entity: string) => {
      await page.getByLabel('Entity type').fill(entity);
      await page.getByRole('button', { name: 'Filter' }).click();
    };
    await filterBy('period');
    await page.getByRole('cell', { name: 'period.sign-off' }).waitFor();
    await page.getByRole('cell', { name: 'period.create' }).waitFor();
    await filterBy('review-item');
    await page.getByRole('cell', { name: 'review.resolve' }).waitFor();
    await filterBy('rule');
    await page.getByRole('cell', { name: 'rule.disable' }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect
      .poll(() => page.getByTestId('audit-verdict').textContent())
      .toMatch(/^Chain verified: \d+ entries/);
  });
  test("an admin keeps review text: the reviewer sees a new line's text until it is turned off", async () => {
    const admin = await signedIn('admin@acme.test', '/console/governance');
    const panel = admin.getByRole('region', { name: 'Review text' });
    await panel.getByRole('button', { name: 'Keep review text for 30 days' }).click();
    await panel.getByRole('button', { name: 'Stop keeping review text' }).waitFor();

    const description = `zzqx gizmo lot ${crypto.randomUUID().slice(0, 8)}`;
    const buyer = await bearerFor(worker.url, 'buyer@acme.test');
    const recorded = await buyer.call('POST', '/spend/record', {
      lines: [
        {
          description,
          amount: 75,
          currency: 'USD',
          date: new Date().toISOString().slice(0, 10),
          supplier: 'Quirky Oddments Ltd',
        },
      ],
    });
    expect(recorded.status).toBe(201);

    const reviewer = await signedIn('analyst@acme.test', '/console/review');
    const item = reviewer.locator('article.review-item', { hasText: 'Quirky Oddments Ltd' });
    await expect.poll(() => item.locator('dd').first().textContent()).toBe(description);
    expect(await item.locator('dt').first().textContent()).toBe('Line text');

    await panel.getByRole('button', { name: 'Stop keeping review text' }).click();
    await panel.getByRole('button', { name: 'Yes, erase all review text now' }).click();
    await panel.getByRole('button', { name: 'Keep review text for 30 days' }).waitFor();
    await reviewer.reload();
    await item.waitFor();
    expect(await item.textContent()).not.toContain(description);
    expect(await item.getByText('Line text').count()).toBe(0);
  });
});
