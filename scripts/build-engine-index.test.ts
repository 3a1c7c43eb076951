import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePostings } from '../shared/engine/postings';
import {
  GENERATED_PATH,
  buildEngineIndex,
  packPostings,
  renderEngineIndexModule,
} from './build-engine-index';

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

  it('packs postings losslessly and refuses a weight that does not fit in 16 bits', () => {
    const postings = [[0, 65535, 30251, 1], [], [7, 256]];
    const packed = packPostings(postings);
    const { data, start, max } = decodePostings(packed);
    expect(postings.map((_, t) => [...data.slice(2 * start[t]!, 2 * start[t + 1]!)])).toEqual(
      postings,
    );
    const native = decodePostings(packed, (base64) =>
      Uint8Array.from(Buffer.from(base64, 'base64')),
    );
    expect(native.data).toEqual(data);
    expect([...max]).toEqual([65535, 0, 256]);
    expect(native.max).toEqual(max);
    expect(() => packPostings([[1, 65536]])).toThrow(/does not fit/);
  });
});
