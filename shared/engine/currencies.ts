/**
 * ISO 4217 code → country name used by the Federal Reserve H.10 files. Venezuela is left out:
 * its series runs across several bolívar redenominations without saying which, so no ISO
 * code can be matched to it safely.
 */
export const H10_COUNTRY_BY_CURRENCY: Readonly<Record<string, string>> = {
  AUD: 'Australia',
  BRL: 'Brazil',
  CAD: 'Canada',
  CNY: 'China',
  DKK: 'Denmark',
  EUR: 'Euro',
  HKD: 'Hong Kong',
  INR: 'India',
  JPY: 'Japan',
  MYR: 'Malaysia',
  MXN: 'Mexico',
  NZD: 'New Zealand',
  NOK: 'Norway',
  SGD: 'Singapore',
  ZAR: 'South Africa',
  KRW: 'South Korea',
  LKR: 'Sri Lanka',
  SEK: 'Sweden',
  CHF: 'Switzerland',
  TWD: 'Taiwan',
  THB: 'Thailand',
  GBP: 'United Kingdom',
  // Legacy euro-area currencies: monthly series end in 2001 (2000 for Greece).
  ATS: 'Austria',
  BEF: 'Belgium',
  FIM: 'Finland',
  FRF: 'France',
  DEM: 'Germany',
  GRD: 'Greece',
  IEP: 'Ireland',
  ITL: 'Italy',
  NLG: 'Netherlands',
  PTE: 'Portugal',
  ESP: 'Spain',
};

export const LEGACY_CURRENCIES: ReadonlySet<string> = new Set([
  'ATS', 'BEF', 'FIM', 'FRF', 'DEM', 'GRD', 'IEP', 'ITL', 'NLG', 'PTE', 'ESP',
]);
