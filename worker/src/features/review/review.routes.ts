import { and, count, desc, eq, inArray } from 'drizzle-orm';
import {
  CorrectionRequest,
  CorrectionResponse,
  NaicsSearchQuery,
  NaicsSearchResult,
  ResolveReview,
  ResolveReviewResponse,
  ReviewIdParam,
  ReviewPage,
  ReviewQuery,
} from '../../../../shared/api/review';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { reviewItems, spendLines, tenants } from '../../db/schema';
import type { TenantStatement } from '../../db/tenant-db';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { hashDescription } from '../estimates/description-hash';
import { estimateForTenant } from '../estimates/estimate-with-tenant';
import { loadTenantContext } from '../estimates/tenant-context';
import { assertKnownNaics } from '../rules/naics-titles';
import { createRuleStatements, newRuleRow } from '../rules/rule-store';
import { reviewCandidates, supplierKeyOf } from '../spend/line-facts';
import { searchNaics } from './naics-search';
import { affectedCondition, MAX_REESTIMATED_LINES, reestimateStatements } from './reestimate';
import { NO_REVIEW_TEXT, openReviewTexts, reviewTextKeeper } from './review-text';
import { toReviewItem } from './review-view';

const tags = ['review'];

const listRoute = defineRoute('review:write', {
  method: 'get',
  path: '/review',
  tags,
  summary: 'The review queue: low-confidence and unestimated lines, corrections, anomalies',
  description:
    'Shows supplier, GL account, amount, candidates and confidence. Line text only for a tenant ' +
    'that keeps review text: decrypted from its key, for open items, until 30 days after creation.',
  request: { query: ReviewQuery },
  responses: { 200: jsonContent(ReviewPage), ...problemResponses(400, 401, 403) },
});

