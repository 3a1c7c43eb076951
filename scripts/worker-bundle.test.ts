import { Miniflare } from 'miniflare';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions, migrateAndSeed, postEstimate, signInToken } from './bench-worker';
import { buildWorkerBundle, MAX_GZIPPED_BYTES } from './worker-bundle';

describe('Worker bundle', () => {
  let bundle: ReturnType<typeof buildWorkerBundle>;
  beforeAll(() => {
    bundle = buildWorkerBundle();
  }, 120_000);

  it('builds with wrangler deploy --dry-run and stays under 3 MB gzipped', () => {
    expect(bundle.files).toContain('index.js');
    expect(bundle.gzippedBytes).toBeLessThan(MAX_GZIPPED_BYTES);
  });

  // The deployed artefact is minified, not the code the Worker tests run: it must work too.
  it('runs in workerd as deployed: a buyer signs in and gets an estimate', async () => {
    const mf = new Miniflare(bundleOptions());
    try {
      await migrateAndSeed(mf);
      const estimate = await postEstimate(mf, await signInToken(mf, 'buyer@acme.test'));
      expect(estimate.status).toBe(200);
      const { results } = (await estimate.json()) as { results: { status: string; naics: string; kgCO2e: number }[] };
      expect(results[0]).toMatchObject({ status: 'estimated', naics: expect.stringMatching(/^3341/) });
      expect(results[0]!.kgCO2e).toBeGreaterThan(0);
      const missing = await mf.dispatchFetch('http://localhost/api/v1/no-such-route');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await mf.dispose();
    }
  }, 60_000);
});
