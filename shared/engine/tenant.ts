import { normaliseDescription } from './text';

export type TenantRuleKind = 'supplier' | 'gl-account' | 'description-hash' | 'keyword';

/** A tenant's classification rule (from reviewers' corrections or admin input). */
export interface TenantRule {
  id: string;
  version: number;
  kind: TenantRuleKind;
  /** Supplier name, GL account, HMAC of normaliseDescription(text), or keyword/phrase. */
  match: string;
  naics: string;
  enabled: boolean;
}

/** A supplier's own emission intensity, which replaces the EPA factor for its lines. */
export interface SupplierFactor {
  id: string;
  version: number;
  supplier: string;
  /** kg CO2e per nominal US dollar spent at the purchase date. */
  kgPerUsd?: number;
  /** kg CO2e per `unit` of quantity. */
  kgPerUnit?: number;
  unit?: string;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  validTo?: string;
  source: string;
}

export interface TenantContext {
  rules?: readonly TenantRule[];
  supplierFactors?: readonly SupplierFactor[];
  /** YYYY-MM-DD used for validity when a line has no date (default: today, UTC). */
  today?: string;
}

/** What rules can look at: the description text itself only reaches keyword rules. */
export interface RuleSubject {
  description: string;
  descriptionHash?: string;
  supplier?: string;
  glAccount?: string;
}

// Most specific first: an exact-line correction beats a keyword, which beats a whole supplier
// or GL account.
const KIND_ORDER: Record<TenantRuleKind, number> = { 'description-hash': 0, keyword: 1, supplier: 2, 'gl-account': 3 };

const sameName = (a: string, b: string) => normaliseDescription(a) === normaliseDescription(b);

function matches(rule: TenantRule, subject: RuleSubject, paddedText: () => string): boolean {
  switch (rule.kind) {
    case 'description-hash':
      return subject.descriptionHash !== undefined && subject.descriptionHash === rule.match;
    case 'supplier':
      return subject.supplier !== undefined && sameName(subject.supplier, rule.match);
    case 'gl-account':
      return subject.glAccount !== undefined && subject.glAccount.trim() === rule.match.trim();
    case 'keyword': {
      const keyword = normaliseDescription(rule.match);
      return keyword.length > 0 && paddedText().includes(` ${keyword} `);
    }
  }
}

/** The enabled rule that applies to the line, or undefined. Ties: longer match, then id. */
export function findRule(rules: readonly TenantRule[] | undefined, subject: RuleSubject): TenantRule | undefined {
  if (!rules || rules.length === 0) return undefined;
  let padded: string | undefined;
  const paddedText = () => (padded ??= ` ${normaliseDescription(subject.description)} `);
  let best: TenantRule | undefined;
  for (const rule of rules) {
    if (!rule.enabled || !matches(rule, subject, paddedText)) continue;
    if (
      !best ||
      KIND_ORDER[rule.kind] < KIND_ORDER[best.kind] ||
      (rule.kind === best.kind && (rule.match.length > best.match.length || (rule.match.length === best.match.length && rule.id < best.id)))
    ) {
      best = rule;
    }
  }
  return best;
}

/**
 * The supplier's factor valid on `date` (YYYY-MM-DD, YYYY-MM or YYYY; today, UTC, when the line
 * has none); latest validFrom wins.
 */
export function findSupplierFactor(
  factors: readonly SupplierFactor[] | undefined,
  supplier: string | undefined,
  date: string | undefined,
): SupplierFactor | undefined {
  if (!factors || factors.length === 0 || !supplier) return undefined;
  const on = date ?? new Date().toISOString().slice(0, 10);
  // A partial date matches when its whole span overlaps the validity window.
  const start = on.length === 4 ? `${on}-01-01` : on.length === 7 ? `${on}-01` : on;
  const end = on.length === 4 ? `${on}-12-31` : on.length === 7 ? `${on}-31` : on;
  let best: SupplierFactor | undefined;
  for (const f of factors) {
    if (!sameName(f.supplier, supplier)) continue;
    if (end < f.validFrom || (f.validTo !== undefined && start > f.validTo)) continue;
    if (!best || f.validFrom > best.validFrom || (f.validFrom === best.validFrom && f.version > best.version)) best = f;
  }
  return best;
}
