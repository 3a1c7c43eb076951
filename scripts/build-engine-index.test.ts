import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, buildEngineIndex, renderEngineIndexModule } from './build-engine-index';

describe('generated engine index', () => {
  it('regenerates byte for byte from data/', () => {
    const fresh = renderEngineIndexModule(buildEngineIndex());
    expect(fresh === readFileSync(GENERATED_PATH, 'utf8')).toBe(true);
  });

  it('holds every EPA factor and no invented one', () => {
    const index = buildEngineIndex();
    expect(index.factors.filter((f) => f !== null)).toHaveLength(1016);
    expect(index.factors[index.codes.indexOf('331110')]).toBe(0.787);
    expect(index.factors[index.codes.indexOf('921110')]).toBeNull();
    expect(index.codes).toHaveLength(1057);
  });
});
