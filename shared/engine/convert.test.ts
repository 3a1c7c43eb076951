import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualFromMonths } from '../../scripts/build-engine-index';
import { convertToUsd2022, parsePeriod } from './convert';
import { H10_COUNTRY_BY_CURRENCY, LEGACY_CURRENCIES } from './currencies';
import { loadEngineIndex } from './load-index';

const index = loadEngineIndex();
const monthsOf = (currency: string, year: number) => {
  const series = index.fx[currency]!;
  const start = (year - Number(series.monthlyStart.slice(0, 4))) * 12 - (Number(series.monthlyStart.slice(5, 7)) - 1);
  return series.monthly.slice(start, start + 12);
};
const convert = (amount: number, currency: string, date: string) => convertToUsd2022(index, amount, currency, parsePeriod(date)!);
const ok = (r: ReturnType<typeof convert>) => {
  if (!r.ok) throw new Error(r.reason);
  return r.step;
};

// Known monthly averages (H.10, units per USD) and the USD value of one unit they imply.
// If a series were quoted the other way round (USD per unit), these would be off by far more.
const KNOWN_2022_01: Record<string, number> = {
  EUR: 0.8836, GBP: 0.7377, JPY: 114.8255, CAD: 1.2622, CHF: 0.9191, CNY: 6.3556, INR: 74.4075,
  MXN: 20.5074, AUD: 1.3928, NZD: 1.4832, BRL: 5.53, KRW: 1196.0345, SEK: 9.1533, NOK: 8.8474,
  DKK: 6.5753, HKD: 7.7917, SGD: 1.3504, ZAR: 15.4708, TWD: 27.672, THB: 33.2225, MYR: 4.1888,
  LKR: 201.842,
};
// Plausibility band of USD per unit for each currency in early 2022 (direction check).
const USD_PER_UNIT_BAND: Record<string, [number, number]> = {
  EUR: [1.05, 1.2], GBP: [1.25, 1.45], JPY: [0.007, 0.01], CAD: [0.75, 0.82], CHF: [1.0, 1.15],
  CNY: [0.14, 0.17], INR: [0.012, 0.014], MXN: [0.045, 0.05], AUD: [0.68, 0.76], NZD: [0.63, 0.7],
  BRL: [0.17, 0.2], KRW: [0.0008, 0.0009], SEK: [0.1, 0.115], NOK: [0.1, 0.12], DKK: [0.14, 0.16],
  HKD: [0.127, 0.129], SGD: [0.72, 0.76], ZAR: [0.06, 0.07], TWD: [0.035, 0.037], THB: [0.029, 0.031],
  MYR: [0.23, 0.25], LKR: [0.0045, 0.0052],
};

