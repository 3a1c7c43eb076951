import { count, desc, eq, like, type SQL } from 'drizzle-orm';
import {
  MAX_RECORD_LINES,
  RecordSpendRequest,
  RecordSpendResponse,
  SpendLinePage,
  SpendLinesQuery,
} from '../../../../shared/api/spend';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { spendLines, tenants } from '../../db/schema';
import { now } from '../../lib/clock';
import { lineBatchBodyLimit, maxLines } from '../../lib/line-batch';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { supplierKeyOf } from './line-facts';
import { reviewTextKeeper } from '../review/review-text';
import { planRecordSpend } from './record-spend';
import { both, scopeCondition, spendScopeOf, teamsOf } from './spend-scope';

const recordRoute = defineRoute(
  'spend:record',
  {
    method: 'post',
    path: '/spend/record',
    tags: ['spend'],
    summary: `Record a purchase (up to ${MAX_RECORD_LINES} lines) from the extension`,
    description:
      'Lines are estimated with the tenant rules and stored without their description (only a ' +
      'tenant-keyed hash). A line already recorded (same supplier, date, amount and description ' +
      'hash, or the same ERP document line) is reported as a duplicate and counted once.',
    request: jsonBody(RecordSpendRequest),
    responses: {
      201: jsonContent(RecordSpendResponse),
      ...problemResponses(400, 401, 403, 404, 409, 413),
    },
  },
  { afterAccess: [maxLines(MAX_RECORD_LINES)] },
);

const listRoute = defineRoute('dashboard:read', {
  method: 'get',
  path: '/spend/lines',
  tags: ['spend'],
  summary:
    'Recorded spend lines, newest first, filtered (period, team, supplier, NAICS, status, needs review) and paged (scoped by role and team)',
  request: { query: SpendLinesQuery },
  responses: { 200: jsonContent(SpendLinePage), ...problemResponses(400, 401, 403, 404) },
});

export function periodCondition(period: string): SQL {
  return period.length === 4 ? like(spendLines.month, `${period}-%`) : eq(spendLines.month, period);
}

const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed: spend_lines/.test(String((error as Error)?.cause ?? error));

export const spendRoutes = createRouter();
spendRoutes.post('/spend/record', lineBatchBodyLimit);
spendRoutes
  .openapi(recordRoute, async (c) => {
    const { db, principal, globalDb } = c.var;
    const { lines, teamId } = c.req.valid('json');
    const memberOf = await teamsOf(db, principal.userId);
    if (teamId !== undefined && !memberOf.includes(teamId)) {
      throw new AppError(ErrorCode.notFound, 'You are not in that team.');
    }
    const tenant = await globalDb.findOne(tenants, eq(tenants.id, principal.tenantId));
    const at = now(c);
    const options = {
      source: 'extension' as const,
      teamId: teamId ?? memberOf[0] ?? null,
      actor: principal.userId,
      at,
      reviewThreshold: tenant?.reviewThreshold ?? 0.8,
      secret: c.env.DESCRIPTION_HASH_SECRET,
      reviewText: reviewTextKeeper(db, tenant, c.env.KEY_WRAPPING_SECRET, {
        actor: principal.userId,
        requestId: c.var.requestId,
        at,
      }),
    };
    // A concurrent request may store the same purchase between our check and our write; the
    // unique indexes then fail the batch whole, and the second plan sees it as a duplicate.
    for (let attempt = 1; ; attempt++) {
      const plan = await planRecordSpend(db, lines, options);
      const recorded = plan.recordedIds.length;
      try {
        if (recorded > 0) {
          await writeWithAudit(db, plan.statements, {
            actor: principal.userId,
            action: 'spend.record',
            entityType: 'spend-batch',
            entityId: `batch_${crypto.randomUUID()}`,
            changes: {
              after: {
                source: options.source,
                teamId: options.teamId,
                ledger: plan.ledger,
                duplicates: lines.length - recorded,
              },
            },
            requestId: c.var.requestId,
            at,
          });
        }
      } catch (error) {
        if (attempt < 2 && isUniqueViolation(error)) continue;
        throw error;
      }
      const body = {
        ruleVersion: plan.ruleVersion,
        recorded,
        duplicates: lines.length - recorded,
        lines: plan.lines,
      };
      return c.json(body, 201);
    }
  })
  .openapi(listRoute, async (c) => {
    const { db, principal } = c.var;
    const query = c.req.valid('query');
    const scope = await spendScopeOf(db, principal, query.team);
    const conditions = [
      scopeCondition(scope),
      query.period ? periodCondition(query.period) : undefined,
      query.supplier ? eq(spendLines.supplierKey, supplierKeyOf(query.supplier)) : undefined,
      query.naics ? like(spendLines.naics, `${query.naics}%`) : undefined,
      query.needsReview !== undefined ? eq(spendLines.needsReview, query.needsReview) : undefined,
      query.status ? eq(spendLines.status, query.status) : undefined,
    ].reduce<SQL | undefined>(both, undefined);
    const [rows, [total]] = await Promise.all([
      db
        .select(spendLines, conditions)
        .orderBy(desc(spendLines.date), desc(spendLines.createdAt), desc(spendLines.id))
        .limit(query.limit)
        .offset(query.offset),
      db.selectFields(spendLines, { n: count().as('n') }, conditions),
    ]);
    const lines = rows.map(({ tenantId: _t, descriptionHash: _h, dedupKey: _k, ...row }) => ({
      id: row.id,
      source: row.source,
      teamId: row.teamId,
      date: row.date,
      supplier: row.supplier,
      glAccount: row.glAccount,
      amount: row.amount,
      currency: row.currency,
      amountUsd: row.amountUsd,
      quantity: row.quantity,
      erpLineId: row.erpLineId,
      status: row.status,
      naics: row.naics,
      confidence: row.confidence,
      calculationMethod: row.calculationMethod,
      classificationSource: row.classificationSource,
      kgCO2e: row.kgCO2e,
      needsReview: row.needsReview,
      estimate: row.estimate,
    }));
    const n = total?.n ?? 0;
    const nextOffset = query.offset + rows.length < n ? query.offset + rows.length : null;
    return c.json({ lines, total: n, nextOffset }, 200);
  });
