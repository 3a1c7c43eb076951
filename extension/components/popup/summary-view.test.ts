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
});
