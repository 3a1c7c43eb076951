import { z } from 'zod';

// The extension's defensive parse of POST /api/v1/estimates. The contract is
// shared/api/estimates.ts; estimate-schema-compat.ts proves at compile time that every answer
// valid there is valid here, while this parse tolerates additions and drops broken alternatives.

const alternativeSchema = z.looseObject({
  naics: z.string(),
  naicsTitle: z.string().optional(),
  confidence: z.number(),
  factorKgPerUsd: z.number().nullable().optional(),
});

/** Classified; priced when `kgCO2e` is a number (status `classified`: the line had no amount). */
export const okResultSchema = z.looseObject({
  status: z.enum(['estimated', 'classified']),
  naics: z.string(),
  naicsTitle: z.string(),
  kgCO2e: z.number().nullable(),
  provisional: z.boolean().optional(),
  confidence: z.number().min(0).max(1),
  alternatives: z.array(alternativeSchema).catch([]),
  calculationMethod: z.string(),
  classificationSource: z.string(),
  factor: z.looseObject({
    value: z.number(),
    unit: z.string(),
    dataset: z.string(),
    version: z.union([z.string(), z.number()]).transform(String),
  }),
  range: z.object({ low: z.number(), high: z.number() }).nullable().optional(),
  steps: z.unknown().optional(),
});

export const unableResultSchema = z.looseObject({
  status: z.literal('unable'),
  reasonCode: z.string().optional(),
  reason: z.string().catch('unable to estimate'),
});

export const estimateResultSchema = z.union([okResultSchema, unableResultSchema]);

export const estimatesResponseSchema = z.looseObject({
  ruleVersion: z.number(),
  results: z.array(estimateResultSchema),
  /** Optional: median factor of all commodities (kg CO2e/USD), for the intensity colour. */
  medianFactor: z.number().positive().optional(),
});

export type OkResult = z.infer<typeof okResultSchema>;
/** An estimate with a number of kilograms. */
export type EstimatedResult = OkResult & { status: 'estimated'; kgCO2e: number };
export type UnableResult = z.infer<typeof unableResultSchema>;
export type EstimateResult = z.infer<typeof estimateResultSchema>;
export type EstimatesResponse = z.infer<typeof estimatesResponseSchema>;
