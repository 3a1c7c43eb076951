import { z } from 'zod';
import { periodSchema } from './spend';

export const SummaryQuery = z.object({
  /** YYYY-MM or YYYY; the current month when absent. */
  period: periodSchema.optional(),
  team: z.string().min(1).max(128).optional(),
});

const totals = { kgCO2e: z.number(), spendUsd: z.number(), lines: z.number().int() };

export const SummaryGroup = z.object({ key: z.string(), label: z.string(), ...totals });

export const Mover = z.object({
  dimension: z.enum(['supplier', 'category']),
  key: z.string(),
  label: z.string(),
  kgCO2e: z.number(),
  previousKgCO2e: z.number(),
  changeKgCO2e: z.number(),
});

export const QualityShare = z.object({ key: z.string(), spendUsd: z.number(), share: z.number() });

export const Summary = z.object({
  period: z.string(),
  previousPeriod: z.string(),
  /** 'tenant' or the team ids the caller may see. */
  scope: z.union([z.literal('tenant'), z.array(z.string())]),
  team: z.string().nullable(),
  totals: z.object(totals),
  byCategory: z.object({ sector: z.array(SummaryGroup), subsector: z.array(SummaryGroup) }),
  bySupplier: z.array(SummaryGroup),
  byTeam: z.array(SummaryGroup),
  byMonth: z.array(SummaryGroup),
  trend: z.array(z.object({ period: z.string(), ...totals })),
  movers: z.array(Mover),
  dataQuality: z.object({
    byConfidence: z.array(QualityShare),
    byMethod: z.array(QualityShare),
  }),
});
