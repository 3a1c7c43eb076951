import { z } from 'zod';

export const REPORT_FORMAT_VALUES = ['json', 'csv', 'pdf'] as const;
export const ReportFormat = z.enum(REPORT_FORMAT_VALUES);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportIdParam = z.object({ id: z.string().min(1).max(128) });

/** Prepare a draft report of a defined period (see /periods). */
export const ReportCreate = z.object({ periodId: z.string().min(1).max(128) });

/** An approval may carry a comment; a rejection must say why. */
export const ReportApproval = z.object({ comment: z.string().trim().max(2000).optional() });
export const ReportRejection = z.object({ comment: z.string().trim().min(1).max(2000) });

export const ReportDownloadQuery = z.object({ format: ReportFormat.default('pdf') });

const person = z.object({ id: z.string(), name: z.string() });

export const ReportArtefact = z.object({
  format: ReportFormat,
  contentType: z.string(),
  /** SHA-256 (hex) of the exact bytes a download returns; also in its X-Content-SHA256 header. */
  sha256: z.string(),
  bytes: z.number().int(),
  filename: z.string(),
});

export const Report = z.object({
  id: z.string(),
  version: z.number().int(),
  /** The report this version corrects, and the version that corrects this one. */
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'approved', 'rejected']),
  period: z.object({
    id: z.string(),
    name: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    /** The period's status when the report was prepared. */
    status: z.enum(['open', 'signed-off']),
  }),
  preparedBy: person,
  preparedAt: z.string(),
  submittedBy: person.nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** What the numbers were computed with, fixed when the report was prepared. */
  pinned: z.object({
    ruleVersion: z.number().int(),
    factorSets: z.array(
      z.object({
        method: z.enum(['spend-based', 'supplier-specific']),
        dataset: z.string(),
        version: z.string(),
      }),
    ),
  }),
  totals: z.object({
    kgCO2e: z.number(),
    /** ESRS E1-6 gross Scope 3 Category 1, t CO2e. */
    tCO2e: z.number(),
    spendUsd: z.number(),
    lines: z.number().int(),
    unestimatedLines: z.number().int(),
  }),
  artefacts: z.array(ReportArtefact),
});
export type Report = z.infer<typeof Report>;

export const ReportList = z.object({ reports: z.array(Report) });
