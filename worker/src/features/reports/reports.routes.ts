import { desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import {
  Report,
  ReportApproval,
  ReportCreate,
  ReportDownloadQuery,
  ReportIdParam,
  ReportList,
  ReportRejection,
} from '../../../../shared/api/reports';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { reports } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { checksums, prepareReport } from './prepare-report';
import { findPeriod, userNames } from './report-inputs';
import { readArtefact, SHA_HEADER } from './read-artefact';
import { artefactFilename, peopleOf, toReport } from './report-view';
import { assertDecidable, assertRevisable, assertSubmittable, type ReportRow } from './workflow';

const tags = ['reports'];
const idParam = { params: ReportIdParam };
const reportResponse = jsonContent(Report);

const createReportRoute = defineRoute('reports:prepare', {
  method: 'post',
  path: '/reports',
  tags,
  summary: 'Prepare a draft Scope 3 Category 1 report of a period',
  description:
    'Computes the report from every spend line dated in the period, renders it as JSON, CSV ' +
    "and PDF, and stores each artefact encrypted under the tenant's key. The response lists " +
    "each artefact's SHA-256. Pins the period, the tenant's rule version and the factor sets used.",
  request: jsonBody(ReportCreate),
  responses: { 201: reportResponse, ...problemResponses(400, 401, 403, 404, 409) },
});

const listRoute = defineRoute('reports:read', {
  method: 'get',
  path: '/reports',
  tags,
  summary: 'Reports of the tenant, newest first, with their status and checksums',
  responses: { 200: jsonContent(ReportList), ...problemResponses(401, 403) },
});

const getRoute = defineRoute('reports:read', {
  method: 'get',
  path: '/reports/{id}',
  tags,
  summary: 'One report: workflow, pinned inputs, totals and artefact checksums',
  request: idParam,
  responses: { 200: reportResponse, ...problemResponses(400, 401, 403, 404) },
});

const submitRoute = defineRoute('reports:prepare', {
  method: 'post',
  path: '/reports/{id}/submit',
  tags,
  summary: 'Submit a draft for approval',
  request: idParam,
  responses: { 200: reportResponse, ...problemResponses(400, 401, 403, 404, 409) },
});

const approveRoute = defineRoute('reports:approve', {
  method: 'post',
  path: '/reports/{id}/approve',
  tags,
  summary: 'Approve a submitted report (not one you prepared or submitted); it becomes immutable',
  request: { ...idParam, ...jsonBody(ReportApproval) },
  responses: { 200: reportResponse, ...problemResponses(400, 401, 403, 404, 409) },
});

const rejectRoute = defineRoute('reports:approve', {
  method: 'post',
  path: '/reports/{id}/reject',
  tags,
  summary: 'Reject a submitted report with a comment (not one you prepared or submitted)',
  request: { ...idParam, ...jsonBody(ReportRejection) },
  responses: { 200: reportResponse, ...problemResponses(400, 401, 403, 404, 409) },
});

const reviseRoute = defineRoute('reports:prepare', {
  method: 'post',
  path: '/reports/{id}/revise',
  tags,
  summary: 'Correct an approved or rejected report: a new draft version that references it',
  description:
    'The new version is computed from the period as it is now; the old version stays unchanged.',
  request: idParam,
  responses: { 201: reportResponse, ...problemResponses(400, 401, 403, 404, 409) },
});

const downloadRoute = defineRoute('reports:read', {
  method: 'get',
  path: '/reports/{id}/download',
  tags,
  summary: 'Download an artefact (json, csv or pdf), decrypted and checksum-verified',
  description:
    'The SHA-256 of the body is in X-Content-SHA256 and equals the checksum the report lists. ' +
    'A stored object that fails its integrity check is never returned (500 problem instead).',
  request: { ...idParam, query: ReportDownloadQuery },
  responses: {
    200: {
      description: 'The artefact',
      headers: {
        [SHA_HEADER]: { description: 'SHA-256 (hex) of the body', schema: { type: 'string' } },
      },
      content: {
        'application/json': { schema: { type: 'string', format: 'binary' } },
        'text/csv': { schema: { type: 'string', format: 'binary' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409, 500),
  },
});

async function findReport(db: TenantDb, id: string): Promise<ReportRow> {
  const report = await db.findOne(reports, eq(reports.id, id));
  if (!report) throw new AppError(ErrorCode.notFound, 'No such report.');
  return report;
}

async function successorOf(db: TenantDb, id: string): Promise<string | null> {
  const next = await db.findOne(reports, eq(reports.supersedesId, id));
  return next?.id ?? null;
}

async function respond(c: Context<AppEnv>, row: ReportRow) {
  const nameOf = await userNames(c.var.globalDb, peopleOf([row]));
  return toReport(row, nameOf, await successorOf(c.var.db, row.id));
}

type Step = { to: 'submitted' } | { to: 'approved' | 'rejected'; comment: string | null };

const VERB = { submitted: 'submit', approved: 'approve', rejected: 'reject' } as const;

/** The columns a step sets: who and when, and a decision's comment. */
function changeFor(step: Step, userId: string, at: Date): Partial<ReportRow> {
  return step.to === 'submitted'
    ? { status: step.to, submittedBy: userId, submittedAt: at }
    : { status: step.to, decidedBy: userId, decidedAt: at, decisionComment: step.comment };
}

/**
 * One workflow step: the row change and its audit entry in one batch. The approval's entry
 * names the checksums of exactly what was approved.
 */
async function transition(c: Context<AppEnv>, report: ReportRow, step: Step): Promise<ReportRow> {
  const { db, principal } = c.var;
  const at = now(c);
  const change = changeFor(step, principal.userId, at);
  const comment = step.to === 'submitted' ? null : step.comment;
  await writeWithAudit(db, [db.update(reports, change, eq(reports.id, report.id))], {
    actor: principal.userId,
    action: `report.${VERB[step.to]}`,
    entityType: 'report',
    entityId: report.id,
    changes: {
      before: { status: report.status },
      after: {
        status: step.to,
        ...(comment ? { comment } : {}),
        ...(step.to === 'approved' ? { sha256: checksums(report) } : {}),
      },
    },
    requestId: c.var.requestId,
    at,
  });
  return { ...report, ...change };
}

export const reportsRoutes = createRouter()
  .openapi(createReportRoute, async (c) => {
    const period = await findPeriod(c.var.db, c.req.valid('json').periodId);
    const row = await prepareReport(c.env, c.var.db, c.var.globalDb, {
      period,
      actor: c.var.principal.userId,
      requestId: c.var.requestId,
      at: now(c),
      supersedes: null,
    });
    return c.json(await respond(c, row), 201);
  })
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db.select(reports).orderBy(desc(reports.preparedAt));
    const nameOf = await userNames(c.var.globalDb, peopleOf(rows));
    const successors = new Map(
      rows.flatMap((r) => (r.supersedesId ? [[r.supersedesId, r.id] as const] : [])),
    );
    return c.json(
      { reports: rows.map((r) => toReport(r, nameOf, successors.get(r.id) ?? null)) },
      200,
    );
  })
  .openapi(getRoute, async (c) =>
    c.json(await respond(c, await findReport(c.var.db, c.req.valid('param').id)), 200),
  )
  .openapi(submitRoute, async (c) => {
    const report = await findReport(c.var.db, c.req.valid('param').id);
    assertSubmittable(report);
    return c.json(await respond(c, await transition(c, report, { to: 'submitted' })), 200);
  })
  .openapi(approveRoute, async (c) => {
    const report = await findReport(c.var.db, c.req.valid('param').id);
    assertDecidable(report, c.var.principal.userId);
    const step = { to: 'approved' as const, comment: c.req.valid('json').comment || null };
    return c.json(await respond(c, await transition(c, report, step)), 200);
  })
  .openapi(rejectRoute, async (c) => {
    const report = await findReport(c.var.db, c.req.valid('param').id);
    assertDecidable(report, c.var.principal.userId);
    const step = { to: 'rejected' as const, comment: c.req.valid('json').comment };
    return c.json(await respond(c, await transition(c, report, step)), 200);
  })
  .openapi(reviseRoute, async (c) => {
    const { db } = c.var;
    const report = await findReport(db, c.req.valid('param').id);
    assertRevisable(report, await successorOf(db, report.id));
    const row = await prepareReport(c.env, db, c.var.globalDb, {
      period: await findPeriod(db, report.periodId),
      actor: c.var.principal.userId,
      requestId: c.var.requestId,
      at: now(c),
      supersedes: report,
    });
    return c.json(await respond(c, row), 201);
  })
  .openapi(downloadRoute, async (c) => {
    const report = await findReport(c.var.db, c.req.valid('param').id);
    const { format } = c.req.valid('query');
    const artefact = await readArtefact(c.env, c.var.db, report, format);
    return c.body(new Uint8Array(artefact.bytes), 200, {
      'content-type': artefact.contentType,
      'content-disposition': `attachment; filename="${artefactFilename(report, format)}"`,
      'cache-control': 'no-store',
      [SHA_HEADER]: artefact.sha256,
    }) as never;
  });
