import { z } from 'zod';

/** Largest number of lines in one POST /api/v1/estimates (more → 413, enforced by the Worker). */
export const MAX_ESTIMATE_LINES = 500;
export const MAX_DESCRIPTION_LENGTH = 1000;
/** A trillion in any currency: larger amounts are typing errors, and would overflow the arithmetic. */
const MAX_AMOUNT = 1e12;

const isRealDate = (s: string) => {
  const [y, m = 1, d = 1] = s.split('-').map(Number);
  const probe = new Date(Date.UTC(y!, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};

/**
 * Purchase date. "YYYY-MM-DD" as pages and ERPs give it; "YYYY-MM" or "YYYY" are accepted
 * when only the month or year is known (the year uses annual average rates).
 */
export const purchaseDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY-MM-DD (or YYYY-MM, or YYYY)')
  .refine(isRealDate, 'date is not a calendar date');

export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR');
export const naicsCodeSchema = z.string().regex(/^\d{6}$/, 'naics must be a 6-digit NAICS code');

export const estimateLineSchema = z.object({
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  /** Line total in `currency`; when absent, unitPrice × quantity is used if both are given. */
  amount: z.number().finite().nonnegative().max(MAX_AMOUNT).optional(),
  /** ISO 4217; USD is assumed (and said so in the formula) when absent. */
  currency: currencyCodeSchema.optional(),
  date: purchaseDateSchema.optional(),
  supplier: z.string().trim().max(300).optional(),
  glAccount: z.string().trim().max(100).optional(),
  unitPrice: z.number().finite().nonnegative().max(MAX_AMOUNT).optional(),
  quantity: z.number().finite().nonnegative().max(MAX_AMOUNT).optional(),
  /** A NAICS code given by the page or ERP; it wins over the classifier when valid. */
  naics: naicsCodeSchema.optional(),
});

export const estimateRequestSchema = z.object({
  lines: z.array(estimateLineSchema).min(1).max(MAX_ESTIMATE_LINES),
});

export const classificationSourceSchema = z.enum(['tenant-rule', 'given-code', 'classifier']);
export const calculationMethodSchema = z.enum(['spend-based', 'supplier-specific']);

export const alternativeSchema = z.object({
  naics: z.string(),
  naicsTitle: z.string(),
  confidence: z.number().min(0).max(1),
  factorKgPerUsd: z.number().nullable(),
});

export const formulaStepSchema = z.object({
  /** Machine name: amount, currency-rate, deflator, factor, result, note. */
  step: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().optional(),
  /** "YYYY-MM" or "YYYY" the figure belongs to. */
  period: z.string().optional(),
  source: z.string().optional(),
  provisional: z.boolean().optional(),
});

export const appliedRuleSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(['supplier', 'gl-account', 'description-hash', 'keyword']),
});

export const appliedSupplierFactorSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  supplier: z.string(),
  source: z.string(),
});

const classificationFields = {
  naics: z.string(),
  naicsTitle: z.string(),
  confidence: z.number().min(0).max(1),
  alternatives: z.array(alternativeSchema).max(3),
  classificationSource: classificationSourceSchema,
  rule: appliedRuleSchema.optional(),
};

export const factorSchema = z.object({
  value: z.number(),
  unit: z.string(),
  dataset: z.string(),
  version: z.string(),
});

/** Classified and priced; kgCO2e is null only when the line has no amount (status classified). */
export const estimateOkSchema = z.object({
  status: z.enum(['estimated', 'classified']),
  ...classificationFields,
  calculationMethod: calculationMethodSchema,
  supplierFactor: appliedSupplierFactorSchema.optional(),
  factor: factorSchema,
  kgCO2e: z.number().nullable(),
  /** 90% interval, see shared/engine/README.md "Uncertainty". */
  range: z.object({ low: z.number(), high: z.number() }).nullable(),
  provisional: z.boolean(),
  steps: z.array(formulaStepSchema),
});

export const unableReasonCodeSchema = z.enum([
  'unclassifiable',
  'no-factor',
  'conversion',
  'invalid-input',
]);

export const estimateUnableSchema = z.object({
  status: z.literal('unable'),
  reasonCode: unableReasonCodeSchema,
  reason: z.string(),
  /** Present when the line was classified but could not be priced. */
  classification: z.object(classificationFields).optional(),
});

export const estimateResultSchema = z.discriminatedUnion('status', [
  estimateOkSchema,
  estimateUnableSchema,
]);

export const estimateResponseSchema = z.object({
  results: z.array(estimateResultSchema),
});

export type EstimateLine = z.infer<typeof estimateLineSchema>;
export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
export type EstimateResult = z.infer<typeof estimateResultSchema>;
export type EstimateOk = z.infer<typeof estimateOkSchema>;
export type EstimateUnable = z.infer<typeof estimateUnableSchema>;
export type EstimateResponse = z.infer<typeof estimateResponseSchema>;
export type FormulaStep = z.infer<typeof formulaStepSchema>;
export type ClassificationSource = z.infer<typeof classificationSourceSchema>;
export type CalculationMethod = z.infer<typeof calculationMethodSchema>;
export type Alternative = z.infer<typeof alternativeSchema>;
export type UnableReasonCode = z.infer<typeof unableReasonCodeSchema>;
