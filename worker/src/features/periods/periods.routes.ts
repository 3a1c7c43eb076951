import { asc, eq } from 'drizzle-orm';
import { Period, PeriodCreate, PeriodIdParam, PeriodList } from '../../../../shared/api/periods';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { periods } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';

type PeriodRow = typeof periods.$inferSelect;

const listRoute = defineRoute('dashboard:read', {
  method: 'get',
  path: '/periods',
  tags: ['periods'],
  summary: 'Reporting periods and whether they are signed off',
  responses: { 200: jsonContent(PeriodList), ...problemResponses(401, 403) },
});

const createPeriodRoute = defineRoute('periods:sign-off', {
  method: 'post',
  path: '/periods',
  tags: ['periods'],
  summary: 'Define a reporting period',
  request: jsonBody(PeriodCreate),
  responses: { 201: jsonContent(Period), ...problemResponses(400, 401, 403) },
});

const signOffRoute = defineRoute('periods:sign-off', {
  method: 'post',
  path: '/periods/{id}/sign-off',
  tags: ['periods'],
  summary: 'Sign a period off: from then on no spend line dated on or before its end may change',
  request: { params: PeriodIdParam },
  responses: { 200: jsonContent(Period), ...problemResponses(401, 403, 404, 409) },
});

const reopenRoute = defineRoute('settings:manage', {
  method: 'post',
  path: '/periods/{id}/reopen',
  tags: ['periods'],
  summary: 'Reopen a signed-off period (admin; audited)',
  request: { params: PeriodIdParam },
  responses: { 200: jsonContent(Period), ...problemResponses(401, 403, 404, 409) },
});

function toPeriod({ tenantId: _tenant, createdAt: _created, signedOffAt, ...row }: PeriodRow) {
  return { ...row, signedOffAt: signedOffAt?.toISOString() ?? null };
}

async function findPeriod(db: TenantDb, id: string): Promise<PeriodRow> {
  const period = await db.findOne(periods, eq(periods.id, id));
  if (!period) throw new AppError(ErrorCode.notFound, 'No such period.');
  return period;
}

export const periodsRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const rows = await c.var.db.select(periods).orderBy(asc(periods.startDate));
    return c.json({ periods: rows.map(toPeriod) }, 200);
  })
  .openapi(createPeriodRoute, async (c) => {
    const { db, principal } = c.var;
    const at = now(c);
    const row: PeriodRow = {
      id: `prd_${crypto.randomUUID()}`,
      tenantId: db.tenantId,
      ...c.req.valid('json'),
      status: 'open',
      signedOffBy: null,
      signedOffAt: null,
      createdAt: at,
    };
    const { tenantId: _tenant, ...values } = row;
    await writeWithAudit(db, [db.insert(periods, values)], {
      actor: principal.userId,
      action: 'period.create',
      entityType: 'period',
      entityId: row.id,
      changes: { after: { name: row.name, startDate: row.startDate, endDate: row.endDate } },
      requestId: c.var.requestId,
      at,
    });
    return c.json(toPeriod(row), 201);
  })
  .openapi(signOffRoute, async (c) => {
    const { db, principal } = c.var;
    const period = await findPeriod(db, c.req.valid('param').id);
    if (period.status === 'signed-off')
      throw new AppError(ErrorCode.conflict, 'The period is already signed off.');
    const at = now(c);
    const change = {
      status: 'signed-off' as const,
      signedOffBy: principal.userId,
      signedOffAt: at,
    };
    await writeWithAudit(db, [db.update(periods, change, eq(periods.id, period.id))], {
      actor: principal.userId,
      action: 'period.sign-off',
      entityType: 'period',
      entityId: period.id,
      changes: { before: { status: period.status }, after: { status: change.status } },
      requestId: c.var.requestId,
      at,
    });
    return c.json(toPeriod({ ...period, ...change }), 200);
  })
  .openapi(reopenRoute, async (c) => {
    const { db, principal } = c.var;
    const period = await findPeriod(db, c.req.valid('param').id);
    if (period.status === 'open') throw new AppError(ErrorCode.conflict, 'The period is open.');
    const change = { status: 'open' as const, signedOffBy: null, signedOffAt: null };
    await writeWithAudit(db, [db.update(periods, change, eq(periods.id, period.id))], {
      actor: principal.userId,
      action: 'period.reopen',
      entityType: 'period',
      entityId: period.id,
      changes: {
        before: { status: period.status, signedOffBy: period.signedOffBy },
        after: { status: 'open' },
      },
      requestId: c.var.requestId,
      at: now(c),
    });
    return c.json(toPeriod({ ...period, ...change }), 200);
  });
