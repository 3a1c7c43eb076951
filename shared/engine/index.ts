/**
 * The estimation engine: classification (tenant rules → given code → vocabulary classifier),
 * currency conversion and CPI-U deflation to 2022 USD, and EPA v1.3 factors.
 *
 * Entry point for the Worker:
 *   estimateLines(lines, tenant) → results in the same order, one per line, never throws.
 * The engine is built once per isolate on first call (≈ JSON.parse of the generated index).
 */
import type { EstimateResult } from '../api/estimates';
import { EstimationEngine, type EngineLine } from './estimate';
import { loadEngineIndex } from './load-index';
import type { TenantContext } from './tenant';

export { normaliseDescription } from './text';
export type { EngineLine } from './estimate';
export type { TenantContext, TenantRule, TenantRuleKind, SupplierFactor } from './tenant';
export { EstimationEngine } from './estimate';

let engine: EstimationEngine | undefined;

/** The shared engine of this isolate, created on first use. */
export function getEngine(): EstimationEngine {
  engine ??= new EstimationEngine(loadEngineIndex());
  return engine;
}

/**
 * Estimates each line with the tenant's rules and supplier factors. Lines should already
 * have passed `estimateLineSchema`; `descriptionHash` is the Worker's keyed HMAC of
 * `normaliseDescription(description)`, used by `description-hash` rules.
 */
export function estimateLines(lines: readonly EngineLine[], tenant: TenantContext = {}): EstimateResult[] {
  const e = getEngine();
  return lines.map((line) => e.estimate(line, tenant));
}

export function estimateLine(line: EngineLine, tenant: TenantContext = {}): EstimateResult {
  return getEngine().estimate(line, tenant);
}
