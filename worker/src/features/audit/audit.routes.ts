import { asc } from 'drizzle-orm';
import { z } from 'zod';
import {
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  AuditVerification,
  Checkpoint,
} from '../../../../shared/api/audit';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { auditLog } from '../../db/schema';
import { now } from '../../lib/clock';
import { verifyChain } from '../../lib/crypto/audit-hash';
import { sha256Hex } from '../../lib/crypto/digest';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { auditFilter, chainRows, jsonlExport, latestCheckpoint, toChainRow } from './audit-rows';
import { checkpointKey, createCheckpoint } from './checkpoints';
import { toCsv } from './export-format';

const listRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Audit log, oldest first, filtered by date range, entity type and actor',
  request: { query: AuditQuery },
  responses: { 200: jsonContent(AuditPage), ...problemResponses(400, 401, 403) },
});

const verifyRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/audit/verify',
  tags: ['audit'],
  summary: "Recompute the tenant's hash chain from its start (or its latest retention cut)",
  responses: { 200: jsonContent(AuditVerification), ...problemResponses(401, 403) },
});

const exportRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/audit/export',
  tags: ['audit'],
  summary:
    'Export as JSONL (verifiable offline with npm run audit:verify) or CSV; SHA-256 in X-Content-SHA256',
  description:
    'An entity or actor filter leaves gaps in the sequence: such an export is for reading, not verifying.',
  request: { query: AuditExportQuery },
  responses: {
    200: {
      description: 'The export file',
      content: {
        'application/x-ndjson': { schema: z.string() },
        'text/csv': { schema: z.string() },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const latestCheckpointRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/audit/checkpoints/latest',
  tags: ['audit'],
  summary: 'The latest signed checkpoint (C2SP signed note)',
  responses: { 200: jsonContent(Checkpoint), ...problemResponses(401, 403, 404) },
});

const createCheckpointRoute = defineRoute('audit:read', {
  method: 'post',
  path: '/audit/checkpoints',
  tags: ['audit'],
  summary: 'Sign a checkpoint of the chain now',
  responses: { 201: jsonContent(Checkpoint), ...problemResponses(401, 403) },
});

const publicKeyRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/audit/public-key',
  tags: ['audit'],
  summary: 'The Ed25519 public key (JWK) that signs checkpoints',
  responses: {
    200: jsonContent(z.object({ kty: z.string(), crv: z.string(), x: z.string() })),
    ...problemResponses(401, 403),
  },
});

export const auditRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { afterSeq, limit, ...filter } = c.req.valid('query');
    const rows = await c.var.db
      .select(auditLog, auditFilter(filter, afterSeq))
      .orderBy(asc(auditLog.seq))
      .limit(limit + 1);
    const page = rows.slice(0, limit).map((row) => {
      const { tenantId: _tenant, ...entry } = toChainRow(row);
      return entry;
    });
    return c.json(
      { entries: page, nextAfterSeq: rows.length > limit ? page.at(-1)!.seq : null },
      200,
    );
  })
  .openapi(verifyRoute, async (c) => {
    const rows = await chainRows(c.var.db);
    const first = rows[0];
    const start =
      first && first.seq > 1 ? { startSeq: first.seq, startPrevHash: first.prevHash } : {};
    const verdict = await verifyChain(rows, start);
    if (!verdict.ok) return c.json(verdict, 200);
    return c.json(
      { ok: true as const, size: verdict.size, head: verdict.head, from: first?.seq ?? 1 },
      200,
    );
  })
  .openapi(exportRoute, async (c) => {
    const { format, ...filter } = c.req.valid('query');
    const at = now(c);
    const body =
      format === 'csv'
        ? toCsv(await chainRows(c.var.db, filter))
        : await jsonlExport(c.var.db, filter, at);
    const stamp = at.toISOString().slice(0, 10);
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
      'Content-Disposition': `attachment; filename="audit-${stamp}.${format}"`,
      'X-Content-SHA256': await sha256Hex(body),
    });
  })
  .openapi(latestCheckpointRoute, async (c) => {
    const checkpoint = await latestCheckpoint(c.var.db);
    if (!checkpoint) throw new AppError(ErrorCode.notFound, 'No checkpoint has been signed yet.');
    const { tenantId: _t, ...body } = checkpoint;
    return c.json(body, 200);
  })
  .openapi(createCheckpointRoute, async (c) => {
    return c.json(await createCheckpoint(c.var.db, c.env.AUDIT_SIGNING_JWK, now(c)), 201);
  })
  .openapi(publicKeyRoute, async (c) => {
    return c.json((await checkpointKey(c.env.AUDIT_SIGNING_JWK)).publicKeyJwk, 200);
  });
