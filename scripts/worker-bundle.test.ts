import { describe, expect, it } from 'vitest';
import { buildWorkerBundle, MAX_GZIPPED_BYTES } from './worker-bundle';

describe('Worker bundle', () => {
  it('builds with wrangler deploy --dry-run and stays under 3 MB gzipped', () => {
    const bundle = buildWorkerBundle();
    expect(bundle.files).toContain('index.js');
    expect(bundle.gzippedBytes).toBeLessThan(MAX_GZIPPED_BYTES);
  }, 120_000);
});
