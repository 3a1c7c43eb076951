import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, naicsCodeSchema } from './estimates';

export const ReviewIdParam = z.object({ id: z.string().min(1).max(128) });

export const ReviewQuery = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ReviewCandidate = z.object({
  naics: z.string(),
  naicsTitle: z.string(),
  confidence: z.number(),
});

export const ReviewItem = z.object({
  id: z.string(),
  kind: z.enum(['low-confidence', 'unable', 'correction', 'anomaly']),
  status: z.enum(['open', 'resolved']),
  spendLineId: z.string().nullable(),
  supplier: z.string().nullable(),
  glAccount: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  naics: z.string().nullable(),
  confidence: z.number().nullable(),
  candidates: z.array(ReviewCandidate),
  suggestedNaics: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  resolvedNaics: z.string().nullable(),
  ruleId: z.string().nullable(),
  /**
   * The line's description, only for a tenant that keeps review text (sealed under its key,
   * for at most 30 days) and only while the item is open; otherwise null.
   */
  reviewText: z.string().nullable(),
});

export const ReviewPage = z.object({
  items: z.array(ReviewItem),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
});

export const ResolveReview = z.object({
  naics: naicsCodeSchema,
  makeRule: z.enum(['supplier', 'gl-account', 'description-hash']).optional(),
});

export const ResolveReviewResponse = z.object({
  item: ReviewItem,
  ruleId: z.string().nullable(),
  ruleVersion: z.number().int(),
  reestimated: z.number().int(),
});

/** A buyer's correction from the extension; the text is hashed, and stored only sealed as review text if the tenant keeps it. */
export const CorrectionRequest = z.object({
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  suggestedNaics: naicsCodeSchema,
  supplier: z.string().trim().max(300).optional(),
  glAccount: z.string().trim().max(100).optional(),
});

export const CorrectionResponse = z.object({ id: z.string() });

export const NaicsSearchQuery = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const NaicsSearchResult = z.object({
  results: z.array(
    z.object({
      naics: z.string(),
      title: z.string(),
      factorKgPerUsd: z.number().nullable(),
      /** How the code was found: its code or title, or the classifier over index entries. */
      matchedBy: z.enum(['code', 'title', 'index']),
    }),
  ),
});
