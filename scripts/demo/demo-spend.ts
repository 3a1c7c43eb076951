/**
 * Twelve months of Acme demo spend and the current month so far: realistic purchase lines
 * across teams, suppliers and categories, estimated with the engine and the demo rules, stored
 * without their text.
 * Deterministic (seeded random), so re-seeding changes nothing.
 */
import type { EstimateResult } from '../../shared/api/estimates';
import { estimateLines, type SupplierFactor, type TenantRule } from '../../shared/engine';
import { hashDescription } from '../../worker/src/features/estimates/description-hash';
import {
  dedupKeyOf,
  estimateFacts,
  reviewCandidates,
  supplierKeyOf,
} from '../../worker/src/features/spend/line-facts';

export const ACME = 'tnt_acme';
const ANALYST = 'usr_analyst_acme_test';
const BUYER = 'usr_buyer_acme_test';

interface Template {
  supplier: string;
  team: string;
  glAccount: string;
  currency: string;
  /** Typical line amount; each purchase varies around it. */
  amount: number;
  perMonth: number;
  descriptions: string[];
}

const TEMPLATES: Template[] = [
  {
    supplier: 'Dell Technologies',
    team: 'team_acme_operations',
    glAccount: '6410',
    currency: 'USD',
    amount: 1400,
    perMonth: 3,
    descriptions: [
      'Latitude 5440 laptop computer 14 inch',
      '27 inch LCD computer monitor',
      'USB-C docking station',
    ],
  },
  {
    supplier: 'Staples',
    team: 'team_acme_procurement',
    glAccount: '6100',
    currency: 'USD',
    amount: 180,
    perMonth: 4,
    descriptions: [
      'Copy paper A4 80gsm, 5 reams',
      'Toner cartridge black laser printer',
      'Ballpoint pens blue, box of 50',
      'Hanging file folders letter size',
    ],
  },
  {
    supplier: 'W.W. Grainger',
    team: 'team_acme_operations',
    glAccount: '6200',
    currency: 'USD',
    amount: 650,
    perMonth: 3,
    descriptions: [
      'Nitrile disposable gloves, case',
      'Hex head cap screws zinc plated 1/2 in',
      'Cordless drill driver 18V',
      'Safety glasses clear lens',
    ],
  },
  {
    supplier: 'Uline',
    team: 'team_acme_operations',
    glAccount: '6210',
    currency: 'USD',
    amount: 900,
    perMonth: 2,
    descriptions: [
      'Corrugated shipping boxes 12x12x12',
      'Stretch wrap film 18 inch',
      'Wooden pallets 48x40',
    ],
  },
  {
    supplier: 'Nordic Steel AB',
    team: 'team_acme_operations',
    glAccount: '5100',
    currency: 'EUR',
    amount: 8200,
    perMonth: 2,
    descriptions: ['Hot rolled steel plate S355 10mm', 'Stainless steel pipe 304, schedule 40'],
  },
  {
    supplier: 'Delta Air Lines',
    team: 'team_acme_sustainability',
    glAccount: '6700',
    currency: 'USD',
    amount: 780,
    perMonth: 2,
    descriptions: ['Airfare BOS-SFO return, economy', 'Airfare JFK-LHR, economy'],
  },
  {
    supplier: 'Hilton Hotels',
    team: 'team_acme_sustainability',
    glAccount: '6710',
    currency: 'USD',
    amount: 520,
    perMonth: 2,
    descriptions: ['Hotel accommodation 3 nights', 'Hotel room conference stay'],
  },
  {
    supplier: 'Amazon Web Services',
    team: 'team_acme_procurement',
    glAccount: '6400',
    currency: 'USD',
    amount: 4200,
    perMonth: 1,
    descriptions: ['Cloud hosting and compute services, monthly'],
  },
  {
    supplier: 'Shell Fleet Solutions',
    team: 'team_acme_operations',
    glAccount: '6600',
    currency: 'GBP',
    amount: 1100,
    perMonth: 2,
    descriptions: ['Diesel fuel for delivery vans', 'Gasoline fleet card purchases'],
  },
  {
    supplier: 'Green Mountain Office Coffee',
    team: 'team_acme_procurement',
    glAccount: '6150',
    currency: 'USD',
    amount: 240,
    perMonth: 1,
    descriptions: ['Coffee beans whole, 5 lb bag', 'zx-22 misc pantry kit'],
  },
  {
    supplier: 'Bright Cleaning Services',
    team: 'team_acme_procurement',
    glAccount: '6300',
    currency: 'USD',
    amount: 2100,
    perMonth: 1,
    descriptions: ['Janitorial cleaning services, monthly contract'],
  },
];

/** Classification rules an analyst would have made. `match` of the hash rule is its text. */
export const DEMO_RULES: (Omit<TenantRule, 'enabled' | 'version'> & { text?: string })[] = [
  { id: 'rule_demo_delta', kind: 'supplier', match: 'Delta Air Lines', naics: '481111' },
  { id: 'rule_demo_hilton', kind: 'supplier', match: 'Hilton Hotels', naics: '721110' },
  { id: 'rule_demo_cloud', kind: 'gl-account', match: '6400', naics: '518210' },
  { id: 'rule_demo_toner', kind: 'keyword', match: 'toner cartridge', naics: '325910' },
  {
    id: 'rule_demo_coffee',
    kind: 'description-hash',
    match: '',
    text: 'Coffee beans whole, 5 lb bag',
    naics: '311920',
  },
];

