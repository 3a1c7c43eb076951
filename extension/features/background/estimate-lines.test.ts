import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { EstimatesResponse } from '../../utils/api/estimate-schema';
import type { LineFieldsInput } from '../../utils/api/line-schema';
import { MAX_ENTRIES } from '../../utils/estimate-cache';
import { estimateLines } from './estimate-lines';
import { fakeEstimate as estimated } from '../../test/unit/fake-estimate';


function fakeApi(ruleVersion = 1) {
  const estimate = vi.fn(async (lines: LineFieldsInput[]): Promise<EstimatesResponse> => ({ ruleVersion, results: lines.map(estimated) }));
  return { estimate };
}

const lines = (n: number, offset = 0): LineFieldsInput[] =>
  Array.from({ length: n }, (_, i) => ({ description: `Item ${i + offset}`, amount: i + offset + 1, currency: 'USD' }));

describe('estimateLines', () => {
  beforeEach(() => fakeBrowser.reset());
  const scope = async () => 'http://127.0.0.1:8787|buyer@acme.test';

  test('splits a large scan into requests of at most 500 lines, keeping order', async () => {
    const api = fakeApi();
    const answer = await estimateLines({ api, cacheScope: scope }, lines(1200));
    expect(api.estimate.mock.calls.map(([batch]) => batch.length)).toEqual([500, 500, 200]);
    expect(answer.ok && answer.results.map((r) => (r.status === 'estimated' ? r.kgCO2e : -1))).toEqual(lines(1200).map((l) => l.amount! * 0.5));
  });

  test('answers repeated lines from the cache and sends duplicates once', async () => {
    const api = fakeApi();
    await estimateLines({ api, cacheScope: scope }, lines(3));
    const answer = await estimateLines({ api, cacheScope: scope }, [...lines(3), { description: ' ITEM   0 ', amount: 1, currency: 'USD' }, ...lines(1, 10), ...lines(1, 10)]);
    expect(api.estimate).toHaveBeenCalledTimes(2);
    expect(api.estimate.mock.calls[1]![0]).toEqual(lines(1, 10));
    expect(answer.ok && answer.results).toHaveLength(6);
  });

  test('the cache holds no line text', async () => {
    await estimateLines({ api: fakeApi(), cacheScope: scope }, [{ description: 'Secret project Zephyr paper', amount: 1 }]);
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain('Zephyr');
  });

  test('a new rule version drops older cached answers', async () => {
    await estimateLines({ api: fakeApi(1), cacheScope: scope }, lines(2));
    const api2 = fakeApi(2);
    await estimateLines({ api: api2, cacheScope: scope }, lines(1, 5));
    const api3 = fakeApi(2);
    await estimateLines({ api: api3, cacheScope: scope }, lines(2));
    expect(api3.estimate).toHaveBeenCalledWith(lines(2));
  });

  test('another account never sees the first account’s cache', async () => {
    await estimateLines({ api: fakeApi(), cacheScope: scope }, lines(2));
    const other = fakeApi();
    await estimateLines({ api: other, cacheScope: async () => 'http://127.0.0.1:8787|admin@bright.test' }, lines(2));
    expect(other.estimate).toHaveBeenCalledTimes(1);
  });

  test('signed out: no request, a signed-out failure', async () => {
    const api = fakeApi();
    await expect(estimateLines({ api, cacheScope: async () => undefined }, lines(1))).resolves.toMatchObject({ ok: false, error: 'signed-out' });
    expect(api.estimate).not.toHaveBeenCalled();
  });

  test('a cache that cannot be written (storage.session full) still answers what the server said', async () => {
    vi.spyOn(browser.storage.session, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    const answer = await estimateLines({ api: fakeApi(), cacheScope: scope }, lines(2));
    expect(answer).toMatchObject({ ok: true, results: [{ kgCO2e: 0.5 }, { kgCO2e: 1 }] });
  });

  test('a full cache of real-size answers stays well under the 10 MB storage.session quota', async () => {
    const realSize = (line: LineFieldsInput) => ({ ...estimated(line), steps: ['x'.repeat(1200)] }); // ≈ 1.6 KB, as the Worker answers
    const api = { estimate: vi.fn(async (batch: LineFieldsInput[]) => ({ ruleVersion: 1, results: batch.map(realSize) })) };
    await estimateLines({ api, cacheScope: scope }, lines(MAX_ENTRIES + 100));
    const { estimateCache } = await browser.storage.session.get('estimateCache');
    expect(Object.keys((estimateCache as { entries: object }).entries)).toHaveLength(MAX_ENTRIES);
    expect(JSON.stringify(estimateCache).length).toBeLessThan(4 * 1024 * 1024);
  });

  test('a count mismatch from the server is an invalid response, not a misaligned badge', async () => {
    const api = { estimate: vi.fn(async () => ({ ruleVersion: 1, results: [] })) };
    await expect(estimateLines({ api, cacheScope: scope }, lines(2))).resolves.toMatchObject({ ok: false, error: 'invalid-response' });
  });
});
