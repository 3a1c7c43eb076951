import { z } from 'zod';
import { naicsCodeSchema } from './estimates';

export const ruleKindSchema = z.enum(['supplier', 'gl-account', 'description-hash', 'keyword']);
const id = z.string().min(1).max(128);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a calendar date');

export const RuleIdParam = z.object({ id });

/**
 * For `description-hash` rules `match` is the description text: the Worker stores only its
 * tenant-keyed hash. For the other kinds it is the supplier name, GL account or keyword.
 */
export const RuleCreate = z.object({
  kind: ruleKindSchema,
  match: z.string().trim().min(1).max(1000),
  naics: naicsCodeSchema,
});

export const RuleUpdate = z
  .object({
    match: z.string().trim().min(1).max(1000).optional(),
    naics: naicsCodeSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'change at least one of match, naics, enabled');

export const Rule = z.object({
  id: z.string(),
  kind: ruleKindSchema,
  match: z.string(),
  naics: z.string(),
  naicsTitle: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const RuleWithVersion = z.object({ rule: Rule, ruleVersion: z.number().int() });
export const RuleList = z.object({ rules: z.array(Rule), ruleVersion: z.number().int() });
export const RuleHistory = z.object({
  versions: z.array(
    z.object({
      version: z.number().int(),
      kind: ruleKindSchema,
      match: z.string(),
      naics: z.string(),
      enabled: z.boolean(),
      changedAt: z.string(),
      changedBy: z.string(),
    }),
  ),
});

const factorFields = {
  supplier: z.string().trim().min(1).max(300),
  kgPerUsd: z.number().finite().positive().max(1000).optional(),
  kgPerUnit: z.number().finite().positive().max(1e9).optional(),
  unit: z.string().trim().min(1).max(50).optional(),
  validFrom: isoDay,
  validTo: isoDay.optional(),
  source: z.string().trim().min(1).max(500),
  sourceDocument: z.string().trim().max(2000).optional(),
};

type FactorShape = {
  kgPerUsd?: number;
  kgPerUnit?: number;
  unit?: string;
  validFrom?: string;
  validTo?: string;
};
const factorChecks = <T extends z.ZodType<FactorShape>>(schema: T) =>
  schema
    .refine((f) => f.kgPerUsd === undefined || f.kgPerUnit === undefined, {
      message: 'give kgPerUsd or kgPerUnit, not both',
      path: ['kgPerUnit'],
    })
    .refine((f) => f.kgPerUnit === undefined || f.unit !== undefined, {
      message: 'kgPerUnit needs a unit',
      path: ['unit'],
    })
    .refine((f) => !f.validTo || !f.validFrom || f.validTo >= f.validFrom, {
      message: 'validTo is before validFrom',
      path: ['validTo'],
    });

export const SupplierFactorCreate = factorChecks(
  z.object(factorFields).refine((f) => f.kgPerUsd !== undefined || f.kgPerUnit !== undefined, {
    message: 'give kgPerUsd or kgPerUnit',
    path: ['kgPerUsd'],
  }),
);
/** A full replacement of the factor's fields; it becomes the next version. */
export const SupplierFactorUpdate = SupplierFactorCreate;

export const SupplierFactor = z.object({
  id: z.string(),
  supplier: z.string(),
  kgPerUsd: z.number().nullable(),
  kgPerUnit: z.number().nullable(),
  unit: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  sourceDocument: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const SupplierFactorList = z.object({ factors: z.array(SupplierFactor) });
export const SupplierFactorIdParam = z.object({ id });
