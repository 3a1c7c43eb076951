import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOTS } from '../shared/engine/classify-calibration';
import { fitDevelopmentKnots, fitKnots } from './fit-calibration';

describe('confidence calibration', () => {
  it('is a non-decreasing map from raw confidence to hit rate, whatever the predictions', () => {
    const prediction = fc.record({
      raw: fc.double({ min: 0, max: 1, noNaN: true }),
      hit: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(prediction, { minLength: 1, maxLength: 300 }), (predictions) => {
        const knots = fitKnots(predictions, 8);
        for (let i = 1; i < knots.length; i++) {
          expect(knots[i]![0]).toBeGreaterThanOrEqual(knots[i - 1]![0]);
          expect(knots[i]![1]).toBeGreaterThanOrEqual(knots[i - 1]![1]);
        }
        expect(knots[0]![0]).toBe(0);
        expect(knots[knots.length - 1]![0]).toBe(1);
      }),
    );
  });

  it('pools bins whose hit rate falls and keeps the ones that rise', () => {
    const bin = (raw: number, hits: number) =>
      Array.from({ length: 10 }, (_, i) => ({ raw, hit: i < hits }));
    const knots = fitKnots([...bin(0.1, 2), ...bin(0.3, 6), ...bin(0.5, 4), ...bin(0.9, 9)], 4);
    expect(knots).toEqual([
      [0, 0.2],
      [0.1, 0.2],
      [0.3, 0.5],
      [0.5, 0.5],
      [0.9, 0.9],
      [1, 0.9],
    ]);
  });

  it('ships the knots fitted to the cross-validated development predictions', () => {
    expect(fitDevelopmentKnots()).toEqual(KNOTS);
  }, 120_000);
});
