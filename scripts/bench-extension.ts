/**
 * The extension's cost to a page, measured in Debian Chromium on the 500-line requisition
 * fixture with the built test extension signed in to the local stub API (answers in < 1 ms, so
 * only the page's own work is measured). Per load:
 * - content-script CPU: main-thread CPU of the tasks that ran the extension's code (evaluation,
 *   scan, annotate), as thread time from a Chrome trace, so other busy processes inflate it less
 *   than they inflate wall-clock time;
 * - added page CPU: the page's whole main-thread CPU (script, style, layout, paint) minus the
 *   same page without the extension — what the badges cost, layout included;
 * - the `spendprint:*` performance measures (wall clock: inflated when the cores are busy);
 * - cumulative layout shift (PerformanceObserver layout-shift entries, no recent input).
 * Targets (issue 8): < 50 ms main-thread time, CLS < 0.01.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import setupTestBuild from '../extension/test/browser/support/global-setup';
import { launchWithExtension, type LoadedExtension } from '../extension/test/browser/support/chromium';
import { startFixtureServer, type FixtureServer } from '../extension/test/browser/support/fixture-server';
import { signInThroughOptions } from '../extension/test/browser/support/sign-in';
import { startStubApi, STUB_PASSWORD } from '../extension/test/browser/support/stub-api';
import { CHROMIUM_ARGS, chromiumPath } from './test-support/chromium-path';
import { rendererCpu, startTrace } from './test-support/renderer-cpu';
import { median } from '../shared/stats';
import { observeLayoutShift } from './test-support/layout-shift';

const LOADS = Number(process.env.SPENDPRINT_BENCH_LOADS ?? 8);
const LINES = 500;
const FIXTURE = '/large-requisition.html';

export interface ExtensionBenchResult {
  loads: number;
  chromium: string;
  /** CPU of the tasks that ran the content script's scan and annotate code (min, median). */
  contentScriptCpuMs: [number, number];
  /** CPU from the first scan on: the content script plus the style, layout and paint it causes. */
  sinceScanCpuMs: [number, number];
  sinceScanRenderingCpuMs: [number, number];
  /** The page's whole main-thread CPU with the extension minus without it (medians). */
  addedPageCpuMs: number;
  /** The page's own main-thread CPU without the extension (median): this machine's yardstick. */
  pageOwnCpuMs: number;
  /** `spendprint:*` measures summed per load (wall clock). */
  measuresWallMs: [number, number];
  measureBreakdownMs: Record<string, number>;
  clsMax: number;
  /** Content-script CPU of every load, in order (ms). */
  contentScriptCpuPerLoadMs: number[];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One traced load. Waits from Node (no polling inside the page, which would cost page CPU). */
async function tracedLoad(context: BrowserContext, url: string, withExtension: boolean) {
  const page = await context.newPage();
  await observeLayoutShift(page);
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(url);
  await new Promise((resolve) => setTimeout(resolve, withExtension ? 2500 : 1500));
  const events = await stop();
  const state = await page.evaluate(() => ({
    badges: document.querySelectorAll('[data-spendprint-host="line"][data-spendprint-kg]').length,
    drawn: Array.from(document.querySelectorAll('[data-spendprint-host="line"]')).filter((host) => host.shadowRoot?.querySelector('.badge')).length,
    cls: (window as unknown as { __cls: number }).__cls,
    measures: performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('spendprint:'))
      .map((m) => [m.name, m.duration] as const),
  }));
  await page.close();
  if (withExtension && state.badges !== LINES) throw new Error(`expected ${LINES} badges, saw ${state.badges} (raise the wait on a slow machine)`);
  // Badges are drawn near the viewport only; none drawn would measure a page without them.
  if (withExtension && state.drawn === 0) throw new Error('no badge was drawn');
  return { cpu: rendererCpu(events, url), ...state };
}

type Load = Awaited<ReturnType<typeof tracedLoad>>;

