/** One JSONL line in, one JSONL line out: the logic of `npm run classify`. */
import type { EstimationEngine } from '../shared/engine/estimate';

export interface ClassifyOutput {
  id: string | null;
  naics: string | null;
  naicsTitle: string | null;
  confidence: number;
  alternatives: { naics: string; confidence: number }[];
  factorKgPerUsd: number | null;
  kgCO2e: number | null;
  /** Set when a rate or price index past the latest published figure was used (the figure may move). */
  provisional?: true;
  reason?: string;
}

const optionalString = (v: unknown) => (typeof v === 'string' ? v : undefined);

function failure(id: string | null, reason: string): ClassifyOutput {
  return {
    id,
    naics: null,
    naicsTitle: null,
    confidence: 0,
    alternatives: [],
    factorKgPerUsd: null,
    kgCO2e: null,
    reason,
  };
}

export function classifyJsonLine(engine: EstimationEngine, text: string): ClassifyOutput {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return failure(null, 'line is not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return failure(null, 'line is not a JSON object');
  const o = input as Record<string, unknown>;
  const id = typeof o['id'] === 'string' || typeof o['id'] === 'number' ? String(o['id']) : null;
  if (typeof o['description'] !== 'string' || o['description'].trim() === '')
    return failure(id, 'description is required');
  if (
    o['amount'] !== undefined &&
    (typeof o['amount'] !== 'number' || !Number.isFinite(o['amount']))
  )
    return failure(id, 'amount must be a number');
  const result = engine.estimate({
    description: o['description'].slice(0, 1000),
    amount: o['amount'] as number | undefined,
    currency: optionalString(o['currency']),
    date: optionalString(o['date']),
    supplier: optionalString(o['supplier']),
    glAccount: optionalString(o['glAccount']),
  });
  if (result.status === 'unable') {
    const c = result.classification;
    return {
      ...failure(id, result.reason),
      ...(c
        ? {
            naics: c.naics,
            naicsTitle: c.naicsTitle,
            confidence: c.confidence,
            alternatives: c.alternatives.map((a) => ({ naics: a.naics, confidence: a.confidence })),
            factorKgPerUsd: engine.factorOf(c.naics),
          }
        : {}),
    };
  }
  return {
    id,
    naics: result.naics,
    naicsTitle: result.naicsTitle,
    confidence: result.confidence,
    alternatives: result.alternatives.map((a) => ({ naics: a.naics, confidence: a.confidence })),
    factorKgPerUsd: result.factor.value,
    kgCO2e: result.kgCO2e,
    ...(result.provisional ? { provisional: true as const } : {}),
  };
}
