import type { TestProject } from 'vitest/node';
import buildTestExtension from '../../extension/test/browser/support/global-setup';
import { startLocalWorker } from '../../worker/console/test/support/local-worker';
import './provided-context';

/**
 * Global setup of the `browser-worker` project: the extension's browser tests against the real
 * Worker, `wrangler dev --local` with the migrations applied and the demo tenants seeded (its
 * EXTENSION_ORIGIN is the test build's pinned id).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildTestExtension();
  const worker = await startLocalWorker();
  project.provide('spendprintApiUrl', worker.url);
  return () => worker.stop();
}
