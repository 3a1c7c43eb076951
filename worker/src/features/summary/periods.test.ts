import { describe, expect, it } from 'vitest';
import { comparisonSpan } from './periods';

// [period, today, the previous period's days compared: from, to]
const CASES: [string, string, string, string][] = [
  // Over (or not begun): the whole previous period.
  ['2024-03', '2024-04-02', '2024-02-01', '2024-02-29'],
  ['2023-03', '2020-01-01', '2023-02-01', '2023-02-28'],
  ['2024-01', '2025-06-30', '2023-12-01', '2023-12-31'],
  ['2024', '2025-01-01', '2023-01-01', '2023-12-31'],
  // In progress: the same days of the previous period.
  ['2026-12', '2026-12-06', '2026-11-01', '2026-11-06'],
  ['2026-01', '2026-01-15', '2025-12-01', '2025-12-15'],
  ['2026', '2026-12-06', '2025-01-01', '2025-12-06'],
  // Up to the end of a shorter previous month, and 28 February for a leap day.
  ['2025-03', '2025-03-31', '2025-02-01', '2025-02-28'],
  ['2024-05', '2024-05-31', '2024-04-01', '2024-04-30'],
  ['2024-03', '2024-03-30', '2024-02-01', '2024-02-29'],
  ['2024', '2024-02-29', '2023-01-01', '2023-02-28'],
];

describe('comparisonSpan', () => {
  it.each(CASES)('%s on %s is compared with %s – %s', (period, today, from, to) => {
    expect(comparisonSpan(period, today)).toEqual({ from, to });
  });
});
