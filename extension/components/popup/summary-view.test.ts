import { h, render } from 'preact';
import { describe, expect, test } from 'vitest';
import { SummaryView } from './summary-view';

describe('SummaryView', () => {
  test('biggest movers: an arrow for the direction and the magnitude after it, never a second sign', () => {
    const container = document.createElement('div');
    const movers = [
      { label: 'Haulage plc', deltaKg: -16183.4 },
      { label: 'Office Supply Co.', deltaKg: 250 },
    ];
    render(
      h(SummaryView, { view: { byCategory: [], bySupplier: [], trend: [], movers } }),
      container,
    );
    const items = [...container.querySelectorAll('[aria-label="Biggest movers"] li')].map(
      (li) => li.textContent,
    );
    expect(items).toEqual(['Haulage plc: ▼ 16,183 kg', 'Office Supply Co.: ▲ 250 kg']);
  });

  test('a period in progress says so, and names the days its movers compare with', () => {
    const container = document.createElement('div');
    const view = {
      totalKg: 120,
      spend: { amount: 900, currency: 'USD' },
      lineCount: 3,
      toDate: '2026-12-06',
      comparedWith: { from: '2026-11-01', to: '2026-11-06' },
      byCategory: [],
      bySupplier: [],
      trend: [{ period: '2026-11', kg: 300 }, { period: '2026-12', kg: 120 }],
      movers: [{ label: 'Dell', deltaKg: 40 }],
    };
    render(h(SummaryView, { view }), container);
    expect(container.querySelector('.muted')?.textContent).toBe('on 900 USD of spend · 3 lines · so far, to 2026-12-06');
    expect(container.querySelector('[aria-label="Biggest movers"] h2')?.textContent).toBe('Biggest movers against 2026-11-01 – 2026-11-06');
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toBe('Trend: 2026-11: 300 kg; 2026-12 so far (to 2026-12-06): 120 kg');
  });
});
