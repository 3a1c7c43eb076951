import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startApiTarget, type ApiTarget } from './support/api-target';
import { launchWithExtension, type LoadedExtension } from './support/chromium';
import { describeInChromium } from './support/describe-in-chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { signInThroughOptions } from './support/sign-in';
import { rendererCpu, startTrace } from '../../../scripts/test-support/renderer-cpu';
import { observeLayoutShift } from '../../../scripts/test-support/layout-shift';

/**
 * Budgets from issue 8: 500 lines cost < 50 ms of main-thread time; badges shift layout < 0.01.
 * Layout shift is deterministic and always enforced. Main-thread time is the CPU time of the
 * tasks that ran the content script (from a Chrome trace, which busy neighbours inflate less than
 * wall-clock time) and depends on the machine: SPENDPRINT_PERF_STRICT=1 enforces the 50 ms
 * budget (a quiet machine); by default a shared box only guards against gross regressions
 * (250 ms). `npm run bench` prints the figures, rendering included.
 */
const MAIN_THREAD_BUDGET_MS = process.env.SPENDPRINT_PERF_STRICT === '1' ? 50 : 250;
const CLS_BUDGET = 0.01;

/** The `data-line` of the row whose badge has keyboard focus, or null. */
const focusedLine = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.shadowRoot?.activeElement?.classList.contains('badge') ? active.closest('tr')?.getAttribute('data-line') : null;
  });

