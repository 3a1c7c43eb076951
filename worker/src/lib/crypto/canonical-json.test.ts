import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops insignificant whitespace', () => {
    expect(
      canonicalJson({ b: 1, a: [true, null, 'x'], '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, ö: 4 }),
    ).toBe('{"\\r":2,"a":[true,null,"x"],"b":1,"ö":4,"€":1,"😀":3}');
  });

  it('serialises numbers the ECMAScript way (RFC 8785 §3.2.2.3 examples)', () => {
    // The RFC's own example literal has more digits than a double holds; that is what it tests.
    // eslint-disable-next-line no-loss-of-precision
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.33333329, 1e23, 4.5])).toBe(
      '[1e+21,1e-7,0.000001,0,333333333.3333333,1e+23,4.5]',
    );
  });

  it('escapes only what JSON requires', () => {
    expect(canonicalJson('\u0000\u001f"\\/\u2028')).toBe('"\\u0000\\u001f\\"\\\\/\u2028"');
  });

  it('refuses values with no exact JSON form', () => {
    for (const bad of [
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '\ud800',
      { a: Number.NaN },
    ]) {
      expect(() => canonicalJson(bad)).toThrow(CanonicalJsonError);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
  });
});
