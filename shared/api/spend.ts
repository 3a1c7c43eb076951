import { z } from 'zod';
import { currencyCodeSchema, MAX_DESCRIPTION_LENGTH, naicsCodeSchema } from './estimates';

export const MAX_RECORD_LINES = 500;

export const fullDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'date is not a calendar date');

export const periodSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period must be YYYY-MM or YYYY');

export const recordLineSchema = z.object({
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  amount: z.number().finite().nonnegative(),
  currency: currencyCodeSchema.default('USD'),
  date: fullDateSchema,
  supplier: z.string().trim().max(300).optional(),
  glAccount: z.string().trim().max(100).optional(),
  quantity: z.number().finite().nonnegative().optional(),
  /** A NAICS code the source system gives (a CSV column, an ERP field); it wins when valid. */
  naics: naicsCodeSchema.optional(),
  /** The ERP's document line id (e.g. "PO-1001/3"): the same id is never counted twice. */
  erpLineId: z.string().trim().min(1).max(200).optional(),
});

export const RecordSpendRequest = z.object({
  /** One of the buyer's teams; the buyer's first team when absent. */
  teamId: z.string().min(1).max(128).optional(),
  lines: z.array(recordLineSchema).min(1).max(MAX_RECORD_LINES),
});

export const RecordedLine = z.object({
  index: z.number().int(),
  /** The stored line (for a duplicate: the line it duplicates, when known). */
  id: z.string().nullable(),
  duplicate: z.boolean(),
  status: z.enum(['estimated', 'classified', 'unable']),
  naics: z.string().nullable(),
  kgCO2e: z.number().nullable(),
  confidence: z.number(),
  needsReview: z.boolean(),
});

export const RecordSpendResponse = z.object({
  ruleVersion: z.number().int(),
  recorded: z.number().int(),
  duplicates: z.number().int(),
  lines: z.array(RecordedLine),
});

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const SpendLinesQuery = z.object({
  period: periodSchema.optional(),
  team: z.string().min(1).max(128).optional(),
  supplier: z.string().trim().min(1).max(300).optional(),
  naics: z
    .string()
    .regex(/^\d{2,6}$/, 'naics must be 2 to 6 digits (a prefix)')
    .optional(),
  needsReview: booleanQuery.optional(),
  status: z.enum(['estimated', 'classified', 'unable']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const SpendLine = z.object({
  id: z.string(),
  source: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  supplier: z.string().nullable(),
  glAccount: z.string().nullable(),
  amount: z.number(),
  currency: z.string(),
  amountUsd: z.number().nullable(),
  quantity: z.number().nullable(),
  erpLineId: z.string().nullable(),
  status: z.string(),
  naics: z.string().nullable(),
  confidence: z.number(),
  calculationMethod: z.string().nullable(),
  classificationSource: z.string().nullable(),
  kgCO2e: z.number().nullable(),
  needsReview: z.boolean(),
  estimate: z.unknown(),
});

export const SpendLinePage = z.object({
  lines: z.array(SpendLine),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
});