/** The figures of one extension build's loads against the same page's loads without it. */
function summarise(runs: Load[], baselines: Load[], chromiumVersion: string): ExtensionBenchResult {
  const wall = runs.map((run) => run.measures.reduce((sum, [, duration]) => sum + duration, 0));
  const breakdown: Record<string, number> = {};
  for (const run of runs) for (const [name, duration] of run.measures) breakdown[name] = (breakdown[name] ?? 0) + duration / runs.length;
  const minMedian = (values: number[]): [number, number] => [round(Math.min(...values)), round(median(values))];
  return {
    loads: runs.length,
    chromium: chromiumVersion,
    contentScriptCpuMs: minMedian(runs.map((run) => run.cpu.contentScriptMs)),
    sinceScanCpuMs: minMedian(runs.map((run) => run.cpu.sinceScanMs)),
    sinceScanRenderingCpuMs: minMedian(runs.map((run) => run.cpu.sinceScanRenderingMs)),
    addedPageCpuMs: round(median(runs.map((run) => run.cpu.totalMs)) - median(baselines.map((run) => run.cpu.totalMs))),
    pageOwnCpuMs: round(median(baselines.map((run) => run.cpu.totalMs))),
    measuresWallMs: minMedian(wall),
    measureBreakdownMs: Object.fromEntries(Object.entries(breakdown).map(([name, ms]) => [name.replace('spendprint:', ''), round(ms)])),
    clsMax: round(Math.max(...runs.map((run) => run.cls)), 4),
    contentScriptCpuPerLoadMs: runs.map((run) => round(run.cpu.contentScriptMs)),
  };
}

/**
 * Measures the current test build. With `SPENDPRINT_BENCH_BASELINE` set to the directory of
 * another built extension (a copy of `.output/test/chrome-mv3` from an earlier commit), that
 * build is measured too, load by load interleaved with the current one, so both see the same
 * moments of a shared machine: compare the two, not figures from different runs.
 */
export async function benchExtension(): Promise<(ExtensionBenchResult & { baseline?: ExtensionBenchResult; pairedDifferenceMs?: number }) | { skipped: string }> {
  if (!chromiumPath) return { skipped: 'Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)' };
  setupTestBuild(); // rebuilds the test extension when its sources are newer
  const baselineDir = process.env.SPENDPRINT_BENCH_BASELINE;
  let fixtures: FixtureServer | undefined;
  const stub = await startStubApi();
  const browsers: LoadedExtension[] = [];
  const plain = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    browsers.push(await launchWithExtension());
    if (baselineDir) browsers.push(await launchWithExtension(baselineDir));
    fixtures = await startFixtureServer();
    for (const browser of browsers) {
      await signInThroughOptions(browser.context, browser.extensionId, { serverUrl: stub.url, email: 'buyer@acme.test', password: STUB_PASSWORD });
    }
    const plainContext = await plain.newContext();
    const url = fixtures.url(FIXTURE);
    // Warm-up: caches, the first estimate round trip.
    for (const browser of browsers) await tracedLoad(browser.context, url, true);
    const runs: Load[][] = browsers.map(() => []);
    const baselines: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      // Alternate which build goes first, so neither always follows the plain page's load.
      const order = browsers.map((_, index) => index);
      if (i % 2 === 1) order.reverse();
      for (const index of order) runs[index]!.push(await tracedLoad(browsers[index]!.context, url, true));
      baselines.push(await tracedLoad(plainContext, url, false));
    }
    const version = browsers[0]!.context.browser()?.version() ?? 'unknown';
    const current = summarise(runs[0]!, baselines, version);
    if (!baselineDir) return current;
    // Load i of each build ran back to back: the median of those paired differences is less
    // sensitive to a neighbour's burst than the difference of the two medians.
    const paired = runs[0]!.map((run, i) => run.cpu.contentScriptMs - runs[1]![i]!.cpu.contentScriptMs);
    return { ...current, baseline: summarise(runs[1]!, baselines, version), pairedDifferenceMs: round(median(paired)) };
  } finally {
    for (const browser of browsers) await browser.close();
    await plain.close();
    await fixtures?.close();
    await stub.close();
  }
}

if (process.argv[1]?.endsWith('bench-extension.ts')) {
  console.log(await benchExtension());
}
