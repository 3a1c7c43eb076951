import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { recordLineSchema, RecordedLine } from '../../../../shared/api/spend';
import type { EstimateResult } from '../../../../shared/api/estimates';
import { reviewItems, spendLines } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import { estimateForTenant } from '../estimates/estimate-with-tenant';
import type { ReviewTextKeeper } from '../review/review-text';
import { anomalyReasons, supplierHistory } from './anomalies';
import { ledgerOf, type LedgerDigests } from './ledger';
import { dedupKeyOf, estimateFacts, reviewCandidates, supplierKeyOf } from './line-facts';

export type IncomingLine = z.infer<typeof recordLineSchema>;
type Source = (typeof spendLines.$inferSelect)['source'];

export interface RecordOptions {
  source: Source;
  teamId: string | null;
  /** Per-line team (same order as the lines), for sources that carry one (a CSV cost centre). */
  teamIds?: readonly (string | null)[];
  actor: string;
  at: Date;
  reviewThreshold: number;
  secret: string;
  /** Seals each new review item's description; null for a tenant that keeps no review text. */
  reviewText: ReviewTextKeeper | null;
}

export interface RecordPlan {
  ruleVersion: number;
  statements: TenantStatement[];
  lines: z.infer<typeof RecordedLine>[];
  recordedIds: string[];
  /** Digest of each stored line's formula, for the audit row (the calculation ledger). */
  ledger: LedgerDigests;
}

/**
 * Estimates the lines with the tenant's rules and plans their storage: no description, only
 * its keyed hash; duplicates (already stored, or repeated within the request) are reported
 * and not stored again; lines below the review threshold get a review item (with the
 * description sealed under the tenant key if the tenant keeps review text).
 */
export async function planRecordSpend(
  db: TenantDb,
  incoming: readonly IncomingLine[],
  options: RecordOptions,
): Promise<RecordPlan> {
  const { ruleVersion, results, hashes } = await estimateForTenant(db, options.secret, incoming);
  const keys = await Promise.all(
    incoming.map((line, i) =>
      dedupKeyOf({
        supplierKey: supplierKeyOf(line.supplier),
        date: line.date,
        amount: line.amount,
        currency: line.currency,
        descriptionHash: hashes[i]!,
      }),
    ),
  );
  const existing = await findExisting(db, keys, incoming);
  const seenKeys = new Map<string, string>();
  const seenErp = new Map<string, string>();
  const rows: (typeof spendLines.$inferInsert)[] = [];
  const reviews: Omit<typeof reviewItems.$inferInsert, 'tenantId'>[] = [];
  const lines: RecordPlan['lines'] = [];
  const descriptions = new Map<string, string>();

  incoming.forEach((line, index) => {
    const result = results[index]!;
    const facts = estimateFacts(result, line.amount, line.currency);
    const key = keys[index]!;
    const duplicateOf =
      existing.byKey.get(key) ??
      (line.erpLineId ? existing.byErp.get(line.erpLineId) : undefined) ??
      seenKeys.get(key) ??
      (line.erpLineId ? seenErp.get(line.erpLineId) : undefined);
    const needsReview = facts.status === 'unable' || facts.confidence < options.reviewThreshold;
    const summary = {
      index,
      status: facts.status,
      naics: facts.naics,
      kgCO2e: facts.kgCO2e,
      confidence: facts.confidence,
      needsReview,
    };
    if (duplicateOf) {
      lines.push({ ...summary, id: duplicateOf, duplicate: true });
      return;
    }
    const id = `sl_${crypto.randomUUID()}`;
    seenKeys.set(key, id);
    descriptions.set(id, line.description);
    if (line.erpLineId) seenErp.set(line.erpLineId, id);
    rows.push({
      id,
      tenantId: db.tenantId,
      source: options.source,
      teamId: options.teamIds?.[index] ?? options.teamId,
      recordedBy: options.actor,
      date: line.date,
      month: line.date.slice(0, 7),
      supplier: line.supplier || null,
      supplierKey: supplierKeyOf(line.supplier),
      glAccount: line.glAccount || null,
      amount: line.amount,
      currency: line.currency,
      quantity: line.quantity ?? null,
      descriptionHash: hashes[index]!,
      erpLineId: line.erpLineId ?? null,
      dedupKey: key,
      ...facts,
      estimate: result,
      ruleVersion,
      needsReview,
      createdAt: options.at,
      updatedAt: options.at,
    });
    if (needsReview) {
      reviews.push({
        id: `rv_${crypto.randomUUID()}`,
        kind: facts.status === 'unable' ? 'unable' : 'low-confidence',
        status: 'open',
        spendLineId: id,
        descriptionHash: hashes[index]!,
        supplier: line.supplier || null,
        glAccount: line.glAccount || null,
        amount: line.amount,
        currency: line.currency,
        naics: facts.naics,
        confidence: facts.confidence,
        candidates: reviewCandidates(result),
        suggestedNaics: null,
        reason: result.status === 'unable' ? result.reason : null,
        createdBy: options.actor,
        createdAt: options.at,
      });
    }
    lines.push({ ...summary, id, duplicate: false });
  });

  reviews.push(...(await anomalyReviews(db, rows, options)));
  const keep = options.reviewText;
  const stored = keep
    ? await Promise.all(
        reviews.map(async (item) => ({
          ...item,
          ...(await keep(item.id!, descriptions.get(item.spendLineId!)!)),
        })),
      )
    : reviews;
  const statements = [
    ...db.insertMany(
      spendLines,
      rows.map(({ tenantId: _t, ...row }) => row),
    ),
    ...db.insertMany(reviewItems, stored),
  ];
  return {
    ruleVersion,
    statements,
    lines,
    recordedIds: rows.map((r) => r.id),
    ledger: await ledgerOf(rows),
  };
}