describeInChromium('the page does not feel slower', () => {
  let browser: LoadedExtension;
  let fixtures: FixtureServer;
  let api: ApiTarget;

  beforeAll(async () => {
    [fixtures, api] = await Promise.all([startFixtureServer(), startApiTarget()]);
    browser = await launchWithExtension();
    await signInThroughOptions(browser.context, browser.extensionId, { serverUrl: api.url, email: api.email, password: api.password });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([fixtures?.close(), api?.close()]);
  });

  test('500 lines: main-thread time and layout shift within budget', async () => {
    const page = await browser.context.newPage();
    await observeLayoutShift(page);
    await page.goto('about:blank');
    const stopTrace = await startTrace(await browser.context.newCDPSession(page));
    const url = fixtures.url('/large-requisition.html');
    await page.goto(url);
    await expect.poll(() => page.locator('[data-spendprint-host="line"][data-spendprint-kg]').count(), { timeout: 30_000 }).toBe(500);
    await page.waitForTimeout(500);
    const cpu = rendererCpu(await stopTrace(), url);
    const { wallMs, measures, cls } = await page.evaluate(() => {
      const entries = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('spendprint:'));
      return {
        wallMs: entries.reduce((sum, m) => sum + m.duration, 0),
        measures: Object.entries(entries.reduce((acc: Record<string, number>, m) => { acc[m.name] = (acc[m.name] ?? 0) + m.duration; return acc; }, {})).map(([n, d]) => `${n} ${d.toFixed(1)}`),
        cls: (window as unknown as { __cls: number }).__cls,
      };
    });
    console.info(
      `[performance] 500 lines: content script ${cpu.contentScriptMs.toFixed(1)} ms CPU, badges' rendering ${cpu.sinceScanRenderingMs.toFixed(1)} ms CPU; ` +
        `measures ${wallMs.toFixed(1)} ms wall (${measures.join(', ')}); CLS ${cls.toFixed(4)}`,
    );
    expect(measures.length).toBeGreaterThan(0);
    expect(cpu.contentScriptMs).toBeGreaterThan(0);
    expect(cpu.contentScriptMs).toBeLessThan(MAIN_THREAD_BUDGET_MS);
    expect(cls).toBeLessThan(CLS_BUDGET);
    await page.close();
  });

  test('badges far below the fold wait to be drawn without a box, yet a screen reader finds each one with its name, and Tab every one in order', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('/large-requisition.html'));
    await expect.poll(() => page.locator('[data-spendprint-host="line"][data-spendprint-kg]').count(), { timeout: 30_000 }).toBe(500);
    const selector = '[data-line="l497"] [data-spendprint-host="line"]';
    const host = page.locator(selector);
    expect(await page.locator('[data-line="l497"]').evaluate((row) => row.getBoundingClientRect().top > 3 * innerHeight)).toBe(true);
    const drawn = () => page.evaluate(() => [...document.querySelectorAll('[data-spendprint-host="line"]')].filter((h) => h.shadowRoot).length);
    expect(await drawn()).toBeGreaterThan(0);
    expect(await drawn()).toBeLessThan(100);
    expect(await host.evaluate((element) => [element.shadowRoot, getComputedStyle(element).display])).toEqual([null, 'contents']);

    // Chromium's own accessibility tree (what a screen reader reads), not a DOM approximation.
    const cdp = await browser.context.newCDPSession(page);
    const axNode = async (expression: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId!, fetchRelatives: false });
      return nodes[0];
    };
    const waiting = await axNode(`document.querySelector('${selector}')`);
    expect(waiting?.ignored).toBe(false);
    expect(waiting?.role?.value).toBe('button');
    const name = String(waiting?.name?.value);
    expect(name).toMatch(/^Spendprint estimate: [\d.,]+ kilograms CO2e, \w+ emission intensity, confidence \d+%/);

    await page.locator('[data-line="l497"]').scrollIntoViewIfNeeded();
    await expect.poll(() => host.evaluate((element) => !!element.shadowRoot?.querySelector('.badge'))).toBe(true);
    const badge = await axNode(`document.querySelector('${selector}').shadowRoot.querySelector('.badge')`);
    expect(badge?.role?.value).toBe('button');
    expect(badge?.name?.value).toBe(name);
    expect(await host.getAttribute('role')).toBeNull(); // the badge speaks for itself now: no second button
    expect(await host.evaluate((element) => getComputedStyle(element).display)).toBe('inline-block');

    // Keyboard: Tab from the first badge reaches every line's badge in order, well past the
    // badges drawn at load (each badge's panel opens on focus, its two buttons come next).
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('[data-line="l0"] [data-spendprint-host="line"]').evaluate((element) => (element.shadowRoot!.querySelector('.badge') as HTMLElement).focus());
    const visited = [await focusedLine(page)];
    for (let press = 0; press < 400 && visited.length < 120; press++) {
      await page.keyboard.press('Tab');
      const line = await focusedLine(page);
      if (line && line !== visited.at(-1)) visited.push(line);
    }
    expect(visited).toEqual(Array.from({ length: 120 }, (_, i) => `l${i}`));
    await page.close();
  });

  test("Tab reaches the next line's badge however far below the focused one it stands", async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('/lines-far-apart.html'));
    await expect.poll(() => page.locator('[data-spendprint-host="line"][data-spendprint-kg]').count(), { timeout: 30_000 }).toBe(3);
    const host = (line: string) => page.locator(`[data-line="${line}"] [data-spendprint-host="line"]`);
    expect(await host('l1').evaluate((element) => element.shadowRoot)).toBeNull(); // five screens below: waiting, no box
    await host('l0').evaluate((element) => (element.shadowRoot!.querySelector('.badge') as HTMLElement).focus());
    const reached: string[] = [];
    for (let press = 0; press < 8 && !reached.includes('l2'); press++) {
      await page.keyboard.press('Tab');
      const line = await focusedLine(page);
      if (line && line !== reached.at(-1)) reached.push(line);
    }
    expect(reached).toEqual(['l1', 'l2']);
    await page.close();
  });

  test("the page's own rules for its spans, even !important, give no host a box", async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('/large-requisition.html'));
    await expect.poll(() => page.locator('[data-spendprint-host="line"][data-spendprint-kg]').count(), { timeout: 30_000 }).toBe(500);
    await page.addStyleTag({ content: 'td span, td > * { display: block !important; width: 120px !important; height: 40px !important; }' });
    const box = (line: string) =>
      page.locator(`[data-line="${line}"] [data-spendprint-host="line"]`).evaluate((host) => ({
        display: getComputedStyle(host).display,
        boxWidths: [...host.getClientRects()].map((rect) => rect.width),
        drawn: host.shadowRoot !== null,
      }));
    expect(await box('l0')).toEqual({ display: 'inline-block', boxWidths: [0], drawn: true });
    expect(await box('l497')).toEqual({ display: 'contents', boxWidths: [], drawn: false });
    await page.close();
  });
});