const resolveRoute = defineRoute('review:write', {
  method: 'post',
  path: '/review/{id}/resolve',
  tags,
  summary: 'Confirm or reclassify; optionally make it a rule; re-estimates the affected lines',
  request: { params: ReviewIdParam, ...jsonBody(ResolveReview) },
  responses: {
    200: jsonContent(ResolveReviewResponse),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const correctionRoute = defineRoute('estimates:read', {
  method: 'post',
  path: '/review/corrections',
  tags,
  summary: "A buyer's correction from the extension: becomes a review item",
  description:
    'The description is hashed with the tenant key; it is stored only if the tenant keeps review ' +
    'text, sealed under its key for at most 30 days.',
  request: jsonBody(CorrectionRequest),
  responses: { 201: jsonContent(CorrectionResponse), ...problemResponses(400, 401, 403) },
});

const searchRoute = defineRoute('estimates:read', {
  method: 'get',
  path: '/naics/search',
  tags,
  summary: 'Search 2017 NAICS codes by code, title words, or index entries',
  request: { query: NaicsSearchQuery },
  responses: { 200: jsonContent(NaicsSearchResult), ...problemResponses(400, 401, 403) },
});

export const reviewRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { db } = c.var;
    const { status, limit, offset } = c.req.valid('query');
    const where = eq(reviewItems.status, status);
    const [rows, [total]] = await Promise.all([
      db
        .select(reviewItems, where)
        .orderBy(desc(reviewItems.createdAt), desc(reviewItems.id))
        .limit(limit)
        .offset(offset),
      db.selectFields(reviewItems, { n: count().as('n') }, where),
    ]);
    const n = total?.n ?? 0;
    const nextOffset = offset + rows.length < n ? offset + rows.length : null;
    const texts = await openReviewTexts(db, c.env.KEY_WRAPPING_SECRET, rows, now(c));
    const items = rows.map((row) => toReviewItem(row, texts.get(row.id)));
    return c.json({ items, total: n, nextOffset }, 200);
  })
  .openapi(resolveRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const { naics, makeRule } = c.req.valid('json');
    const item = await db.findOne(reviewItems, eq(reviewItems.id, id));
    if (!item) throw new AppError(ErrorCode.notFound, 'No such review item.');
    if (item.status !== 'open') throw new AppError(ErrorCode.conflict, 'Already resolved.');
    assertKnownNaics(naics);
    const at = now(c);
    const statements: TenantStatement[] = [];
    const loaded = await loadTenantContext(db);
    let ruleId: string | null = null;
    let ruleVersion = loaded.ruleVersion;
    let context = loaded.context;
    if (makeRule) {
      const match =
        makeRule === 'supplier'
          ? item.supplier
          : makeRule === 'gl-account'
            ? item.glAccount
            : item.descriptionHash;
      if (!match) {
        throw new AppError(
          ErrorCode.validation,
          `This item has no ${makeRule} to make a rule from.`,
          {
            errors: [{ path: 'makeRule', message: `the item has no ${makeRule}` }],
          },
        );
      }
      const rule = newRuleRow({ kind: makeRule, match, naics }, principal.userId, at);
      ruleId = rule.id;
      ruleVersion += 1;
      statements.push(...createRuleStatements(db, rule));
      context = { ...context, rules: [...(context.rules ?? []), { ...rule }] };
    }

    const condition = affectedCondition(makeRule, {
      descriptionHash: item.descriptionHash,
      supplierKey: supplierKeyOf(item.supplier),
      glAccount: item.glAccount,
    });
    const affected = condition
      ? await db.select(spendLines, condition).limit(MAX_REESTIMATED_LINES)
      : [];
    if (item.spendLineId && !affected.some((l) => l.id === item.spendLineId)) {
      const own = await db.findOne(spendLines, eq(spendLines.id, item.spendLineId));
      if (own) affected.push(own);
    }
    const { statements: updates, ledger } = await reestimateStatements(
      db,
      affected,
      { naics, ruleKind: makeRule, forceLineId: item.spendLineId ?? undefined },
      context,
      ruleVersion,
      at,
    );
    statements.push(...updates);
    const resolution = {
      status: 'resolved' as const,
      resolvedAt: at,
      resolvedBy: principal.userId,
      resolvedNaics: naics,
      ruleId,
      ...NO_REVIEW_TEXT,
    };
    statements.push(db.update(reviewItems, resolution, eq(reviewItems.id, item.id)));
    // Open items of the re-estimated lines are settled by the same decision.
    const lineIds = affected.map((l) => l.id);
    for (let i = 0; i < lineIds.length; i += 90) {
      const chunk = lineIds.slice(i, i + 90);
      statements.push(
        db.update(
          reviewItems,
          resolution,
          and(eq(reviewItems.status, 'open'), inArray(reviewItems.spendLineId, chunk))!,
        ),
      );
    }
    await writeWithAudit(db, statements, {
      actor: principal.userId,
      action: 'review.resolve',
      entityType: 'review-item',
      entityId: item.id,
      changes: {
        before: { naics: item.naics, status: item.status },
        after: {
          naics,
          status: 'resolved',
          makeRule: makeRule ?? null,
          ruleId,
          reestimated: updates.length,
          ledger,
        },
      },
      requestId: c.var.requestId,
      at,
    });
    const resolved = toReviewItem({ ...item, ...resolution });
    return c.json({ item: resolved, ruleId, ruleVersion, reestimated: updates.length }, 200);
  })
  .openapi(correctionRoute, async (c) => {
    const { db, principal, globalDb } = c.var;
    const input = c.req.valid('json');
    assertKnownNaics(input.suggestedNaics, 'suggestedNaics');
    const secret = c.env.DESCRIPTION_HASH_SECRET;
    const [hash, { results }] = await Promise.all([
      hashDescription(secret, db.tenantId, input.description),
      estimateForTenant(db, secret, [
        {
          description: input.description,
          ...(input.supplier ? { supplier: input.supplier } : {}),
          ...(input.glAccount ? { glAccount: input.glAccount } : {}),
        },
      ]),
    ]);
    const result = results[0]!;
    const classified = result.status === 'unable' ? result.classification : result;
    const at = now(c);
    const id = `rv_${crypto.randomUUID()}`;
    const tenant = await globalDb.findOne(tenants, eq(tenants.id, principal.tenantId));
    const keep = reviewTextKeeper(db, tenant, c.env.KEY_WRAPPING_SECRET, {
      actor: principal.userId,
      requestId: c.var.requestId,
      at,
    });
    const item = {
      id,
      kind: 'correction' as const,
      status: 'open' as const,
      descriptionHash: hash,
      supplier: input.supplier || null,
      glAccount: input.glAccount || null,
      naics: classified?.naics ?? null,
      confidence: classified?.confidence ?? null,
      candidates: reviewCandidates(result),
      suggestedNaics: input.suggestedNaics,
      reason: 'correction suggested by a buyer',
      createdBy: principal.userId,
      createdAt: at,
      ...(keep ? await keep(id, input.description) : NO_REVIEW_TEXT),
    };
    await writeWithAudit(db, [db.insert(reviewItems, item)], {
      actor: principal.userId,
      action: 'review.correction',
      entityType: 'review-item',
      entityId: item.id,
      changes: { after: { suggestedNaics: input.suggestedNaics, supplier: item.supplier } },
      requestId: c.var.requestId,
      at,
    });
    return c.json({ id: item.id }, 201);
  })
  .openapi(searchRoute, (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ results: searchNaics(q, limit) }, 200);
  });
