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
  /** Today, while `period` is still in progress (its figures are the period so far); else null. */
  periodToDate: z.string().nullable(),
  previousPeriod: z.string(),
  /**
   * The days of the previous period the movers compare with: all of it, or, while `period` is in
   * progress, its days up to the same day of the month (of the year, for a year).
   */
  comparedWith: z.object({ from: z.string(), to: z.string() }),
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
