import { describe, expect, it } from 'vitest';
import { comparisonSpan } from './periods';

describe('comparisonSpan', () => {
  it('takes the whole previous period once the period is over, or before it starts', () => {
    expect(comparisonSpan('2024-03', '2024-04-02')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(comparisonSpan('2023-03', '2020-01-01')).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(comparisonSpan('2024-01', '2025-06-30')).toEqual({
      from: '2023-12-01',
      to: '2023-12-31',
    });
    expect(comparisonSpan('2024', '2025-01-01')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('takes the same days of the previous period while the period is in progress', () => {
    expect(comparisonSpan('2026-12', '2026-12-06')).toEqual({
      from: '2026-11-01',
      to: '2026-11-06',
    });
    expect(comparisonSpan('2026-01', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-15',
    });
    expect(comparisonSpan('2026', '2026-12-06')).toEqual({ from: '2025-01-01', to: '2025-12-06' });
  });

  it('stops at the end of a shorter previous month, and at 28 February for a leap day', () => {
    expect(comparisonSpan('2025-03', '2025-03-31')).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(comparisonSpan('2024-05', '2024-05-31')).toEqual({
      from: '2024-04-01',
      to: '2024-04-30',
    });
    expect(comparisonSpan('2024', '2024-02-29')).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    expect(comparisonSpan('2024-03', '2024-03-30')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });
});
