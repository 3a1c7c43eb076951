import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { EstimatesResponse } from '../../utils/api/estimate-schema';
import type { LineFieldsInput } from '../../utils/api/line-schema';
import { estimateLines } from './estimate-lines';

const estimated = (line: LineFieldsInput) => ({
  status: 'estimated' as const,
  naics: '322121',
  naicsTitle: 'Paper mills',
  kgCO2e: (line.amount ?? 0) * 0.5,
  confidence: 0.9,
  alternatives: [],
  calculationMethod: 'spend-based',
  classificationSource: 'classifier',
  factor: { value: 0.5, unit: 'kg CO2e/USD', dataset: 'USEEIO', version: '1.3' },
});

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

  test('a count mismatch from the server is an invalid response, not a misaligned badge', async () => {
    const api = { estimate: vi.fn(async () => ({ ruleVersion: 1, results: [] })) };
    await expect(estimateLines({ api, cacheScope: scope }, lines(2))).resolves.toMatchObject({ ok: false, error: 'invalid-response' });
  });
});
