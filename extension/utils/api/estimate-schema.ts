import { z } from 'zod';

// Mirrors the documented answer of POST /api/v1/estimates. When shared/api/estimates.ts lands,
// its types replace these (type-only import); this schema stays as the extension's defensive parse.

const alternativeSchema = z.object({
  naics: z.string(),
  title: z.string().optional(),
  confidence: z.number(),
});

export const estimatedResultSchema = z.looseObject({
  status: z.literal('estimated'),
  naics: z.string(),
  naicsTitle: z.string(),
  kgCO2e: z.number(),
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
  range: z.object({ low: z.number(), high: z.number() }).optional(),
  steps: z.unknown().optional(),
});

export const unableResultSchema = z.looseObject({
  status: z.literal('unable'),
  reason: z.string().catch('unable to estimate'),
});

export const estimateResultSchema = z.union([estimatedResultSchema, unableResultSchema]);

export const estimatesResponseSchema = z.looseObject({
  ruleVersion: z.number(),
  results: z.array(estimateResultSchema),
  /** Optional: median factor of all commodities (kg CO2e/USD), for the intensity colour. */
  medianFactor: z.number().positive().optional(),
});

export type EstimatedResult = z.infer<typeof estimatedResultSchema>;
export type UnableResult = z.infer<typeof unableResultSchema>;
export type EstimateResult = z.infer<typeof estimateResultSchema>;
export type EstimatesResponse = z.infer<typeof estimatesResponseSchema>;