describe('currency conversion', () => {
  it('reads every current H.10 series as units per US dollar (EUR 2022-01 0.8836 → 1.1317 USD/EUR)', () => {
    const eur = ok(convert(100, 'EUR', '2022-01-15'));
    expect(eur.unitsPerUsd).toBe(0.8836);
    expect(eur.usdPerUnit).toBeCloseTo(1.1317, 4);
    expect(eur.usd).toBeCloseTo(113.17, 2);
    for (const [currency, unitsPerUsd] of Object.entries(KNOWN_2022_01)) {
      const step = ok(convert(1, currency, '2022-01-01'));
      expect(step.unitsPerUsd, currency).toBe(unitsPerUsd);
      const [lo, hi] = USD_PER_UNIT_BAND[currency]!;
      expect(step.usdPerUnit, currency).toBeGreaterThan(lo);
      expect(step.usdPerUnit, currency).toBeLessThan(hi);
    }
  });

  it('covers every mapped non-legacy currency in the direction test', () => {
    const current = Object.keys(H10_COUNTRY_BY_CURRENCY).filter((c) => !LEGACY_CURRENCIES.has(c));
    expect(current.sort()).toEqual(Object.keys(KNOWN_2022_01).sort());
  });

  it('checks GBP against a second known value (2026-05 = 0.7409 GBP per USD)', () => {
    expect(ok(convert(1, 'GBP', '2026-05-02')).unitsPerUsd).toBe(0.7409);
  });

  it('uses annual averages when only the year is known, deriving GBP from the monthly file', () => {
    expect(ok(convert(1, 'EUR', '2022')).unitsPerUsd).toBe(0.9493);
    const gbp = ok(convert(1, 'GBP', '2022'));
    expect(gbp.unitsPerUsd).toBe(annualFromMonths(monthsOf('GBP', 2022), 'GBP'));
    expect(gbp.unitsPerUsd).toBe(0.8082);
    expect(gbp.ratePeriod).toBe('2022');
    expect(index.fx['GBP']!.yearlyDerived).toBe(true);
  });

  it('derives an annual rate the way H.10 publishes it, in the quotation of each series', () => {
    // H.10 quotes EUR, AUD and NZD in USD per unit, JPY and CAD in units per USD: each published
    // 2022 annual sits closer to the mean taken in its own quotation than to the other mean.
    const quotedUsdPerUnit: Record<string, boolean> = { EUR: true, AUD: true, NZD: true, JPY: false, CAD: false };
    for (const [currency, perUnit] of Object.entries(quotedUsdPerUnit)) {
      const months = monthsOf(currency, 2022);
      const published = ok(convert(1, currency, '2022')).unitsPerUsd;
      const arithmetic = months.reduce((a, b) => a + b, 0) / 12;
      const harmonic = 12 / months.reduce((a, b) => a + 1 / b, 0);
      const [own, other] = perUnit ? [harmonic, arithmetic] : [arithmetic, harmonic];
      expect(Math.abs(own - published), currency).toBeLessThan(Math.abs(other - published));
      expect(annualFromMonths(months, currency)).toBe(Math.round(own * 1e4) / 1e4);
    }
  });

  it('has a deflator of 1 for the 2022 annual average and ≈ the month ratio otherwise', () => {
    expect(ok(convert(100, 'USD', '2022')).deflator).toBe(1);
    expect(ok(convert(100, 'USD', '2022')).usd2022).toBe(100);
    const jan = ok(convert(100, 'USD', '2022-01-31'));
    expect(jan.deflator).toBeCloseTo(292.6549 / 281.148, 5);
    const later = ok(convert(100, 'USD', '2026-05-01'));
    expect(later.deflator).toBeLessThan(1);
    expect(later.provisional).toBe(false);
  });

  it('carries the latest month forward past the tables and marks it provisional', () => {
    const step = ok(convert(100, 'EUR', '2026-09-10'));
    expect(step.ratePeriod).toBe('2026-06');
    expect(step.cpiPeriod).toBe('2026-05');
    expect(step.provisional).toBe(true);
    expect(step.notes.join(' ')).toMatch(/not yet published/);
    const cpiOnly = ok(convert(100, 'EUR', '2026-06-01'));
    expect(cpiOnly.ratePeriod).toBe('2026-06');
    expect(cpiOnly.provisional).toBe(true);
  });

  it('bridges the unpublished 2025-10 CPI-U month and says so', () => {
    const step = ok(convert(100, 'USD', '2025-10-01'));
    expect(step.provisional).toBe(true);
    expect(step.notes.join(' ')).toMatch(/2025-10 was not published/);
    const year = ok(convert(100, 'USD', '2025'));
    expect(year.provisional).toBe(true);
    expect(year.notes.join(' ')).toMatch(/2025-10 was not published; the 2025 average/);
  });

  it('refuses unknown currencies, dates before the tables and ended series', () => {
    expect(convert(1, 'XYZ', '2022-01-01')).toEqual({ ok: false, reason: expect.stringMatching(/XYZ is not in the Federal Reserve H.10/) });
    expect(convert(1, 'VES', '2022-01-01').ok).toBe(false);
    expect(convert(1, 'EUR', '1998-12-01')).toEqual({ ok: false, reason: expect.stringMatching(/no EUR .* before 1999-01/) });
    expect(convert(1, 'USD', '1900-01-01')).toEqual({ ok: false, reason: expect.stringMatching(/no CPI-U before 1913/) });
    expect(convert(1, 'DEM', '2010-01-01')).toEqual({ ok: false, reason: expect.stringMatching(/ended 2001-12/) });
    expect(ok(convert(1, 'DEM', '1995-06-01')).unitsPerUsd).toBeGreaterThan(1);
  });

  it('parses dates strictly', () => {
    expect(parsePeriod('2022-02-30')).toBeUndefined();
    expect(parsePeriod('2022-13')).toBeUndefined();
    expect(parsePeriod('22-01-01')).toBeUndefined();
    expect(parsePeriod('2024-02-29')).toEqual({ year: 2024, month: 2 });
    expect(parsePeriod('2024')).toEqual({ year: 2024 });
    expect(parsePeriod('2000-02-29')).toEqual({ year: 2000, month: 2 });
    expect(parsePeriod('2100-02-29')).toBeUndefined();
    expect(parsePeriod('2023-04-31')).toBeUndefined();
    expect(parsePeriod('2023-04-00')).toBeUndefined();
  });

  it('accepts exactly the days the calendar has (checked against Date, years 1000–9999)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 31 }), (year, month, day) => {
        const onCalendar = day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
        expect(parsePeriod(`${year}-${two(month)}-${two(day)}`) !== undefined).toBe(onCalendar);
      }),
      { numRuns: 5000 },
    );
  });
});
