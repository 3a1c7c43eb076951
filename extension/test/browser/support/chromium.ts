import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../../../scripts/test-support/chromium-path';
import { testBuildDir } from './paths';

export { chromiumPath, isCi } from '../../../../scripts/test-support/chromium-path';

/**
 * Whether browser tests can run here. Without Chromium they warn loudly and skip;
 * under CI the caller turns the absence into a failure (see `requireChromium`).
 */
export function browserTestsAvailable(): boolean {
  if (chromiumPath) return true;
  const message =
    '\n⚠️  SPENDPRINT BROWSER TESTS SKIPPED: Chromium not found (install Debian `chromium` or set CHROMIUM_PATH).\n';
  console.warn(message);
  return false;
}

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** How many content scripts the extension's background has registered. */
export function registeredContentScripts(worker: Worker): Promise<number> {
  // Runs inside the service worker, where `chrome` exists.
  return worker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
      }
    ).chrome;
    return (await api.scripting.getRegisteredContentScripts()).length;
  });
}

export interface ReportedPageSummary {
  key: string;
  lineCount: number;
  estimatedCount: number;
  totalKg: number | null;
}

/** The "this page" reports the content scripts left in the background's storage.session. */
export function reportedPageSummaries(worker: Worker): Promise<ReportedPageSummary[]> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, object>> } } } }).chrome;
    return Object.entries(await api.storage.session.get(null))
      .filter(([key]) => key.startsWith('pageSummary:'))
      .map(([key, value]) => ({ key, ...value }) as ReportedPageSummary);
  });
}

/**
 * Turns on developer mode in a new Chromium profile. Without it, Chromium disables (rather than
 * reloads) an unpacked extension that calls runtime.reload() — it does for the store's updates.
 */
export function enableDeveloperMode(userDataDir: string): void {
  mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
}

/**
 * Launches Chromium with the built test extension and waits for its service worker. A
 * `userDataDir` keeps the profile (extension storage included) across launches, as a real
 * browser restart does; by default each launch gets a fresh temporary profile.
 */
export async function launchWithExtension(extensionDir = testBuildDir, options: { userDataDir?: string } = {}): Promise<LoadedExtension> {
  if (!chromiumPath)
    throw new Error('Chromium not found: install Debian `chromium` or set CHROMIUM_PATH');
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  // The content script is registered at run time for granted sites (the test build grants
  // 127.0.0.1 at install): wait until the background has done so.
  const deadline = Date.now() + 15_000;
  while ((await registeredContentScripts(worker)) === 0) {
    if (Date.now() > deadline)
      throw new Error('the background never registered the content script');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { context, extensionId, worker, close: () => context.close() };
}