export const DEMO_SUPPLIER_FACTOR = (validFrom: string): SupplierFactor => ({
  id: 'sf_demo_dell',
  version: 1,
  supplier: 'Dell Technologies',
  kgPerUsd: 0.19,
  validFrom,
  source: 'Dell product carbon footprint reports (Latitude and monitor lines), 2023',
});

/** Mulberry32: a small seeded generator, so the demo is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoLine {
  row: Record<string, unknown>;
  review?: Record<string, unknown>;
}

/** The last twelve full months before `now`, oldest first ("YYYY-MM"). */
export function lastTwelveMonths(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

interface PlannedLine {
  line: {
    description: string;
    amount: number;
    currency: string;
    date: string;
    supplier: string;
    glAccount: string;
  };
  team: string;
  anomaly?: string;
}

/** Every template's purchases in `month`, the `m`-th month of the demo (amounts trend upward). */
function planMonth(month: string, m: number, next: () => number): PlannedLine[] {
  const planned: PlannedLine[] = [];
  for (const t of TEMPLATES) {
    for (let k = 0; k < t.perMonth; k++) {
      const description = t.descriptions[Math.floor(next() * t.descriptions.length)]!;
      const day = String(1 + Math.floor(next() * 27)).padStart(2, '0');
      // A gentle upward trend plus noise.
      const amount = Math.round(t.amount * (0.6 + next() * 0.8) * (1 + m * 0.02) * 100) / 100;
      const { currency, supplier, glAccount } = t;
      planned.push({
        line: { description, amount, currency, date: `${month}-${day}`, supplier, glAccount },
        team: t.team,
      });
    }
  }
  return planned;
}

export async function demoSpend(
  secret: string,
  now: Date,
  rules: TenantRule[],
  factor: SupplierFactor,
) {
  const next = random(2026);
  const months = lastTwelveMonths(now);
  const planned: PlannedLine[] = [];
  months.forEach((month, m) => planned.push(...planMonth(month, m, next)));
  // A few anomalies: an invoice far above the supplier's usual range, and a duplicate invoice.
  const last = months.at(-1)!;
  planned.push({
    line: {
      description: 'Nitrile disposable gloves, case',
      amount: 48_500,
      currency: 'USD',
      date: `${last}-09`,
      supplier: 'W.W. Grainger',
      glAccount: '6200',
    },
    team: 'team_acme_operations',
    anomaly:
      'amount far above the supplier’s usual range (more than 10 median absolute deviations)',
  });
  planned.push({
    line: {
      description: 'Janitorial cleaning services, monthly contract ',
      amount: 2100.01,
      currency: 'USD',
      date: `${last}-03`,
      supplier: 'Bright Cleaning Services',
      glAccount: '6300',
    },
    team: 'team_acme_procurement',
    anomaly: 'possible duplicate invoice: same supplier and amount within days',
  });

  // The current month so far, planned whole and after the rest so every line keeps its id
  // (its index) when a later day's seeding adds the days since.
  planned.push(...planMonth(now.toISOString().slice(0, 7), months.length, next));
  const today = now.toISOString().slice(0, 10);
  const due = planned.flatMap((p, index) => (p.line.date <= today ? [{ ...p, index }] : []));

  const hashes = await Promise.all(
    due.map((p) => hashDescription(secret, ACME, p.line.description)),
  );
  const results: EstimateResult[] = estimateLines(
    due.map((p, i) => ({ ...p.line, descriptionHash: hashes[i] })),
    { rules, supplierFactors: [factor] },
  );
  const out: DemoLine[] = [];
  for (let i = 0; i < due.length; i++) {
    const { line, team, anomaly, index } = due[i]!;
    const result = results[i]!;
    const facts = estimateFacts(result, line.amount, line.currency);
    const id = `sl_demo_${String(index).padStart(4, '0')}`;
    const needsReview =
      facts.status === 'unable' || facts.confidence < 0.8 || anomaly !== undefined;
    const createdAt = new Date(`${line.date}T12:00:00Z`);
    const row = {
      id,
      tenantId: ACME,
      source: 'demo',
      teamId: team,
      recordedBy: BUYER,
      date: line.date,
      month: line.date.slice(0, 7),
      supplier: line.supplier,
      supplierKey: supplierKeyOf(line.supplier),
      glAccount: line.glAccount,
      amount: line.amount,
      currency: line.currency,
      quantity: null,
      descriptionHash: hashes[i]!,
      erpLineId: null,
      dedupKey: await dedupKeyOf({
        supplierKey: supplierKeyOf(line.supplier),
        date: line.date,
        amount: line.amount,
        currency: line.currency,
        descriptionHash: hashes[i]!,
      }),
      ...facts,
      estimate: result,
      ruleVersion: rules.length + 1,
      needsReview,
      createdAt,
      updatedAt: createdAt,
    };
    const review = needsReview
      ? {
          id: `rv_demo_${String(index).padStart(4, '0')}`,
          tenantId: ACME,
          kind: anomaly ? 'anomaly' : facts.status === 'unable' ? 'unable' : 'low-confidence',
          status: 'open',
          spendLineId: id,
          descriptionHash: hashes[i]!,
          supplier: line.supplier,
          glAccount: line.glAccount,
          amount: line.amount,
          currency: line.currency,
          naics: facts.naics,
          confidence: facts.confidence,
          candidates: reviewCandidates(result),
          suggestedNaics: null,
          reason: anomaly ?? (result.status === 'unable' ? result.reason : null),
          createdBy: ANALYST,
          createdAt,
        }
      : undefined;
    out.push({ row, ...(review ? { review } : {}) });
  }
  return out;
}
