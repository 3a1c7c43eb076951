import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import {
  ImportDetail,
  ImportDetailQuery,
  ImportIdParam,
  ImportList,
  ImportListQuery,
  ImportPreview,
  ImportPreviewQuery,
  ImportUploadQuery,
  mappingJson,
  MAX_IMPORT_BYTES,
  MAX_PREVIEW_BYTES,
  type ImportMapping,
} from '../../../../shared/api/imports';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { importRowErrors, imports } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter, validationError } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { createImport } from './create-import';
import { checkFileName } from './file-checks';
import { send } from './import-job';
import { STALLED_AFTER_MS } from './import-message';
import { toImportSummary, toRowError } from './import-view';
import { previewImport } from './preview-import';
import { openUpload, type Upload } from './upload-body';

/**
 * The CSV body is read by the handler as a stream (never buffered), so the OpenAPI document
 * describes it with plain schemas: zod-openapi then adds no body validator of its own.
 */
const fileBody = {
  required: true,
  content: {
    'text/csv': { schema: { type: 'string' as const, format: 'binary' } },
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: {
          mapping: { type: 'string' as const, description: 'JSON field → header; before the file' },
          file: { type: 'string' as const, format: 'binary' },
        },
        required: ['file'],
      },
    },
  },
};

const uploadRoute = defineRoute('spend:upload', {
  method: 'post',
  path: '/imports',
  tags: ['imports'],
  summary: 'Import spend lines from a CSV file (up to 50 MB) as a background job',
  description:
    'The file is the text/csv body (name in ?filename=) or the "file" part of multipart/form-data. ' +
    "Columns are found from the header row, the tenant's saved mapping and ?mapping= (JSON " +
    'field → header), each overriding the last. Invalid rows are listed (row, column, reason); ' +
    'valid rows are recorded by a queue job whose progress GET /imports/{id} shows. The same ' +
    'file twice answers 409; duplicate lines are counted once.',
  request: { query: ImportUploadQuery, body: fileBody },
  responses: {
    202: jsonContent(ImportDetail, 'Accepted: the job is queued'),
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});

const previewRoute = defineRoute('spend:upload', {
  method: 'post',
  path: '/imports/preview',
  tags: ['imports'],
  summary: 'Headers, column mapping and the first rows of a CSV file, as an import would read them',
  description: `Send the file or its first bytes (at most 1 MB; with ?partial=true the cut last row is ignored). Nothing is stored.`,
  request: { query: ImportPreviewQuery, body: fileBody },
  responses: { 200: jsonContent(ImportPreview), ...problemResponses(400, 401, 403, 413, 415) },
});

const listRoute = defineRoute('spend:upload', {
  method: 'get',
  path: '/imports',
  tags: ['imports'],
  summary: "The tenant's CSV imports, newest first, with progress",
  request: { query: ImportListQuery },
  responses: { 200: jsonContent(ImportList), ...problemResponses(400, 401, 403) },
});

const detailRoute = defineRoute('spend:upload', {
  method: 'get',
  path: '/imports/{id}',
  tags: ['imports'],
  summary: 'One import: status, rows total/done/failed, and a page of its row errors',
  request: { params: ImportIdParam, query: ImportDetailQuery },
  responses: { 200: jsonContent(ImportDetail), ...problemResponses(400, 401, 403, 404) },
});

const resumeRoute = defineRoute('spend:upload', {
  method: 'post',
  path: '/imports/{id}/resume',
  tags: ['imports'],
  summary: 'Resume a failed (or stalled) import from its next unrecorded chunk',
  request: { params: ImportIdParam },
  responses: {
    202: jsonContent(ImportDetail, 'Accepted: the job is queued again'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

function requestedMapping(upload: Upload, query: ImportMapping | undefined) {
  const field = upload.fields.get('mapping');
  if (field === undefined) return query;
  const parsed = mappingJson.safeParse(field);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

async function detail(db: TenantDb, id: string, page = { errorsLimit: 50, errorsOffset: 0 }) {
  const job = await db.findOne(imports, eq(imports.id, id));
  if (!job) throw new AppError(ErrorCode.notFound, 'No such import.');
  const where = eq(importRowErrors.importId, id);
  const [rows, [listed]] = await Promise.all([
    db
      .select(importRowErrors, where)
      .orderBy(asc(importRowErrors.row), asc(importRowErrors.field))
      .limit(page.errorsLimit)
      .offset(page.errorsOffset),
    db.selectFields(importRowErrors, { n: count().as('n') }, where),
  ]);
  const n = listed?.n ?? 0;
  const end = page.errorsOffset + rows.length;
  return {
    import: toImportSummary(job),
    errors: { items: rows.map(toRowError), listed: n, nextOffset: end < n ? end : null },
  };
}

function keyContext(c: Context<AppEnv>) {
  return { actor: c.var.principal.userId, requestId: c.var.requestId, at: now(c) };
}

/** The streamed file with its name checked and the caller's mapping read; closed on refusal. */
async function openRequestedUpload(
  c: Context<AppEnv>,
  maxBytes: number,
  query: { filename?: string; mapping?: ImportMapping },
): Promise<{ upload: Upload; requested?: ImportMapping }> {
  checkFileName(query.filename);
  const upload = await openUpload(c.req.raw, maxBytes, query.filename);
  try {
    checkFileName(upload.fileName);
    return { upload, requested: requestedMapping(upload, query.mapping) };
  } catch (error) {
    await upload.close();
    throw error;
  }
}

export const importsRoutes = createRouter()
  .openapi(uploadRoute, async (c) => {
    const query = c.req.valid('query');
    const { upload, requested } = await openRequestedUpload(c, MAX_IMPORT_BYTES, query);
    const job = await createImport({
      db: c.var.db,
      env: c.env,
      upload,
      requested,
      context: keyContext(c),
    });
    return c.json(await detail(c.var.db, job.id), 202);
  })
  .openapi(previewRoute, async (c) => {
    const query = c.req.valid('query');
    const { upload, requested } = await openRequestedUpload(c, MAX_PREVIEW_BYTES, query);
    const preview = await previewImport({
      db: c.var.db,
      upload,
      requested,
      partial: query.partial === 'true',
    });
    return c.json(preview, 200);
  })
  .openapi(listRoute, async (c) => {
    const { db } = c.var;
    const { limit, offset } = c.req.valid('query');
    const [rows, [total]] = await Promise.all([
      db
        .select(imports)
        .orderBy(desc(imports.createdAt), desc(imports.id))
        .limit(limit)
        .offset(offset),
      db.selectFields(imports, { n: count().as('n') }),
    ]);
    const n = total?.n ?? 0;
    const end = offset + rows.length;
    return c.json(
      { imports: rows.map(toImportSummary), total: n, nextOffset: end < n ? end : null },
      200,
    );
  })
  .openapi(detailRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await detail(c.var.db, id, c.req.valid('query')), 200);
  })
  .openapi(resumeRoute, async (c) => {
    const { db, principal } = c.var;
    const { id } = c.req.valid('param');
    const job = await db.findOne(imports, eq(imports.id, id));
    if (!job) throw new AppError(ErrorCode.notFound, 'No such import.');
    const at = now(c);
    if (job.status === 'completed') {
      throw new AppError(ErrorCode.conflict, 'The import is complete; there is nothing to resume.');
    }
    const stalled = at.getTime() - job.updatedAt.getTime() >= STALLED_AFTER_MS;
    if (job.status !== 'failed' && !stalled) {
      throw new AppError(
        ErrorCode.conflict,
        'The import is still running. A job that makes no progress for 10 minutes can be resumed.',
      );
    }
    const finished = job.cursorPart >= job.parts;
    const status = finished ? ('completed' as const) : ('running' as const);
    await writeWithAudit(
      db,
      [
        db.update(
          imports,
          { status, failure: null, updatedAt: at, ...(finished ? { completedAt: at } : {}) },
          and(eq(imports.id, id), eq(imports.status, job.status))!,
        ),
      ],
      {
        actor: principal.userId,
        action: 'import.resume',
        entityType: 'import',
        entityId: id,
        changes: {
          before: { status: job.status, cursorPart: job.cursorPart, cursorRow: job.cursorRow },
          after: { status },
        },
        requestId: c.var.requestId,
        at,
      },
    );
    if (!finished) {
      await send(c.env, {
        tenantId: db.tenantId,
        importId: id,
        part: job.cursorPart,
        firstRow: job.cursorRow,
      });
    }
    return c.json(await detail(db, id), 202);
  });
