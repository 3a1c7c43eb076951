import { describe, expect, it } from 'vitest';
import { createTenant, signIn } from '../../../test/fixtures';
import { sendJson } from '../../../test/spend-helpers';
import { robustZ } from './anomalies';

const history = [95, 102, 98, 110, 101, 97, 105, 99].map((amount, i) => ({
  description: 'COPY PAPER 8.5X11 WHITE 10 REAM CASE',
  amount,
  date: `2026-0${1 + (i % 6)}-1${i}`,
  supplier: 'Staples',
}));

interface QueueItem {
  kind: string;
  spendLineId: string | null;
  reason: string | null;
}

async function anomalies(token: string) {
  const page = await sendJson<{ items: QueueItem[] }>(token, 'GET', '/api/v1/review?limit=200');
  return page.items.filter((item) => item.kind === 'anomaly');
}

describe('robust z-score', () => {
  it('measures distance in median absolute deviations, unmoved by one earlier outlier', () => {
    const sample = [1, 2, 3, 4, 100].map(Math.log);
    expect(Math.abs(robustZ(Math.log(3), sample))).toBeLessThan(0.5);
    expect(robustZ(Math.log(1000), sample)).toBeGreaterThan(3.5);
    expect(robustZ(5, [2, 2, 2])).toBe(0);
  });
});

describe('anomaly flags on recorded spend', () => {
  it('flags an amount far outside the supplier’s range, a category switch and a duplicate invoice, saying why', async () => {
    const tenant = await createTenant('anomalies');
    const buyer = await signIn(tenant.emails.buyer);
    const analyst = await signIn(tenant.emails.analyst);
    await sendJson(buyer, 'POST', '/api/v1/spend/record', { lines: history }, 201);
    expect(await anomalies(analyst)).toEqual([]);

    const [usual, huge, laptop, twin] = (
      await sendJson<{ lines: { id: string }[] }>(
        buyer,
        'POST',
        '/api/v1/spend/record',
        {
          lines: [
            { ...history[0]!, amount: 104, date: '2026-07-01' },
            { ...history[0]!, amount: 48_000, date: '2026-07-02' },
            {
              description: 'LAPTOP COMPUTER 14 INCH NOTEBOOK',
              amount: 100,
              date: '2026-07-03',
              supplier: 'Staples',
            },
            { ...history[3]!, description: 'COPY PAPER LETTER 10 REAM CASE' },
          ],
        },
        201,
      )
    ).lines.map((line) => line.id);

    const flags = new Map(
      (await anomalies(analyst)).map((item) => [item.spendLineId, item.reason]),
    );
    expect(flags.has(usual!)).toBe(false);
    expect(flags.get(huge!)).toMatch(/amount 4\.80e\+4 USD is far above this supplier's usual/);
    expect(flags.get(laptop!)).toMatch(/usually classified in NAICS 322 .*this line in 334/);
    expect(flags.get(twin!)).toMatch(
      /possible duplicate invoice: line sl_.* same supplier, date and amount/,
    );
  });
});
