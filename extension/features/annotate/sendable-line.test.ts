import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineFieldsSchema } from '../../utils/api/line-schema';
import { isSendableLine } from './sendable-line';

describe('isSendableLine', () => {
  test('agrees with the message schema on lines adapters can produce', () => {
    const line = fc.record(
      {
        description: fc.string({ maxLength: 320 }),
        amount: fc.double(),
        currency: fc.constantFrom('USD', 'EUR', 'usd', 'EURO'),
        date: fc.constantFrom('2026-03-01', '2026-3-1'),
        supplier: fc.string({ maxLength: 130 }),
        quantity: fc.double(),
        naics: fc.constantFrom('322121', '32', '3221211', 'abc'),
      },
      { requiredKeys: ['description'] },
    );
    fc.assert(
      fc.property(line, (fields) => {
        expect(isSendableLine(fields)).toBe(lineFieldsSchema.safeParse(fields).success);
      }),
      { numRuns: 500 },
    );
  });
});