/** A review item for each new line that looks anomalous against its supplier's history. */
async function anomalyReviews(
  db: TenantDb,
  rows: readonly (typeof spendLines.$inferInsert)[],
  options: RecordOptions,
) {
  const lines = rows.map((row) => ({
    id: row.id!,
    supplier: row.supplier ?? null,
    supplierKey: row.supplierKey,
    date: row.date,
    amount: row.amount,
    amountUsd: row.amountUsd ?? null,
    naics: row.naics ?? null,
    kgCO2e: row.kgCO2e ?? null,
  }));
  const history = await supplierHistory(
    db,
    lines.map((line) => line.supplierKey),
  );
  const reasons = anomalyReasons(lines, history);
  return rows.flatMap((row) => {
    const reason = reasons.get(row.id!);
    if (!reason) return [];
    return [
      {
        id: `rv_${crypto.randomUUID()}`,
        kind: 'anomaly' as const,
        status: 'open' as const,
        spendLineId: row.id!,
        descriptionHash: row.descriptionHash,
        supplier: row.supplier ?? null,
        glAccount: row.glAccount ?? null,
        amount: row.amount,
        currency: row.currency,
        naics: row.naics ?? null,
        confidence: row.confidence,
        candidates: reviewCandidates(row.estimate as EstimateResult),
        suggestedNaics: null,
        reason,
        createdBy: options.actor,
        createdAt: options.at,
      },
    ];
  });
}

async function findExisting(db: TenantDb, keys: string[], incoming: readonly IncomingLine[]) {
  const erpIds = incoming.flatMap((l) => (l.erpLineId ? [l.erpLineId] : []));
  const byKey = new Map<string, string>();
  const byErp = new Map<string, string>();
  // Chunks keep each query within D1's bound-parameter limit.
  for (let i = 0; i < keys.length; i += 90) {
    const found = await db.selectFields(
      spendLines,
      { id: spendLines.id, dedupKey: spendLines.dedupKey },
      inArray(spendLines.dedupKey, keys.slice(i, i + 90)),
    );
    for (const row of found) byKey.set(row.dedupKey, row.id);
  }
  for (let i = 0; i < erpIds.length; i += 90) {
    const found = await db.selectFields(
      spendLines,
      { id: spendLines.id, erpLineId: spendLines.erpLineId },
      inArray(spendLines.erpLineId, erpIds.slice(i, i + 90)),
    );
    for (const row of found) if (row.erpLineId) byErp.set(row.erpLineId, row.id);
  }
  return { byKey, byErp };
}
