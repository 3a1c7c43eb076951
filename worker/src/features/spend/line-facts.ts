import type { EstimateResult } from '../../../../shared/api/estimates';
import { normaliseDescription } from '../../../../shared/engine';

/** What the ledger keeps of an engine result, besides the whole result as JSON. */
export function estimateFacts(result: EstimateResult, amount: number, currency: string) {
  if (result.status === 'unable') {
    const c = result.classification;
    return {
      status: 'unable' as const,
      naics: c?.naics ?? null,
      confidence: c?.confidence ?? 0,
      calculationMethod: null,
      classificationSource: c?.classificationSource ?? null,
      kgCO2e: null,
      amountUsd: currency === 'USD' ? amount : null,
    };
  }
  const usdStep = result.steps.find((s) => s.step === 'usd');
  const amountUsd =
    currency === 'USD' ? amount : typeof usdStep?.value === 'number' ? usdStep.value : null;
  return {
    status: result.status,
    naics: result.naics,
    confidence: result.confidence,
    calculationMethod: result.calculationMethod,
    classificationSource: result.classificationSource,
    kgCO2e: result.kgCO2e,
    amountUsd,
  };
}

/** Ranked candidates for the review queue: the pick and its alternatives, without text. */
export function reviewCandidates(result: EstimateResult) {
  const c = result.status === 'unable' ? result.classification : result;
  if (!c) return [];
  return [
    { naics: c.naics, naicsTitle: c.naicsTitle, confidence: c.confidence },
    ...c.alternatives.map((a) => ({
      naics: a.naics,
      naicsTitle: a.naicsTitle,
      confidence: a.confidence,
    })),
  ];
}

export const supplierKeyOf = (supplier: string | undefined | null) =>
  normaliseDescription(supplier ?? '');

/**
 * Same purchase, whatever its source: supplier, date, amount (in its currency) and the
 * description's keyed hash. SHA-256 keeps the key short and fixed-length.
 */
export async function dedupKeyOf(parts: {
  supplierKey: string;
  date: string;
  amount: number;
  currency: string;
  descriptionHash: string;
}): Promise<string> {
  const canonical = JSON.stringify([
    parts.supplierKey,
    parts.date,
    Math.round(parts.amount * 100) / 100,
    parts.currency,
    parts.descriptionHash,
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
